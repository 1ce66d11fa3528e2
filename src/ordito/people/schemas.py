"""The shapes of people in the API: the person calling it, and their tokens."""

from datetime import datetime

from ninja import Field, Schema

from ordito.core.languages import LANGUAGE_CODES


class RoleHeld(Schema):
    plan: str = Field(description="The plan's slug.")
    role: str


class ActorRef(Schema):
    id: int
    name: str


class AffiliationOut(Schema):
    id: int
    actor: ActorRef
    position: str = Field(description="What the person does for the actor.")
    status: str = Field(description="requested, confirmed or declined.")


class CategoryHeld(Schema):
    plan: str = Field(description="The plan's slug.")
    key: str
    label: str = Field(description="The category's name in the language asked for.")


class Me(Schema):
    id: int
    display_name: str
    email: str
    language: str = Field(description=f"One of {', '.join(LANGUAGE_CODES)}.")
    roles: list[RoleHeld]
    affiliations: list[AffiliationOut] = Field(
        description="The person's requests to represent actors, whatever their status; the "
        "confirmed ones make them the actor's contacts."
    )
    categories: list[CategoryHeld] = Field(
        description="The categories of participants the person belongs to, plan by plan."
    )


class AffiliationIn(Schema):
    actor: int = Field(ge=1, description="The id of an actor taking part in a plan.")
    position: str = Field("", max_length=120, description="What the person does for the actor.")


class TokenIn(Schema):
    name: str = Field(min_length=1, max_length=80, description="What the token is for.")
    days: int = Field(90, ge=1, le=366, description="Days until it expires.")


class TokenCreated(Schema):
    id: int
    name: str
    token: str = Field(description="The token itself: shown this once, stored only as a hash.")
    expires_at: datetime


class TokenListed(Schema):
    id: int
    name: str
    prefix: str = Field(description="The token's first characters, to recognise it.")
    created_at: datetime
    expires_at: datetime

"""The person calling the API (`/me`) and their personal access tokens.

Each operation's id is the selector or service it calls.
"""

from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404
from ninja import Path, Router, Status

from ordito.api.errors import INVALID, NOT_FOUND, Error
from ordito.api.languages import localized
from ordito.api.parameters import ROW_ID_MAX
from ordito.people import selectors, services
from ordito.people.api_auth import AUTHENTICATED, SESSION_ONLY
from ordito.people.schemas import (
    AffiliationIn,
    AffiliationOut,
    Me,
    TokenCreated,
    TokenIn,
    TokenListed,
)
from ordito.plans.selectors import actors_taking_part

router = Router(tags=["people"])

UNAUTHENTICATED = {401: Error}
FORBIDDEN = {403: Error}


@router.get(
    "/me",
    auth=AUTHENTICATED,
    response={200: Me, **UNAUTHENTICATED, **INVALID},
    operation_id="person_get",
)
@localized
def person_get(request: HttpRequest) -> dict:
    """Who is calling: display name, e-mail, language, roles in plans, affiliations with actors,
    categories of participants (their names in the language asked for)."""
    user = request.auth
    person = services.person_ensure(user=user)
    return {
        "id": user.pk,
        "display_name": person.display_name,
        "email": user.email,
        "language": person.language,
        "roles": [
            {"plan": held.plan.slug, "role": held.role}
            for held in selectors.plan_roles_of(user=user)
        ],
        "affiliations": [
            affiliation_out(affiliation) for affiliation in selectors.affiliations_of(user=user)
        ],
        "categories": [
            {"plan": category.plan.slug, "key": category.key, "label": category.label}
            for category in selectors.categories_of(user=user)
        ],
    }


def affiliation_out(affiliation) -> dict:
    return {
        "id": affiliation.pk,
        "actor": {"id": affiliation.actor_id, "name": affiliation.actor.name},
        "position": affiliation.position,
        "status": affiliation.status,
    }


@router.post(
    "/me/affiliations",
    auth=AUTHENTICATED,
    response={
        201: AffiliationOut,
        **UNAUTHENTICATED,
        **FORBIDDEN,
        **NOT_FOUND,
        409: Error,
        **INVALID,
    },
    operation_id="affiliation_request",
)
@localized
def affiliation_request(request: HttpRequest, body: AffiliationIn):
    """Ask to represent an actor taking part in a plan (an unknown actor, or one taking part in
    none, is not found); asking again while a request waits or the affiliation holds is a 409,
    and a declined request may be asked again."""
    actor = get_object_or_404(actors_taking_part(), pk=body.actor)
    try:
        affiliation = services.affiliation_request(
            user=request.auth, actor=actor, position=body.position
        )
    except ValidationError as error:
        duplicate = [e for e in error.error_dict.get("actor", []) if e.code == "duplicate"]
        if duplicate:  # already asked, or already confirmed: done before
            return Status(409, {"detail": duplicate[0].messages[0]})
        raise
    return Status(201, affiliation_out(affiliation))


@router.get(
    "/me/tokens",
    auth=AUTHENTICATED,
    response={200: list[TokenListed], **UNAUTHENTICATED},
    operation_id="api_tokens_of",
)
def api_tokens_of(request: HttpRequest):
    """The caller's tokens that have not expired, the newest first (never the tokens themselves)."""
    return selectors.api_tokens_of(user=request.auth)


@router.post(
    "/me/tokens",
    auth=SESSION_ONLY,
    response={201: TokenCreated, **UNAUTHENTICATED, **FORBIDDEN, **INVALID},
    operation_id="api_token_create",
)
def api_token_create(request: HttpRequest, body: TokenIn):
    """A new token for the person logged in on the site (session and CSRF token required: a
    token cannot make tokens). The answer holds the token, which is never shown again."""
    token, text = services.api_token_create(user=request.auth, name=body.name, days=body.days)
    return Status(
        201, {"id": token.pk, "name": token.name, "token": text, "expires_at": token.expires_at}
    )


@router.delete(
    "/me/tokens/{token_id}",
    auth=AUTHENTICATED,
    response={204: None, **UNAUTHENTICATED, **FORBIDDEN, **NOT_FOUND, **INVALID},
    operation_id="api_token_revoke",
)
def api_token_revoke(request: HttpRequest, token_id: int = Path(..., ge=1, le=ROW_ID_MAX)):
    """Revoke one of the caller's tokens; another person's token is not found (404)."""
    get_object_or_404(selectors.api_tokens_of(user=request.auth), pk=token_id)
    services.api_token_revoke(user=request.auth, token_id=token_id)
    return HttpResponse(status=204)

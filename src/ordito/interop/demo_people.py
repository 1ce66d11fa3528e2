"""The demo's people: invented, flagged as examples, and each able to log in at once.

`ordito demo` prints every demo account with a new random password at each run: the admin
(`demo.demo_admin_reset`), then one person per role of the 2nd plan, two actors' contacts (each
with an affiliation to a real actor of the 2nd plan, confirmed by the plan's staff member) and
three citizens (each with their categories of participants in the 2nd plan). Their addresses end in `.invalid`, a top-level domain that can never deliver (RFC 2606,
section 2), and allauth counts them as confirmed, since login by e-mail requires a confirmed
address. Whoever holds a second factor (the admin, the plan's staff member) keeps the same TOTP
secret from one run to the next: it is printed so that it can be added to an authenticator app,
or its codes computed (`oathtool --totp -b SECRET`).

Running it again gives new passwords and changes nothing else: no new person, role, address,
authenticator, affiliation or notification.
"""

import secrets
from dataclasses import dataclass

from allauth.account.models import EmailAddress
from allauth.mfa.models import Authenticator
from allauth.mfa.totp.internal.auth import TOTP, generate_totp_secret
from allauth.mfa.utils import decrypt
from django.contrib.auth import get_user_model
from django.contrib.auth.models import AbstractBaseUser
from django.db import transaction

from ordito.actors.models import Actor
from ordito.actors.selectors import actors_by_key
from ordito.people.models import Affiliation
from ordito.people.roles import ANALYST, MODERATOR, STAFF
from ordito.people.selectors import affiliations_of, categories_of_plan
from ordito.people.services import (
    affiliation_decide,
    affiliation_request,
    person_ensure,
    person_example_set,
    person_update,
    plan_role_grant,
)
from ordito.plans.models import Plan
from ordito.plans.selectors import plan_get, plans_of_actor
from ordito.territory.selectors import municipalities_by_code

DEMO_PLAN = "torino-2006"
EXAMPLE_DOMAIN = "esempio.ordito.invalid"
ACTOR_CONTACT = "actor contact"
CITIZEN = "citizen"


@dataclass(frozen=True, slots=True)
class DemoPerson:
    """An invented person. `role` is a plan role (people/roles.py) held in DEMO_PLAN, or
    ACTOR_CONTACT or CITIZEN, who hold none."""

    role: str
    display_name: str
    language: str
    municipality: str | None = None  # ISTAT code
    actor: str | None = None  # the key of the actor they speak for (demo/torino.yaml)
    position: str = ""  # what they do for the actor (invented)
    categories: tuple[str, ...] = ()  # keys of their categories of participants in DEMO_PLAN
    has_totp: bool = False

    @property
    def email(self) -> str:
        return f"{self.display_name.lower().replace(' ', '.')}@{EXAMPLE_DOMAIN}"


DEMO_PEOPLE = (
    DemoPerson(STAFF, "Chiara Gallo", "it", has_totp=True),
    DemoPerson(MODERATOR, "Paolo Ferrero", "it"),
    DemoPerson(ANALYST, "Thomas Reid", "en"),
    DemoPerson(ACTOR_CONTACT, "Luca Bianchi", "it", actor="gtt", position="Responsabile progetti"),
    DemoPerson(
        ACTOR_CONTACT,
        "Silvia Marino",
        "it",
        actor="politecnico-torino",
        position="Ufficio relazioni con il territorio",
    ),
    DemoPerson(
        CITIZEN,
        "Anna Rossi",
        "it",
        municipality="001272",  # Torino
        categories=("resident",),
    ),
    DemoPerson(
        CITIZEN,
        "Davide Conti",
        "it",
        municipality="001156",  # Moncalieri
        categories=("resident", "business"),
    ),
    DemoPerson(
        CITIZEN,
        "Laura Hughes",
        "en",
        municipality="001078",  # Chieri
        categories=("student",),
    ),
)


@dataclass(frozen=True, slots=True)
class DemoLogin:
    """What `ordito demo` prints of one account: enough to log in as them."""

    role: str
    display_name: str
    language: str
    email: str
    password: str
    totp_secret: str = ""
    note: str = ""


def account_reset(*, email: str, username: str | None = None) -> tuple[AbstractBaseUser, str]:
    """The account with `email` (or `username`, when given), created if missing, with that
    address confirmed and primary, and a new random password; return it and the password."""
    users = get_user_model()._default_manager
    lookup = {"username": username} if username else {"email__iexact": email}
    user = users.filter(**lookup).first()
    if user is None:
        user = users.create_user(username=username or email, email=email)
    password = secrets.token_urlsafe(12)
    user.set_password(password)
    user.save(update_fields=["password"])
    # allauth's own calls: an address for the account, confirmed, primary (it also sets user.email).
    address = EmailAddress.objects.add_email(None, user, email, confirm=False)
    address.set_verified()
    if not address.primary:
        address.set_as_primary()
    return user, password


def totp_secret_ensure(*, user: AbstractBaseUser) -> str:
    """The secret of `user`'s authenticator app (TOTP), set up through allauth if they have none.

    An existing one is kept, so the secret an authenticator app already holds keeps working.
    """
    existing = Authenticator.objects.filter(user=user, type=Authenticator.Type.TOTP).first()
    if existing is not None:
        return decrypt(existing.data["secret"])
    secret = generate_totp_secret()
    TOTP.activate(user, secret)
    return secret


@transaction.atomic
def demo_people_reset(*, by: AbstractBaseUser | None = None) -> list[DemoLogin]:
    """Create or update DEMO_PEOPLE, with their roles in DEMO_PLAN (granted `by`), and give each a
    new password; return their logins in DEMO_PEOPLE's order. Load the demo (`demo_load`) first."""
    plan = plan_get(slug=DEMO_PLAN)
    places = municipalities_by_code([p.municipality for p in DEMO_PEOPLE if p.municipality])
    actors = actors_by_key([p.actor for p in DEMO_PEOPLE if p.actor])
    categories = {category.key: category for category in categories_of_plan(plan=plan)}
    logins = []
    staff = None  # who confirms the contacts' affiliations: the plan's staff member, made first
    for demo in DEMO_PEOPLE:
        user, password = account_reset(email=demo.email)
        place = places[demo.municipality] if demo.municipality else None
        person = person_update(
            person=person_ensure(user=user),
            values={
                "display_name": demo.display_name,
                "language": demo.language,
                "municipality": place,
            },
            by=by,
        )
        person_example_set(person=person, is_example=True, by=by)
        if demo.role not in (ACTOR_CONTACT, CITIZEN):
            plan_role_grant(plan=plan, user=user, role=demo.role, by=by)
        if demo.role == STAFF:
            staff = user
        if demo.categories:
            chosen = [categories[key] for key in demo.categories]
            person_update(person=person, values={"categories": chosen}, by=by)
        if demo.actor:
            actor = actors[demo.actor]
            affiliation_confirmed_ensure(
                user=user, actor=actor, position=demo.position, plan=plan, by=staff or by
            )
            note = f"represents {actor.name} (confirmed)"
        else:
            note = f"lives in {place.name}" if place else ""
            if demo.categories:
                note += "; " + ", ".join(categories[key].label_en for key in demo.categories)
        logins.append(
            DemoLogin(
                role=demo.role,
                display_name=demo.display_name,
                language=demo.language,
                email=demo.email,
                password=password,
                totp_secret=totp_secret_ensure(user=user) if demo.has_totp else "",
                note=note,
            )
        )
    return logins


def affiliation_confirmed_ensure(
    *, user: AbstractBaseUser, actor: Actor, position: str, plan: Plan, by: AbstractBaseUser | None
) -> Affiliation:
    """`user`'s affiliation with `actor`, asked for and confirmed (`by`) unless it already is.

    `actor` must take part in `plan` (the demo's data says so); a demo whose data stopped saying
    it fails here rather than print a contact nobody could have confirmed.
    """
    if not plans_of_actor(actor=actor).filter(pk=plan.pk).exists():
        raise ValueError(f"The demo actor {actor.key!r} takes no part in {plan.slug!r}.")
    existing = affiliations_of(user=user).filter(actor=actor).first()
    if existing is not None and existing.status == Affiliation.Status.CONFIRMED:
        return existing
    if existing is None or existing.status == Affiliation.Status.DECLINED:
        existing = affiliation_request(user=user, actor=actor, position=position)
    return affiliation_decide(affiliation=existing, confirm=True, reason="", by=by)

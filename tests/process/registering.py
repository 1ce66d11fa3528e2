"""What the registration, calendar and API tests share: a plan with its staff, people, and
meetings whose registration window is open now.

Imported by the test modules (not a conftest, to stay apart from the process's other tests).
"""

import datetime

import pytest
from allauth.mfa.totp.internal.auth import TOTP, generate_totp_secret
from django.test import Client
from django.utils import timezone

from ordito.people import services as people_services
from ordito.people.models import Category, PlanRole
from ordito.people.roles import STAFF
from ordito.process.models import Meeting
from tests.people.factories import PersonFactory
from tests.plans.factories import PlanFactory
from tests.process.factories import MeetingFactory


def person(name: str, *, language: str = "it"):
    """An account with a profile, a name others see and an e-mail address (and no password,
    which would cost a PBKDF2 hash each: tests log people in with force_login)."""
    return PersonFactory(display_name=name, language=language, user__password=None).user


def token_for(user) -> str:
    _token, text = people_services.api_token_create(user=user, name="test", days=30)
    return text


def bearer(text: str) -> dict[str, str]:
    return {"HTTP_AUTHORIZATION": f"Bearer {text}"}


def csrf_client(user) -> tuple[Client, str]:
    """A logged-in session that enforces CSRF, with the token a page of the site gave it."""
    client = Client(enforce_csrf_checks=True)
    client.force_login(user)
    assert client.get("/me/").status_code == 200
    return client, client.cookies["csrftoken"].value


def open_meeting(plan, **values) -> Meeting:
    """A meeting in a month, whose registration opened yesterday and closes in a week."""
    now = timezone.now().replace(second=0, microsecond=0)  # .ics times have whole seconds
    defaults = {
        "plan": plan,
        "kind": Meeting.Kind.CONFERENCE,
        "title_it": "Una trasformazione in atto",
        "title_en": "A transformation under way",
        "starts_at": now + datetime.timedelta(days=30),
        "registration_opens_at": now - datetime.timedelta(days=1),
        "registration_closes_at": now + datetime.timedelta(days=7),
        "capacity": 2,
    }
    defaults.update(values)
    if "ends_at" not in defaults:
        defaults["ends_at"] = defaults["starts_at"] + datetime.timedelta(hours=4)
    return MeetingFactory(**defaults)


@pytest.fixture
def plan(db):
    return PlanFactory(slug="torino-2006", title_it="Secondo piano strategico")


@pytest.fixture
def staff(plan):
    user = person("Sara Staff")
    PlanRole.objects.create(user=user, plan=plan, role=STAFF)
    TOTP.activate(user, generate_totp_secret())  # staff pages ask for a second factor
    return user


@pytest.fixture
def conference(plan) -> Meeting:
    """A conference of two places, open for registration."""
    return open_meeting(plan)


@pytest.fixture
def schools(plan) -> Category:
    """Schools, one of the categories every plan starts with (people/categories.py)."""
    category = Category.objects.get(plan=plan, key="school")
    category.label_it = category.label_en = "Scuole"
    category.save()
    return category

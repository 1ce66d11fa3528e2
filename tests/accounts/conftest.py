"""Fixtures for the accounts tests: an empty cache (allauth counts rate limits there), people."""

import pytest
from allauth.account.models import EmailAddress
from django.contrib.auth import get_user_model
from django.core.cache import cache
from django.utils import translation

PASSWORD = "a-long-and-unusual-passphrase-42"


@pytest.fixture(autouse=True)
def _cache_emptied():
    """Start every test with no rate-limit counter left by another."""
    cache.clear()
    yield
    cache.clear()


@pytest.fixture(autouse=True)
def _language_reset():
    yield
    translation.deactivate()


def make_person(email: str, *, staff: bool = False, superuser: bool = False, verified=True):
    """A person with a confirmed (or not) e-mail address and the password PASSWORD."""
    user = get_user_model().objects.create_user(
        username=email.split("@")[0],
        email=email,
        password=PASSWORD,
        is_staff=staff or superuser,
        is_superuser=superuser,
    )
    EmailAddress.objects.create(user=user, email=email, primary=True, verified=verified)
    return user


@pytest.fixture
def person(db):
    return make_person("anna@example.org")


@pytest.fixture
def superuser(db):
    return make_person("boss@example.org", superuser=True)

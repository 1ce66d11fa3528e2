"""Reads about a person's account that other apps share."""

from allauth.mfa.models import Authenticator
from django.contrib.auth.models import AbstractBaseUser, AnonymousUser

from ordito.people.roles import STAFF
from ordito.people.selectors import holds_role_anywhere


def has_second_factor(user: AbstractBaseUser | AnonymousUser) -> bool:
    """Whether `user` has an authenticator app (TOTP) set up, so that logging in asks for its code.

    Recovery codes alone do not count: allauth creates them beside an authenticator, as a way
    back in when the phone is lost, not as a factor of their own. One query.
    """
    if not user.is_authenticated:
        return False
    return Authenticator.objects.filter(user=user, type=Authenticator.Type.TOTP).exists()


def needs_second_factor(user: AbstractBaseUser | AnonymousUser) -> bool:
    """Whether `user` must use a second factor: staff, superusers and the staff of a plan must
    (a query only for the last)."""
    if not user.is_authenticated:
        return False
    return user.is_staff or user.is_superuser or holds_role_anywhere(user=user, role=STAFF)

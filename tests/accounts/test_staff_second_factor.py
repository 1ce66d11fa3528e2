"""Staff must use a second factor: a staff member or superuser without an authenticator app is
sent to set one up before any staff page; with one, logging in asks for its code."""

import re

import pytest
from allauth.mfa.models import Authenticator
from allauth.mfa.recovery_codes.internal.auth import RecoveryCodes
from allauth.mfa.totp.internal.auth import TOTP, generate_totp_secret
from django.test import override_settings
from django.urls import resolve
from django.utils import translation

from ordito.accounts.selectors import has_second_factor
from ordito.accounts.staff import is_staff_page, staff_page
from ordito.core.languages import DEFAULT_LANGUAGE
from tests.accounts.conftest import PASSWORD, make_person
from tests.accounts.totp import totp_code

SET_UP = "/accounts/2fa/totp/activate/"


def login(client, email, prefix=""):
    return client.post(f"{prefix}/accounts/login/", {"login": email, "password": PASSWORD})


def sent_to_login(client, address) -> bool:
    """Whether `address` sends the client to allauth's login, or to its pending second step."""
    response = client.get(address, follow=True)
    return (
        response.redirect_chain[-1][0].startswith(
            ("/accounts/login/", "/accounts/2fa/authenticate/")
        )
        and "/admin/" not in response.request["PATH_INFO"]
    )


def with_totp(user) -> str:
    secret = generate_totp_secret()
    TOTP.activate(user, secret)
    return secret


@pytest.mark.parametrize("address", ["/admin/", "/admin/auth/user/", "/en/admin/"])
def test_superuser_without_totp_is_sent_to_set_it_up(client, superuser, address):
    login(client, "boss@example.org")
    response = client.get(address)
    assert response.status_code == 302
    prefix = "/en" if address.startswith("/en/") else ""
    assert response["Location"] == f"{prefix}{SET_UP}"


def test_staff_member_without_totp_is_sent_to_set_it_up(client, db):
    make_person("staff@example.org", staff=True)
    login(client, "staff@example.org")
    assert client.get("/admin/")["Location"] == SET_UP


def test_recovery_codes_alone_are_not_a_second_factor(client, superuser):
    RecoveryCodes.activate(superuser)
    login(client, "boss@example.org")
    assert client.get("/admin/")["Location"] == SET_UP


def test_superuser_without_totp_still_reads_the_public_pages(client, superuser):
    login(client, "boss@example.org")
    assert client.get("/").status_code == 200
    assert client.get("/accounts/email/").status_code == 200


def test_person_without_staff_rights_is_not_asked_for_totp(client, person):
    login(client, "anna@example.org")
    response = client.get("/admin/")
    assert response.status_code in {302, 403}
    assert SET_UP not in response.get("Location", "")


def test_superuser_sets_up_totp_then_reaches_the_admin(client, superuser):
    login(client, "boss@example.org", prefix="/en")
    page = client.get(client.get("/en/admin/")["Location"])
    # allauth asks for the password again before changing a second factor.
    assert page.status_code == 302
    assert page["Location"].startswith("/en/accounts/reauthenticate/")
    page = client.post(page["Location"], {"password": PASSWORD}, follow=True)
    assert page.redirect_chain[-1][0] == "/en" + SET_UP
    html = page.content.decode()
    assert html.count("<h1") == 1
    secret = re.search(r'id="authenticator_secret" value="([A-Z2-7]+)"', html)[1]
    wrong = client.post(
        "/en" + SET_UP, {"code": "000000" if totp_code(secret) != "000000" else "1"}
    )
    assert wrong.status_code == 200
    assert 'aria-describedby="id_code_error"' in wrong.content.decode()
    assert not has_second_factor(superuser)
    response = client.post("/en" + SET_UP, {"code": totp_code(secret)})
    assert response.status_code == 302
    assert has_second_factor(superuser)
    assert client.get("/en/admin/").status_code == 200


def test_superuser_with_totp_reaches_the_admin_after_the_code(client, superuser):
    secret = with_totp(superuser)
    response = login(client, "boss@example.org")
    assert response["Location"] == "/accounts/2fa/authenticate/"
    assert "_auth_user_id" not in client.session  # not logged in on the password alone
    assert sent_to_login(client, "/admin/")
    response = client.post("/accounts/2fa/authenticate/", {"code": totp_code(secret)})
    assert response.status_code == 302, response.content.decode()
    assert client.get("/admin/").status_code == 200


@pytest.mark.parametrize("code", ["", "000000x", "12345", "1" * 200, "<script>", "' OR 1=1 --"])
def test_a_wrong_code_does_not_log_in(client, superuser, code):
    secret = with_totp(superuser)
    login(client, "boss@example.org")
    if code == totp_code(secret):
        code = "999999"
    response = client.post("/accounts/2fa/authenticate/", {"code": code})
    assert response.status_code == 200
    assert "<script>" not in response.content.decode().split("<main", 1)[1]
    assert "_auth_user_id" not in client.session
    assert sent_to_login(client, "/admin/")


def test_admin_login_form_is_allauths(client, db):
    """The admin's own form would log staff in on the password alone."""
    response = client.get("/admin/login/?next=/admin/")
    assert response.status_code == 302
    assert response["Location"] == "/accounts/login/?next=%2Fadmin%2F"
    page = client.get(response["Location"])
    assert '<html lang="it"' in page.content.decode()


def test_admin_login_post_with_a_password_logs_nobody_in(client, superuser):
    with_totp(superuser)
    client.post("/admin/login/", {"username": "boss", "password": PASSWORD})
    assert "_auth_user_id" not in client.session


@override_settings(ACCOUNTS_STAFF_URL_NAMES=["admin:*", "plans:actor_list"])
def test_a_page_named_in_the_setting_is_a_staff_page(client, superuser):
    login(client, "boss@example.org")
    assert client.get("/actors/")["Location"] == SET_UP
    assert client.get("/").status_code == 200


def test_staff_page_decorator_marks_a_view():
    # "/" is the Italian home page; a language left active by an earlier test must not move it.
    with translation.override(DEFAULT_LANGUAGE):
        match = resolve("/")
    assert not is_staff_page(match, match.func)
    assert is_staff_page(match, staff_page(lambda request: None))


def test_has_second_factor(db, superuser, person):
    from django.contrib.auth.models import AnonymousUser

    assert not has_second_factor(AnonymousUser())
    assert not has_second_factor(superuser)
    RecoveryCodes.activate(superuser)
    assert not has_second_factor(superuser)
    with_totp(superuser)
    assert has_second_factor(superuser)
    assert not has_second_factor(person)
    assert Authenticator.objects.filter(user=person).count() == 0


def test_has_second_factor_costs_one_query(db, superuser, django_assert_num_queries):
    with django_assert_num_queries(1):
        has_second_factor(superuser)

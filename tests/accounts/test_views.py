"""allauth's pages at their usual addresses, under the language prefix, in the site's look:
sign-up with a confirmed address, login by e-mail, logout, passwords, e-mail change, the notices,
and what bad and hostile input gets (unknown addresses, foreign `next`, no CSRF token)."""

import re

import pytest
from allauth.account.models import EmailAddress
from django.contrib.auth import get_user_model
from django.test import Client

from tests.accounts.conftest import PASSWORD, make_person
from tests.web.conftest import page_text

User = get_user_model()
NEW_PASSWORD = "another-quite-unusual-passphrase-77"


def signup(client, email, prefix=""):
    return client.post(
        f"{prefix}/accounts/signup/",
        {"email": email, "password1": PASSWORD, "password2": PASSWORD},
    )


def login(client, email, password=PASSWORD, prefix="", **extra):
    return client.post(f"{prefix}/accounts/login/", {"login": email, "password": password, **extra})


def link_in(message) -> str:
    """The one address of this site in an e-mail's text, as a path."""
    (url,) = re.findall(r"https?://testserver(/\S+)", message.body)
    return url


def html_part(message) -> str:
    ((html, mimetype),) = message.alternatives
    assert mimetype == "text/html"
    return html


@pytest.mark.parametrize(
    "address",
    [
        "/accounts/signup/",
        "/accounts/login/",
        "/accounts/password/reset/",
        "/en/accounts/signup/",
        "/en/accounts/login/",
        "/en/accounts/password/reset/",
    ],
)
def test_entrance_pages_in_the_site_layout_with_one_h1_and_labels(client, db, address):
    response = client.get(address)
    assert response.status_code == 200
    html = response.content.decode()
    assert f'<html lang="{"en" if address.startswith("/en/") else "it"}"' in html
    assert html.count("<h1") == 1
    assert 'class="it-header-wrapper"' in html  # web/base.html's header
    assert " style=" not in html and "<script>" not in html
    # Every input that is not hidden has its <label for=...>.
    for input_id in re.findall(r'<input (?![^>]*type="hidden")[^>]*id="([^"]+)"', html):
        assert f'<label for="{input_id}"' in html, input_id
    assert "username" not in html  # nobody is asked for a username


def test_signup_asks_for_confirmation_and_sends_a_multipart_mail(client, db, mailoutbox):
    response = signup(client, "new@example.org")
    assert response.status_code == 302
    assert response["Location"] == "/accounts/confirm-email/"
    user = User.objects.get(email="new@example.org")
    assert user.username  # allauth made one up
    assert not EmailAddress.objects.get(user=user).verified
    assert "_auth_user_id" not in client.session  # not logged in before confirming
    (message,) = mailoutbox
    assert message.to == ["new@example.org"]
    assert "Conferma" in message.subject or "conferma" in message.subject
    assert link_in(message).startswith("/accounts/confirm-email/")
    assert f'href="http://testserver{link_in(message)}"' in html_part(message)


def test_login_before_confirmation_is_refused(client, db, mailoutbox):
    signup(client, "new@example.org")
    client.logout()
    response = login(client, "new@example.org")
    assert response.status_code == 302
    assert response["Location"] == "/accounts/confirm-email/"
    assert "_auth_user_id" not in client.session


def test_english_signup_mails_an_english_link_that_confirms_the_address(client, db, mailoutbox):
    signup(client, "new@example.org", prefix="/en")
    (message,) = mailoutbox
    assert "Confirm" in message.subject
    link = link_in(message)
    assert link.startswith("/en/accounts/confirm-email/")
    page = client.get(link)
    assert page.status_code == 200
    assert "new@example.org" in page_text(page)
    confirmed = client.post(link)
    assert confirmed.status_code == 302
    assert EmailAddress.objects.get(email="new@example.org").verified
    client.logout()
    response = login(client, "new@example.org", prefix="/en")
    assert response.status_code == 302
    assert response["Location"] == "/en/"
    assert client.session["_auth_user_id"] == str(User.objects.get(email="new@example.org").pk)


@pytest.mark.parametrize("key", ["nonsense", "x" * 500, "%3Cscript%3E", "Ma:1:2:3"])
def test_confirmation_with_a_bad_key_confirms_nothing(client, person, key):
    EmailAddress.objects.filter(user=person).update(verified=False)
    page = client.get(f"/en/accounts/confirm-email/{key}/")
    assert page.status_code in {200, 404}
    assert client.post(f"/en/accounts/confirm-email/{key}/").status_code in {200, 404}
    assert not EmailAddress.objects.get(user=person).verified


def test_login_by_email_then_logout(client, person):
    response = login(client, "ANNA@example.org", prefix="/en")  # whatever the case
    assert response.status_code == 302
    assert client.session["_auth_user_id"] == str(person.pk)
    home = client.get("/en/")
    assert "Log out" in page_text(home)  # the header's menu
    response = client.post("/en/accounts/logout/")
    assert response.status_code == 302
    assert "_auth_user_id" not in client.session
    assert "You have signed out." in page_text(client.get("/en/"))


def test_header_offers_log_in_and_sign_up_to_strangers(client, db):
    text = page_text(client.get("/en/"))
    assert "Log in" in text and "Sign up" in text and "Log out" not in text
    text = page_text(client.get("/"))
    assert "Accedi" in text and "Registrati" in text and "Esci" not in text


def test_account_pages_speak_italian(client, person):
    login(client, "anna@example.org")
    text = page_text(client.get("/accounts/email/"))
    assert "La mia area" in text and "Autenticazione a due fattori" in text
    assert "Email attuale" in text and "Esci" in text
    client.logout()
    assert "Registrati" in page_text(client.get("/accounts/signup/"))


# No enumeration: the answers differ only by the address typed in.


def without(address: str, response) -> str:
    return page_text(response).replace(address, "ADDRESS")


def test_signup_with_a_known_address_answers_as_with_a_new_one(client, person, mailoutbox):
    known = signup(Client(), "anna@example.org", prefix="/en")
    new = signup(Client(), "nobody@example.org", prefix="/en")
    assert known.status_code == new.status_code == 302
    assert known["Location"] == new["Location"]
    assert without("anna@example.org", Client().get(known["Location"])) == without(
        "nobody@example.org", Client().get(new["Location"])
    )
    # The owner of the known address is told someone tried; no second account exists.
    assert [m.to for m in mailoutbox] == [["anna@example.org"], ["nobody@example.org"]]
    assert User.objects.filter(email__iexact="anna@example.org").count() == 1


def test_login_with_an_unknown_address_answers_as_with_a_wrong_password(client, person, mailoutbox):
    unknown = login(Client(), "nobody@example.org", prefix="/en")
    wrong = login(Client(), "anna@example.org", "wrong-password", prefix="/en")
    assert unknown.status_code == wrong.status_code == 200
    assert without("nobody@example.org", unknown) == without("anna@example.org", wrong)
    assert "The email address and/or password you specified are not correct." in page_text(wrong)
    assert mailoutbox == []


def test_reset_with_an_unknown_address_answers_as_with_a_known_one(client, person, mailoutbox):
    known = Client().post("/en/accounts/password/reset/", {"email": "anna@example.org"})
    unknown = Client().post("/en/accounts/password/reset/", {"email": "nobody@example.org"})
    assert known.status_code == unknown.status_code == 302
    assert known["Location"] == unknown["Location"]
    # Each address typed in gets one mail: the link to its owner, the notice to the stranger that
    # someone asked (allauth's ACCOUNT_EMAIL_UNKNOWN_ACCOUNTS); nobody else is written to.
    assert [m.to for m in mailoutbox] == [["anna@example.org"], ["nobody@example.org"]]
    assert "/en/accounts/password/reset/key/" in mailoutbox[0].body
    assert "/accounts/password/reset/key/" not in mailoutbox[1].body


def test_password_reset_from_the_mailed_link_sets_a_new_password(client, person, mailoutbox):
    client.post("/en/accounts/password/reset/", {"email": "anna@example.org"})
    link = link_in(mailoutbox[0])
    form = client.get(link, follow=True)
    assert form.status_code == 200
    response = client.post(
        form.redirect_chain[-1][0] if form.redirect_chain else link,
        {"password1": NEW_PASSWORD, "password2": NEW_PASSWORD},
    )
    assert response.status_code == 302
    person.refresh_from_db()
    assert person.check_password(NEW_PASSWORD)
    # The notice that the password changed, to the person, in English as the request was.
    assert "Password" in mailoutbox[-1].subject or "password" in mailoutbox[-1].subject


def test_failed_logins_are_slowed_down_even_with_the_right_password(client, person):
    for _ in range(5):
        login(client, "anna@example.org", "wrong-password", prefix="/en")
    response = login(client, "anna@example.org", prefix="/en")
    assert response.status_code in {200, 429}
    assert "Too many failed login attempts" in page_text(response)
    assert "_auth_user_id" not in client.session


# Notices: a changed password or e-mail address is told to the person, text and HTML.


def test_password_change_sends_a_multipart_notice_in_the_person_language(
    client, person, mailoutbox
):
    login(client, "anna@example.org", prefix="/en")
    response = client.post(
        "/en/accounts/password/change/",
        {"oldpassword": PASSWORD, "password1": NEW_PASSWORD, "password2": NEW_PASSWORD},
    )
    assert response.status_code == 302
    person.refresh_from_db()
    assert person.check_password(NEW_PASSWORD)
    (notice,) = mailoutbox
    assert notice.to == ["anna@example.org"]
    assert "Password Changed" in notice.subject
    assert "Your password has been changed" in notice.body
    html = html_part(notice)
    assert '<html lang="en">' in html and "Your password has been changed" in html


def test_password_change_notice_is_italian_on_italian_pages(client, person, mailoutbox):
    login(client, "anna@example.org")
    client.post(
        "/accounts/password/change/",
        {"oldpassword": PASSWORD, "password1": NEW_PASSWORD, "password2": NEW_PASSWORD},
    )
    (notice,) = mailoutbox
    assert '<html lang="it">' in html_part(notice)
    assert "password" in notice.body.lower() and "Your password" not in notice.body


def test_password_change_with_a_wrong_old_password_changes_nothing(client, person, mailoutbox):
    login(client, "anna@example.org", prefix="/en")
    response = client.post(
        "/en/accounts/password/change/",
        {"oldpassword": "not-it", "password1": NEW_PASSWORD, "password2": NEW_PASSWORD},
    )
    assert response.status_code == 200
    html = response.content.decode()
    assert re.search(r'aria-describedby="[^"]*\bid_oldpassword_error\b', html)
    assert 'id="id_oldpassword_error"' in html
    person.refresh_from_db()
    assert person.check_password(PASSWORD)
    assert mailoutbox == []


def test_email_change_is_confirmed_then_noticed_to_the_old_address(client, person, mailoutbox):
    login(client, "anna@example.org", prefix="/en")
    response = client.post("/en/accounts/email/", {"action_add": "", "email": "anna@new.example"})
    assert response.status_code == 302
    (confirmation,) = mailoutbox
    assert confirmation.to == ["anna@new.example"]
    person.refresh_from_db()
    assert person.email == "anna@example.org"  # until the new address is confirmed
    client.post(link_in(confirmation))
    person.refresh_from_db()
    assert person.email == "anna@new.example"
    assert list(EmailAddress.objects.filter(user=person).values_list("email", flat=True)) == [
        "anna@new.example"
    ]
    notice = mailoutbox[-1]
    assert notice.to == ["anna@example.org"]
    assert "anna@new.example" in notice.body and "anna@new.example" in html_part(notice)


@pytest.mark.parametrize(
    ("email", "message"),
    [
        ("", "This field is required."),
        ("not-an-address", "Enter a valid email address."),
        ("a" * 250 + "@example.org", "Ensure this value has at most 254 characters"),
        ('"><script>alert(1)</script>@example.org', "Enter a valid email address."),
    ],
)
def test_signup_refuses_bad_addresses_with_a_message_on_the_field(client, db, email, message):
    response = signup(client, email, prefix="/en")
    assert response.status_code == 200
    html = response.content.decode()
    assert message in page_text(response)
    assert re.search(r'aria-describedby="[^"]*\bid_email_error\b', html)
    assert 'id="id_email_error"' in html
    assert "<script>alert(1)" not in html
    assert User.objects.count() == 0


@pytest.mark.parametrize(
    ("password", "message"),
    [("", "This field is required."), ("1234", "This password is too short.")],
)
def test_signup_refuses_weak_passwords(client, db, password, message, mailoutbox):
    response = client.post(
        "/en/accounts/signup/",
        {"email": "new@example.org", "password1": password, "password2": password},
    )
    assert response.status_code == 200
    assert message in page_text(response)
    assert User.objects.count() == 0 and mailoutbox == []


# `next` never leads to another site.

FOREIGN = ["https://evil.example/", "//evil.example", "/\\evil.example", "http:evil.example"]


@pytest.mark.parametrize("target", FOREIGN)
def test_login_never_redirects_to_another_site(client, person, target):
    response = login(client, "anna@example.org", next=target)
    assert response.status_code == 302
    assert response["Location"] == "/"
    assert client.session["_auth_user_id"] == str(person.pk)


@pytest.mark.parametrize("target", FOREIGN)
def test_logout_never_redirects_to_another_site(client, person, target):
    client.force_login(person)
    response = client.post("/accounts/logout/", {"next": target})
    assert response.status_code == 302
    assert "evil.example" not in response["Location"]


def test_login_follows_a_next_on_this_site(client, person):
    response = login(client, "anna@example.org", next="/en/actors/")
    assert response["Location"] == "/en/actors/"


# CSRF: a POST without the token is refused and changes nothing.


@pytest.mark.parametrize(
    ("address", "data", "logged_in"),
    [
        (
            "/accounts/signup/",
            {"email": "x@example.org", "password1": PASSWORD, "password2": PASSWORD},
            False,
        ),
        ("/accounts/login/", {"login": "anna@example.org", "password": PASSWORD}, False),
        ("/accounts/password/reset/", {"email": "anna@example.org"}, False),
        (
            "/accounts/password/change/",
            {"oldpassword": PASSWORD, "password1": NEW_PASSWORD, "password2": NEW_PASSWORD},
            True,
        ),
        ("/accounts/email/", {"action_add": "", "email": "x@example.org"}, True),
        ("/accounts/logout/", {}, True),
        ("/accounts/2fa/totp/activate/", {"code": "123456"}, True),
    ],
)
def test_posts_without_a_csrf_token_are_refused(person, mailoutbox, address, data, logged_in):
    client = Client(enforce_csrf_checks=True)
    if logged_in:
        client.force_login(person)
    users, addresses = User.objects.count(), EmailAddress.objects.count()
    response = client.post(address, data)
    assert response.status_code == 403
    assert (User.objects.count(), EmailAddress.objects.count()) == (users, addresses)
    assert mailoutbox == []
    person.refresh_from_db()
    assert person.check_password(PASSWORD)
    assert ("_auth_user_id" in client.session) == logged_in


def test_a_post_with_the_csrf_token_is_accepted(person):
    client = Client(enforce_csrf_checks=True)
    page = client.get("/accounts/login/")
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page.content.decode())[1]
    response = client.post(
        "/accounts/login/",
        {"login": "anna@example.org", "password": PASSWORD, "csrfmiddlewaretoken": token},
    )
    assert response.status_code == 302


def test_sessions_live_in_the_database(client, person):
    from django.contrib.sessions.models import Session

    login(client, "anna@example.org")
    key = client.cookies["sessionid"].value
    # A second process would find it there: a new client with the same cookie is logged in.
    assert Session.objects.filter(session_key=key).exists()
    other = Client()
    other.cookies["sessionid"] = key
    assert "Log out" in page_text(other.get("/en/"))


def test_unconfirmed_person_fixture_helper_makes_the_expected_rows(db):
    user = make_person("x@example.org", verified=False)
    assert not EmailAddress.objects.get(user=user).verified

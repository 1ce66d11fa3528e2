"""The accounts journeys in a real browser (Debian's chromium on the live server): sign up, confirm
from the e-mail, log in, log out; a superuser without a second factor is sent to set up TOTP and
does, with a code computed from the secret on the page. axe-core checks the login, sign-up and
TOTP set-up pages in both languages. Screenshots go to artifacts/screenshots/."""

import json
import re
from pathlib import Path

import pytest
from axe_playwright_python.sync_playwright import Axe
from django.contrib.auth import get_user_model
from playwright.sync_api import Page, expect

from tests.accounts.conftest import PASSWORD, make_person
from tests.accounts.totp import totp_code
from tests.conftest import csp_refusals
from tests.web.test_accessibility import AXE_OPTIONS, BLOCKING, report

pytestmark = pytest.mark.browser

WORDS = {
    "en": {
        "prefix": "/en",
        "email": "Email",
        "password": "Password",
        "again": "Password (again)",
        "sign_up_link": "Sign up",
        "sign_up": "Sign Up",
        "sign_in": "Sign In",
        "confirm": "Confirm",
        "log_out": "Log out",
        "log_in": "Log in",
        "code": "Authenticator code",
        "activate": "Activate",
        "recovery": "Recovery Codes",
    },
    "it": {
        "prefix": "",
        "email": "Email",
        "password": "Password",
        "again": "Password (di nuovo)",
        "sign_up_link": "Registrati",
        "sign_up": "Registrazione",
        "sign_in": "Accedi",
        "confirm": "Conferma",
        "log_out": "Esci",
        "log_in": "Accedi",
        "code": "Codice autenticatore",
        "activate": "Attiva",
        "recovery": "Codici di recupero",
    },
}


def log_in(page: Page, base: str, words: dict, email: str) -> None:
    page.goto(f"{base}{words['prefix']}/accounts/login/")
    main = page.get_by_role("main")
    main.get_by_label(words["email"], exact=True).fill(email)
    main.get_by_label(words["password"], exact=True).fill(PASSWORD)
    main.get_by_role("button", name=words["sign_in"]).click()


@pytest.mark.parametrize("language", ["en", "it"])
def test_sign_up_confirm_log_in_log_out(
    live_server, transactional_db, new_page, screenshots, mailoutbox, language
):
    words = WORDS[language]
    base = live_server.url
    page = new_page("desktop")
    page.goto(f"{base}{words['prefix']}/")
    page.get_by_role("link", name=words["sign_up_link"], exact=True).click()
    main = page.get_by_role("main")
    main.get_by_label(words["email"], exact=True).fill("newcomer@example.org")
    main.get_by_label(words["password"], exact=True).fill(PASSWORD)
    main.get_by_label(words["again"], exact=True).fill(PASSWORD)
    page.screenshot(path=screenshots / f"accounts-signup-{language}.png", full_page=True)
    main.get_by_role("button", name=words["sign_up"]).click()
    expect(page).to_have_url(re.compile(r"/accounts/confirm-email/$"))

    (message,) = mailoutbox
    link = re.search(r"https?://\S+/accounts/confirm-email/\S+/", message.body)[0]
    page.goto(base + link[link.index("/", 8) :])
    page.get_by_role("button", name=words["confirm"]).click()

    log_in(page, base, words, "newcomer@example.org")
    log_out = page.get_by_role("button", name=words["log_out"])
    expect(log_out).to_be_visible()
    page.screenshot(path=screenshots / f"accounts-logged-in-{language}.png", full_page=True)
    log_out.click()
    expect(page.get_by_role("link", name=words["log_in"]).first).to_be_visible()
    assert csp_refusals(page) == []


@pytest.mark.parametrize("language", ["en", "it"])
def test_superuser_is_sent_to_set_up_totp_and_does(
    live_server, transactional_db, new_page, screenshots, language
):
    words = WORDS[language]
    base = live_server.url
    make_person("boss@example.org", superuser=True)
    page = new_page("desktop")
    log_in(page, base, words, "boss@example.org")
    page.goto(f"{base}{words['prefix']}/admin/")
    # allauth asks for the password again before a second factor changes.
    expect(page).to_have_url(re.compile(r"/accounts/reauthenticate/"))
    page.get_by_role("main").get_by_label(words["password"], exact=True).fill(PASSWORD)
    page.get_by_role("main").get_by_role("button").first.click()
    expect(page).to_have_url(re.compile(r"/accounts/2fa/totp/activate/$"))
    page.screenshot(path=screenshots / f"accounts-totp-{language}.png", full_page=True)

    secret = page.locator("#authenticator_secret").input_value()
    page.get_by_label(words["code"], exact=True).fill(totp_code(secret))
    page.get_by_role("button", name=words["activate"]).click()
    expect(page.get_by_role("heading", level=1)).to_have_text(words["recovery"])
    assert csp_refusals(page) == []
    page.goto(f"{base}{words['prefix']}/admin/")
    expect(page).to_have_url(re.compile(r"/admin/$"))


@pytest.fixture(scope="module")
def axe() -> Axe:
    return Axe()


def assert_accessible(axe: Axe, page: Page, name: str) -> None:
    expect(page.get_by_role("heading", level=1)).to_be_visible()
    violations = axe.run(page, options=AXE_OPTIONS).response["violations"]
    blocking = [violation for violation in violations if violation["impact"] in BLOCKING]
    print(report(violations) or f"{name}: no violations")
    assert not blocking, f"{name}\n" + report(blocking)


@pytest.mark.parametrize("language", ["en", "it"])
def test_account_pages_have_no_serious_or_critical_violation(
    live_server, transactional_db, new_page, axe, language
):
    words = WORDS[language]
    base = live_server.url
    page = new_page("desktop")
    for address in ("/accounts/login/", "/accounts/signup/"):
        page.goto(f"{base}{words['prefix']}{address}")
        assert_accessible(axe, page, f"{address} ({language})")
    # With the errors on show, tied to their fields.
    page.get_by_role("main").get_by_role("button", name=words["sign_up"]).click()
    assert_accessible(axe, page, f"sign-up with errors ({language})")

    make_person("boss@example.org", superuser=True)
    log_in(page, base, words, "boss@example.org")
    page.goto(f"{base}{words['prefix']}/accounts/reauthenticate/")
    assert_accessible(axe, page, f"reauthenticate ({language})")
    page.get_by_role("main").get_by_label(words["password"], exact=True).fill(PASSWORD)
    page.get_by_role("main").get_by_role("button").first.click()
    page.goto(f"{base}{words['prefix']}/accounts/2fa/totp/activate/")
    expect(page).to_have_url(re.compile(r"/accounts/2fa/totp/activate/$"))
    assert_accessible(axe, page, f"TOTP set-up ({language})")


@pytest.mark.parametrize("language", ["en", "it"])
def test_download_my_data_then_delete_my_account(
    live_server, transactional_db, new_page, screenshots, language
):
    """A person downloads their data from my area, then deletes their account: a wrong password
    is refused on its field, the right one with the confirmation deletes it, and the same
    e-mail and password no longer log in."""
    words = {
        "en": {
            "download": "Download my data (JSON)",
            "delete": "Delete my account",
            "your_password": "Your password",
            "understand": "I understand that my account",
            "wrong": "This is not your password.",
            "deleted": "Your account and your personal data are deleted.",
        },
        "it": {
            "download": "Scarica i miei dati (JSON)",
            "delete": "Cancella il mio account",
            "your_password": "La tua password",
            "understand": "Ho capito che il mio account",
            "wrong": "Questa non è la tua password.",
            "deleted": "Il tuo account e i tuoi dati personali sono cancellati.",
        },
    }[language]
    make_person("leaving@example.org")
    base = live_server.url
    page = new_page("phone")
    log_in(page, base, WORDS[language], "leaving@example.org")
    page.goto(f"{base}{WORDS[language]['prefix']}/me/")

    with page.expect_download() as download:
        page.get_by_role("link", name=words["download"]).click()
    data = json.loads(Path(download.value.path()).read_text(encoding="utf-8"))
    assert "leaving@example.org" in json.dumps(data)

    page.get_by_role("link", name=words["delete"]).click()
    main = page.get_by_role("main")
    main.get_by_label(words["your_password"]).fill("not-the-password")
    # Bootstrap Italia draws the box with the label, over the input: check it as a click would.
    main.get_by_label(words["understand"], exact=False).set_checked(True, force=True)
    main.get_by_role("button", name=words["delete"]).click()
    expect(main.get_by_text(words["wrong"])).to_be_visible()
    page.screenshot(path=screenshots / f"accounts-delete-refused-{language}.png", full_page=True)

    main.get_by_label(words["your_password"]).fill(PASSWORD)
    main.get_by_label(words["understand"], exact=False).set_checked(True, force=True)
    main.get_by_role("button", name=words["delete"]).click()
    expect(page.get_by_text(words["deleted"])).to_be_visible()
    assert not get_user_model().objects.filter(email="leaving@example.org").exists()

    log_in(page, base, WORDS[language], "leaving@example.org")
    expect(page).to_have_url(re.compile(r"/accounts/login/$"))
    expect(page.get_by_role("button", name=WORDS[language]["log_out"])).to_have_count(0)
    assert csp_refusals(page) == []

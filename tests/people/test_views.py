"""“My area” (/me/): a person sees and changes only their own profile, tokens and notifications."""

import pytest
from django.test import Client

from ordito.people import services
from ordito.people.models import ApiToken, Category, Notification, Person
from tests.actors.factories import ActorFactory, ProjectRoleFactory
from tests.people.factories import PersonFactory, UserFactory
from tests.plans.factories import PlanFactory, ProjectFactory
from tests.web.conftest import page_text

pytestmark = pytest.mark.django_db

# The session and its account; the person (in a savepoint: it is created on first use); the
# municipalities of the profile's choice; the roles with their plans; the latest notifications;
# the tokens; the unread count of the header's bell; every plan's categories with their plans,
# the ids of those chosen, the affiliations with their actors; and two for the process's section
# (people/my_area.py): the private calendar address and the upcoming registrations. The same with
# 3 or with 100 of each (every plan made brings its seven categories).
MY_AREA_QUERIES = 15


@pytest.fixture
def ana(client):
    person = PersonFactory(display_name="Ana Rossi", user__email="ana@example.org")
    client.force_login(person.user)
    return person


def test_my_area_needs_a_login(client):
    response = client.get("/me/")
    assert response.status_code == 302
    assert response["Location"].startswith("/accounts/login/?next=/me/")


def test_my_area_shows_the_persons_own_things_only(client, ana):
    plan = PlanFactory(title_it="Secondo piano")
    services.plan_role_grant(plan=plan, user=ana.user, role="analyst", by=None)
    services.api_token_create(user=ana.user, name="mio script")
    other = PersonFactory(display_name="Beatrice Verdi")
    services.api_token_create(user=other.user, name="script di Bea")
    services.plan_role_grant(plan=plan, user=other.user, role="staff", by=None)
    text = page_text(client.get("/me/"))
    assert (
        "Benvenuta, Ana Rossi." in text
        or "Benvenuto, Ana Rossi." in text
        or "Welcome, Ana Rossi." in text
    )
    assert "mio script" in text and "script di Bea" not in text
    assert "Secondo piano" in text
    assert "Beatrice Verdi" not in text


def test_profile_update_and_its_bad_input(client, ana):
    response = client.post("/en/me/", {"display_name": "  Ana   R. ", "language": "en"})
    assert response.status_code == 302
    ana.refresh_from_db()
    assert (ana.display_name, ana.language) == ("Ana R.", "en")
    for bad, message in [
        ("", "This field is required."),
        ("x" * 81, "Ensure this value has at most 80 characters (it has 81)."),
        ("Ana\x07", "Remove the control characters."),
    ]:
        response = client.post("/en/me/", {"display_name": bad, "language": "en"})
        assert response.status_code == 200
        html = response.content.decode()
        assert message in html
        assert 'aria-describedby="id_display_name_error id_display_name_helptext"' in html
    ana.refresh_from_db()
    assert ana.display_name == "Ana R."


def test_profile_refuses_an_unknown_language_or_municipality(client, ana):
    response = client.post("/en/me/", {"display_name": "Ana", "language": "xx"})
    assert "Select a valid choice." in response.content.decode()
    response = client.post(
        "/en/me/", {"display_name": "Ana", "language": "it", "municipality": "999999"}
    )
    assert "Select a valid choice." in response.content.decode()
    ana.refresh_from_db()
    assert ana.display_name == "Ana Rossi"


def test_display_name_markup_is_shown_as_text(client, ana):
    Person.objects.filter(pk=ana.pk).update(display_name='<script>alert("x")</script>')
    html = client.get("/en/me/").content.decode()
    assert '<script>alert("x")</script>' not in html
    assert "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;" in html


def test_token_is_shown_once_then_only_its_beginning(client, ana):
    response = client.post("/en/me/tokens/", {"name": "report", "days": "30"})
    html = response.content.decode()
    token = ApiToken.objects.get()
    shown = html.split('<code id="new-token">')[1].split("</code>")[0]
    assert shown.startswith(token.prefix) and len(shown) == 50
    again = client.get("/en/me/").content.decode()
    assert shown not in again and f"{token.prefix}…" in again


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ({"name": "", "days": "30"}, "This field is required."),
        ({"name": "x", "days": "0"}, "Ensure this value is greater than or equal to 1."),
        ({"name": "x", "days": "many"}, "Enter a whole number."),
        ({"name": "x" * 81, "days": "3"}, "Ensure this value has at most 80 characters"),
    ],
)
def test_token_form_bad_input_creates_nothing(client, ana, data, message):
    response = client.post("/en/me/tokens/", data)
    assert message in response.content.decode()
    assert not ApiToken.objects.exists()


def test_revoking_another_persons_token_is_not_found(client, ana):
    other = UserFactory()
    token, _text = services.api_token_create(user=other, name="theirs")
    assert client.post(f"/me/tokens/{token.pk}/revoke/").status_code == 404
    assert ApiToken.objects.filter(pk=token.pk).exists()
    mine, _text = services.api_token_create(user=ana.user, name="mine")
    assert client.post(f"/me/tokens/{mine.pk}/revoke/").status_code == 302
    assert not ApiToken.objects.filter(pk=mine.pk).exists()


def test_forms_refuse_a_post_without_csrf_token(ana):
    client = Client(enforce_csrf_checks=True)
    client.force_login(ana.user)
    assert client.post("/me/", {"display_name": "Nuovo", "language": "it"}).status_code == 403
    assert client.post("/me/tokens/", {"name": "x", "days": "3"}).status_code == 403
    ana.refresh_from_db()
    assert ana.display_name == "Ana Rossi" and not ApiToken.objects.exists()


@pytest.mark.parametrize("count", [3, 100])
def test_my_area_costs_a_constant_number_of_queries(client, ana, django_assert_num_queries, count):
    chosen = []
    for n in range(count):
        services.api_token_create(user=ana.user, name=f"token {n}")
        plan = PlanFactory()
        services.plan_role_grant(plan=plan, user=ana.user, role="staff", by=None)
        actor = ActorFactory()
        ProjectRoleFactory(actor=actor, project=ProjectFactory(direction__area__plan=plan))
        services.affiliation_request(user=ana.user, actor=actor, position=f"p{n}")
        chosen.append(Category.objects.filter(plan=plan).first().pk)
    services.person_update(person=ana, values={"categories": chosen}, by=ana.user)
    # Her roles, and the staff's notices of her requests (she is the staff of each plan).
    assert Notification.objects.filter(user=ana.user, kind="roles").count() == count
    with django_assert_num_queries(MY_AREA_QUERIES):
        response = client.get("/en/me/")
    assert response.status_code == 200
    text = page_text(response)
    assert text.count("Waiting for a decision") == count
    assert response.content.decode().count(" checked>") == count


def test_notifications_list_and_mark_all_read(client, ana):
    plan = PlanFactory()
    services.plan_role_grant(plan=plan, user=ana.user, role="moderator", by=None)
    text = page_text(client.get("/en/me/notifications/"))
    # Written in the person's language (Italian), whatever the page's.
    assert "Ora hai il ruolo «Moderatore» nel piano" in text and "New" in text
    client.post("/en/me/notifications/")
    assert not Notification.objects.filter(read_at__isnull=True).exists()
    assert "New" not in page_text(client.get("/en/me/notifications/"))


def test_the_bell_counts_unread_notifications_and_links_to_them(client, ana):
    for _ in range(2):
        services.plan_role_grant(plan=PlanFactory(), user=ana.user, role="staff", by=None)
    html = client.get("/en/").content.decode()
    assert "Notifications: 2 unread" in html
    assert 'href="/en/me/notifications/"' in html
    services.notifications_mark_read(user=ana.user)
    assert "Notifications: 0 unread" in client.get("/en/").content.decode()
    client.logout()
    assert "/me/notifications/" not in client.get("/en/").content.decode()

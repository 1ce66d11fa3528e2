"""Affiliations with actors: a person asks to represent an actor, the staff of a plan where the
actor takes part confirm or decline, the person withdraws or ends it; who may decide, who is
told, and what later apps read (`actor_contacts`, `actors_represented`)."""

import pytest
from allauth.mfa.totp.internal.auth import TOTP, generate_totp_secret
from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.test import Client

from ordito.people import selectors, services
from ordito.people.models import Affiliation, Notification
from tests.actors.factories import ActorFactory, ActorInfluenceFactory, ProjectRoleFactory
from tests.people.factories import PersonFactory, UserFactory
from tests.plans.factories import PlanFactory, ProjectFactory
from tests.web.conftest import page_text

pytestmark = pytest.mark.django_db

# The session and its account; the second-factor middleware's two checks (staff anywhere? an
# authenticator?); the plan; the staff check; the waiting requests with their actors and people;
# the bell's unread count; the confirmed ones. The same with 2 or 40 requests.
PLAN_AFFILIATIONS_QUERIES = 9
# The session and its account; the actors found; the bell; the affiliations with their actors.
MY_AFFILIATIONS_QUERIES = 5


@pytest.fixture
def plan():
    return PlanFactory(slug="torino-2006", title_en="Second strategic plan")


@pytest.fixture
def actor(plan):
    actor = ActorFactory(key="gtt", name="Gruppo Torinese Trasporti", sector="Trasporti")
    ProjectRoleFactory(actor=actor, project=ProjectFactory(direction__area__plan=plan))
    return actor


def staff_of(plan, *, client=None, name="Ufficio di piano"):
    person = PersonFactory(display_name=name, language="en")
    services.plan_role_grant(plan=plan, user=person.user, role="staff", by=None)
    TOTP.activate(person.user, generate_totp_secret())
    if client is not None:
        client.force_login(person.user)
    return person.user


@pytest.fixture
def ana():
    return PersonFactory(display_name="Ana Rossi", user__email="ana@example.org", language="en")


# Services


def test_a_request_waits_and_tells_the_staff_of_every_plan_where_the_actor_takes_part(
    plan, actor, ana, english
):
    other_plan = PlanFactory(slug="torino-2015")
    ActorInfluenceFactory(plan=other_plan, source=actor)
    staff, other_staff = staff_of(plan), staff_of(other_plan, name="Altro ufficio")
    bystander = staff_of(PlanFactory(), name="Estraneo")
    affiliation = services.affiliation_request(
        user=ana.user, actor=actor, position="  Responsabile   progetti "
    )
    assert (affiliation.status, affiliation.position) == ("requested", "Responsabile progetti")
    told = Notification.objects.filter(kind="affiliation_requests")
    assert sorted(told.values_list("user_id", flat=True)) == sorted([staff.pk, other_staff.pk])
    assert not told.filter(user=bystander).exists()
    mine = told.get(user=staff)
    assert mine.message == "Ana Rossi asks to represent “Gruppo Torinese Trasporti”."
    assert mine.link == "/en/p/torino-2006/affiliations/"
    assert told.get(user=other_staff).link == "/en/p/torino-2015/affiliations/"


def test_asking_twice_is_refused_on_the_actor(plan, actor, ana, english):
    services.affiliation_request(user=ana.user, actor=actor, position="")
    with pytest.raises(ValidationError) as refused:
        services.affiliation_request(user=ana.user, actor=actor, position="altro")
    assert refused.value.message_dict == {
        "actor": ["You have already asked to represent this actor: wait for the decision."]
    }
    affiliation = Affiliation.objects.get()
    services.affiliation_decide(affiliation=affiliation, confirm=True, reason="", by=None)
    with pytest.raises(ValidationError) as refused:
        services.affiliation_request(user=ana.user, actor=actor, position="")
    assert refused.value.message_dict == {"actor": ["You already represent this actor."]}
    assert Affiliation.objects.count() == 1


def test_a_declined_person_may_ask_again_and_waits_anew(plan, actor, ana, english):
    first = services.affiliation_request(user=ana.user, actor=actor, position="stagista")
    decider = staff_of(plan)
    services.affiliation_decide(affiliation=first, confirm=False, reason="Sconosciuta", by=decider)
    again = services.affiliation_request(user=ana.user, actor=actor, position="consulente")
    assert again.pk == first.pk
    again.refresh_from_db()
    assert (again.status, again.position, again.reason) == ("requested", "consulente", "")
    assert again.decided_by is None and again.decided_at is None
    assert again.requested_at > first.requested_at
    # The history keeps each step.
    assert [row.status for row in again.history.order_by("history_date")] == [
        "requested",
        "declined",
        "requested",
    ]


def test_an_actor_taking_part_in_no_plan_cannot_be_asked_for(ana, english):
    loner = ActorFactory()
    with pytest.raises(ValidationError) as refused:
        services.affiliation_request(user=ana.user, actor=loner, position="")
    assert refused.value.message_dict == {
        "actor": ["This actor takes part in no plan yet, so nobody could confirm it."]
    }
    assert not Affiliation.objects.exists()


@pytest.mark.parametrize(
    ("position", "message"),
    [
        ("x" * 121, "Use at most 120 characters."),
        ("capo\x00ufficio", "Remove the control characters."),
        (42, "Enter text."),
        (None, "Enter text."),
    ],
)
def test_a_bad_position_is_refused(plan, actor, ana, english, position, message):
    with pytest.raises(ValidationError) as refused:
        services.affiliation_request(user=ana.user, actor=actor, position=position)
    assert refused.value.message_dict == {"position": [message]}
    assert not Affiliation.objects.exists()


def test_confirming_tells_the_person_and_makes_them_a_contact(plan, actor, ana, english):
    affiliation = services.affiliation_request(user=ana.user, actor=actor, position="")
    staff = staff_of(plan)
    assert list(selectors.actor_contacts(actor=actor)) == []
    services.affiliation_decide(affiliation=affiliation, confirm=True, reason="", by=staff)
    affiliation.refresh_from_db()
    assert (affiliation.status, affiliation.decided_by) == ("confirmed", staff)
    told = Notification.objects.get(user=ana.user, kind="affiliations")
    assert told.message == "You now represent “Gruppo Torinese Trasporti”."
    assert told.link == "/en/me/affiliations/"
    assert list(selectors.actor_contacts(actor=actor)) == [ana.user]
    assert list(selectors.actors_represented(user=ana.user)) == [actor]


def test_declining_needs_a_reason_and_tells_it(plan, actor, ana, english):
    affiliation = services.affiliation_request(user=ana.user, actor=actor, position="")
    staff = staff_of(plan)
    for reason in ("", "   "):
        with pytest.raises(ValidationError) as refused:
            services.affiliation_decide(
                affiliation=affiliation, confirm=False, reason=reason, by=staff
            )
        assert refused.value.message_dict == {"reason": ["This field cannot be empty."]}
    with pytest.raises(ValidationError) as refused:
        services.affiliation_decide(
            affiliation=affiliation, confirm=False, reason="x" * 501, by=staff
        )
    assert refused.value.message_dict == {"reason": ["Use at most 500 characters."]}
    services.affiliation_decide(
        affiliation=affiliation, confirm=False, reason="Non lavora qui.", by=staff
    )
    told = Notification.objects.get(user=ana.user, kind="affiliations")
    assert told.message == (
        "Your request to represent “Gruppo Torinese Trasporti” was declined: Non lavora qui."
    )
    assert list(selectors.actor_contacts(actor=actor)) == []
    assert list(selectors.actors_represented(user=ana.user)) == []


def test_a_decided_request_cannot_be_decided_again(plan, actor, ana, english):
    affiliation = services.affiliation_request(user=ana.user, actor=actor, position="")
    services.affiliation_decide(affiliation=affiliation, confirm=True, reason="", by=None)
    with pytest.raises(ValidationError) as refused:
        services.affiliation_decide(affiliation=affiliation, confirm=False, reason="no", by=None)
    assert refused.value.message_dict == {"status": ["This request has already been decided."]}
    affiliation.refresh_from_db()
    assert affiliation.status == "confirmed"


def test_contacts_leave_out_disabled_accounts_and_other_actors(plan, actor, ana):
    other_actor = ActorFactory()
    ProjectRoleFactory(actor=other_actor, project=ProjectFactory(direction__area__plan=plan))
    bea = PersonFactory(display_name="Bea")
    for user, target in ((ana.user, actor), (bea.user, actor), (bea.user, other_actor)):
        affiliation = services.affiliation_request(user=user, actor=target, position="")
        services.affiliation_decide(affiliation=affiliation, confirm=True, reason="", by=None)
    get_user_model().objects.filter(pk=bea.user.pk).update(is_active=False)
    assert list(selectors.actor_contacts(actor=actor)) == [ana.user]
    assert list(selectors.actors_represented(user=bea.user)) == sorted(
        [actor, other_actor], key=lambda a: (a.name, a.key)
    )


# Who may decide: a matrix of people × requests


def test_who_may_decide_a_request(plan, actor, ana):
    affiliation = services.affiliation_request(user=ana.user, actor=actor, position="")
    superuser = get_user_model().objects.create_superuser("root", "root@example.org", "pw")
    staff = staff_of(plan)
    moderator = UserFactory()
    services.plan_role_grant(plan=plan, user=moderator, role="moderator", by=None)
    elsewhere = staff_of(PlanFactory(), name="Altrove")
    from django.contrib.auth.models import AnonymousUser

    may = {
        "superuser": superuser,
        "staff where the actor takes part": staff,
        "moderator of that plan": moderator,
        "staff of another plan": elsewhere,
        "the person asking": ana.user,
        "anonymous": AnonymousUser(),
    }
    assert {
        name: user.has_perm("people.decide_affiliation", affiliation) for name, user in may.items()
    } == {
        "superuser": True,
        "staff where the actor takes part": True,
        "moderator of that plan": False,
        "staff of another plan": False,
        "the person asking": False,
        "anonymous": False,
    }


# Pages: the person's


def test_a_person_finds_an_actor_asks_and_sees_the_status(client, plan, actor, ana):
    ActorFactory(name="Ente senza piani")  # takes part nowhere: not listed
    client.force_login(ana.user)
    text = page_text(client.get("/en/me/affiliations/?q=torinese"))
    assert "Gruppo Torinese Trasporti" in text and "Ente senza piani" not in text
    response = client.post(
        "/en/me/affiliations/?q=torinese", {"actor": str(actor.pk), "position": "Ingegnera"}
    )
    assert response.status_code == 302 and response["Location"] == "/en/me/affiliations/"
    text = page_text(client.get("/en/me/affiliations/"))
    assert "Gruppo Torinese Trasporti Ingegnera Waiting for a decision" in text
    assert "Withdraw the request for “Gruppo Torinese Trasporti”" in text
    assert "Gruppo Torinese Trasporti (Ingegnera): Waiting for a decision" in page_text(
        client.get("/en/me/")
    )


def test_the_actor_search_finds_none_and_lists_a_limited_number(client, plan, ana):
    project = ProjectFactory(direction__area__plan=plan)
    for n in range(35):
        ProjectRoleFactory(actor=ActorFactory(name=f"Ente {n:02d}"), project=project)
    client.force_login(ana.user)
    text = page_text(client.get("/en/me/affiliations/"))
    assert "Ente 29" in text and "Ente 30" not in text
    assert "Only the first 30 actors are listed" in text
    assert "No actor matches" in page_text(client.get("/en/me/affiliations/?q=zzz"))
    # A hostile or oversized search is an error on the field, not a failure.
    response = client.get("/en/me/affiliations/", {"q": "<script>alert(1)</script>" * 20})
    assert response.status_code == 200
    assert "<script>alert(1)" not in response.content.decode()


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ({}, "This field is required."),
        ({"actor": "999999"}, "Choose one of the actors listed."),
        ({"actor": "abc"}, "Choose one of the actors listed."),
        ({"actor": "actor-of-no-plan"}, "Choose one of the actors listed."),
        ({"actor": "ACTOR", "position": "p" * 121}, "Ensure this value has at most 120"),
    ],
)
def test_bad_requests_say_why_and_change_nothing(client, plan, actor, ana, data, message):
    loner = ActorFactory()
    data = {
        key: {"ACTOR": str(actor.pk), "actor-of-no-plan": str(loner.pk)}.get(value, value)
        for key, value in data.items()
    }
    client.force_login(ana.user)
    response = client.post("/en/me/affiliations/", data)
    assert response.status_code == 200
    assert message in page_text(response)
    assert not Affiliation.objects.exists()


def test_asking_twice_on_the_page_says_so(client, plan, actor, ana):
    client.force_login(ana.user)
    client.post("/en/me/affiliations/", {"actor": str(actor.pk)})
    response = client.post("/en/me/affiliations/", {"actor": str(actor.pk)})
    assert "You have already asked to represent this actor" in page_text(response)
    assert Affiliation.objects.count() == 1


def test_a_hostile_position_comes_out_escaped(client, plan, actor, ana):
    staff = staff_of(plan)
    client.force_login(ana.user)
    client.post(
        "/en/me/affiliations/", {"actor": str(actor.pk), "position": "<script>alert(1)</script>"}
    )
    for user, address in (
        (ana.user, "/en/me/affiliations/"),
        (staff, "/en/p/torino-2006/affiliations/"),
    ):
        client.force_login(user)
        html = client.get(address).content.decode()
        assert "<script>alert(1)</script>" not in html
        assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html


def test_withdraw_and_end(client, plan, actor, ana):
    waiting = services.affiliation_request(user=ana.user, actor=actor, position="")
    client.force_login(ana.user)
    assert client.post(f"/en/me/affiliations/{waiting.pk}/withdraw/").status_code == 302
    assert not Affiliation.objects.exists()
    held = services.affiliation_request(user=ana.user, actor=actor, position="")
    services.affiliation_decide(affiliation=held, confirm=True, reason="", by=None)
    assert "Stop representing “Gruppo Torinese Trasporti”" in page_text(
        client.get("/en/me/affiliations/")
    )
    client.post(f"/en/me/affiliations/{held.pk}/withdraw/")
    assert list(selectors.actor_contacts(actor=actor)) == []
    # The history keeps that it existed, and who ended it.
    assert Affiliation.history.filter(id=held.pk, history_type="-").get().history_user == ana.user


def test_another_persons_affiliation_is_not_found(client, plan, actor, ana):
    bea = PersonFactory()
    hers = services.affiliation_request(user=bea.user, actor=actor, position="segreta")
    client.force_login(ana.user)
    assert client.post(f"/en/me/affiliations/{hers.pk}/withdraw/").status_code == 404
    assert client.get(f"/en/me/affiliations/{hers.pk}/withdraw/").status_code == 405
    assert Affiliation.objects.filter(pk=hers.pk).exists()
    assert "segreta" not in page_text(client.get("/en/me/affiliations/"))


def test_the_request_form_refuses_a_post_without_csrf(plan, actor, ana):
    client = Client(enforce_csrf_checks=True)
    client.force_login(ana.user)
    assert client.post("/me/affiliations/", {"actor": str(actor.pk)}).status_code == 403
    waiting = services.affiliation_request(user=ana.user, actor=actor, position="")
    assert client.post(f"/me/affiliations/{waiting.pk}/withdraw/").status_code == 403
    assert Affiliation.objects.filter(pk=waiting.pk).exists()


def test_anonymous_is_sent_to_log_in(client, plan):
    for address in ("/me/affiliations/", "/p/torino-2006/affiliations/"):
        response = client.get(address)
        assert response.status_code == 302 and response["Location"].startswith("/accounts/login/")


# Pages: the staff's


def test_staff_see_waiting_requests_and_confirm_one(client, plan, actor, ana):
    waiting = services.affiliation_request(user=ana.user, actor=actor, position="Ingegnera")
    staff_of(plan, client=client)
    text = page_text(client.get("/en/p/torino-2006/affiliations/"))
    assert "Ana Rossi asks to represent “Gruppo Torinese Trasporti”" in text
    assert "ana@example.org" in text and "Position: Ingegnera" in text
    response = client.post(
        f"/en/p/torino-2006/affiliations/{waiting.pk}/", {f"a{waiting.pk}-decision": "confirm"}
    )
    assert response.status_code == 302
    waiting.refresh_from_db()
    assert waiting.status == "confirmed"
    text = page_text(client.get("/en/p/torino-2006/affiliations/"))
    assert "No request is waiting." in text
    assert "Gruppo Torinese Trasporti Ana Rossi Ingegnera" in text


def test_staff_decline_with_a_reason_and_without_one_are_told(client, plan, actor, ana):
    waiting = services.affiliation_request(user=ana.user, actor=actor, position="")
    staff_of(plan, client=client)
    address = f"/en/p/torino-2006/affiliations/{waiting.pk}/"
    response = client.post(address, {f"a{waiting.pk}-decision": "decline"})
    assert response.status_code == 200
    assert "This field cannot be empty." in page_text(response)
    for data in ({f"a{waiting.pk}-decision": "maybe"}, {}):
        response = client.post(address, data)
        assert "Select a valid choice" in page_text(
            response
        ) or "This field is required." in page_text(response)
    waiting.refresh_from_db()
    assert waiting.status == "requested"
    client.post(
        address, {f"a{waiting.pk}-decision": "decline", f"a{waiting.pk}-reason": "<b>No</b>"}
    )
    waiting.refresh_from_db()
    assert (waiting.status, waiting.reason) == ("declined", "<b>No</b>")
    client.force_login(ana.user)
    html = client.get("/en/me/affiliations/").content.decode()
    assert "&lt;b&gt;No&lt;/b&gt;" in html and "<b>No</b>" not in html


def test_staff_of_another_plan_are_refused(client, plan, actor, ana):
    waiting = services.affiliation_request(user=ana.user, actor=actor, position="")
    staff_of(PlanFactory(), client=client)
    assert client.get("/en/p/torino-2006/affiliations/").status_code == 403
    response = client.post(
        f"/en/p/torino-2006/affiliations/{waiting.pk}/", {f"a{waiting.pk}-decision": "confirm"}
    )
    assert response.status_code == 403
    waiting.refresh_from_db()
    assert waiting.status == "requested"


def test_a_request_for_an_actor_of_another_plan_is_not_found_here(client, plan, ana):
    elsewhere = PlanFactory()
    stranger = ActorFactory()
    ProjectRoleFactory(actor=stranger, project=ProjectFactory(direction__area__plan=elsewhere))
    theirs = services.affiliation_request(user=ana.user, actor=stranger, position="")
    staff_of(plan, client=client)
    assert "No request is waiting." in page_text(client.get("/en/p/torino-2006/affiliations/"))
    for pk in (theirs.pk, 999999):
        response = client.post(
            f"/en/p/torino-2006/affiliations/{pk}/", {f"a{pk}-decision": "confirm"}
        )
        assert response.status_code == 404
    theirs.refresh_from_db()
    assert theirs.status == "requested"


def test_a_decided_request_is_not_found_for_a_second_decision(client, plan, actor, ana):
    waiting = services.affiliation_request(user=ana.user, actor=actor, position="")
    services.affiliation_decide(affiliation=waiting, confirm=True, reason="", by=None)
    staff_of(plan, client=client)
    response = client.post(
        f"/en/p/torino-2006/affiliations/{waiting.pk}/",
        {f"a{waiting.pk}-decision": "decline", f"a{waiting.pk}-reason": "ripensamento"},
    )
    assert response.status_code == 404
    waiting.refresh_from_db()
    assert waiting.status == "confirmed"


def test_the_decision_refuses_a_post_without_csrf(plan, actor, ana):
    waiting = services.affiliation_request(user=ana.user, actor=actor, position="")
    client = Client(enforce_csrf_checks=True)
    staff_of(plan, client=client)
    response = client.post(
        f"/p/torino-2006/affiliations/{waiting.pk}/", {f"a{waiting.pk}-decision": "confirm"}
    )
    assert response.status_code == 403
    waiting.refresh_from_db()
    assert waiting.status == "requested"


def test_staff_without_a_second_factor_are_sent_to_set_one_up(client, plan):
    person = PersonFactory()
    services.plan_role_grant(plan=plan, user=person.user, role="staff", by=None)
    client.force_login(person.user)
    response = client.get("/en/p/torino-2006/affiliations/")
    assert response.status_code == 302 and "/2fa/totp/activate" in response["Location"]


def requests_for(plan, count):
    project = ProjectFactory(direction__area__plan=plan)
    for n in range(count):
        target = ActorFactory()
        ProjectRoleFactory(actor=target, project=project)
        person = PersonFactory()
        affiliation = services.affiliation_request(user=person.user, actor=target, position="p")
        if n % 2:
            services.affiliation_decide(affiliation=affiliation, confirm=True, reason="", by=None)


@pytest.mark.parametrize("count", [2, 40])
def test_the_staff_page_costs_a_constant_number_of_queries(
    client, plan, django_assert_num_queries, count
):
    requests_for(plan, count)
    staff_of(plan, client=client)
    with django_assert_num_queries(PLAN_AFFILIATIONS_QUERIES):
        response = client.get("/en/p/torino-2006/affiliations/")
    assert response.status_code == 200
    assert page_text(response).count("asks to represent") == count // 2


@pytest.mark.parametrize("count", [2, 40])
def test_my_affiliations_cost_a_constant_number_of_queries(
    client, plan, ana, django_assert_num_queries, count
):
    project = ProjectFactory(direction__area__plan=plan)
    for _n in range(count):
        target = ActorFactory()
        ProjectRoleFactory(actor=target, project=project)
        services.affiliation_request(user=ana.user, actor=target, position="p")
    client.force_login(ana.user)
    with django_assert_num_queries(MY_AFFILIATIONS_QUERIES):
        response = client.get("/en/me/affiliations/")
    assert page_text(response).count("Withdraw the request for") == count


def test_nobody_decides_their_own_request(client, plan, actor):
    staff = staff_of(plan, client=client, name="Ufficio di piano")
    own = services.affiliation_request(user=staff, actor=actor, position="")
    superuser = get_user_model().objects.create_superuser("root", "root@example.org", "pw")
    own_of_superuser = services.affiliation_request(user=superuser, actor=actor, position="")
    assert not staff.has_perm("people.decide_affiliation", own)
    assert superuser.has_perm("people.decide_affiliation", own)
    # An active superuser holds every permission (Django's ModelBackend answers before the
    # rules), their own request included; the page still offers them no buttons for it.
    assert superuser.has_perm("people.decide_affiliation", own_of_superuser)
    text = page_text(client.get("/en/p/torino-2006/affiliations/"))
    assert "This is your own request: another member of the staff decides on it." in text
    response = client.post(
        f"/en/p/torino-2006/affiliations/{own.pk}/", {f"a{own.pk}-decision": "confirm"}
    )
    assert response.status_code == 403
    own.refresh_from_db()
    assert own.status == "requested"


def test_a_superuser_cannot_confirm_their_own_request_through_the_service(plan, actor, english):
    superuser = get_user_model().objects.create_superuser("root", "root@example.org", "pw")
    own = services.affiliation_request(user=superuser, actor=actor, position="")
    with pytest.raises(ValidationError) as refused:
        services.affiliation_decide(affiliation=own, confirm=True, reason="", by=superuser)
    assert refused.value.message_dict == {
        "status": ["Someone else must decide on your own request."]
    }
    own.refresh_from_db()
    assert (own.status, own.decided_by) == ("requested", None)

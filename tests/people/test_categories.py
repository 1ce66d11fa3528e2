"""Categories of participants: a plan's staff rename, add, remove and reorder them on
/p/<plan>/categories/; a person chooses theirs on /me/, plan by plan."""

import pytest
from allauth.mfa.totp.internal.auth import TOTP, generate_totp_secret
from django.core.exceptions import ValidationError
from django.test import Client

from ordito.people import services
from ordito.people.categories import DEFAULT_CATEGORIES
from ordito.people.models import Category, Person
from tests.people.factories import PersonFactory
from tests.plans.factories import PlanFactory
from tests.web.conftest import page_text

pytestmark = pytest.mark.django_db

# The session and its account; the second-factor middleware's two checks (staff anywhere? an
# authenticator?); the plan; the staff check; the categories with how many chose each; the bell.
# The same with 7 or 60 categories.
PLAN_CATEGORIES_QUERIES = 8


@pytest.fixture
def plan():
    return PlanFactory(slug="torino-2006", title_it="Secondo piano", title_en="Second plan")


def staff_of(plan, client):
    person = PersonFactory(display_name="Ufficio di piano")
    services.plan_role_grant(plan=plan, user=person.user, role="staff", by=None)
    TOTP.activate(person.user, generate_totp_secret())
    client.force_login(person.user)
    return person.user


def keys(plan) -> list[str]:
    return list(
        Category.objects.filter(plan=plan).order_by("order", "pk").values_list("key", flat=True)
    )


def labels(**overrides) -> dict[str, str]:
    return {"label_it": "Giovani", "label_en": "Young people", **overrides}


# Services


def test_a_new_plan_has_the_default_categories_in_both_languages(plan):
    assert keys(plan) == [key for key, _label in DEFAULT_CATEGORIES]
    student = Category.objects.get(plan=plan, key="student")
    assert (student.label_it, student.label_en) == ("Studente", "Student")


def test_create_rename_move_and_delete(plan):
    young = services.category_create(plan=plan, key="young-people", labels=labels(), by=None)
    assert keys(plan)[-1] == "young-people"
    services.category_rename(
        category=young, labels={"label_it": " Under   30 ", "label_en": "Under 30"}, by=None
    )
    young.refresh_from_db()
    assert (young.label_it, young.label_en) == ("Under 30", "Under 30")
    assert services.category_move(category=young, offset=-1, by=None) is True
    assert keys(plan)[-2:] == ["young-people", "other"]
    first = Category.objects.get(plan=plan, key="resident")
    assert services.category_move(category=first, offset=-1, by=None) is False
    assert services.category_move(category=first, offset=1, by=None) is True
    assert keys(plan)[:2] == ["student", "resident"]
    person = PersonFactory()
    services.person_update(person=person, values={"categories": [young.pk]}, by=None)
    assert services.category_delete(category=young, by=None) == 1
    assert "young-people" not in keys(plan)
    assert list(person.categories.all()) == []


@pytest.mark.parametrize(
    ("key", "message"),
    [
        ("", "This field cannot be empty."),
        ("Giovani", "Use lowercase letters, digits and single hyphens between them."),
        ("young--people", "Use lowercase letters, digits and single hyphens between them."),
        ("<script>", "Use lowercase letters, digits and single hyphens between them."),
        ("k" * 41, "Use at most 40 characters."),
        ("student", "This plan already has a category with this key."),
        (None, "Enter text."),
    ],
)
def test_a_bad_key_is_refused(plan, english, key, message):
    before = Category.objects.count()
    with pytest.raises(ValidationError) as refused:
        services.category_create(plan=plan, key=key, labels=labels(), by=None)
    assert refused.value.message_dict == {"key": [message]}
    assert Category.objects.count() == before


def test_the_same_key_in_another_plan_is_fine(plan):
    other = PlanFactory()
    category = services.category_create(plan=other, key="resident-2", labels=labels(), by=None)
    assert category.plan == other
    assert services.category_create(plan=plan, key="resident-2", labels=labels(), by=None)


@pytest.mark.parametrize(
    ("values", "errors"),
    [
        ({"label_it": "", "label_en": ""}, {"label_it", "label_en"}),
        ({"label_it": "Giovani"}, {"label_en"}),
        ({"label_it": "x" * 81, "label_en": "ok"}, {"label_it"}),
        ({"label_it": "a\x07b", "label_en": "ok"}, {"label_it"}),
        ({"label_it": "ok", "label_en": "ok", "key": "new"}, {"key"}),
    ],
)
def test_bad_labels_are_refused_on_each_field(plan, english, values, errors):
    category = Category.objects.get(plan=plan, key="resident")
    with pytest.raises(ValidationError) as refused:
        services.category_rename(category=category, labels=values, by=None)
    assert set(refused.value.message_dict) == errors
    category.refresh_from_db()
    assert (category.key, category.label_it) == ("resident", "Residente")


def test_a_move_of_more_than_one_place_is_refused(plan, english):
    category = Category.objects.get(plan=plan, key="student")
    with pytest.raises(ValidationError) as refused:
        services.category_move(category=category, offset=3, by=None)
    assert refused.value.message_dict == {"offset": ["Move one place up or down."]}


def test_a_person_chooses_only_existing_categories(plan, english):
    person = PersonFactory()
    for bad in (["1"], [999999], [True], "12", None):
        with pytest.raises(ValidationError) as refused:
            services.person_update(person=person, values={"categories": bad}, by=None)
        assert refused.value.message_dict == {"categories": ["Choose among the plans' categories."]}
    assert not person.categories.exists()


# The staff page


def test_staff_rename_add_reorder_and_remove(client, plan):
    staff_of(plan, client)
    text = page_text(client.get("/en/p/torino-2006/categories/"))
    assert "Categories of participants in Second plan" in text
    assert "1. Resident resident · chosen by 0 people" in text
    student = Category.objects.get(plan=plan, key="student")
    response = client.post(
        "/en/p/torino-2006/categories/",
        {
            "category": student.pk,
            "action": "save",
            f"c{student.pk}-label_it": "Studentessa o studente",
            f"c{student.pk}-label_en": "Student",
        },
    )
    assert response.status_code == 302
    student.refresh_from_db()
    assert student.label_it == "Studentessa o studente"
    client.post(
        "/en/p/torino-2006/categories/",
        {"action": "add", "key": "young-people", "label_it": "Giovani", "label_en": "Young people"},
    )
    assert keys(plan)[-1] == "young-people"
    client.post("/en/p/torino-2006/categories/", {"category": student.pk, "action": "up"})
    assert keys(plan)[0] == "student"
    client.post("/en/p/torino-2006/categories/", {"category": student.pk, "action": "down"})
    assert keys(plan)[:2] == ["resident", "student"]
    response = client.post(
        "/en/p/torino-2006/categories/", {"category": student.pk, "action": "remove"}
    )
    assert response.status_code == 302  # nobody had chosen it: no question
    assert "student" not in keys(plan)


def test_removing_a_chosen_category_says_how_many_and_asks(client, plan):
    resident = Category.objects.get(plan=plan, key="resident")
    for _n in range(3):
        services.person_update(
            person=PersonFactory(), values={"categories": [resident.pk]}, by=None
        )
    staff_of(plan, client)
    response = client.post(
        "/en/p/torino-2006/categories/", {"category": resident.pk, "action": "remove"}
    )
    assert response.status_code == 200
    text = page_text(response)
    assert "Remove “Resident”?" in text
    assert "3 people have chosen “Resident”: removing it takes it off their profiles." in text
    assert Category.objects.filter(pk=resident.pk).exists()
    response = client.post(
        "/en/p/torino-2006/categories/",
        {"category": resident.pk, "action": "remove", "confirmed": "yes"},
    )
    assert response.status_code == 302
    assert not Category.objects.filter(pk=resident.pk).exists()
    assert "3 people had chosen it" in page_text(client.get("/en/p/torino-2006/categories/"))
    assert all(not person.categories.exists() for person in Person.objects.all())


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ({"key": "", "label_it": "Giovani", "label_en": "Young"}, "This field is required."),
        ({"key": "Giovani Under", "label_it": "G", "label_en": "Y"}, "Enter a valid “slug”"),
        (
            {"key": "student", "label_it": "G", "label_en": "Y"},
            "already has a category with this key",
        ),
        ({"key": "giovani", "label_it": "x" * 81, "label_en": "Y"}, "at most 80 characters"),
        ({"key": "k" * 41, "label_it": "G", "label_en": "Y"}, "at most 40 characters"),
        ({"key": "giovani", "label_it": "G"}, "This field is required."),
    ],
)
def test_bad_additions_say_why_and_change_nothing(client, plan, data, message):
    staff_of(plan, client)
    before = keys(plan)
    response = client.post("/en/p/torino-2006/categories/", {"action": "add", **data})
    assert response.status_code == 200
    assert message in page_text(response)
    assert keys(plan) == before


def test_a_bad_rename_says_why_on_its_own_row(client, plan):
    staff_of(plan, client)
    student = Category.objects.get(plan=plan, key="student")
    response = client.post(
        "/en/p/torino-2006/categories/",
        {
            "category": student.pk,
            "action": "save",
            f"c{student.pk}-label_it": "",
            f"c{student.pk}-label_en": "Student",
        },
    )
    assert response.status_code == 200
    html = response.content.decode()
    assert f'id="id_c{student.pk}-label_it_error"' in html
    assert f'aria-describedby="id_c{student.pk}-label_it_error"' in html
    student.refresh_from_db()
    assert student.label_it == "Studente"


def test_hostile_names_come_out_escaped(client, plan):
    staff_of(plan, client)
    client.post(
        "/en/p/torino-2006/categories/",
        {
            "action": "add",
            "key": "x",
            "label_it": "<script>alert(1)</script>",
            "label_en": "<i>x</i>",
        },
    )
    html = client.get("/en/p/torino-2006/categories/").content.decode()
    assert "<script>alert(1)</script>" not in html and "<i>x</i>" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    html = client.get("/me/").content.decode()
    assert "<script>alert(1)</script>" not in html and "&lt;script&gt;" in html


def test_a_category_of_another_plan_or_unknown_is_not_found(client, plan):
    staff_of(plan, client)
    theirs = Category.objects.filter(plan=PlanFactory()).first()
    for value in (str(theirs.pk), "999999", "abc", "9" * 30, ""):
        for action in ("remove", "up", "save"):
            response = client.post(
                "/en/p/torino-2006/categories/", {"category": value, "action": action}
            )
            assert response.status_code == 404
    assert Category.objects.filter(pk=theirs.pk).exists()
    mine = Category.objects.filter(plan=plan).first()
    response = client.post(
        "/en/p/torino-2006/categories/", {"category": mine.pk, "action": "explode"}
    )
    assert response.status_code == 404


def test_staff_of_another_plan_and_people_without_a_role_are_refused(client, plan):
    staff_of(PlanFactory(), client)
    resident = Category.objects.get(plan=plan, key="resident")
    assert client.get("/en/p/torino-2006/categories/").status_code == 403
    response = client.post(
        "/en/p/torino-2006/categories/", {"category": resident.pk, "action": "remove"}
    )
    assert response.status_code == 403
    client.force_login(PersonFactory().user)
    assert client.get("/en/p/torino-2006/categories/").status_code == 403
    assert Category.objects.filter(pk=resident.pk).exists()
    client.logout()
    response = client.get("/p/torino-2006/categories/")
    assert response.status_code == 302 and response["Location"].startswith("/accounts/login/")


def test_the_categories_form_refuses_a_post_without_csrf(plan):
    client = Client(enforce_csrf_checks=True)
    staff_of(plan, client)
    response = client.post(
        "/p/torino-2006/categories/",
        {"action": "add", "key": "giovani", "label_it": "Giovani", "label_en": "Young"},
    )
    assert response.status_code == 403
    assert "giovani" not in keys(plan)


@pytest.mark.parametrize("extra", [0, 53])
def test_the_staff_page_costs_a_constant_number_of_queries(
    client, plan, django_assert_num_queries, extra
):
    for n in range(extra):
        category = services.category_create(plan=plan, key=f"c{n}", labels=labels(), by=None)
        services.person_update(
            person=PersonFactory(), values={"categories": [category.pk]}, by=None
        )
    staff_of(plan, client)
    with django_assert_num_queries(PLAN_CATEGORIES_QUERIES):
        response = client.get("/en/p/torino-2006/categories/")
    assert page_text(response).count("Remove “") == 7 + extra


# The profile


def test_a_person_chooses_categories_plan_by_plan(client, plan, english):
    other = PlanFactory(title_en="First plan", period_start=2000)
    person = PersonFactory(display_name="Ana", language="en")
    client.force_login(person.user)
    html = client.get("/en/me/").content.decode()
    assert "<legend" in html and "Second plan</legend>" in html and "First plan</legend>" in html
    student = Category.objects.get(plan=plan, key="student")
    business = Category.objects.get(plan=other, key="business")
    response = client.post(
        "/en/me/",
        {
            "display_name": "Ana",
            "language": "en",
            f"categories_{plan.pk}": [str(student.pk)],
            f"categories_{other.pk}": [str(business.pk)],
        },
    )
    assert response.status_code == 302
    assert set(person.categories.all()) == {student, business}
    html = client.get("/en/me/").content.decode()
    assert f'value="{student.pk}" id="id_categories_{plan.pk}_1" checked' in html
    # Saving without a plan's boxes takes that plan's categories away.
    client.post("/en/me/", {"display_name": "Ana", "language": "en"})
    assert not person.categories.exists()


def test_a_forged_category_is_an_error_on_the_plans_group(client, plan):
    other = PlanFactory()
    person = PersonFactory(display_name="Ana", language="en")
    client.force_login(person.user)
    theirs = Category.objects.filter(plan=other).first()
    for forged in (str(theirs.pk), "999999", "abc", "<script>"):
        response = client.post(
            "/en/me/",
            {"display_name": "Ana", "language": "en", f"categories_{plan.pk}": [forged]},
        )
        assert response.status_code == 200
        assert "Select a valid choice." in page_text(response)
        assert f'id="id_categories_{plan.pk}_error"' in response.content.decode()
    assert not person.categories.exists()

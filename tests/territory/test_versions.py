"""Municipalities' names show on every plan's pages (projects, actors, the list's filters), so a
write that changes a municipality raises every plan's content version, in one UPDATE; a write
that changes nothing raises none. The territory registers its municipalities as shown
everywhere (territory/apps.py, core/versions.py), so it raises them without knowing the plans."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from ordito.plans.models import Plan
from ordito.territory.models import Municipality
from ordito.territory.services import municipalities_load_istat
from tests.plans.factories import PlanFactory
from tests.territory.factories import MunicipalityFactory

pytestmark = pytest.mark.django_db


def versions() -> dict[int, int]:
    return dict(Plan.objects.values_list("pk", "content_version"))


def plan_updates(queries: CaptureQueriesContext) -> list[str]:
    return [
        q["sql"] for q in queries.captured_queries if q["sql"].startswith('UPDATE "plans_plan"')
    ]


@pytest.fixture
def plans() -> list[Plan]:
    return [PlanFactory(), PlanFactory()]


def test_first_istat_load_raises_every_plan_version_in_one_update(plans):
    before = versions()

    with CaptureQueriesContext(connection) as queries:
        municipalities_load_istat()

    assert Municipality.objects.count() == 312
    assert versions() == {pk: version + 1 for pk, version in before.items()}
    assert len(plan_updates(queries)) == 1


def test_istat_load_that_renames_a_municipality_raises_every_plan_version_once(plans):
    municipalities_load_istat()
    Municipality.objects.filter(istat_code="001272").update(name="Turin")
    before = versions()

    with CaptureQueriesContext(connection) as queries:
        municipalities_load_istat()

    assert Municipality.objects.get(istat_code="001272").name == "Torino"
    assert versions() == {pk: version + 1 for pk, version in before.items()}
    assert len(plan_updates(queries)) == 1


def test_istat_load_that_changes_nothing_leaves_every_plan_version(plans):
    municipalities_load_istat()
    before = versions()

    with CaptureQueriesContext(connection) as queries:
        municipalities_load_istat()

    assert versions() == before
    assert plan_updates(queries) == []


def test_istat_load_of_a_province_with_no_municipality_writes_nothing(plans):
    before = versions()

    assert municipalities_load_istat(province_code="ZZ") == 0

    assert Municipality.objects.count() == 0
    assert versions() == before


def test_admin_change_of_a_municipality_raises_every_plan_version(staff_client, plans):
    torino = MunicipalityFactory()
    before = versions()

    response = staff_client.post(
        f"/admin/territory/municipality/{torino.pk}/change/",
        {
            "istat_code": "001272",
            "name": "Torino (TO)",
            "province_code": "TO",
            "region": "Piemonte",
            "cadastral_code": "L219",
        },
    )

    assert response.status_code == 302
    assert Municipality.objects.get(pk=torino.pk).name == "Torino (TO)"
    assert versions() == {pk: version + 1 for pk, version in before.items()}


def test_admin_refuses_a_nameless_municipality_and_leaves_every_plan_version(staff_client, plans):
    torino = MunicipalityFactory()
    before = versions()

    response = staff_client.post(
        f"/admin/territory/municipality/{torino.pk}/change/",
        {"istat_code": "001272", "name": "", "province_code": "TO", "region": "Piemonte"},
    )

    assert response.status_code == 200
    errors = response.context["adminform"].form.errors
    # The admin speaks Italian to the staff.
    assert errors["name"] == ["Questo campo è obbligatorio."]
    assert Municipality.objects.get(pk=torino.pk).name == "Torino"
    assert versions() == before


def test_admin_deletion_of_a_municipality_raises_every_plan_version(staff_client, plans):
    doomed = MunicipalityFactory(istat_code="001156", name="Moncalieri", cadastral_code="F335")
    before = versions()

    response = staff_client.post(
        f"/admin/territory/municipality/{doomed.pk}/delete/", {"post": "yes"}
    )

    assert response.status_code == 302
    assert not Municipality.objects.filter(pk=doomed.pk).exists()
    assert versions() == {pk: version + 1 for pk, version in before.items()}


def test_admin_bulk_deletion_of_municipalities_raises_every_plan_version_once(staff_client, plans):
    doomed = [
        MunicipalityFactory(istat_code="001156", name="Moncalieri", cadastral_code="F335"),
        MunicipalityFactory(istat_code="001219", name="Rivoli", cadastral_code="H355"),
    ]
    before = versions()

    response = staff_client.post(
        "/admin/territory/municipality/",
        {
            "action": "delete_selected",
            "_selected_action": [m.pk for m in doomed],
            "post": "yes",
        },
    )

    assert response.status_code == 302
    assert Municipality.objects.filter(pk__in=[m.pk for m in doomed]).count() == 0
    assert versions() == {pk: version + 1 for pk, version in before.items()}

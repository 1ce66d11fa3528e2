"""Recording and publishing progress updates: who may, and what is refused."""

import datetime
from decimal import Decimal

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import timezone

from ordito.monitoring import services
from ordito.monitoring.models import TEXT_MAX, ProgressUpdate, ProjectStatus
from tests.monitoring.conftest import report


def test_statuses_ensure_gives_the_default_list_once(world):
    again = services.statuses_ensure(plan=world.plan, by=world.staff)
    assert [s.key for s in again] == [
        "proposed",
        "approved",
        "in_progress",
        "completed",
        "suspended",
        "abandoned",
    ]
    assert ProjectStatus.objects.filter(plan=world.plan).count() == 6


def test_statuses_ensure_keeps_a_renamed_and_added_status(world):
    ProjectStatus.objects.filter(plan=world.plan, key="approved").update(label="Finanziato")
    ProjectStatus.objects.create(plan=world.plan, key="merged", label="Accorpato", order=9)
    labels = [s.label for s in services.statuses_ensure(plan=world.plan, by=world.staff)]
    assert "Finanziato" in labels and "Accorpato" in labels and len(labels) == 7


def test_update_record_by_a_contact_is_a_draft_with_its_author(world):
    update = report(world.project_a, world.contact_a, text="Gara aggiudicata.")
    assert (update.author, update.is_published, update.published_at) == (
        world.contact_a,
        False,
        None,
    )
    assert (update.status.key, update.progress, update.spent_eur) == (
        "in_progress",
        50,
        Decimal("10.00"),
    )
    assert update.history.get().history_user == world.contact_a


def test_update_record_raises_the_plans_content_version(world):
    before = world.plan.content_version
    report(world.project_a, world.contact_a)
    world.plan.refresh_from_db()
    assert world.plan.content_version > before


def test_update_record_by_the_contact_of_another_actor_is_refused(world):
    with pytest.raises(PermissionDenied):
        report(world.project_a, world.contact_b)
    assert ProgressUpdate.objects.count() == 0


@pytest.mark.parametrize("who", ["outsider", "other_staff"])
def test_update_record_by_someone_outside_the_project_is_refused(world, who):
    with pytest.raises(PermissionDenied):
        report(world.project_a, getattr(world, who))
    assert ProgressUpdate.objects.count() == 0


def test_update_record_published_by_a_contact_is_refused(world):
    with pytest.raises(PermissionDenied, match="staff"):
        report(world.project_a, world.contact_a, publish=True)
    assert ProgressUpdate.objects.count() == 0


def test_update_record_by_staff_may_publish_at_once(world):
    update = report(world.project_b, world.staff, publish=True)
    assert update.is_published and update.published_at is not None


@pytest.mark.parametrize(
    ("values", "field", "message"),
    [
        ({"progress": 101}, "progress", "100"),
        ({"progress": -1}, "progress", "0"),
        ({"date": timezone.localdate() + datetime.timedelta(days=1)}, "date", "future"),
        ({"spent_eur": Decimal("-0.01")}, "spent_eur", "0"),
        ({"text": "x" * (TEXT_MAX + 1)}, "text", str(TEXT_MAX)),
        ({"text": ""}, "text", "blank"),
        ({"problems": "x" * (TEXT_MAX + 1)}, "problems", str(TEXT_MAX)),
        ({"status": "nonsense"}, "status", "statuses"),
    ],
)
def test_update_record_with_bad_input_names_the_field(world, english, values, field, message):
    with pytest.raises(ValidationError) as caught:
        report(world.project_a, world.contact_a, **values)
    assert field in caught.value.message_dict
    assert message in " ".join(caught.value.message_dict[field])
    assert ProgressUpdate.objects.count() == 0


def test_update_record_refuses_a_status_only_another_plan_has(world):
    other_plan = world.other_staff.plan_roles.get().plan
    ProjectStatus.objects.create(plan=other_plan, key="merged", label="Accorpato")
    with pytest.raises(ValidationError) as caught:
        report(world.project_a, world.contact_a, status="merged")
    assert "status" in caught.value.message_dict


def test_update_publish_by_staff_raises_the_version(world):
    update = report(world.project_a, world.contact_a)
    published = services.update_publish(update=update, version=update.version, by=world.staff)
    assert (published.is_published, published.version) == (True, 2)
    assert published.published_at is not None


def test_update_publish_with_a_stale_version_is_refused(world):
    update = report(world.project_a, world.contact_a)
    ProgressUpdate.objects.filter(pk=update.pk).update(version=2, text="Corretto dallo staff.")
    with pytest.raises(ValidationError) as caught:
        services.update_publish(update=update, version=1, by=world.staff)
    assert "version" in caught.value.message_dict
    assert not ProgressUpdate.objects.get(pk=update.pk).is_published


@pytest.mark.parametrize("who", ["contact_a", "other_staff"])
def test_update_publish_by_anyone_but_the_plans_staff_is_refused(world, who):
    update = report(world.project_a, world.contact_a)
    with pytest.raises(PermissionDenied):
        services.update_publish(update=update, version=1, by=getattr(world, who))
    assert not ProgressUpdate.objects.get(pk=update.pk).is_published

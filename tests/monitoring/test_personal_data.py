"""A reporter's updates in their personal data: exported with the rest, kept without them when
the account is deleted."""

import pytest

from ordito.monitoring.models import ProgressUpdate
from ordito.people.services import account_delete, personal_data_export
from tests.monitoring.conftest import report

pytestmark = pytest.mark.django_db


def test_the_updates_a_person_wrote_are_in_their_data(world):
    report(world.project_a, world.contact_a, text="Cantiere aperto <b>ieri</b>", progress=30)
    report(world.project_b, world.contact_b, text="Non mio")

    exported = personal_data_export(user=world.contact_a)["progress_updates"]

    assert len(exported) == 1
    assert exported[0]["project"] == world.project_a.code
    assert exported[0]["plan"] == world.plan.slug
    assert (exported[0]["text"], exported[0]["progress"]) == ("Cantiere aperto <b>ieri</b>", 30)
    assert exported[0]["published"] is False


def test_deleting_the_account_keeps_the_update_without_its_author(world):
    update = report(world.project_a, world.contact_a, text="Gara aggiudicata")

    account_delete(user=world.contact_a)

    update.refresh_from_db()
    assert update.text == "Gara aggiudicata"
    assert update.author_id is None
    assert ProgressUpdate.objects.count() == 1

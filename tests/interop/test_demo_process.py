"""The Turin demo's process: the real timeline, phases, commissions, meetings and assemblies of
the 2nd plan from the sources, invented values flagged, and nothing written by a second load."""

import datetime
from zoneinfo import ZoneInfo

import pytest
from django.utils import timezone

from ordito.interop.demo import demo_load
from ordito.interop.demo_people import demo_people_reset
from ordito.interop.demo_process import demo_process_load
from ordito.process.models import (
    Commission,
    CommissionMembership,
    ConferenceSession,
    DocumentVersion,
    Meeting,
    Milestone,
    Motion,
    Phase,
)

pytestmark = pytest.mark.django_db
ROME = ZoneInfo("Europe/Rome")
PROCESS_MODELS = (
    Phase,
    Milestone,
    Commission,
    CommissionMembership,
    Meeting,
    ConferenceSession,
    Motion,
    DocumentVersion,
)


@pytest.fixture
def loaded(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    assert demo_load().ok
    demo_people_reset()
    return demo_process_load()


def history_counts() -> dict[str, int]:
    counts = {model.__name__: model.objects.count() for model in PROCESS_MODELS}
    for model in PROCESS_MODELS:
        if hasattr(model, "history"):
            counts[f"history of {model.__name__}"] = model.history.count()
    return counts


def test_demo_process_load_twice_writes_nothing(loaded):
    assert loaded.written > 40
    before = history_counts()

    again = demo_process_load()

    assert again.written == 0
    assert history_counts() == before


def test_demo_process_has_the_documents_phases_with_the_implementation_current(loaded):
    phases = list(Phase.objects.filter(plan__slug="torino-2006").order_by("order", "starts_on"))
    assert [phase.starts_on for phase in phases] == [
        datetime.date(2004, 1, 1),
        datetime.date(2005, 1, 1),
        datetime.date(2005, 6, 1),
        datetime.date(2006, 1, 1),
        datetime.date(2006, 9, 1),
    ]
    assert [phase.is_current for phase in phases] == [False, False, False, False, True]
    assert phases[1].title_it.startswith("Il mandato e il confronto")
    assert phases[2].title_it.startswith("L'allargamento del dibattito")
    assert phases[3].title_it.startswith("L'identificazione di obiettivi")


def test_demo_process_has_four_thematic_commissions_and_the_transversal_group(loaded):
    commissions = Commission.objects.filter(plan__slug="torino-2006")
    assert sorted(commissions.values_list("kind", "area__code")) == [
        ("thematic", "CUL"),
        ("thematic", "ECO"),
        ("thematic", "SOC"),
        ("thematic", "TER"),
        ("transversal", "CON"),
    ]
    assert "Barbieri" in commissions.get(code="TER").mandate_it


def test_demo_process_has_the_politecnico_conference_and_both_assemblies(loaded):
    conference = Meeting.objects.get(plan__slug="torino-2006", code="ECO-CONV")
    assert conference.kind == "conference"
    assert conference.starts_at == datetime.datetime(2005, 11, 19, 9, 0, tzinfo=ROME)
    assert conference.participants == 500
    assert conference.example_fields == [] and not conference.is_example
    assert conference.sessions.count() == 5
    assert all(session.is_example for session in conference.sessions.all())

    february = Meeting.objects.get(plan__slug="torino-2006", code="ASS-2006-02")
    july = Meeting.objects.get(plan__slug="torino-2006", code="ASS-2006-07")
    assert february.starts_at.astimezone(ROME).date() == datetime.date(2006, 2, 1)
    assert "starts_at" not in february.example_fields or february.starts_at.day == 1
    # The day of the July assembly is not in the sources: flagged as invented.
    assert july.starts_at.astimezone(ROME).month == 7 and "starts_at" in july.example_fields
    approval = july.motions.get()
    assert approval.decision == "approved" and not approval.is_example
    assert approval.votes_for is None  # the sources give no counts
    assert february.motions.get().is_example  # February was a presentation, not a vote


def test_demo_process_flags_what_the_sources_do_not_say(loaded):
    meetings = Meeting.objects.filter(plan__slug="torino-2006")
    workshops = meetings.filter(code__startswith="TER-WS")
    assert workshops.count() == 4
    assert all("starts_at" in workshop.example_fields for workshop in workshops)
    days = meetings.filter(kind="consultation_day", starts_at__year=2005)
    assert sorted(day.categories.get().key for day in days) == [
        "periferie",
        "politiche-giovanili",
        "school",
    ]
    upcoming = meetings.filter(starts_at__gte=datetime.datetime(2026, 12, 31, tzinfo=datetime.UTC))
    assert upcoming.count() >= 4
    assert all(meeting.is_example for meeting in upcoming)
    assert upcoming.filter(
        capacity__isnull=False, registration_opens_at__lte=timezone.now()
    ).exists()

"""How the process's rows reach the plans whose pages show them (core/versions.py)."""

from ordito.core.versions import along, content_register, nowhere


def register() -> None:
    from ordito.process.models import (
        CalendarSecret,
        Commission,
        CommissionDocument,
        CommissionMembership,
        ConferenceSession,
        DocumentVersion,
        Meeting,
        MeetingDocument,
        Milestone,
        Motion,
        Phase,
        Registration,
    )

    for model in (Phase, Milestone, Commission, Meeting):
        content_register(model, along("plan"))
    content_register(CommissionMembership, along("commission__plan"))
    for model in (ConferenceSession, Motion, MeetingDocument):
        content_register(model, along("meeting__plan"))
    # The workspace's drafts, the registrations and the calendar secrets show on no cached page.
    for model in (CommissionDocument, DocumentVersion, Registration, CalendarSecret):
        content_register(model, nowhere)

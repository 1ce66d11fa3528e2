from ordito.process.models.commissions import (
    Commission,
    CommissionDocument,
    CommissionMembership,
    DocumentVersion,
)
from ordito.process.models.meetings import (
    ConferenceSession,
    Meeting,
    MeetingDocument,
    Motion,
)
from ordito.process.models.registrations import CalendarSecret, Registration
from ordito.process.models.timeline import Milestone, Phase

__all__ = [
    "CalendarSecret",
    "Commission",
    "CommissionDocument",
    "CommissionMembership",
    "ConferenceSession",
    "DocumentVersion",
    "Meeting",
    "MeetingDocument",
    "Milestone",
    "Motion",
    "Phase",
    "Registration",
]

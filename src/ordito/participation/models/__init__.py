"""Participation: the forum, proposals, consultations with their votes, and moderation."""

from ordito.participation.models.consultations import (
    Consultation,
    ConsultationParticipant,
    Statement,
    Vote,
)
from ordito.participation.models.forum import Board, Follow, Post, Thread
from ordito.participation.models.moderation import ModerationAction, Report, Suspension
from ordito.participation.models.proposals import Proposal, Support

__all__ = [
    "Board",
    "Consultation",
    "ConsultationParticipant",
    "Follow",
    "ModerationAction",
    "Post",
    "Proposal",
    "Report",
    "Statement",
    "Support",
    "Suspension",
    "Thread",
    "Vote",
]

"""Participation's part of a person's data (people/personal_data.py).

What a person wrote in public (threads, posts, proposals, statements) is exported, and on erasure
stays, attributed to a former participant (its author set to null). Supports and votes stay
counted without a link to the person. Follows, open reports' authorship, suspensions and the
moderation log's link to them are erased or detached.
"""

from django.contrib.auth.models import AbstractBaseUser

from ordito.participation.models import (
    ConsultationParticipant,
    Follow,
    ModerationAction,
    Post,
    Proposal,
    Report,
    Statement,
    Support,
    Suspension,
    Thread,
    Vote,
)
from ordito.people.personal_data import personal_data_register


def iso(moment) -> str | None:
    return moment.isoformat() if moment is not None else None


def forum_export(user: AbstractBaseUser) -> dict:
    return {
        "threads": [
            {"id": pk, "board": board, "title": title, "created_at": iso(created)}
            for pk, board, title, created in Thread.objects.filter(author=user)
            .order_by("pk")
            .values_list("pk", "board__slug", "title", "created_at")
        ],
        "posts": [
            {"id": pk, "thread": thread, "body": body, "created_at": iso(created)}
            for pk, thread, body, created in Post.objects.filter(author=user)
            .order_by("pk")
            .values_list("pk", "thread_id", "body", "created_at")
        ],
        "following": list(
            Follow.objects.filter(user=user)
            .order_by("thread_id")
            .values_list("thread_id", flat=True)
        ),
    }


def proposals_export(user: AbstractBaseUser) -> dict:
    return {
        "proposals": [
            {"id": pk, "title": title, "text": text, "status": status, "created_at": iso(created)}
            for pk, title, text, status, created in Proposal.objects.filter(author=user)
            .order_by("pk")
            .values_list("pk", "title", "text", "status", "created_at")
        ],
        "supports": list(
            Support.objects.filter(user=user)
            .order_by("proposal_id")
            .values_list("proposal_id", flat=True)
        ),
    }


def consultations_export(user: AbstractBaseUser) -> dict:
    return {
        "statements": [
            {"id": pk, "consultation": consultation, "text": text, "status": status}
            for pk, consultation, text, status in Statement.objects.filter(author=user)
            .order_by("pk")
            .values_list("pk", "consultation_id", "text", "status")
        ],
        "votes": [
            {"statement": statement, "vote": value, "voted_at": iso(at)}
            for statement, value, at in Vote.objects.filter(participant__user=user)
            .order_by("statement_id")
            .values_list("statement_id", "value", "voted_at")
        ],
    }


def moderation_export(user: AbstractBaseUser) -> dict:
    return {
        "reports": [
            {"reason": reason, "created_at": iso(created)}
            for reason, created in Report.objects.filter(reporter=user)
            .order_by("pk")
            .values_list("reason", "created_at")
        ],
        "actions_about_you": [
            {"plan": plan, "action": kind, "reason": reason, "at": iso(at)}
            for plan, kind, reason, at in ModerationAction.objects.filter(person=user)
            .order_by("pk")
            .values_list("plan__slug", "kind", "reason", "at")
        ],
        "suspensions": [
            {"plan": plan, "until": iso(until), "reason": reason}
            for plan, until, reason in Suspension.objects.filter(user=user)
            .order_by("pk")
            .values_list("plan__slug", "until", "reason")
        ],
    }


def forum_erase(user: AbstractBaseUser) -> None:
    Thread.objects.filter(author=user).update(author=None)
    Post.objects.filter(author=user).update(author=None)
    Follow.objects.filter(user=user).delete()


def proposals_erase(user: AbstractBaseUser) -> None:
    Proposal.objects.filter(author=user).update(author=None)
    Proposal.objects.filter(answered_by=user).update(answered_by=None)
    Support.objects.filter(user=user).update(user=None)


def consultations_erase(user: AbstractBaseUser) -> None:
    Statement.objects.filter(author=user).update(author=None)
    # The pseudonymous participant stays, with its votes, linked to no one.
    ConsultationParticipant.objects.filter(user=user).update(user=None)


def moderation_erase(user: AbstractBaseUser) -> None:
    Report.objects.filter(reporter=user).update(reporter=None)
    ModerationAction.objects.filter(person=user).update(person=None)
    Suspension.objects.filter(user=user).delete()


def register() -> None:
    personal_data_register("forum", export=forum_export, erase=forum_erase)
    personal_data_register("proposals", export=proposals_export, erase=proposals_erase)
    personal_data_register("consultations", export=consultations_export, erase=consultations_erase)
    personal_data_register("moderation", export=moderation_export, erase=moderation_erase)

"""Every write of the process: phases, milestones, commissions and their members and drafts,
meetings, their programme, minutes and documents, and the assembly's motions.

Rows with a code (phases, milestones, commissions, the demo's meetings) are saved by it
(`core.records.upsert`, decision 0001), so loading the demo twice writes nothing; rows edited on
the site are saved as the form gives them. Every write validates the whole row and raises
`ValidationError` keyed by the field at fault.
"""

import os
from collections.abc import Iterable, Mapping
from typing import Any

from django.contrib.auth.models import AbstractBaseUser
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.db import models, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from ordito.actors.models import Actor
from ordito.core.languages import translated
from ordito.core.records import Author, assign, recorded_delete, upsert, validated_save
from ordito.core.versions import content_writing
from ordito.people.models import Affiliation, Category
from ordito.plans.models import Objective, Plan, Project
from ordito.process.documents import document_check
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
from ordito.process.models.registrations import calendar_token_new
from ordito.process.registrations import waiting_list_promote

PHASE_FIELDS = (
    *translated("title", "description"),
    "order",
    "starts_on",
    "ends_on",
    "date_precision",
    "is_current",
    "is_example",
)
MILESTONE_FIELDS = (
    *translated("title", "description"),
    "phase",
    "kind",
    "happens_on",
    "ends_on",
    "date_precision",
    "meeting",
    "is_example",
)
COMMISSION_FIELDS = (*translated("title", "mandate"), "kind", "area", "order", "is_example")
MEETING_FIELDS = (
    *translated("title", "description", "agenda"),
    "code",
    "kind",
    "starts_at",
    "ends_at",
    "address",
    "municipality",
    "online_url",
    "capacity",
    "registration_opens_at",
    "registration_closes_at",
    "is_internal",
    "participants",
    "is_example",
    "example_fields",
)
SESSION_FIELDS = (*translated("title"), "starts_at", "ends_at", "room", "speakers", "is_example")
MOTION_FIELDS = (*translated("title", "description"), "order", "is_example")
MINUTES_MAX_LENGTH = 100_000
TEXT_MAX_LENGTH = 20_000  # a meeting's description or agenda, a commission's mandate
LONG_TEXTS = (*translated("description", "agenda", "mandate"), "speakers")


def _texts_check(values: Mapping[str, Any]) -> None:
    """Refuse oversized long texts, which the database would take whole."""
    too_long = {
        name: _("Write at most %(count)d characters.") % {"count": TEXT_MAX_LENGTH}
        for name in LONG_TEXTS
        if isinstance(values.get(name), str) and len(values[name]) > TEXT_MAX_LENGTH
    }
    if too_long:
        raise ValidationError(too_long)


def _links_set(row: models.Model, *, field: str, wanted: Iterable[models.Model], written: bool):
    """Replace the many-to-many links `field` of `row` with `wanted`; return whether written."""
    wanted = list(wanted)
    if {item.pk for item in wanted} == set(getattr(row, field).values_list("pk", flat=True)):
        return written
    # The links are written after the row: when the row did not change, nothing has raised the
    # plan's version yet for this write.
    if not written:
        content_writing(row)
    getattr(row, field).set(wanted)
    return True


# Phases and milestones


@transaction.atomic
def phase_save(
    *, by: Author, plan: Plan, code: str, values: Mapping[str, Any]
) -> tuple[Phase, bool]:
    """Create or update a phase; making it current makes every other phase of the plan not."""
    _texts_check(values)
    if values.get("is_current"):
        others = Phase.objects.filter(plan=plan, is_current=True).exclude(code=code)
        for other in others.select_for_update():
            other.is_current = False
            validated_save(other, by=by)
    return upsert(
        Phase, by=by, lookup={"plan": plan, "code": code}, values=values, allowed=PHASE_FIELDS
    )


@transaction.atomic
def milestone_save(
    *, by: Author, plan: Plan, code: str, values: Mapping[str, Any]
) -> tuple[Milestone, bool]:
    _texts_check(values)
    return upsert(
        Milestone,
        by=by,
        lookup={"plan": plan, "code": code},
        values=values,
        allowed=MILESTONE_FIELDS,
    )


# Commissions and their members


@transaction.atomic
def commission_save(
    *, by: Author, plan: Plan, code: str, values: Mapping[str, Any]
) -> tuple[Commission, bool]:
    _texts_check(values)
    return upsert(
        Commission,
        by=by,
        lookup={"plan": plan, "code": code},
        values=values,
        allowed=COMMISSION_FIELDS,
    )


@transaction.atomic
def commission_member_set(
    *,
    by: Author,
    commission: Commission,
    user: AbstractBaseUser,
    role: str,
    actor: Actor | None = None,
) -> tuple[CommissionMembership, bool]:
    """Put `user` in `commission` with `role`, representing `actor` (or themselves).

    A person represents an actor only once the plan's staff have confirmed their affiliation
    (people.Affiliation); anyone else is refused on the field `actor`.
    """
    if role not in CommissionMembership.Role.values:
        raise ValidationError({"role": _("Choose coordinator or member.")})
    if (
        actor is not None
        and not Affiliation.objects.filter(
            user=user, actor=actor, status=Affiliation.Status.CONFIRMED
        ).exists()
    ):
        raise ValidationError(
            {"actor": _("This person is not a confirmed representative of this actor.")}
        )
    return upsert(
        CommissionMembership,
        by=by,
        lookup={"commission": commission, "user": user},
        values={"role": role, "actor": actor},
        allowed=("role", "actor"),
    )


@transaction.atomic
def commission_member_remove(*, by: Author, commission: Commission, user: AbstractBaseUser) -> bool:
    return recorded_delete(CommissionMembership, by=by, commission=commission, user=user)


# The workspace's drafts


def _upload_checked(upload: UploadedFile, field: str):
    kind = document_check(upload, size=upload.size or 0, field=field)
    name = os.path.basename(upload.name or "")[:255] or f"document.{kind.extension}"
    return kind, name


@transaction.atomic
def document_create(
    *,
    by: AbstractBaseUser,
    commission: Commission,
    title: str,
    description: str = "",
    upload: UploadedFile,
) -> CommissionDocument:
    """A new draft in `commission`'s workspace, with `upload` as its version 1."""
    document = CommissionDocument(
        commission=commission, title=title, description=description, created_by=by
    )
    document.full_clean()
    _upload_checked(upload, "file")  # refuse a bad file before writing anything
    document.save()
    document_version_add(by=by, document=document, upload=upload, note="")
    return document


@transaction.atomic
def document_version_add(
    *, by: AbstractBaseUser, document: CommissionDocument, upload: UploadedFile, note: str = ""
) -> DocumentVersion:
    """Add `upload` as the next version of `document`; its type is read from its content."""
    kind, name = _upload_checked(upload, "file")
    # Lock the document so two uploads at once cannot take the same number.
    CommissionDocument.objects.select_for_update().filter(pk=document.pk).first()
    last = document.versions.aggregate(last=models.Max("number"))["last"] or 0
    version = DocumentVersion(
        document=document,
        number=last + 1,
        original_name=name,
        extension=kind.extension,
        content_type=kind.content_type,
        size_bytes=upload.size,
        note=note,
        uploaded_by=by,
    )
    version.file = upload
    version.full_clean()
    version.save()
    document.save(update_fields=["updated_at"])
    return version


# Meetings


def _same_plan(plan: Plan, field: str, items: Iterable[models.Model], plan_of) -> list:
    items = list(items)
    if any(plan_of(item) != plan.pk for item in items):
        raise ValidationError({field: _("Choose something of the same plan.")})
    return items


@transaction.atomic
def meeting_save(
    *,
    by: Author,
    plan: Plan,
    values: Mapping[str, Any],
    meeting: Meeting | None = None,
    commissions: Iterable[Commission] | None = None,
    objectives: Iterable[Objective] | None = None,
    projects: Iterable[Project] | None = None,
    categories: Iterable[Category] | None = None,
) -> tuple[Meeting, bool]:
    """Create a meeting of `plan`, or update `meeting` (or the plan's meeting with the code in
    `values`); the links given replace the meeting's. Return it and whether anything changed.
    """
    _texts_check(values)
    links = {
        "commissions": (commissions, lambda item: item.plan_id),
        "objectives": (objectives, lambda item: item.plan_id),
        "projects": (projects, lambda item: item.plan_id),
        "categories": (categories, lambda item: item.plan_id),
    }
    checked = {
        field: _same_plan(plan, field, items, plan_of)
        for field, (items, plan_of) in links.items()
        if items is not None
    }
    if meeting is None and values.get("code"):
        meeting = Meeting.objects.filter(plan=plan, code=values["code"]).first()
    if meeting is None:
        meeting = Meeting(plan=plan)
    elif meeting.plan_id != plan.pk:
        raise ValidationError(_("This meeting belongs to another plan."))
    else:
        Meeting.objects.select_for_update().filter(pk=meeting.pk).first()
    is_new = meeting.pk is None
    written = assign(meeting, values, allowed=MEETING_FIELDS)
    if meeting.capacity is not None and not is_new:
        confirmed = meeting.registrations.filter(status=Registration.Status.CONFIRMED).count()
        if meeting.capacity < confirmed:
            raise ValidationError(
                {
                    "capacity": _(
                        "%(count)d people are already confirmed: the capacity cannot be lower."
                    )
                    % {"count": confirmed}
                }
            )
    if is_new or written:
        validated_save(meeting, by=by)
        written = True
    for field, items in checked.items():
        written = _links_set(meeting, field=field, wanted=items, written=written)
    if written and not is_new:
        # A larger capacity (or none) gives its new places to the waiting list, in order.
        waiting_list_promote(meeting=meeting)
    return meeting, written


@transaction.atomic
def meeting_minutes_set(*, by: Author, meeting: Meeting, minutes: str, publish: bool) -> Meeting:
    """Write the minutes of `meeting`; publishing them shows them to everyone who sees it."""
    if len(minutes) > MINUTES_MAX_LENGTH:
        raise ValidationError(
            {"minutes": _("Write at most %(count)d characters.") % {"count": MINUTES_MAX_LENGTH}}
        )
    if publish and not minutes.strip():
        raise ValidationError({"minutes": _("Write the minutes before publishing them.")})
    published_at = meeting.minutes_published_at if publish else None
    if publish and published_at is None:
        published_at = timezone.now()
    values = {"minutes": minutes, "minutes_published_at": published_at}
    if assign(meeting, values, allowed=values.keys()):
        validated_save(meeting, by=by)
    return meeting


@transaction.atomic
def meeting_document_add(
    *, by: AbstractBaseUser, meeting: Meeting, title: str, upload: UploadedFile
) -> MeetingDocument:
    kind, name = _upload_checked(upload, "file")
    document = MeetingDocument(
        meeting=meeting,
        title=title,
        original_name=name,
        extension=kind.extension,
        content_type=kind.content_type,
        size_bytes=upload.size,
        uploaded_by=by,
    )
    document.file = upload
    return validated_save(document, by=by)


@transaction.atomic
def session_save(
    *,
    by: Author,
    meeting: Meeting,
    values: Mapping[str, Any],
    session: ConferenceSession | None = None,
) -> tuple[ConferenceSession, bool]:
    """Create or update a session of a conference's programme (the demo finds it by its start
    and room, so loading twice writes nothing)."""
    _texts_check(values)
    if session is None:
        session = ConferenceSession.objects.filter(
            meeting=meeting, starts_at=values.get("starts_at"), room=values.get("room", "")
        ).first() or ConferenceSession(meeting=meeting)
    elif session.meeting_id != meeting.pk:
        raise ValidationError(_("This session belongs to another meeting."))
    is_new = session.pk is None
    written = assign(session, values, allowed=SESSION_FIELDS)
    if is_new or written:
        validated_save(session, by=by)
    return session, is_new or written


# The members' assembly


@transaction.atomic
def motion_save(
    *, by: Author, meeting: Meeting, values: Mapping[str, Any], motion: Motion | None = None
) -> tuple[Motion, bool]:
    """Create or update a motion of an assembly (the demo finds it by its order)."""
    _texts_check(values)
    if motion is None:
        motion = Motion.objects.filter(meeting=meeting, order=values.get("order", 0)).first()
        motion = motion or Motion(meeting=meeting)
    elif motion.meeting_id != meeting.pk:
        raise ValidationError(_("This motion belongs to another meeting."))
    is_new = motion.pk is None
    written = assign(motion, values, allowed=MOTION_FIELDS)
    if is_new or written:
        validated_save(motion, by=by)
    return motion, is_new or written


@transaction.atomic
def motion_result_record(
    *,
    by: Author,
    motion: Motion,
    votes_for: int | None,
    votes_against: int | None,
    abstentions: int | None,
    quorum_reached: bool | None,
    decision: str,
) -> Motion:
    """Record the result of a vote on `motion`, with who recorded it and when.

    An approval without a quorum is refused; so is a count of votes that contradicts the decision
    (more against than for in an approval, more for than against in a rejection).
    """
    if decision not in Motion.Decision.values:
        raise ValidationError({"decision": _("Choose approved, rejected or not voted yet.")})
    if votes_for is not None and votes_against is not None:
        if decision == Motion.Decision.APPROVED and votes_for <= votes_against:
            raise ValidationError(
                {"decision": _("An approved motion has more votes for than against.")}
            )
        if decision == Motion.Decision.REJECTED and votes_for > votes_against:
            raise ValidationError(
                {"decision": _("A rejected motion cannot have more votes for than against.")}
            )
    values = {
        "votes_for": votes_for,
        "votes_against": votes_against,
        "abstentions": abstentions,
        "quorum_reached": quorum_reached,
        "decision": decision,
    }
    if assign(motion, values, allowed=values.keys()):
        motion.recorded_by = by
        motion.recorded_at = timezone.now()
        validated_save(motion, by=by)
    return motion


# The private calendar address


@transaction.atomic
def calendar_secret_reset(*, user: AbstractBaseUser) -> CalendarSecret:
    """Give `user` a new secret calendar address; the old one stops working at once."""
    secret = CalendarSecret.objects.select_for_update().filter(user=user).first()
    if secret is None:
        secret = CalendarSecret(user=user)
    else:
        secret.token = calendar_token_new()
    return validated_save(secret, by=user)

"""Every read the process's pages share, with the related rows they show, in a stable order.

Internal meetings and a commission's workspace are for its members and the plan's staff: the
selectors that list meetings take the person asking (`viewer`) and leave out what they may not
know exists.
"""

import datetime
from dataclasses import dataclass

from django.contrib.auth.models import AbstractBaseUser, AnonymousUser
from django.db.models import Count, Prefetch, Q, QuerySet
from django.utils import timezone

from ordito.people.models import Category
from ordito.plans.models import Direction, Objective, Plan, Project
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

Viewer = AbstractBaseUser | AnonymousUser


def _is_staff(viewer: Viewer, plan: Plan) -> bool:
    return viewer.is_authenticated and viewer.has_perm("plans.change_plan", plan)


def meetings_visible(*, plan: Plan, viewer: Viewer) -> QuerySet[Meeting]:
    """The plan's meetings `viewer` may know of: the public ones, and the internal meetings of
    commissions they sit in; the plan's staff see them all."""
    meetings = Meeting.objects.filter(plan=plan)
    if _is_staff(viewer, plan):
        return meetings
    if not viewer.is_authenticated:
        return meetings.filter(is_internal=False)
    member_of = CommissionMembership.objects.filter(user=viewer).values("commission")
    return meetings.filter(Q(is_internal=False) | Q(commissions__in=member_of)).distinct()


# The process page


def process_phases(*, plan: Plan) -> QuerySet[Phase]:
    """The plan's phases in order, each with its milestones by date."""
    milestones = Milestone.objects.select_related("meeting").order_by("happens_on", "pk")
    return (
        Phase.objects.filter(plan=plan)
        .prefetch_related(Prefetch("milestones", queryset=milestones))
        .order_by("order", "starts_on", "pk")
    )


def milestones_outside_phases(*, plan: Plan) -> QuerySet[Milestone]:
    return (
        Milestone.objects.filter(plan=plan, phase__isnull=True)
        .select_related("meeting")
        .order_by("happens_on", "pk")
    )


def motions_approved(*, plan: Plan) -> QuerySet[Motion]:
    """The motions the plan's assemblies approved, by date: what the timeline and the plan's
    page show. An assembly is never an internal meeting of a commission, but check anyway."""
    return (
        Motion.objects.filter(
            meeting__plan=plan,
            meeting__is_internal=False,
            decision=Motion.Decision.APPROVED,
        )
        .select_related("meeting")
        .order_by("meeting__starts_at", "order", "pk")
    )


# Commissions


def commission_list(*, plan: Plan) -> QuerySet[Commission]:
    coordinators = (
        CommissionMembership.objects.filter(role=CommissionMembership.Role.COORDINATOR)
        .select_related("user__person", "actor")
        .order_by("pk")
    )
    return (
        Commission.objects.filter(plan=plan)
        .select_related("area")
        .prefetch_related(Prefetch("memberships", queryset=coordinators, to_attr="coordinators"))
        .annotate(member_count=Count("memberships", distinct=True))
        .order_by("order", "code")
    )


def commission_get(*, plan: Plan, pk: int) -> Commission:
    """The commission with its area's directions and objectives and its memberships (people
    with their profiles and the actors they represent). Raises Commission.DoesNotExist."""
    objectives = Objective.objects.order_by("order", "code")
    directions = Direction.objects.order_by("order", "code").prefetch_related(
        Prefetch("objectives", queryset=objectives)
    )
    memberships = CommissionMembership.objects.select_related("user__person", "actor").order_by(
        "role", "pk"
    )
    return (
        Commission.objects.filter(plan=plan)
        .select_related("area", "plan")
        .prefetch_related(
            Prefetch("area__directions", queryset=directions),
            Prefetch("memberships", queryset=memberships),
        )
        .get(pk=pk)
    )


def commission_meetings(*, commission: Commission, include_internal: bool) -> QuerySet[Meeting]:
    meetings = Meeting.objects.filter(commissions=commission)
    if not include_internal:
        meetings = meetings.filter(is_internal=False)
    return meetings.select_related("municipality").order_by("-starts_at", "pk")


def commission_documents(*, commission: Commission) -> QuerySet[CommissionDocument]:
    """The drafts of `commission`'s workspace, each with its versions, newest first."""
    versions = DocumentVersion.objects.select_related("uploaded_by__person").order_by("-number")
    return (
        CommissionDocument.objects.filter(commission=commission)
        .prefetch_related(Prefetch("versions", queryset=versions))
        .order_by("-updated_at", "-pk")
    )


def document_version_get(
    *, commission: Commission, document_pk: int, number: int
) -> DocumentVersion:
    """A version of one of `commission`'s drafts; a draft of another commission is not found.
    Raises DocumentVersion.DoesNotExist."""
    return DocumentVersion.objects.select_related("document").get(
        document__commission=commission, document__pk=document_pk, number=number
    )


def document_get(*, commission: Commission, pk: int) -> CommissionDocument:
    return CommissionDocument.objects.get(commission=commission, pk=pk)


# Meetings


@dataclass(frozen=True, slots=True)
class MeetingFilters:
    commission: Commission | None = None
    kind: str = ""
    when: str = ""  # "upcoming", "past" or "" for both

    def apply(self, meetings: QuerySet[Meeting], now: datetime.datetime) -> QuerySet[Meeting]:
        if self.commission is not None:
            meetings = meetings.filter(commissions=self.commission)
        if self.kind:
            meetings = meetings.filter(kind=self.kind)
        if self.when == "upcoming":
            return meetings.filter(ends_at__gte=now).order_by("starts_at", "pk")
        if self.when == "past":
            return meetings.filter(ends_at__lt=now).order_by("-starts_at", "-pk")
        return meetings.order_by("-starts_at", "-pk")


def meeting_list(
    *, plan: Plan, viewer: Viewer, filters: MeetingFilters, now: datetime.datetime | None = None
) -> QuerySet[Meeting]:
    commissions = Commission.objects.order_by("order", "code")
    meetings = meetings_visible(plan=plan, viewer=viewer)
    return (
        filters.apply(meetings, now or timezone.now())
        .select_related("municipality")
        .prefetch_related(Prefetch("commissions", queryset=commissions))
    )


def meeting_get(*, plan: Plan, pk: int, viewer: Viewer) -> Meeting:
    """The meeting with everything its page shows, if `viewer` may know of it. Raises
    Meeting.DoesNotExist otherwise, so that an internal meeting answers 404 like a missing one."""
    meeting = (
        meetings_visible(plan=plan, viewer=viewer)
        .select_related("plan", "municipality")
        .prefetch_related(
            Prefetch("commissions", queryset=Commission.objects.order_by("order", "code")),
            Prefetch(
                "objectives",
                queryset=Objective.objects.select_related("direction").order_by("order", "code"),
            ),
            Prefetch("projects", queryset=Project.objects.order_by("code")),
            Prefetch("categories", queryset=Category.objects.order_by("order", "pk")),
            Prefetch("documents", queryset=MeetingDocument.objects.order_by("pk")),
            Prefetch(
                "sessions", queryset=ConferenceSession.objects.order_by("starts_at", "room", "pk")
            ),
            Prefetch("motions", queryset=Motion.objects.order_by("order", "pk")),
        )
        .get(pk=pk)
    )
    return meeting


def meeting_document_get(*, meeting: Meeting, pk: int) -> MeetingDocument:
    return MeetingDocument.objects.get(meeting=meeting, pk=pk)


# Registrations and calendars


@dataclass(frozen=True, slots=True)
class RegistrationPanel:
    """What a meeting's page says about registering: the counts, and the viewer's place."""

    confirmed: int
    waitlisted: int
    mine: Registration | None
    place: int | None  # the viewer's place on the waiting list, from 1

    def places_left(self, capacity: int | None) -> int | None:
        return None if capacity is None else max(capacity - self.confirmed, 0)


def registration_panel(*, meeting: Meeting, viewer: Viewer) -> RegistrationPanel:
    """Three queries at most, whatever the number of registrations."""
    counts = Registration.objects.filter(meeting=meeting).aggregate(
        confirmed=Count("pk", filter=Q(status=Registration.Status.CONFIRMED)),
        waitlisted=Count("pk", filter=Q(status=Registration.Status.WAITLISTED)),
    )
    mine = place = None
    if viewer.is_authenticated:
        mine = (
            Registration.objects.filter(meeting=meeting, user=viewer)
            .exclude(status=Registration.Status.CANCELLED)
            .first()
        )
        if mine is not None and mine.status == Registration.Status.WAITLISTED:
            place = Registration.objects.filter(
                meeting=meeting,
                status=Registration.Status.WAITLISTED,
                position__lte=mine.position,
            ).count()
    return RegistrationPanel(mine=mine, place=place, **counts)


def registration_list(*, meeting: Meeting) -> QuerySet[Registration]:
    """A meeting's registrations that are not cancelled: the confirmed ones in the order they
    came, then the waiting list in its order; each with the person's profile."""
    return (
        Registration.objects.filter(meeting=meeting)
        .exclude(status=Registration.Status.CANCELLED)
        .select_related("user__person")
        .order_by("status", "position", "created_at", "pk")  # "confirmed" < "waitlisted"
    )


def calendar_meetings(*, plan: Plan, commission: Commission | None = None) -> QuerySet[Meeting]:
    """The public meetings of a plan (or of one of its commissions), for its calendar feed."""
    meetings = Meeting.objects.filter(plan=plan, is_internal=False)
    if commission is not None:
        meetings = meetings.filter(commissions=commission)
    return meetings.select_related("plan", "municipality").order_by("starts_at", "pk")


def calendar_meetings_of(*, user: AbstractBaseUser) -> QuerySet[Meeting]:
    """The meetings `user` holds a confirmed or waiting place for, for their private feed."""
    held = (
        Registration.objects.filter(user=user)
        .exclude(status=Registration.Status.CANCELLED)
        .values("meeting")
    )
    return (
        Meeting.objects.filter(pk__in=held)
        .select_related("plan", "municipality")
        .order_by("starts_at", "pk")
    )


def meeting_visible_get(*, plan: Plan, pk: int, viewer: Viewer) -> Meeting:
    """The meeting alone (with its plan and place), if `viewer` may know of it. Raises
    Meeting.DoesNotExist otherwise."""
    return (
        meetings_visible(plan=plan, viewer=viewer).select_related("plan", "municipality").get(pk=pk)
    )


def registrations_upcoming_of(*, user: AbstractBaseUser) -> QuerySet[Registration]:
    """`user`'s registrations (not cancelled) for meetings not over yet, soonest first."""
    return (
        Registration.objects.filter(user=user, meeting__ends_at__gte=timezone.now())
        .exclude(status=Registration.Status.CANCELLED)
        .select_related("meeting__plan")
        .order_by("meeting__starts_at", "pk")
    )


def calendar_owner(*, token: str) -> AbstractBaseUser:
    """The active account whose private calendar address holds `token`. Raises
    CalendarSecret.DoesNotExist for a forged or reset one."""
    return CalendarSecret.objects.select_related("user").get(token=token, user__is_active=True).user


def calendar_token_of(*, user: AbstractBaseUser) -> str | None:
    return CalendarSecret.objects.filter(user=user).values_list("token", flat=True).first()


@dataclass(frozen=True, slots=True)
class MeetingApiFilters:
    kind: str = ""
    commission_id: int | None = None
    starts_after: datetime.datetime | None = None
    starts_before: datetime.datetime | None = None


def meeting_api_list(
    *, plan: Plan, viewer: Viewer, filters: MeetingApiFilters
) -> QuerySet[Meeting]:
    """The meetings of the API's list, soonest first, each with its place and commissions."""
    meetings = meetings_visible(plan=plan, viewer=viewer)
    if filters.kind:
        meetings = meetings.filter(kind=filters.kind)
    if filters.commission_id is not None:
        meetings = meetings.filter(commissions=filters.commission_id)
    if filters.starts_after is not None:
        meetings = meetings.filter(starts_at__gte=filters.starts_after)
    if filters.starts_before is not None:
        meetings = meetings.filter(starts_at__lt=filters.starts_before)
    return (
        meetings.select_related("municipality")
        .prefetch_related(
            Prefetch("commissions", queryset=Commission.objects.order_by("order", "code"))
        )
        .order_by("starts_at", "pk")
    )


def meeting_visible_by_pk(*, pk: int, viewer: Viewer) -> Meeting:
    """The meeting with this id and its plan, if `viewer` may know of it (one query for a
    public meeting). Raises Meeting.DoesNotExist otherwise."""
    meeting = Meeting.objects.select_related("plan").get(pk=pk)
    if not viewer.has_perm("process.view_meeting", meeting):
        raise Meeting.DoesNotExist("No Meeting matches the given query.")
    return meeting


def meeting_api_get(*, pk: int, viewer: Viewer) -> Meeting:
    """A meeting with its registration counts (`confirmed`, `waitlisted`), if `viewer` may know
    of it. Raises Meeting.DoesNotExist otherwise."""
    meeting = Meeting.objects.select_related("plan").get(pk=pk)
    meeting = (
        meetings_visible(plan=meeting.plan, viewer=viewer)
        .select_related("plan", "municipality")
        .prefetch_related(
            Prefetch("commissions", queryset=Commission.objects.order_by("order", "code"))
        )
        .annotate(
            confirmed=Count(
                "registrations",
                filter=Q(registrations__status=Registration.Status.CONFIRMED),
                distinct=True,
            ),
            waitlisted=Count(
                "registrations",
                filter=Q(registrations__status=Registration.Status.WAITLISTED),
                distinct=True,
            ),
        )
        .get(pk=pk)
    )
    return meeting

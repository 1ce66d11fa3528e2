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

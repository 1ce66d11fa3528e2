"""Meetings of the process: forums, workshops, consultation days, conferences, assemblies.

Times are stored in UTC (USE_TZ) and shown and entered in the site's zone, Europe/Rome.
"""

import secrets

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from ordito.plans.codes import code_validator
from ordito.process.models.commissions import Commission

MEETING_CAPACITY_MAX = 100_000
MOTION_VOTES_MAX = 1_000_000


class Meeting(models.Model):
    class Kind(models.TextChoices):
        PLENARY = "plenary", _("Plenary forum")
        WORKSHOP = "workshop", _("Workshop")
        CONSULTATION_DAY = "consultation_day", _("Participatory consultation day")
        CONFERENCE = "conference", _("Conference")
        INSTITUTIONAL = "institutional", _("Political or institutional meeting")
        ASSEMBLY = "assembly", _("Members' assembly")
        EVALUATION = "evaluation", _("Public evaluation meeting")

    plan = models.ForeignKey("plans.Plan", verbose_name=_("plan"), on_delete=models.CASCADE)
    code = models.CharField(
        _("code"),
        max_length=32,
        blank=True,
        validators=[code_validator],
        help_text=_("Optional; names the meeting in imports and in the demo."),
    )
    kind = models.CharField(_("kind"), max_length=20, choices=Kind)
    title = models.CharField(_("title"), max_length=300)
    description = models.TextField(_("description"), blank=True)
    agenda = models.TextField(_("agenda"), blank=True)
    starts_at = models.DateTimeField(_("starts at"))
    ends_at = models.DateTimeField(_("ends at"))
    address = models.CharField(_("address"), max_length=300, blank=True)
    municipality = models.ForeignKey(
        "territory.Municipality",
        verbose_name=_("municipality"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    online_url = models.URLField(_("online link"), max_length=500, blank=True)
    capacity = models.PositiveIntegerField(
        _("capacity"),
        null=True,
        blank=True,
        validators=[MaxValueValidator(MEETING_CAPACITY_MAX)],
        help_text=_("How many people can register; leave empty for no limit."),
    )
    registration_opens_at = models.DateTimeField(_("registration opens at"), null=True, blank=True)
    registration_closes_at = models.DateTimeField(
        _("registration closes at"), null=True, blank=True
    )
    is_internal = models.BooleanField(
        _("internal"),
        default=False,
        help_text=_("An internal meeting of its commissions: only their members and staff see it."),
    )
    commissions = models.ManyToManyField(
        Commission, verbose_name=_("commissions"), blank=True, related_name="meetings"
    )
    objectives = models.ManyToManyField(
        "plans.Objective", verbose_name=_("objectives"), blank=True, related_name="meetings"
    )
    projects = models.ManyToManyField(
        "plans.Project", verbose_name=_("projects"), blank=True, related_name="meetings"
    )
    categories = models.ManyToManyField(
        "people.Category",
        verbose_name=_("categories of participants"),
        blank=True,
        related_name="meetings",
        help_text=_("For a consultation day: the categories of participants it is for."),
    )
    participants = models.PositiveIntegerField(
        _("participants"),
        null=True,
        blank=True,
        help_text=_("How many took part, as reported afterwards."),
    )
    minutes = models.TextField(_("minutes"), blank=True)
    minutes_published_at = models.DateTimeField(
        _("minutes published at"),
        null=True,
        blank=True,
        help_text=_("Empty while the minutes are a draft; set when they are published."),
    )
    is_example = models.BooleanField(_("example"), default=False)
    example_fields = models.JSONField(
        _("invented facts"),
        default=list,
        blank=True,
        help_text=_(
            "For a real meeting, the fields whose values are invented for a demo, such as "
            '["starts_at", "participants"]; they are shown as examples.'
        ),
    )
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("meeting")
        verbose_name_plural = _("meetings")
        ordering = ["plan", "starts_at", "pk"]
        default_related_name = "meetings"
        constraints = [
            models.UniqueConstraint(
                fields=["plan", "code"],
                condition=~models.Q(code=""),
                name="meeting_code_unique_in_plan",
                violation_error_message=_("This plan already has a meeting with this code."),
            ),
            models.CheckConstraint(
                condition=models.Q(ends_at__gt=models.F("starts_at")),
                name="meeting_ends_after_start",
                violation_error_message=_("The meeting must end after it starts."),
            ),
            models.CheckConstraint(
                condition=models.Q(registration_opens_at__isnull=True)
                | models.Q(registration_closes_at__isnull=True)
                | models.Q(registration_closes_at__gt=models.F("registration_opens_at")),
                name="meeting_registration_window_ordered",
                violation_error_message=_("Registration must close after it opens."),
            ),
            models.CheckConstraint(
                condition=models.Q(capacity__isnull=True)
                | models.Q(capacity__lte=MEETING_CAPACITY_MAX),
                name="meeting_capacity_range",
                violation_error_message=_("The capacity is too large."),
            ),
        ]
        indexes = [models.Index(fields=["plan", "starts_at"], name="meeting_plan_starts")]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("process:meeting", kwargs={"plan_slug": self.plan.slug, "pk": self.pk})

    def clean(self) -> None:
        errors = {}
        if self.starts_at and self.ends_at and self.ends_at <= self.starts_at:
            errors["ends_at"] = _("The meeting must end after it starts.")
        opens, closes = self.registration_opens_at, self.registration_closes_at
        if opens and closes and closes <= opens:
            errors["registration_closes_at"] = _("Registration must close after it opens.")
        if closes and self.ends_at and closes > self.ends_at:
            errors["registration_closes_at"] = _("Registration must close by the meeting's end.")
        if not isinstance(self.example_fields, list) or not all(
            isinstance(name, str) and name in MEETING_EXAMPLE_FIELDS for name in self.example_fields
        ):
            errors["example_fields"] = _("Name fields of the meeting that can be invented.")
        if errors:
            raise ValidationError(errors)

    @property
    def is_minutes_published(self) -> bool:
        return self.minutes_published_at is not None and bool(self.minutes)

    @property
    def has_place(self) -> bool:
        return bool(self.address or self.municipality_id)


# The facts of a real meeting that a demo may invent (Meeting.example_fields).
MEETING_EXAMPLE_FIELDS = frozenset(
    {"starts_at", "ends_at", "address", "municipality", "participants", "capacity", "agenda"}
)


def meeting_document_token_new() -> str:
    return secrets.token_hex(16)


def meeting_document_upload_to(instance: "MeetingDocument", filename: str) -> str:
    return f"process/meetings/{instance.meeting_id}/{instance.token}.{instance.extension}"


class MeetingDocument(models.Model):
    """A document of a meeting (an invitation, slides, an annex to the minutes)."""

    meeting = models.ForeignKey(Meeting, verbose_name=_("meeting"), on_delete=models.CASCADE)
    title = models.CharField(_("title"), max_length=300)
    token = models.CharField(
        max_length=32, unique=True, default=meeting_document_token_new, editable=False
    )
    file = models.FileField(_("file"), upload_to=meeting_document_upload_to, max_length=300)
    original_name = models.CharField(_("original file name"), max_length=255)
    extension = models.CharField(_("type"), max_length=8)
    content_type = models.CharField(_("media type"), max_length=100)
    size_bytes = models.PositiveBigIntegerField(_("size (bytes)"))
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("uploaded by"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    uploaded_at = models.DateTimeField(_("uploaded at"), auto_now_add=True)

    class Meta:
        verbose_name = _("meeting document")
        verbose_name_plural = _("meeting documents")
        ordering = ["meeting", "pk"]
        default_related_name = "documents"

    def __str__(self) -> str:
        return self.title


class ConferenceSession(models.Model):
    """One session of a conference's programme: when, where, about what, and who speaks."""

    meeting = models.ForeignKey(Meeting, verbose_name=_("meeting"), on_delete=models.CASCADE)
    starts_at = models.DateTimeField(_("starts at"))
    ends_at = models.DateTimeField(_("ends at"))
    title = models.CharField(_("title"), max_length=300)
    room = models.CharField(_("room"), max_length=120, blank=True)
    speakers = models.TextField(_("speakers"), blank=True, help_text=_("One per line."))
    is_example = models.BooleanField(_("example"), default=False)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("conference session")
        verbose_name_plural = _("conference sessions")
        ordering = ["meeting", "starts_at", "room", "pk"]
        default_related_name = "sessions"
        constraints = [
            models.CheckConstraint(
                condition=models.Q(ends_at__gt=models.F("starts_at")),
                name="conference_session_ends_after_start",
                violation_error_message=_("The session must end after it starts."),
            ),
        ]

    def __str__(self) -> str:
        return self.title

    def clean(self) -> None:
        if self.meeting_id is not None and self.meeting.kind != Meeting.Kind.CONFERENCE:
            raise ValidationError({"meeting": _("Only a conference has a programme of sessions.")})
        if self.starts_at and self.ends_at and self.ends_at <= self.starts_at:
            raise ValidationError({"ends_at": _("The session must end after it starts.")})

    @property
    def speaker_list(self) -> list[str]:
        return [line.strip() for line in self.speakers.splitlines() if line.strip()]


class Motion(models.Model):
    """A motion put to a members' assembly, and the result the staff recorded."""

    class Decision(models.TextChoices):
        PENDING = "pending", _("Not voted yet")
        APPROVED = "approved", _("Approved")
        REJECTED = "rejected", _("Rejected")

    meeting = models.ForeignKey(Meeting, verbose_name=_("assembly"), on_delete=models.CASCADE)
    order = models.PositiveIntegerField(_("order"), default=0)
    title = models.CharField(_("title"), max_length=300)
    description = models.TextField(_("description"), blank=True)
    votes_for = models.PositiveIntegerField(
        _("for"), null=True, blank=True, validators=[MaxValueValidator(MOTION_VOTES_MAX)]
    )
    votes_against = models.PositiveIntegerField(
        _("against"), null=True, blank=True, validators=[MaxValueValidator(MOTION_VOTES_MAX)]
    )
    abstentions = models.PositiveIntegerField(
        _("abstentions"), null=True, blank=True, validators=[MaxValueValidator(MOTION_VOTES_MAX)]
    )
    quorum_reached = models.BooleanField(_("quorum reached"), null=True, blank=True)
    decision = models.CharField(
        _("decision"), max_length=10, choices=Decision, default=Decision.PENDING
    )
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("recorded by"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    recorded_at = models.DateTimeField(_("recorded at"), null=True, blank=True)
    is_example = models.BooleanField(_("example"), default=False)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("motion")
        verbose_name_plural = _("motions")
        ordering = ["meeting", "order", "pk"]
        default_related_name = "motions"
        constraints = [
            models.CheckConstraint(
                condition=~models.Q(decision="approved") | ~models.Q(quorum_reached=False),
                name="motion_approved_needs_quorum",
                violation_error_message=_("A motion cannot be approved without a quorum."),
            ),
        ]

    def __str__(self) -> str:
        return self.title

    def clean(self) -> None:
        if self.meeting_id is not None and self.meeting.kind != Meeting.Kind.ASSEMBLY:
            raise ValidationError({"meeting": _("Motions are put to a members' assembly.")})
        if self.decision == self.Decision.APPROVED and self.quorum_reached is False:
            raise ValidationError({"decision": _("A motion cannot be approved without a quorum.")})

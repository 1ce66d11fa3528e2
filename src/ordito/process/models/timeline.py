"""The process as its plan's document tells it: dated phases, and the milestones within them."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from ordito.plans import integrity
from ordito.plans.codes import code_validator


class DatePrecision(models.TextChoices):
    """How much of a date the sources give: "January 2004" is a month, not the 1st of January."""

    DAY = "day", _("Day")
    MONTH = "month", _("Month")
    YEAR = "year", _("Year")


class Phase(models.Model):
    """One period of a plan's process, in order; at most one is current."""

    plan = models.ForeignKey("plans.Plan", verbose_name=_("plan"), on_delete=models.CASCADE)
    code = models.CharField(_("code"), max_length=32, validators=[code_validator])
    order = models.PositiveIntegerField(_("order"), default=0)
    title = models.CharField(_("title"), max_length=300)
    description = models.TextField(_("description"), blank=True)
    starts_on = models.DateField(_("starts on"))
    ends_on = models.DateField(_("ends on"), null=True, blank=True)
    date_precision = models.CharField(
        _("precision of the dates"),
        max_length=5,
        choices=DatePrecision,
        default=DatePrecision.DAY,
    )
    is_current = models.BooleanField(_("current"), default=False)
    is_example = models.BooleanField(_("example"), default=False)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("phase")
        verbose_name_plural = _("phases")
        ordering = ["plan", "order", "starts_on", "pk"]
        default_related_name = "phases"
        constraints = [
            models.UniqueConstraint(
                fields=["plan", "code"],
                name="phase_code_unique_in_plan",
                violation_error_message=_("This plan already has a phase with this code."),
            ),
            models.UniqueConstraint(
                fields=["plan"],
                condition=models.Q(is_current=True),
                name="phase_one_current_per_plan",
                violation_error_message=_("Another phase of this plan is already current."),
            ),
            models.CheckConstraint(
                condition=models.Q(ends_on__isnull=True)
                | models.Q(ends_on__gte=models.F("starts_on")),
                name="phase_dates_ordered",
                violation_error_message=_("The end cannot come before the start."),
            ),
        ]

    def __str__(self) -> str:
        return self.title


class Milestone(models.Model):
    """A dated event on the timeline: an assembly's decision, a report, an evaluation meeting."""

    class Kind(models.TextChoices):
        START = "start", _("Start")
        DECISION = "decision", _("Decision")
        ASSEMBLY = "assembly", _("Members' assembly")
        EVENT = "event", _("Event")
        PUBLICATION = "publication", _("Publication")
        REPORT = "report", _("Report")
        EVALUATION = "evaluation", _("Evaluation")

    plan = models.ForeignKey("plans.Plan", verbose_name=_("plan"), on_delete=models.CASCADE)
    code = models.CharField(_("code"), max_length=32, validators=[code_validator])
    phase = models.ForeignKey(
        Phase,
        verbose_name=_("phase"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="milestones",
    )
    kind = models.CharField(_("kind"), max_length=20, choices=Kind, default=Kind.EVENT)
    title = models.CharField(_("title"), max_length=300)
    description = models.TextField(_("description"), blank=True)
    happens_on = models.DateField(_("date"))
    ends_on = models.DateField(_("until"), null=True, blank=True)
    date_precision = models.CharField(
        _("precision of the dates"),
        max_length=5,
        choices=DatePrecision,
        default=DatePrecision.DAY,
    )
    meeting = models.ForeignKey(
        "process.Meeting",
        verbose_name=_("meeting"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="milestones",
    )
    is_example = models.BooleanField(
        _("example"), default=False, help_text=_("The sources do not say this; it is invented.")
    )
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("milestone")
        verbose_name_plural = _("milestones")
        ordering = ["plan", "happens_on", "pk"]
        default_related_name = "milestones"
        constraints = [
            models.UniqueConstraint(
                fields=["plan", "code"],
                name="milestone_code_unique_in_plan",
                violation_error_message=_("This plan already has a milestone with this code."),
            ),
            models.CheckConstraint(
                condition=models.Q(ends_on__isnull=True)
                | models.Q(ends_on__gte=models.F("happens_on")),
                name="milestone_dates_ordered",
                violation_error_message=_("The end cannot come before the start."),
            ),
        ]

    def __str__(self) -> str:
        return self.title

    def clean(self) -> None:
        if self.phase_id is not None:
            integrity.check_same_plan(
                plan_id=self.plan_id, field="phase", other_plan_id=self.phase.plan_id
            )
        if self.meeting_id is not None:
            integrity.check_same_plan(
                plan_id=self.plan_id, field="meeting", other_plan_id=self.meeting.plan_id
            )

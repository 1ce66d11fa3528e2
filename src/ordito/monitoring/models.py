"""The monitoring of a plan's projects: the plan's list of statuses, its roll-up setting, and the
dated progress updates that make a project's timeline.

`plans.Project.status` is the foundation's record of a project (what the plan's document or an
import says, the evaluation of a previous plan); it is not written here, since an app writes only
its own models. Once monitoring starts, a project's status is that of its latest published update,
chosen from the plan's own list (`ProjectStatus`), which the plan's staff may rename and extend.
"""

from django.conf import settings
from django.core.validators import MaxLengthValidator, MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from ordito.plans.models import Plan, Project

TEXT_MAX = 5000  # characters in each text of an update: a report's paragraph, not a document


class MonitoringSettings(models.Model):
    """A plan's choices for its monitoring; a plan without a row uses the defaults."""

    class Weighting(models.TextChoices):
        BUDGET = "budget", _("By budget")
        EQUAL = "equal", _("Equally")

    plan = models.OneToOneField(
        Plan, verbose_name=_("plan"), on_delete=models.CASCADE, related_name="monitoring_settings"
    )
    weighting = models.CharField(
        _("roll-up weighting"), max_length=10, choices=Weighting, default=Weighting.BUDGET
    )
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("monitoring settings")
        verbose_name_plural = _("monitoring settings")

    def __str__(self) -> str:
        return str(self.plan)


class ProjectStatus(models.Model):
    """One status of the plan's list. `key` never changes, so imports and the API can name it;
    the label is the plan's to rename."""

    plan = models.ForeignKey(Plan, verbose_name=_("plan"), on_delete=models.CASCADE)
    key = models.SlugField(_("key"), max_length=32)
    label = models.CharField(_("label"), max_length=80)
    order = models.PositiveSmallIntegerField(_("order"), default=0)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("project status")
        verbose_name_plural = _("project statuses")
        ordering = ["plan", "order", "key"]
        default_related_name = "project_statuses"
        constraints = [
            models.UniqueConstraint(
                fields=["plan", "key"],
                name="project_status_key_unique",
                violation_error_message=_("This plan already has a status with this key."),
            )
        ]

    def __str__(self) -> str:
        return self.label


class ProgressUpdate(models.Model):
    """What happened in a project by a date, as its actors or the staff report it."""

    project = models.ForeignKey(Project, verbose_name=_("project"), on_delete=models.CASCADE)
    date = models.DateField(_("date"))
    status = models.ForeignKey(ProjectStatus, verbose_name=_("status"), on_delete=models.PROTECT)
    progress = models.PositiveSmallIntegerField(
        _("progress (%)"), validators=[MinValueValidator(0), MaxValueValidator(100)]
    )
    text = models.TextField(_("what happened"), validators=[MaxLengthValidator(TEXT_MAX)])
    next_steps = models.TextField(
        _("next steps"), blank=True, validators=[MaxLengthValidator(TEXT_MAX)]
    )
    problems = models.TextField(
        _("problems"), blank=True, validators=[MaxLengthValidator(TEXT_MAX)]
    )
    spent_eur = models.DecimalField(
        _("spent (euro)"),
        max_digits=14,
        decimal_places=2,
        null=True,
        blank=True,
        validators=[MinValueValidator(0)],
    )
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("author"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="progress_updates",
    )
    is_published = models.BooleanField(_("published"), default=False)
    published_at = models.DateTimeField(_("published at"), null=True, blank=True)
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    # Raised by every write through the services; a write that names an older one is refused
    # (the optimistic concurrency: 412 in the API, a conflict message in a form).
    version = models.PositiveIntegerField(_("version"), default=1)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("progress update")
        verbose_name_plural = _("progress updates")
        ordering = ["project", "-date", "-pk"]
        default_related_name = "progress_updates"
        constraints = [
            models.CheckConstraint(
                condition=models.Q(progress__gte=0, progress__lte=100),
                name="progress_update_progress_range",
                violation_error_message=_("Progress is a percentage from 0 to 100."),
            ),
            models.CheckConstraint(
                condition=models.Q(spent_eur__isnull=True) | models.Q(spent_eur__gte=0),
                name="progress_update_spent_not_negative",
                violation_error_message=_("The amount spent cannot be negative."),
            ),
        ]

    def __str__(self) -> str:
        return f"{self.project.code} — {self.date}"

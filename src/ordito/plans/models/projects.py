"""Projects and actions: what the plan does, what it serves and what it waits for."""

from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from ordito.plans import integrity
from ordito.plans.codes import code_validator
from ordito.plans.example_facts import example_fields_problems
from ordito.plans.models.structure import Direction, Objective, Plan


class Project(models.Model):
    class Kind(models.TextChoices):
        PROJECT = "project", _("Project")
        ACTION = "action", _("Action")

    class Status(models.TextChoices):
        PROPOSED = "proposed", _("Proposed")
        PLANNED = "planned", _("Planned")
        IN_PROGRESS = "in_progress", _("In progress")
        PARTLY_DONE = "partly_done", _("Partly done")
        COMPLETED = "completed", _("Completed")
        MODIFIED = "modified", _("Modified")
        ABANDONED = "abandoned", _("Abandoned")

    plan = models.ForeignKey(Plan, verbose_name=_("plan"), on_delete=models.CASCADE)
    code = models.CharField(_("code"), max_length=32, validators=[code_validator])
    kind = models.CharField(_("kind"), max_length=10, choices=Kind, default=Kind.PROJECT)
    title = models.CharField(_("title"), max_length=300)
    description = models.TextField(_("description"), blank=True)
    status = models.CharField(_("status"), max_length=20, choices=Status, default=Status.PROPOSED)
    direction = models.ForeignKey(
        Direction, verbose_name=_("direction"), on_delete=models.SET_NULL, null=True, blank=True
    )
    municipality = models.ForeignKey(
        "territory.Municipality",
        verbose_name=_("municipality"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
    )
    latitude = models.DecimalField(
        _("latitude"),
        max_digits=8,
        decimal_places=6,
        null=True,
        blank=True,
        validators=[MinValueValidator(-90), MaxValueValidator(90)],
    )
    longitude = models.DecimalField(
        _("longitude"),
        max_digits=9,
        decimal_places=6,
        null=True,
        blank=True,
        validators=[MinValueValidator(-180), MaxValueValidator(180)],
    )
    budget_eur = models.DecimalField(
        _("budget (euro)"),
        max_digits=14,
        decimal_places=2,
        null=True,
        blank=True,
        validators=[MinValueValidator(0)],
    )
    planned_start = models.DateField(_("planned start"), null=True, blank=True)
    planned_end = models.DateField(_("planned end"), null=True, blank=True)
    actual_start = models.DateField(_("actual start"), null=True, blank=True)
    actual_end = models.DateField(_("actual end"), null=True, blank=True)
    carried_over_from = models.ForeignKey(
        "self",
        verbose_name=_("carried over from"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="carried_over_to",
        help_text=_("The action of the previous plan this project continues."),
    )
    objectives = models.ManyToManyField(
        Objective, through="Contribution", verbose_name=_("objectives"), related_name="projects"
    )
    depends_on = models.ManyToManyField(
        "self",
        through="Dependency",
        symmetrical=False,
        verbose_name=_("depends on"),
        related_name="dependents",
    )
    is_example = models.BooleanField(_("example"), default=False)
    example_fields = models.JSONField(
        _("invented facts"),
        default=list,
        blank=True,
        help_text=_(
            "For a real project, the fields whose values are invented for a demo, such as "
            '["budget_eur", "planned_start"]; they are shown as examples.'
        ),
    )
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("project")
        verbose_name_plural = _("projects")
        ordering = ["plan", "code"]
        default_related_name = "projects"
        constraints = [
            models.UniqueConstraint(
                fields=["plan", "code"],
                name="project_code_unique_in_plan",
                violation_error_message=_("This plan already has a project with this code."),
            ),
            models.CheckConstraint(
                condition=models.Q(planned_end__isnull=True)
                | models.Q(planned_start__isnull=True)
                | models.Q(planned_end__gte=models.F("planned_start")),
                name="project_planned_dates_ordered",
                violation_error_message=_("The planned end cannot come before the planned start."),
            ),
            models.CheckConstraint(
                condition=models.Q(actual_end__isnull=True)
                | models.Q(actual_start__isnull=True)
                | models.Q(actual_end__gte=models.F("actual_start")),
                name="project_actual_dates_ordered",
                violation_error_message=_("The actual end cannot come before the actual start."),
            ),
            models.CheckConstraint(
                condition=models.Q(latitude__isnull=True, longitude__isnull=True)
                | models.Q(latitude__isnull=False, longitude__isnull=False),
                name="project_coordinates_together",
                violation_error_message=_("Give both latitude and longitude, or neither."),
            ),
            models.CheckConstraint(
                condition=models.Q(budget_eur__isnull=True) | models.Q(budget_eur__gte=0),
                name="project_budget_not_negative",
                violation_error_message=_("The budget cannot be negative."),
            ),
        ]

    def __str__(self) -> str:
        return f"{self.code} {self.title}"

    def get_absolute_url(self) -> str:
        return reverse("plans:project", kwargs={"plan_slug": self.plan.slug, "pk": self.pk})

    def clean(self) -> None:
        if self.direction_id is not None:
            integrity.check_same_plan(
                plan_id=self.plan_id, field="direction", other_plan_id=self.direction.plan_id
            )
        if (
            self.carried_over_from_id is not None
            and self.plan_id is not None
            and self.carried_over_from.plan_id != self.plan.previous_id
        ):
            raise ValidationError(
                {"carried_over_from": _("Choose an action of this plan's previous plan.")}
            )
        if not isinstance(self.example_fields, list):
            raise ValidationError({"example_fields": _("Give a list of field names.")})
        problems = example_fields_problems(self.example_fields)
        if problems:
            raise ValidationError({"example_fields": [message for _index, message in problems]})


class Contribution(models.Model):
    """How a project serves an objective: a signed strength from −3 (works against) to +3."""

    project = models.ForeignKey(Project, on_delete=models.CASCADE, related_name="contributions")
    objective = models.ForeignKey(
        Objective,
        verbose_name=_("objective"),
        on_delete=models.CASCADE,
        related_name="contributions",
    )
    strength = models.SmallIntegerField(
        _("strength"),
        validators=[MinValueValidator(-3), MaxValueValidator(3)],
        help_text=_("From −3 (works strongly against) to +3 (serves strongly); not 0."),
    )
    is_example = models.BooleanField(_("example"), default=False)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("contribution to an objective")
        verbose_name_plural = _("contributions to objectives")
        ordering = ["project", "objective__order", "objective__code"]
        constraints = [
            models.UniqueConstraint(
                fields=["project", "objective"],
                name="contribution_unique_pair",
                violation_error_message=_("This project already contributes to this objective."),
            ),
            models.CheckConstraint(
                condition=models.Q(strength__gte=-3, strength__lte=3) & ~models.Q(strength=0),
                name="contribution_strength_range",
                violation_error_message=_("Give a strength from −3 to +3, other than 0."),
            ),
        ]

    def __str__(self) -> str:
        return f"{self.project.code} → {self.objective.code}: {self.strength:+d}"

    def clean(self) -> None:
        if self.project_id is not None and self.objective_id is not None:
            integrity.check_same_plan(
                plan_id=self.project.plan_id,
                field="objective",
                other_plan_id=self.objective.plan_id,
            )


class Dependency(models.Model):
    """`project` cannot start before `depends_on` is finished, plus an optional lag in days."""

    project = models.ForeignKey(Project, on_delete=models.CASCADE, related_name="dependencies")
    depends_on = models.ForeignKey(
        Project, verbose_name=_("depends on"), on_delete=models.CASCADE, related_name="+"
    )
    lag_days = models.PositiveIntegerField(
        _("lag (days)"), default=0, validators=[MaxValueValidator(36500)]
    )
    is_example = models.BooleanField(_("example"), default=False)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("dependency")
        verbose_name_plural = _("dependencies")
        ordering = ["project", "depends_on__code"]
        constraints = [
            models.UniqueConstraint(
                fields=["project", "depends_on"],
                name="dependency_unique_pair",
                violation_error_message=_("This dependency is already recorded."),
            ),
            models.CheckConstraint(
                condition=~models.Q(project=models.F("depends_on")),
                name="dependency_not_self",
                violation_error_message=integrity.PROJECT_DEPENDS_ON_ITSELF,
            ),
        ]

    def __str__(self) -> str:
        return f"{self.project.code} ← {self.depends_on.code}"

    def clean(self) -> None:
        integrity.check_dependency(self)

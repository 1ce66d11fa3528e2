"""The plan's structure: plan, meta-objectives, areas, directions, objectives and their influences."""

from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from ordito.plans import integrity
from ordito.plans.codes import code_validator


class Plan(models.Model):
    class Status(models.TextChoices):
        DRAFT = "draft", _("Draft")
        CONSULTATION = "consultation", _("In consultation")
        APPROVED = "approved", _("Approved")
        IMPLEMENTATION = "implementation", _("Being implemented")
        CLOSED = "closed", _("Closed")

    slug = models.SlugField(_("slug"), max_length=60, unique=True)
    title = models.CharField(_("title"), max_length=200)
    territory = models.CharField(_("territory"), max_length=200)
    period_start = models.PositiveSmallIntegerField(
        _("first year"), validators=[MinValueValidator(1900), MaxValueValidator(2200)]
    )
    period_end = models.PositiveSmallIntegerField(
        _("last year"), validators=[MinValueValidator(1900), MaxValueValidator(2200)]
    )
    vision = models.TextField(_("vision"), blank=True)
    description = models.TextField(_("description"), blank=True)
    status = models.CharField(_("status"), max_length=20, choices=Status, default=Status.DRAFT)
    approved_on = models.DateField(_("approved on"), null=True, blank=True)
    previous = models.ForeignKey(
        "self",
        verbose_name=_("previous plan"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="successors",
    )
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)
    # Raised by every write of the plan's content (plans/versions.py): cached pages are keyed by it.
    content_version = models.PositiveBigIntegerField(default=0, editable=False)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("plan")
        verbose_name_plural = _("plans")
        ordering = ["-period_start", "slug"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(period_end__gte=models.F("period_start")),
                name="plan_period_ordered",
                violation_error_message=_("The last year cannot come before the first year."),
            ),
        ]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("plans:plan", kwargs={"plan_slug": self.slug})

    def clean(self) -> None:
        integrity.check_previous_plan(self)


class PlanPart(models.Model):
    """What every coded part of a plan shares: its plan, a code unique in the plan, an order."""

    plan = models.ForeignKey(Plan, verbose_name=_("plan"), on_delete=models.CASCADE)
    code = models.CharField(_("code"), max_length=32, validators=[code_validator])
    title = models.CharField(_("title"), max_length=300)
    description = models.TextField(_("description"), blank=True)
    order = models.PositiveIntegerField(_("order"), default=0)

    class Meta:
        abstract = True

    def __str__(self) -> str:
        return f"{self.code} {self.title}"


class MetaObjective(PlanPart):
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("meta-objective")
        verbose_name_plural = _("meta-objectives")
        ordering = ["plan", "order", "code"]
        default_related_name = "meta_objectives"
        constraints = [
            models.UniqueConstraint(
                fields=["plan", "code"],
                name="metaobjective_code_unique_in_plan",
                violation_error_message=_("This plan already has a meta-objective with this code."),
            )
        ]


class ThematicArea(PlanPart):
    class Kind(models.TextChoices):
        THEMATIC = "thematic", _("Thematic")
        TRANSVERSAL = "transversal", _("Transversal")

    kind = models.CharField(_("kind"), max_length=20, choices=Kind, default=Kind.THEMATIC)
    is_example = models.BooleanField(_("example"), default=False)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("thematic area")
        verbose_name_plural = _("thematic areas")
        ordering = ["plan", "order", "code"]
        default_related_name = "areas"
        constraints = [
            models.UniqueConstraint(
                fields=["plan", "code"],
                name="area_code_unique_in_plan",
                violation_error_message=_("This plan already has an area with this code."),
            )
        ]

    def get_absolute_url(self) -> str:
        return reverse("plans:area", kwargs={"plan_slug": self.plan.slug, "pk": self.pk})


class Direction(PlanPart):
    area = models.ForeignKey(ThematicArea, verbose_name=_("area"), on_delete=models.CASCADE)
    is_example = models.BooleanField(_("example"), default=False)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("direction")
        verbose_name_plural = _("directions")
        ordering = ["plan", "order", "code"]
        default_related_name = "directions"
        constraints = [
            models.UniqueConstraint(
                fields=["plan", "code"],
                name="direction_code_unique_in_plan",
                violation_error_message=_("This plan already has a direction with this code."),
            )
        ]

    def get_absolute_url(self) -> str:
        return reverse("plans:direction", kwargs={"plan_slug": self.plan.slug, "pk": self.pk})

    def clean(self) -> None:
        if self.area_id is not None:
            integrity.check_same_plan(
                plan_id=self.plan_id, field="area", other_plan_id=self.area.plan_id
            )


class Objective(PlanPart):
    direction = models.ForeignKey(Direction, verbose_name=_("direction"), on_delete=models.CASCADE)
    short_title = models.CharField(_("short title"), max_length=120, blank=True)
    meta_objectives = models.ManyToManyField(
        MetaObjective, verbose_name=_("meta-objectives"), blank=True, related_name="objectives"
    )
    is_example = models.BooleanField(_("example"), default=False)
    history = HistoricalRecords(m2m_fields=[meta_objectives])

    class Meta:
        verbose_name = _("objective")
        verbose_name_plural = _("objectives")
        ordering = ["plan", "order", "code"]
        default_related_name = "objectives"
        constraints = [
            models.UniqueConstraint(
                fields=["plan", "code"],
                name="objective_code_unique_in_plan",
                violation_error_message=_("This plan already has an objective with this code."),
            )
        ]

    def get_absolute_url(self) -> str:
        return reverse("plans:objective", kwargs={"plan_slug": self.plan.slug, "pk": self.pk})

    def clean(self) -> None:
        if self.direction_id is not None:
            integrity.check_same_plan(
                plan_id=self.plan_id, field="direction", other_plan_id=self.direction.plan_id
            )


class ObjectiveInfluence(models.Model):
    """One cell of the cross-impact matrix: how strongly `source` acts on `target` (MICMAC)."""

    plan = models.ForeignKey(Plan, on_delete=models.CASCADE, related_name="objective_influences")
    source = models.ForeignKey(
        Objective,
        verbose_name=_("influencing objective"),
        on_delete=models.CASCADE,
        related_name="influences_given",
    )
    target = models.ForeignKey(
        Objective,
        verbose_name=_("influenced objective"),
        on_delete=models.CASCADE,
        related_name="influences_received",
    )
    strength = models.PositiveSmallIntegerField(
        _("strength"),
        validators=[MaxValueValidator(3)],
        help_text=_("0 none, 1 weak, 2 medium, 3 strong."),
    )
    is_potential = models.BooleanField(
        _("potential"),
        default=False,
        help_text=_("An influence that does not act yet but could (P in the matrix)."),
    )
    is_example = models.BooleanField(_("example"), default=False)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("influence between objectives")
        verbose_name_plural = _("influences between objectives")
        ordering = ["plan", "source__order", "source__code", "target__order", "target__code"]
        constraints = [
            models.UniqueConstraint(
                fields=["source", "target"],
                name="objective_influence_unique_pair",
                violation_error_message=_("This influence is already recorded."),
            ),
            models.CheckConstraint(
                condition=~models.Q(source=models.F("target")),
                name="objective_influence_not_self",
                violation_error_message=integrity.OBJECTIVE_INFLUENCES_ITSELF,
            ),
            models.CheckConstraint(
                condition=models.Q(strength__lte=3)
                & (models.Q(is_potential=False) | models.Q(strength=0)),
                name="objective_influence_strength_range",
                violation_error_message=_(
                    "Give a strength from 0 to 3, or mark a potential influence with strength 0."
                ),
            ),
        ]

    def __str__(self) -> str:
        value = "P" if self.is_potential else str(self.strength)
        return f"{self.source.code} → {self.target.code}: {value}"

    def clean(self) -> None:
        for field in ("source", "target"):
            if getattr(self, f"{field}_id") is not None:
                integrity.check_same_plan(
                    plan_id=self.plan_id, field=field, other_plan_id=getattr(self, field).plan_id
                )
        if self.is_potential and self.strength:
            raise ValidationError(
                {"strength": _("A potential influence has no strength yet: leave it at 0.")}
            )

"""Actors of the plan: who promotes and joins projects, who influences whom, who wants what."""

from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords


class Actor(models.Model):
    class Kind(models.TextChoices):
        PUBLIC_INSTITUTION = "public_institution", _("Public institution")
        MUNICIPALITY = "municipality", _("Municipality")
        UNIVERSITY = "university", _("University or research centre")
        COMPANY = "company", _("Company")
        BUSINESS_ASSOCIATION = "business_association", _("Business association")
        TRADE_UNION = "trade_union", _("Trade union")
        BANK_FOUNDATION = "bank_foundation", _("Bank foundation")
        THIRD_SECTOR = "third_sector", _("Third-sector association")
        CULTURAL_INSTITUTION = "cultural_institution", _("Cultural institution")
        CITIZENS_GROUP = "citizens_group", _("Citizens' group")

    key = models.SlugField(_("key"), max_length=80, unique=True)
    name = models.CharField(_("name"), max_length=200)
    kind = models.CharField(_("kind"), max_length=30, choices=Kind)
    sector = models.CharField(_("sector"), max_length=120, blank=True)
    municipality = models.ForeignKey(
        "territory.Municipality",
        verbose_name=_("municipality"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="actors",
    )
    website = models.URLField(_("website"), blank=True)
    description = models.TextField(_("description"), blank=True)
    member_since = models.DateField(_("member of the association since"), null=True, blank=True)
    member_until = models.DateField(_("member of the association until"), null=True, blank=True)
    is_example = models.BooleanField(_("example"), default=False)
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("actor")
        verbose_name_plural = _("actors")
        ordering = ["name", "key"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(member_until__isnull=True)
                | models.Q(member_since__isnull=False, member_until__gte=models.F("member_since")),
                name="actor_membership_dates_ordered",
                violation_error_message=_(
                    "A membership ends after it starts: give the start date, and an end on or after it."
                ),
            ),
        ]

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return reverse("web:actor", kwargs={"pk": self.pk})


class ProjectRole(models.Model):
    class Role(models.TextChoices):
        PROMOTER = "promoter", _("Promoter")
        PARTNER = "partner", _("Partner")
        FUNDER = "funder", _("Funder")
        IMPLEMENTER = "implementer", _("Implementer")

    actor = models.ForeignKey(Actor, verbose_name=_("actor"), on_delete=models.CASCADE)
    project = models.ForeignKey(
        "plans.Project", verbose_name=_("project"), on_delete=models.CASCADE
    )
    role = models.CharField(_("role"), max_length=20, choices=Role)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("role in a project")
        verbose_name_plural = _("roles in projects")
        ordering = ["project", "role", "actor__name"]
        default_related_name = "roles"
        constraints = [
            models.UniqueConstraint(
                fields=["actor", "project", "role"],
                name="project_role_unique",
                violation_error_message=_("This actor already has this role in this project."),
            )
        ]

    def __str__(self) -> str:
        return f"{self.actor} — {self.get_role_display()} — {self.project.code}"


class ActorInfluence(models.Model):
    """Direct influence of one actor on another within a plan, 0 (none) to 4 (existence) (MACTOR)."""

    plan = models.ForeignKey(
        "plans.Plan",
        verbose_name=_("plan"),
        on_delete=models.CASCADE,
        related_name="actor_influences",
    )
    source = models.ForeignKey(
        Actor,
        verbose_name=_("influencing actor"),
        on_delete=models.CASCADE,
        related_name="influences_given",
    )
    target = models.ForeignKey(
        Actor,
        verbose_name=_("influenced actor"),
        on_delete=models.CASCADE,
        related_name="influences_received",
    )
    strength = models.PositiveSmallIntegerField(
        _("strength"),
        validators=[MaxValueValidator(4)],
        help_text=_("0 none, 1 procedures, 2 projects, 3 missions, 4 existence."),
    )
    is_example = models.BooleanField(_("example"), default=False)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("influence between actors")
        verbose_name_plural = _("influences between actors")
        ordering = ["plan", "source__name", "target__name"]
        constraints = [
            models.UniqueConstraint(
                fields=["plan", "source", "target"],
                name="actor_influence_unique",
                violation_error_message=_("This influence is already recorded for this plan."),
            ),
            models.CheckConstraint(
                condition=~models.Q(source=models.F("target")),
                name="actor_influence_not_self",
                violation_error_message=_("An actor cannot influence itself."),
            ),
            models.CheckConstraint(
                condition=models.Q(strength__lte=4),
                name="actor_influence_strength_range",
                violation_error_message=_("Give a strength from 0 to 4."),
            ),
        ]

    def __str__(self) -> str:
        return f"{self.source} → {self.target}: {self.strength}"


class ActorPosition(models.Model):
    """An actor's position on an objective, −4 (strongly against) to +4 (strongly for) (MACTOR)."""

    actor = models.ForeignKey(
        Actor, verbose_name=_("actor"), on_delete=models.CASCADE, related_name="positions"
    )
    objective = models.ForeignKey(
        "plans.Objective",
        verbose_name=_("objective"),
        on_delete=models.CASCADE,
        related_name="actor_positions",
    )
    position = models.SmallIntegerField(
        _("position"), validators=[MinValueValidator(-4), MaxValueValidator(4)]
    )
    is_example = models.BooleanField(_("example"), default=False)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("position on an objective")
        verbose_name_plural = _("positions on objectives")
        ordering = ["actor__name", "objective__order", "objective__code"]
        constraints = [
            models.UniqueConstraint(
                fields=["actor", "objective"],
                name="actor_position_unique",
                violation_error_message=_("This actor already has a position on this objective."),
            ),
            models.CheckConstraint(
                condition=models.Q(position__gte=-4, position__lte=4),
                name="actor_position_range",
                violation_error_message=_("Give a position from −4 to +4."),
            ),
        ]

    def __str__(self) -> str:
        return f"{self.actor} on {self.objective.code}: {self.position:+d}"

"""What actors do in a plan: their roles in its projects, their influence on each other within
it, and their positions on its objectives (the inputs of MACTOR).

The actors themselves are the plan-independent registry of `ordito.actors`; these rows are the
plan's content, saved, exported and versioned with it.
"""

from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from ordito.actors.models import Actor
from ordito.plans import integrity
from ordito.plans.models.projects import Project
from ordito.plans.models.structure import Objective, Plan


class ProjectRole(models.Model):
    class Role(models.TextChoices):
        PROMOTER = "promoter", _("Promoter")
        PARTNER = "partner", _("Partner")
        FUNDER = "funder", _("Funder")
        IMPLEMENTER = "implementer", _("Implementer")

    actor = models.ForeignKey(Actor, verbose_name=_("actor"), on_delete=models.CASCADE)
    project = models.ForeignKey(Project, verbose_name=_("project"), on_delete=models.CASCADE)
    role = models.CharField(_("role"), max_length=20, choices=Role)
    is_example = models.BooleanField(_("example"), default=False)
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
        Plan,
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
                violation_error_message=integrity.ACTOR_INFLUENCES_ITSELF,
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
        Objective,
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

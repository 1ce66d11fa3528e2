"""Actors of the plan: who promotes and joins projects, who influences whom, who wants what."""

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
        return reverse("plans:actor", kwargs={"pk": self.pk})

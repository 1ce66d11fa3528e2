from django.db import models
from django.utils.translation import gettext_lazy as _


class Municipality(models.Model):
    """A municipality (comune), placed by its ISTAT code: the territory projects and actors sit in."""

    istat_code = models.CharField(_("ISTAT code"), max_length=6, unique=True)
    name = models.CharField(_("name"), max_length=120)
    province_code = models.CharField(_("province"), max_length=2, db_index=True)
    region = models.CharField(_("region"), max_length=60)
    cadastral_code = models.CharField(_("cadastral code"), max_length=4, blank=True)

    class Meta:
        verbose_name = _("municipality")
        verbose_name_plural = _("municipalities")
        ordering = ["name"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(istat_code__regex=r"^[0-9]{6}$"),
                name="municipality_istat_code_6_digits",
            )
        ]

    def __str__(self) -> str:
        return self.name

"""Commissions, the people (and the actors they represent) who sit in them, and their drafts."""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from ordito.plans import integrity
from ordito.plans.codes import code_validator

# The roles a commission's members hold, registered with people.roles in apps.py.
COMMISSION_COORDINATOR = "commission_coordinator"
COMMISSION_MEMBER = "commission_member"


class Commission(models.Model):
    """A thematic commission (tied to a thematic area) or a transversal group."""

    class Kind(models.TextChoices):
        THEMATIC = "thematic", _("Thematic commission")
        TRANSVERSAL = "transversal", _("Transversal group")

    plan = models.ForeignKey("plans.Plan", verbose_name=_("plan"), on_delete=models.CASCADE)
    code = models.CharField(_("code"), max_length=32, validators=[code_validator])
    kind = models.CharField(_("kind"), max_length=20, choices=Kind, default=Kind.THEMATIC)
    area = models.ForeignKey(
        "plans.ThematicArea",
        verbose_name=_("area"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="commissions",
        help_text=_("The thematic area a thematic commission works on."),
    )
    title = models.CharField(_("title"), max_length=300)
    mandate = models.TextField(_("mandate"), blank=True)
    order = models.PositiveIntegerField(_("order"), default=0)
    is_example = models.BooleanField(_("example"), default=False)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("commission")
        verbose_name_plural = _("commissions")
        ordering = ["plan", "order", "code"]
        default_related_name = "commissions"
        constraints = [
            models.UniqueConstraint(
                fields=["plan", "code"],
                name="commission_code_unique_in_plan",
                violation_error_message=_("This plan already has a commission with this code."),
            ),
            models.CheckConstraint(
                condition=~models.Q(kind="thematic") | models.Q(area__isnull=False),
                name="commission_thematic_has_area",
                violation_error_message=_("A thematic commission works on a thematic area."),
            ),
        ]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("process:commission", kwargs={"plan_slug": self.plan.slug, "pk": self.pk})

    def clean(self) -> None:
        if self.kind == self.Kind.THEMATIC and self.area_id is None:
            raise ValidationError({"area": _("A thematic commission works on a thematic area.")})
        if self.area_id is not None:
            integrity.check_same_plan(
                plan_id=self.plan_id, field="area", other_plan_id=self.area.plan_id
            )


class CommissionMembership(models.Model):
    """A person in a commission, as its coordinator or a member, for an actor or for themselves."""

    class Role(models.TextChoices):
        COORDINATOR = COMMISSION_COORDINATOR, _("Coordinator")
        MEMBER = COMMISSION_MEMBER, _("Member")

    commission = models.ForeignKey(
        Commission, verbose_name=_("commission"), on_delete=models.CASCADE
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("account"),
        on_delete=models.CASCADE,
        related_name="commission_memberships",
    )
    role = models.CharField(_("role"), max_length=40, choices=Role, default=Role.MEMBER)
    actor = models.ForeignKey(
        "actors.Actor",
        verbose_name=_("represents"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="commission_memberships",
        help_text=_("The actor this person represents; they must be its confirmed representative."),
    )
    joined_at = models.DateTimeField(_("joined at"), auto_now_add=True)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("commission membership")
        verbose_name_plural = _("commission memberships")
        ordering = ["commission", "role", "pk"]
        default_related_name = "memberships"
        constraints = [
            models.UniqueConstraint(
                fields=["commission", "user"],
                name="commission_membership_unique",
                violation_error_message=_("This person is already in this commission."),
            )
        ]

    def __str__(self) -> str:
        return f"{self.commission_id}: {self.user_id} ({self.role})"


def document_upload_to(instance: "DocumentVersion", filename: str) -> str:
    # The stored name is ours, not the sender's: the content decided the extension (documents.py).
    document = instance.document
    return (
        f"process/commissions/{document.commission_id}/documents/{document.pk}/"
        f"v{instance.number}.{instance.extension}"
    )


class CommissionDocument(models.Model):
    """A draft a commission works on, in successive versions; seen only in its workspace."""

    commission = models.ForeignKey(
        Commission, verbose_name=_("commission"), on_delete=models.CASCADE
    )
    title = models.CharField(_("title"), max_length=300)
    description = models.TextField(_("description"), blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("created by"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)

    class Meta:
        verbose_name = _("draft document")
        verbose_name_plural = _("draft documents")
        ordering = ["commission", "-updated_at", "-pk"]
        default_related_name = "documents"

    def __str__(self) -> str:
        return self.title


class DocumentVersion(models.Model):
    """One uploaded version of a draft; its type was read from its content, not its name."""

    document = models.ForeignKey(
        CommissionDocument,
        verbose_name=_("document"),
        on_delete=models.CASCADE,
        related_name="versions",
    )
    number = models.PositiveIntegerField(_("version"))
    file = models.FileField(_("file"), upload_to=document_upload_to, max_length=300)
    original_name = models.CharField(_("original file name"), max_length=255)
    extension = models.CharField(_("type"), max_length=8)
    content_type = models.CharField(_("media type"), max_length=100)
    size_bytes = models.PositiveBigIntegerField(_("size (bytes)"))
    note = models.CharField(_("what changed"), max_length=500, blank=True)
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
        verbose_name = _("document version")
        verbose_name_plural = _("document versions")
        ordering = ["document", "-number"]
        constraints = [
            models.UniqueConstraint(
                fields=["document", "number"],
                name="document_version_unique_number",
                violation_error_message=_("This document already has a version with this number."),
            ),
            models.CheckConstraint(
                condition=models.Q(number__gte=1),
                name="document_version_number_positive",
                violation_error_message=_("Versions are numbered from 1."),
            ),
        ]

    def __str__(self) -> str:
        return f"{self.document} v{self.number}"

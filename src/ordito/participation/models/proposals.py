"""Proposals: an action a person proposes for a plan, the support others give it, and the
staff's public answer."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

PROPOSAL_TITLE_MAX_LENGTH = 200
PROPOSAL_TEXT_MAX_LENGTH = 5000


class Proposal(models.Model):
    class Status(models.TextChoices):
        UNDER_EVALUATION = "under_evaluation", _("Under evaluation")
        ACCEPTED = "accepted", _("Accepted")
        LINKED = "linked", _("Became a project")
        NOT_ACCEPTED = "not_accepted", _("Not accepted")

    plan = models.ForeignKey(
        "plans.Plan", verbose_name=_("plan"), on_delete=models.CASCADE, related_name="+"
    )
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("author"),
        on_delete=models.SET_NULL,  # "Former participant" once the account is deleted
        null=True,
        blank=True,
        related_name="+",
    )
    title = models.CharField(_("title"), max_length=PROPOSAL_TITLE_MAX_LENGTH)
    text = models.TextField(_("text"), max_length=PROPOSAL_TEXT_MAX_LENGTH)
    text_html = models.TextField(editable=False, blank=True)
    direction = models.ForeignKey(
        "plans.Direction",
        verbose_name=_("direction of intervention"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    objective = models.ForeignKey(
        "plans.Objective",
        verbose_name=_("objective"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    status = models.CharField(
        _("status"), max_length=20, choices=Status, default=Status.UNDER_EVALUATION
    )
    status_reason = models.TextField(_("reason"), max_length=2000, blank=True)
    linked_project = models.ForeignKey(
        "plans.Project",
        verbose_name=_("project it became"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    answered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("answered by"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    answered_at = models.DateTimeField(_("answered at"), null=True, blank=True)
    # Kept by the services that add and withdraw supports, so that lists sort by it on an index.
    support_count = models.PositiveIntegerField(_("supports"), default=0, editable=False)
    is_hidden = models.BooleanField(_("hidden"), default=False)
    is_example = models.BooleanField(_("example"), default=False)
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)

    class Meta:
        verbose_name = _("proposal")
        verbose_name_plural = _("proposals")
        ordering = ["-created_at", "-pk"]
        indexes = [
            models.Index(
                fields=["plan", "is_hidden", "-support_count", "-id"], name="proposal_by_support"
            ),
            models.Index(
                fields=["plan", "is_hidden", "-created_at", "-id"], name="proposal_by_date"
            ),
        ]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(status="linked", linked_project__isnull=False)
                | (~models.Q(status="linked") & models.Q(linked_project__isnull=True)),
                name="proposal_linked_names_project",
                violation_error_message=_(
                    "A proposal that became a project names it; no other proposal does."
                ),
            ),
        ]

    def __str__(self) -> str:
        return self.title


class Support(models.Model):
    """One person's support of a proposal; withdrawing deletes it. On account deletion the
    support stays counted, without the person (`user` set to null)."""

    proposal = models.ForeignKey(
        Proposal, verbose_name=_("proposal"), on_delete=models.CASCADE, related_name="supports"
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("account"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    is_example = models.BooleanField(_("example"), default=False)

    class Meta:
        verbose_name = _("support")
        verbose_name_plural = _("supports")
        constraints = [
            models.UniqueConstraint(
                fields=["user", "proposal"],
                name="support_unique",
                violation_error_message=_("You already support this proposal."),
            )
        ]

    def __str__(self) -> str:
        return f"{self.user_id} → {self.proposal_id}"

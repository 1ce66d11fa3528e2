"""Consultations (the Pol.is method): a question, participants' short statements, and their
votes (agree, disagree, pass), from which the opinion map is computed.

A participant is a `ConsultationParticipant`: a row per person and consultation with a random
pseudonym, so that the map and its API never show an account's id, and so that the votes survive
the account's deletion unlinked from it (`user` set to null).
"""

import secrets

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

CONSULTATION_TITLE_MAX_LENGTH = 200
QUESTION_MAX_LENGTH = 1000
STATEMENT_MAX_LENGTH = 280  # short, as in Pol.is
PSEUDONYM_LENGTH = 12


def new_pseudonym() -> str:
    return secrets.token_hex(PSEUDONYM_LENGTH // 2)


class Consultation(models.Model):
    plan = models.ForeignKey(
        "plans.Plan", verbose_name=_("plan"), on_delete=models.CASCADE, related_name="+"
    )
    title = models.CharField(_("title"), max_length=CONSULTATION_TITLE_MAX_LENGTH)
    question = models.TextField(_("question"), max_length=QUESTION_MAX_LENGTH)
    is_moderated = models.BooleanField(
        _("moderated"),
        default=True,
        help_text=_("Statements are shown once a moderator approves them; otherwise at once."),
    )
    is_open = models.BooleanField(_("open"), default=True)
    categories = models.ManyToManyField(
        "people.Category",
        verbose_name=_("categories of participants"),
        blank=True,
        related_name="+",
        help_text=_("Only people of these categories take part; none means everyone."),
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("created by"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    # The last opinion map, computed in the background from the votes recorded before it.
    opinion_map = models.JSONField(null=True, blank=True, editable=False)
    opinion_map_at = models.DateTimeField(null=True, blank=True, editable=False)
    is_example = models.BooleanField(_("example"), default=False)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("consultation")
        verbose_name_plural = _("consultations")
        ordering = ["plan", "-created_at", "-pk"]

    def __str__(self) -> str:
        return self.title


class ConsultationParticipant(models.Model):
    consultation = models.ForeignKey(
        Consultation, on_delete=models.CASCADE, related_name="participants"
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,  # the votes stay, unlinked from the deleted account
        null=True,
        blank=True,
        related_name="+",
    )
    pseudonym = models.CharField(max_length=PSEUDONYM_LENGTH, default=new_pseudonym)
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    is_example = models.BooleanField(_("example"), default=False)

    class Meta:
        verbose_name = _("participant in a consultation")
        verbose_name_plural = _("participants in consultations")
        constraints = [
            models.UniqueConstraint(
                fields=["consultation", "user"], name="consultation_participant_unique"
            ),
            models.UniqueConstraint(
                fields=["consultation", "pseudonym"], name="consultation_pseudonym_unique"
            ),
        ]

    def __str__(self) -> str:
        return self.pseudonym


class Statement(models.Model):
    class Status(models.TextChoices):
        PENDING = "pending", _("Awaiting moderation")
        SHOWN = "shown", _("Shown")
        HIDDEN = "hidden", _("Hidden")

    consultation = models.ForeignKey(
        Consultation,
        verbose_name=_("consultation"),
        on_delete=models.CASCADE,
        related_name="statements",
    )
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("author"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    text = models.CharField(_("statement"), max_length=STATEMENT_MAX_LENGTH)
    status = models.CharField(_("status"), max_length=20, choices=Status, default=Status.PENDING)
    # Kept by the vote services, so that the next statement to vote on (few votes first) is an
    # indexed read.
    vote_count = models.PositiveIntegerField(default=0, editable=False)
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    is_example = models.BooleanField(_("example"), default=False)

    class Meta:
        verbose_name = _("statement")
        verbose_name_plural = _("statements")
        ordering = ["consultation", "pk"]
        indexes = [
            models.Index(
                fields=["consultation", "status", "vote_count", "id"], name="statement_to_vote"
            )
        ]

    def __str__(self) -> str:
        return self.text


class Vote(models.Model):
    class Value(models.IntegerChoices):
        DISAGREE = -1, _("Disagree")
        PASS = 0, _("Pass")
        AGREE = 1, _("Agree")

    statement = models.ForeignKey(Statement, on_delete=models.CASCADE, related_name="votes")
    participant = models.ForeignKey(
        ConsultationParticipant, on_delete=models.CASCADE, related_name="votes"
    )
    value = models.SmallIntegerField(_("vote"), choices=Value)
    voted_at = models.DateTimeField(_("voted at"), auto_now=True)
    is_example = models.BooleanField(_("example"), default=False)

    class Meta:
        verbose_name = _("vote")
        verbose_name_plural = _("votes")
        constraints = [
            models.UniqueConstraint(fields=["participant", "statement"], name="vote_unique"),
            # A range, not IN (-1, 0, 1): Django's SQLite introspection splits a table's SQL on
            # ", " and fails on a list inside a constraint (tests/people/test_personal_data.py).
            models.CheckConstraint(
                condition=models.Q(value__gte=-1, value__lte=1), name="vote_value_range"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.participant_id} {self.value:+d} {self.statement_id}"

"""Who registered for which meeting, and each person's private calendar address."""

import secrets

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from ordito.process.models.meetings import Meeting

CALENDAR_TOKEN_BYTES = 32


class Registration(models.Model):
    """A person's registration for a meeting: confirmed, waiting (in order), or cancelled.

    A person has at most one registration that is not cancelled per meeting; cancelled ones stay,
    so that a person who cancels and registers again goes to the end of the queue.
    """

    class Status(models.TextChoices):
        CONFIRMED = "confirmed", _("Confirmed")
        WAITLISTED = "waitlisted", _("On the waiting list")
        CANCELLED = "cancelled", _("Cancelled")

    meeting = models.ForeignKey(Meeting, verbose_name=_("meeting"), on_delete=models.CASCADE)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("account"),
        on_delete=models.CASCADE,
        related_name="meeting_registrations",
    )
    status = models.CharField(_("status"), max_length=12, choices=Status)
    position = models.PositiveIntegerField(
        _("place in the waiting list"),
        null=True,
        blank=True,
        help_text=_("Increasing in the order people joined the waiting list; empty otherwise."),
    )
    attended = models.BooleanField(_("attended"), default=False)
    created_at = models.DateTimeField(_("registered at"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)
    cancelled_at = models.DateTimeField(_("cancelled at"), null=True, blank=True)

    class Meta:
        verbose_name = _("registration")
        verbose_name_plural = _("registrations")
        ordering = ["meeting", "created_at", "pk"]
        default_related_name = "registrations"
        constraints = [
            models.UniqueConstraint(
                fields=["meeting", "user"],
                condition=~models.Q(status="cancelled"),
                name="registration_one_active_per_person",
                violation_error_message=_("You are already registered for this meeting."),
            ),
            models.CheckConstraint(
                condition=models.Q(status="waitlisted", position__isnull=False)
                | (~models.Q(status="waitlisted") & models.Q(position__isnull=True)),
                name="registration_position_only_when_waiting",
                violation_error_message=_("Only a waiting registration has a place in the list."),
            ),
        ]
        indexes = [
            models.Index(fields=["meeting", "status", "position"], name="registration_queue"),
        ]

    def __str__(self) -> str:
        return f"{self.user_id} → {self.meeting_id} ({self.status})"


def calendar_token_new() -> str:
    return secrets.token_urlsafe(CALENDAR_TOKEN_BYTES)


class CalendarSecret(models.Model):
    """The secret in the address of a person's private calendar of their registrations.

    Kept in clear (unlike API tokens) because the person copies the address again whenever they
    add it to another calendar app; resetting it gives a new token and the old address stops
    working.
    """

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        verbose_name=_("account"),
        on_delete=models.CASCADE,
        related_name="calendar_secret",
    )
    token = models.CharField(max_length=64, unique=True, default=calendar_token_new, editable=False)
    created_at = models.DateTimeField(_("created at"), auto_now=True)

    class Meta:
        verbose_name = _("private calendar address")
        verbose_name_plural = _("private calendar addresses")

    def __str__(self) -> str:
        return f"{self.user_id}: {self.token[:6]}…"

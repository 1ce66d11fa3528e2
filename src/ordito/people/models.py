"""A person's profile, the roles they hold in plans, and their personal API tokens.

The account itself (e-mail, password, second factor) is Django's user with django-allauth; a
`Person` is what Ordito knows of them besides: what the public sees (the display name, never the
e-mail), the language they read in, where they live.
"""

from django.conf import settings
from django.contrib.contenttypes.fields import GenericForeignKey
from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from ordito.core.languages import DEFAULT_LANGUAGE, LANGUAGES
from ordito.people.notifications import Delivery
from ordito.people.roles import role_get

DISPLAY_NAME_MAX_LENGTH = 80
NOTIFICATION_MESSAGE_MAX_LENGTH = 2000


class Person(models.Model):
    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, verbose_name=_("account"), on_delete=models.CASCADE
    )
    display_name = models.CharField(
        _("display name"),
        max_length=DISPLAY_NAME_MAX_LENGTH,
        blank=True,
        help_text=_("What others see of you on the site; your e-mail address is never shown."),
    )
    language = models.CharField(
        _("language"), max_length=8, choices=LANGUAGES, default=DEFAULT_LANGUAGE
    )
    municipality = models.ForeignKey(
        "territory.Municipality",
        verbose_name=_("municipality where you live"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    categories = models.ManyToManyField(
        "people.Category",
        verbose_name=_("categories"),
        blank=True,
        related_name="people",
        help_text=_("Who you take part as; some consultation days are for certain categories."),
    )
    is_example = models.BooleanField(_("example"), default=False)
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)

    class Meta:
        verbose_name = _("person")
        verbose_name_plural = _("people")
        default_related_name = "person"

    def __str__(self) -> str:
        return self.display_name or _("Participant %(number)s") % {"number": self.user_id}


class Category(models.Model):
    """A category of participants in one plan (resident, student, business…).

    Each plan starts with the list in `DEFAULT_CATEGORIES` (people/categories.py) and its staff can
    rename, add and remove; people say which they belong to, and later apps target them (a
    consultation day for schools, say).
    """

    plan = models.ForeignKey(
        "plans.Plan",
        verbose_name=_("plan"),
        on_delete=models.CASCADE,
        related_name="participant_categories",
    )
    key = models.SlugField(_("key"), max_length=40)
    label = models.CharField(_("name"), max_length=80)
    order = models.PositiveSmallIntegerField(_("order"), default=0)

    class Meta:
        verbose_name = _("category of participants")
        verbose_name_plural = _("categories of participants")
        ordering = ["plan", "order", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["plan", "key"],
                name="category_unique_key",
                violation_error_message=_("This plan already has a category with this key."),
            )
        ]

    def __str__(self) -> str:
        return self.label


class Affiliation(models.Model):
    """A person's request to represent an actor, and its outcome.

    The staff of a plan where the actor takes part decide; a confirmed representative is one of
    the actor's contacts (they report on the actor's projects).
    """

    class Status(models.TextChoices):
        REQUESTED = "requested", _("Requested")
        CONFIRMED = "confirmed", _("Confirmed")
        DECLINED = "declined", _("Declined")

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("account"),
        on_delete=models.CASCADE,
        related_name="affiliations",
    )
    actor = models.ForeignKey(
        "actors.Actor",
        verbose_name=_("actor"),
        on_delete=models.CASCADE,
        related_name="affiliations",
    )
    position = models.CharField(
        _("position"),
        max_length=120,
        blank=True,
        help_text=_("What you do for the actor, e.g. project manager."),
    )
    status = models.CharField(_("status"), max_length=20, choices=Status, default=Status.REQUESTED)
    requested_at = models.DateTimeField(_("requested at"), auto_now_add=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("decided by"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    decided_at = models.DateTimeField(_("decided at"), null=True, blank=True)
    reason = models.CharField(_("reason"), max_length=500, blank=True)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("affiliation with an actor")
        verbose_name_plural = _("affiliations with actors")
        ordering = ["actor", "user"]
        constraints = [
            models.UniqueConstraint(
                fields=["user", "actor"],
                name="affiliation_unique",
                violation_error_message=_("This person has already asked to represent this actor."),
            )
        ]
        indexes = [models.Index(fields=["actor", "status"], name="affiliation_actor_status")]

    def __str__(self) -> str:
        return f"{self.user_id} → {self.actor_id} ({self.status})"


class PlanRole(models.Model):
    """A role (people/roles.py) a person holds in one plan."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("account"),
        on_delete=models.CASCADE,
        related_name="plan_roles",
    )
    plan = models.ForeignKey(
        "plans.Plan", verbose_name=_("plan"), on_delete=models.CASCADE, related_name="roles_held"
    )
    role = models.CharField(_("role"), max_length=40)
    granted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("granted by"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    granted_at = models.DateTimeField(_("granted at"), auto_now_add=True)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("role in a plan")
        verbose_name_plural = _("roles in plans")
        ordering = ["plan", "role", "user"]
        constraints = [
            models.UniqueConstraint(
                fields=["user", "plan", "role"],
                name="plan_role_unique",
                violation_error_message=_("This person already holds this role in this plan."),
            )
        ]

    def __str__(self) -> str:
        return f"{self.role} @ {self.plan_id}: {self.user_id}"

    @property
    def role_label(self) -> str:
        """The role's name for people (people/roles.py), or its key if no app registers it."""
        role = role_get(self.role)
        return str(role.label) if role is not None else self.role


class ApiToken(models.Model):
    """A personal access token for the REST API, sent as `Authorization: Bearer <token>`.

    Only a SHA-256 digest of the token is stored: the token itself is shown once, when it is
    created. A random token of 256 bits needs no slow hash (nothing can be guessed from its
    digest), and its digest can be looked up by an index in one query.
    """

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("account"),
        on_delete=models.CASCADE,
        related_name="api_tokens",
    )
    name = models.CharField(_("name"), max_length=80)
    prefix = models.CharField(_("beginning of the token"), max_length=12)
    digest = models.CharField(max_length=64, unique=True, editable=False)
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    expires_at = models.DateTimeField(_("expires at"))
    revoked_at = models.DateTimeField(_("revoked at"), null=True, blank=True)

    class Meta:
        verbose_name = _("API token")
        verbose_name_plural = _("API tokens")
        ordering = ["-created_at", "-pk"]

    def __str__(self) -> str:
        return f"{self.name} ({self.prefix}…)"


class Notification(models.Model):
    """Something the site tells one person, written in their language when it is created."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("account"),
        on_delete=models.CASCADE,
        related_name="notifications",
    )
    kind = models.CharField(_("kind"), max_length=60)
    message = models.TextField(_("message"), max_length=NOTIFICATION_MESSAGE_MAX_LENGTH)
    link = models.CharField(_("link"), max_length=500, blank=True)
    about_type = models.ForeignKey(
        ContentType, on_delete=models.CASCADE, null=True, blank=True, related_name="+"
    )
    about_id = models.PositiveBigIntegerField(null=True, blank=True)
    about = GenericForeignKey("about_type", "about_id")
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    read_at = models.DateTimeField(_("read at"), null=True, blank=True)
    emailed_at = models.DateTimeField(_("e-mailed at"), null=True, blank=True)

    class Meta:
        verbose_name = _("notification")
        verbose_name_plural = _("notifications")
        ordering = ["-created_at", "-pk"]
        indexes = [models.Index(fields=["user", "read_at"], name="notification_unread")]

    def __str__(self) -> str:
        return self.message[:60]


class NotificationSetting(models.Model):
    """How a person wants one kind of notification delivered (people/notifications.py)."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("account"),
        on_delete=models.CASCADE,
        related_name="notification_settings",
    )
    kind = models.CharField(_("kind"), max_length=60)
    delivery = models.CharField(_("delivery"), max_length=20, choices=Delivery)

    class Meta:
        verbose_name = _("notification setting")
        verbose_name_plural = _("notification settings")
        constraints = [
            models.UniqueConstraint(fields=["user", "kind"], name="notification_setting_unique")
        ]

    def __str__(self) -> str:
        return f"{self.kind}: {self.delivery}"

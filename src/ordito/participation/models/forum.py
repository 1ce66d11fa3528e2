"""The forum: boards of a plan, threads in a board, posts in a thread (one level of replies)."""

from django.conf import settings
from django.contrib.postgres.search import SearchVectorField
from django.db import models
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

TITLE_MAX_LENGTH = 200
BODY_MAX_LENGTH = 10_000


class Board(models.Model):
    """A place to discuss one part of a plan: general, or about one direction of intervention.

    Boards per commission come with the process app (issue 11), as a third kind.
    """

    class Kind(models.TextChoices):
        GENERAL = "general", _("General")
        DIRECTION = "direction", _("Direction of intervention")

    plan = models.ForeignKey(
        "plans.Plan", verbose_name=_("plan"), on_delete=models.CASCADE, related_name="+"
    )
    kind = models.CharField(_("kind"), max_length=20, choices=Kind, default=Kind.GENERAL)
    direction = models.ForeignKey(
        "plans.Direction",
        verbose_name=_("direction of intervention"),
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="+",
    )
    slug = models.SlugField(_("key"), max_length=60)
    title = models.CharField(_("title"), max_length=TITLE_MAX_LENGTH)
    description = models.TextField(_("description"), max_length=2000, blank=True)
    is_open = models.BooleanField(
        _("open"), default=True, help_text=_("A closed board keeps its threads but takes no posts.")
    )
    order = models.PositiveSmallIntegerField(_("order"), default=0)
    is_example = models.BooleanField(_("example"), default=False)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("board")
        verbose_name_plural = _("boards")
        ordering = ["plan", "order", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["plan", "slug"],
                name="board_unique_slug",
                violation_error_message=_("This plan already has a board with this key."),
            ),
            models.CheckConstraint(
                condition=(models.Q(kind="direction") & models.Q(direction__isnull=False))
                | (~models.Q(kind="direction") & models.Q(direction__isnull=True)),
                name="board_direction_matches_kind",
                violation_error_message=_(
                    "A board about a direction names it; other boards name none."
                ),
            ),
        ]

    def __str__(self) -> str:
        return self.title


class Thread(models.Model):
    """A discussion in a board; its opening post is its first `Post`."""

    board = models.ForeignKey(
        Board, verbose_name=_("board"), on_delete=models.CASCADE, related_name="threads"
    )
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("author"),
        on_delete=models.SET_NULL,  # a former participant's thread stays, unsigned
        null=True,
        blank=True,
        related_name="+",
    )
    title = models.CharField(_("title"), max_length=TITLE_MAX_LENGTH)
    is_hidden = models.BooleanField(_("hidden"), default=False)
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    last_activity_at = models.DateTimeField(_("last activity"), auto_now_add=True)
    is_example = models.BooleanField(_("example"), default=False)
    followers = models.ManyToManyField(
        settings.AUTH_USER_MODEL,
        verbose_name=_("followers"),
        through="Follow",
        related_name="+",
        blank=True,
    )

    class Meta:
        verbose_name = _("thread")
        verbose_name_plural = _("threads")
        ordering = ["-last_activity_at", "-pk"]
        indexes = [
            models.Index(
                fields=["board", "is_hidden", "-last_activity_at", "-id"],
                name="thread_board_activity",
            )
        ]

    def __str__(self) -> str:
        return self.title


class Follow(models.Model):
    """A person following a thread: they are told of each new post."""

    thread = models.ForeignKey(Thread, on_delete=models.CASCADE, related_name="follows")
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)

    class Meta:
        verbose_name = _("follow")
        verbose_name_plural = _("follows")
        constraints = [
            models.UniqueConstraint(fields=["thread", "user"], name="follow_unique"),
        ]

    def __str__(self) -> str:
        return f"{self.user_id} → {self.thread_id}"


class Post(models.Model):
    """A message in a thread, in Markdown; `body_html` is its sanitised rendering, kept so that a
    page never renders Markdown. A reply names its `parent`, a post that is not itself a reply.

    `search_vector` is filled on PostgreSQL only (the `italian` configuration, GIN index created
    by the migration there); SQLite searches the text itself.
    """

    thread = models.ForeignKey(
        Thread, verbose_name=_("thread"), on_delete=models.CASCADE, related_name="posts"
    )
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("author"),
        on_delete=models.SET_NULL,  # "Former participant" once the account is deleted
        null=True,
        blank=True,
        related_name="+",
    )
    parent = models.ForeignKey(
        "self",
        verbose_name=_("in reply to"),
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="replies",
    )
    body = models.TextField(_("text"), max_length=BODY_MAX_LENGTH)
    body_html = models.TextField(editable=False, blank=True)
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    edited_at = models.DateTimeField(_("edited at"), null=True, blank=True)
    is_hidden = models.BooleanField(_("hidden"), default=False)
    is_example = models.BooleanField(_("example"), default=False)
    search_vector = SearchVectorField(null=True, editable=False)

    class Meta:
        verbose_name = _("post")
        verbose_name_plural = _("posts")
        ordering = ["thread", "pk"]
        indexes = [
            # A page of a thread's top-level posts, after a given id (keyset pagination).
            models.Index(fields=["thread", "parent", "is_hidden", "id"], name="post_thread_page"),
        ]

    def __str__(self) -> str:
        return f"{self.thread_id}#{self.pk}"

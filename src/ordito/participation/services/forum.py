"""Writes of the forum: boards (staff), threads and posts (participants), following a thread."""

from collections.abc import Mapping
from datetime import timedelta
from typing import Any

from django.contrib.auth.models import AbstractBaseUser
from django.contrib.postgres.search import SearchVector
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import connection, transaction
from django.db.models import Value
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from ordito.core.records import Author, upsert
from ordito.participation import selectors
from ordito.participation.markdown import codes_in, render_markdown
from ordito.participation.models import Board, Follow, Post, Thread
from ordito.participation.models.forum import BODY_MAX_LENGTH, TITLE_MAX_LENGTH
from ordito.participation.registrations import THREAD_REPLIES
from ordito.participation.services.taking_part import (
    RateLimit,
    rate_limit_check,
    taking_part_check,
)
from ordito.participation.services.text import body_clean, title_clean
from ordito.people.services import notify

BOARD_FIELDS = (
    "kind",
    "direction",
    "title_it",
    "title_en",
    "description_it",
    "description_en",
    "is_open",
    "order",
    "is_example",
)
EDIT_WINDOW = timedelta(minutes=30)
THREAD_RATE = RateLimit(count=5, window=timedelta(minutes=30))
POST_RATE = RateLimit(count=10, window=timedelta(minutes=5))
SEARCH_CONFIG = "italian"


def board_save(*, by: Author, plan, slug: str, values: Mapping[str, Any]) -> tuple[Board, bool]:
    """Create or update the board `slug` of `plan` (docs/decisions/0001); return it and whether
    it was written."""
    with transaction.atomic():
        return upsert(
            Board, by=by, lookup={"plan": plan, "slug": slug}, values=values, allowed=BOARD_FIELDS
        )


def body_render(*, plan, body: str) -> str:
    """The sanitised HTML of `body`, with the codes of the plan's objectives and projects linked."""
    return render_markdown(body, links=selectors.part_links(plan=plan, codes=codes_in(body)))


def search_vector_update(*, post: Post, title: str = "") -> None:
    """Index `post` for PostgreSQL's Italian search; the thread's title weighs more. SQLite
    searches the text itself (selectors.post_search)."""
    if connection.vendor != "postgresql":
        return
    vector = SearchVector("body", config=SEARCH_CONFIG, weight="B")
    if title:
        vector = SearchVector(Value(title), config=SEARCH_CONFIG, weight="A") + vector
    Post.objects.filter(pk=post.pk).update(search_vector=vector)


def writable_check(*, thread: Thread | None = None, board: Board) -> None:
    if not board.is_open:
        raise PermissionDenied(_("This board is closed: it takes no new posts."))
    if thread is not None and thread.is_hidden:
        raise PermissionDenied(_("This thread was hidden by a moderator."))


@transaction.atomic
def thread_create(
    *, board: Board, author: AbstractBaseUser, title: Any, body: Any, is_example: bool = False
) -> Thread:
    """Open a thread in `board` with its first post; its author follows it."""
    taking_part_check(user=author, plan=board.plan)
    writable_check(board=board)
    title = title_clean(title, field="title", max_length=TITLE_MAX_LENGTH)
    body = body_clean(body, field="body", max_length=BODY_MAX_LENGTH)
    rate_limit_check(recent=Thread.objects.filter(author=author), limit=THREAD_RATE)
    thread = Thread.objects.create(board=board, author=author, title=title, is_example=is_example)
    post = Post.objects.create(
        thread=thread,
        author=author,
        body=body,
        body_html=body_render(plan=board.plan, body=body),
        is_example=is_example,
    )
    search_vector_update(post=post, title=title)
    Follow.objects.get_or_create(thread=thread, user=author)
    return thread


@transaction.atomic
def post_create(
    *,
    thread: Thread,
    author: AbstractBaseUser,
    body: Any,
    parent: Post | None = None,
    is_example: bool = False,
) -> Post:
    """Add a post to `thread` (a reply to `parent`, one level deep), and tell its followers."""
    board = thread.board
    taking_part_check(user=author, plan=board.plan)
    writable_check(thread=thread, board=board)
    body = body_clean(body, field="body", max_length=BODY_MAX_LENGTH)
    if parent is not None:
        if parent.thread_id != thread.pk or parent.is_hidden:
            raise ValidationError({"parent": _("Reply to a post of this thread.")})
        if parent.parent_id is not None:
            parent = Post.objects.get(pk=parent.parent_id)  # one level: join its discussion
    rate_limit_check(recent=Post.objects.filter(author=author), limit=POST_RATE, field="body")
    post = Post.objects.create(
        thread=thread,
        author=author,
        parent=parent,
        body=body,
        body_html=body_render(plan=board.plan, body=body),
        is_example=is_example,
    )
    search_vector_update(post=post)
    Thread.objects.filter(pk=thread.pk).update(last_activity_at=post.created_at)
    followers_notify(post=post, plan_slug=board.plan.slug)
    return post


def followers_notify(*, post: Post, plan_slug: str) -> None:
    thread = post.thread
    path_kwargs = {"plan_slug": plan_slug, "pk": thread.pk}

    def link() -> str:
        return reverse("participation:thread", kwargs=path_kwargs) + f"#post-{post.pk}"

    def message() -> str:
        return _("New post in “%(title)s”.") % {"title": thread.title}

    followers = Follow.objects.filter(thread=thread).exclude(user=post.author_id)
    for follow in followers.select_related("user"):
        notify(user=follow.user, kind=THREAD_REPLIES, message=message, link=link, about=post)


@transaction.atomic
def post_edit(*, post: Post, by: AbstractBaseUser, body: Any) -> Post:
    """Change the text of `post`: its author only, within `EDIT_WINDOW`; the edit is shown."""
    if post.author_id is None or post.author_id != by.pk:
        raise PermissionDenied(_("Only the author can edit a post."))
    board = post.thread.board
    taking_part_check(user=by, plan=board.plan)
    writable_check(thread=post.thread, board=board)
    if post.is_hidden:
        raise PermissionDenied(_("This post was hidden by a moderator."))
    if timezone.now() - post.created_at > EDIT_WINDOW:
        raise PermissionDenied(
            _("A post can be edited for %(minutes)d minutes after it is written.")
            % {"minutes": EDIT_WINDOW.total_seconds() // 60}
        )
    body = body_clean(body, field="body", max_length=BODY_MAX_LENGTH)
    if body == post.body:
        return post
    post.body = body
    post.body_html = body_render(plan=board.plan, body=body)
    post.edited_at = timezone.now()
    post.save(update_fields=["body", "body_html", "edited_at"])
    is_opening = (
        post.parent_id is None
        and not Post.objects.filter(thread=post.thread_id, pk__lt=post.pk).exists()
    )
    search_vector_update(post=post, title=post.thread.title if is_opening else "")
    return post


@transaction.atomic
def thread_follow(*, thread: Thread, user: AbstractBaseUser) -> bool:
    """Follow `thread`; False when already following."""
    if not user.is_authenticated:
        raise PermissionDenied(_("Log in to take part."))
    _follow, created = Follow.objects.get_or_create(thread=thread, user=user)
    return created


@transaction.atomic
def thread_unfollow(*, thread: Thread, user: AbstractBaseUser) -> bool:
    deleted, _rows = Follow.objects.filter(thread=thread, user=user).delete()
    return bool(deleted)

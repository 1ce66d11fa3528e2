"""Every read of participation that pages, the API and the services share.

Hidden content is left out here, in one place: a hidden thread, a hidden post, and the replies
of a hidden post appear in no list, count or search.
"""

import re
from dataclasses import dataclass

from django.contrib.contenttypes.prefetch import GenericPrefetch
from django.contrib.postgres.search import SearchQuery, SearchRank
from django.db import connection
from django.db.models import Count, F, Prefetch, Q, QuerySet
from django.urls import reverse
from django.utils import translation

from ordito.core.languages import DEFAULT_LANGUAGE
from ordito.participation.markdown import code_key
from ordito.participation.models import (
    Board,
    ModerationAction,
    Post,
    Proposal,
    Report,
    Statement,
    Thread,
)
from ordito.plans.models import Objective, Plan, Project

POSTS_PER_PAGE = 50
SEARCH_RESULTS_MAX = 50
SEARCH_CONFIG = "italian"
REPORTABLE_MODELS = (Post, Thread, Proposal, Statement)
CODE_SPACED = re.compile(r"^([A-Z]+)(\d+)$")
VISIBLE_POSTS = Q(posts__is_hidden=False) & (
    Q(posts__parent__isnull=True) | Q(posts__parent__is_hidden=False)
)


def part_links(*, plan: Plan, codes: set[str]) -> dict[str, str]:
    """The paths of the plan's objectives and projects whose code, spaces left out, is in
    `codes` ("MOB2" finds the objective coded "MOB 2"); keyed by `markdown.code_key`."""
    if not codes:
        return {}
    spellings = set(codes) | {CODE_SPACED.sub(r"\1 \2", code) for code in codes}
    links = {}
    # The HTML is kept for every reader: link to the default language's address, whatever the
    # language of the request that wrote it.
    with translation.override(DEFAULT_LANGUAGE):
        for model, name in ((Objective, "plans:objective"), (Project, "plans:project")):
            rows = model.objects.filter(plan=plan, code__in=spellings).values_list("pk", "code")
            for pk, code in rows:
                path = reverse(name, kwargs={"plan_slug": plan.slug, "pk": pk})
                links.setdefault(code_key(code), path)
    return links


def board_list(*, plan: Plan) -> QuerySet[Board]:
    return (
        Board.objects.filter(plan=plan)
        .select_related("direction")
        .annotate(thread_count=Count("threads", filter=Q(threads__is_hidden=False)))
        .order_by("order", "pk")
    )


def board_get(*, plan: Plan, slug: str) -> Board | None:
    return Board.objects.filter(plan=plan, slug=slug).select_related("plan", "direction").first()


def thread_list(*, board: Board) -> QuerySet[Thread]:
    return (
        Thread.objects.filter(board=board, is_hidden=False)
        .select_related("author__person")
        .annotate(post_count=Count("posts", filter=VISIBLE_POSTS))
        .order_by("-last_activity_at", "-pk")
    )


def thread_get(*, plan: Plan, pk: int) -> Thread | None:
    """The visible thread `pk` of `plan`, with its board, or None."""
    return (
        Thread.objects.filter(pk=pk, board__plan=plan, is_hidden=False)
        .select_related("board__plan", "author__person")
        .first()
    )


@dataclass(frozen=True, slots=True)
class PostPage:
    posts: list[Post]  # top-level posts, each with `visible_replies`
    after: int | None  # the id this page starts after
    next_after: int | None  # the id the next page starts after, None on the last page


def post_page(*, thread: Thread, after: int | None = None, size: int = POSTS_PER_PAGE) -> PostPage:
    """A page of the thread's visible top-level posts after the post `after`, with their visible
    replies: two queries whatever the thread's length, read along the index `post_thread_page`
    (keyset pagination: no OFFSET to skip)."""
    posts = Post.objects.filter(thread=thread, parent__isnull=True, is_hidden=False)
    if after is not None:
        posts = posts.filter(pk__gt=after)
    replies = Post.objects.filter(is_hidden=False).select_related("author__person").order_by("pk")
    rows = list(
        posts.select_related("author__person")
        .prefetch_related(Prefetch("replies", queryset=replies, to_attr="visible_replies"))
        .order_by("pk")[: size + 1]
    )
    next_after = rows[size - 1].pk if len(rows) > size else None
    return PostPage(posts=rows[:size], after=after, next_after=next_after)


def post_search(*, plan: Plan, query: str) -> QuerySet[Post]:
    """The visible posts of `plan` matching `query`: on PostgreSQL by its Italian stemmer over
    the GIN-indexed vector, best first; elsewhere by the beginnings of the words (a crude stem,
    so that "mobilità" and "mobile" still meet), newest first."""
    posts = (
        Post.objects.filter(
            thread__board__plan=plan,
            thread__is_hidden=False,
            is_hidden=False,
        )
        .exclude(parent__is_hidden=True)
        .select_related("thread", "author__person")
    )
    words = query.split()
    if not words:
        return posts.none()
    if connection.vendor == "postgresql":
        search = SearchQuery(query, config=SEARCH_CONFIG, search_type="websearch")
        return (
            posts.filter(search_vector=search)
            .annotate(rank=SearchRank(F("search_vector"), search))
            .order_by("-rank", "-pk")[:SEARCH_RESULTS_MAX]
        )
    for word in words:
        stem = word[: max(4, len(word) - 3)]
        posts = posts.filter(Q(body__icontains=stem) | Q(thread__title__icontains=stem))
    return posts.order_by("-pk")[:SEARCH_RESULTS_MAX]


def report_queue(*, plan: Plan) -> QuerySet[Report]:
    """The plan's open reports, oldest first, with what they are about."""
    return (
        Report.objects.filter(plan=plan, resolved_at__isnull=True)
        .select_related("reporter__person", "content_type")
        .prefetch_related(
            GenericPrefetch(
                "content",
                [model.objects.select_related("author__person") for model in REPORTABLE_MODELS],
            )
        )
        .order_by("created_at", "pk")
    )


def moderation_log(*, plan: Plan, person=None) -> QuerySet[ModerationAction]:
    actions = ModerationAction.objects.filter(plan=plan).select_related("by__person")
    if person is not None:
        actions = actions.filter(person=person)
    return actions.order_by("-at", "-pk")

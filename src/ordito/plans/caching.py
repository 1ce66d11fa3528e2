"""Caching the costly parts of a plan's pages, under keys that change with every write of the plan.

A key holds the plan's id, its content version (raised in the writer's transaction by every
write of the plan's content: core/versions.py), the time the plan row was last saved (so a plan
deleted and created again under the same id, as a reloaded database does, starts afresh) and the
active language. A write anywhere, in any process, thus makes every process miss and compute the
part again; nothing is ever invalidated by hand. Entries expire after `CACHE_SECONDS` as a safety
net for writes that go around the services and the admin (bulk loads, the database shell).

The cache is Django's (settings.CACHES): per process by default, Redis when `REDIS_URL` is set.
Its keys begin with the release of Ordito (settings.ORDITO_RELEASE), so that after a deploy no
server reads a part rendered by an older release's templates.
"""

from collections.abc import Callable
from typing import TypeVar

from django.core.cache import cache
from django.utils.translation import get_language

from ordito.plans.models import Plan

T = TypeVar("T")

CACHE_SECONDS = 300


def plan_cache_vary(plan: Plan, *, per_language: bool = True) -> str:
    """What a cached part of `plan`'s pages varies on: plan, content version, language (unless
    the part is the same in every language)."""
    saved = plan.updated_at.timestamp() if plan.updated_at else 0
    language = get_language() if per_language else "*"
    return f"{plan.pk}.{plan.content_version}.{saved}.{language}"


def plan_fragments(plan: Plan) -> dict[str, object]:
    """What a template's `{% cache cache_seconds NAME cache_vary_on ... %}` fragments need."""
    return {"cache_seconds": CACHE_SECONDS, "cache_vary_on": plan_cache_vary(plan)}


def plan_cached(plan: Plan, name: str, compute: Callable[[], T], *, per_language: bool = True) -> T:
    """The value `compute()` gives for the current content of `plan`, computed at most once per
    content version and language (and per process, with the default cache). A value that no
    language changes (`per_language=False`, an analysis's numbers) is computed once for all."""
    key = f"ordito.plans:{name}:{plan_cache_vary(plan, per_language=per_language)}"
    value = cache.get(key)
    if value is None:
        value = compute()
        cache.set(key, value, CACHE_SECONDS)
    return value

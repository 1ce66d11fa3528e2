"""Turning "not found" into a 404 page, for the views' lookups through selectors."""

from collections.abc import Callable
from typing import Any, TypeVar

from django.core.exceptions import ObjectDoesNotExist
from django.http import Http404
from django.shortcuts import get_object_or_404

from ordito.plans.models import Plan
from ordito.plans.selectors import plan_list

T = TypeVar("T")


def plan_or_404(slug: str) -> Plan:
    """The plan with this slug, with its previous plan, or a 404 page."""
    return get_object_or_404(plan_list(), slug=slug)


def found_or_404(selector: Callable[..., T], **arguments: Any) -> T:
    """What `selector(**arguments)` returns, or a 404 page when it finds nothing."""
    try:
        return selector(**arguments)
    except ObjectDoesNotExist as error:
        raise Http404 from error

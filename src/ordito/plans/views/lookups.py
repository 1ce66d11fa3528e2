"""The plan a page is about, from its address."""

from django.shortcuts import get_object_or_404

from ordito.plans.models import Plan
from ordito.plans.selectors import plan_list


def plan_or_404(slug: str) -> Plan:
    """The plan with this slug, with its previous plan, or a 404 page."""
    return get_object_or_404(plan_list(), slug=slug)

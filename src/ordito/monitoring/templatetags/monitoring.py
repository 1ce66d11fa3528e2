"""Template filters of the monitoring's pages."""

from django import template

register = template.Library()


@register.filter
def count_of(counts: dict[str, int], key: str) -> int:
    """How many projects `counts` (status key → count) holds for `key`; 0 when none."""
    return counts.get(key, 0)

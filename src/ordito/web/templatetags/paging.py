"""Page numbers for the pagination component: the first, the last, and those around the current."""

from django import template
from django.core.paginator import Page

register = template.Library()


@register.filter
def page_numbers(page: Page) -> list[int | str]:
    """Numbers of the pages to link, with the paginator's ellipsis where some are left out."""
    return list(page.paginator.get_elided_page_range(page.number, on_each_side=1, on_ends=1))

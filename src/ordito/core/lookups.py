"""Turning "not found" into a 404, for the views' and the API's lookups through selectors.

Only the call wrapped here answers 404 when it finds nothing: an `ObjectDoesNotExist` raised
anywhere else is a bug, and stays an error.
"""

from collections.abc import Callable
from typing import Any, TypeVar

from django.core.exceptions import ObjectDoesNotExist
from django.http import Http404

T = TypeVar("T")


def found_or_404(selector: Callable[..., T], **arguments: Any) -> T:
    """What `selector(**arguments)` returns, or a 404 (with the selector's message) when it
    finds nothing."""
    try:
        return selector(**arguments)
    except ObjectDoesNotExist as error:
        raise Http404(str(error)) from error

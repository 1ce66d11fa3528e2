"""How the API answers when a request cannot be served: always JSON, never an HTML page.

- 404 ``{"detail": ...}`` naming what was not found, in Django's words: "Plan matching query
  does not exist." when a selector's ``.get()`` found nothing, "No Plan matches the given query."
  from `get_object_or_404`; and "No such endpoint." for any other path under /api/v1/
  (`unknown_paths`, mounted last), such as a slug with a slash in it, which matches no route.
- 422 ``{"detail": [{"type": ..., "loc": ["query", "limit"], "msg": ...}]}`` for bad parameters:
  ninja's own format, which names the parameter in ``loc`` (where it came from, then its name).
- 500 ``{"detail": "Internal server error."}`` as a last resort for a bug, logged with its
  traceback. Bad input never gets here: the parameters' types and bounds reject it first, and
  the test suite (schemathesis included) checks that.
"""

import logging

from django.core.exceptions import ObjectDoesNotExist
from django.http import Http404, HttpRequest, HttpResponse
from ninja import NinjaAPI, Router, Schema

logger = logging.getLogger(__name__)


class Error(Schema):
    detail: str


class ValidationIssue(Schema):
    type: str
    loc: list[str | int]
    msg: str


class ValidationErrors(Schema):
    detail: list[ValidationIssue]


# The responses every operation may give besides its 200, for the OpenAPI document.
NOT_FOUND = {404: Error}
INVALID = {422: ValidationErrors}


def errors_install(api: NinjaAPI) -> None:
    """Answer unknown objects with a JSON 404 and unexpected errors with a JSON 500."""

    def not_found(request: HttpRequest, exc: Exception) -> HttpResponse:
        return api.create_response(request, {"detail": str(exc) or "Not found."}, status=404)

    def server_error(request: HttpRequest, exc: Exception) -> HttpResponse:
        logger.exception("API error on %s", request.get_full_path(), exc_info=exc)
        return api.create_response(request, {"detail": "Internal server error."}, status=500)

    api.add_exception_handler(Http404, not_found)
    api.add_exception_handler(ObjectDoesNotExist, not_found)
    api.add_exception_handler(Exception, server_error)


unknown_paths = Router()


@unknown_paths.api_operation(
    ["GET", "POST", "PUT", "PATCH", "DELETE"], "/{path:rest}", include_in_schema=False
)
def unknown_path(request: HttpRequest, rest: str) -> None:
    raise Http404("No such endpoint.")

"""How the API answers when a request cannot be served: always JSON, in one shape per status.

Every endpoint shares these shapes (docs/architecture.md, "The API"):

- 401, 403, 404 and 409, 412 ``{"detail": "..."}``: one sentence. A 404 comes only from a handler
  that says the object is missing (`get_object_or_404`, `core.lookups.found_or_404`), naming what
  was not found ("No Plan matches the given query.", "Plan matching query does not exist."), and
  "No such endpoint." for any other path under /api/v1/ (`unknown_paths`, mounted last).
- 422 ``{"detail": [{"type": ..., "loc": [where, name], "msg": ...}]}``: one item per field at
  fault. Bad parameters get ninja's own items (``loc`` is ``["query", "limit"]``); a service's
  `ValidationError` gets one item per message, with ``type`` ``"invalid"`` and ``loc``
  ``["body", field]`` (``["body"]`` for an error about the whole object), so a client finds the
  field the same way in both.
- 500 ``{"detail": "Internal server error."}`` as a last resort for a bug, logged with its
  traceback. An `ObjectDoesNotExist` that no handler turned into a 404 is such a bug.
"""

import logging

from django.core.exceptions import NON_FIELD_ERRORS, ValidationError
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


def validation_issues(error: ValidationError) -> list[dict[str, object]]:
    """The items of a 422 answer for a service's `ValidationError`, one per message."""
    by_field = (
        error.message_dict if hasattr(error, "error_dict") else {NON_FIELD_ERRORS: error.messages}
    )
    return [
        {
            "type": "invalid",
            "loc": ["body"] if field == NON_FIELD_ERRORS else ["body", field],
            "msg": message,
        }
        for field, messages in by_field.items()
        for message in messages
    ]


def errors_install(api: NinjaAPI) -> None:
    """Answer missing objects with a JSON 404, a service's refusal with a JSON 422 naming each
    field, and unexpected errors with a JSON 500."""

    def not_found(request: HttpRequest, exc: Exception) -> HttpResponse:
        return api.create_response(request, {"detail": str(exc) or "Not found."}, status=404)

    def server_error(request: HttpRequest, exc: Exception) -> HttpResponse:
        logger.exception("API error on %s", request.get_full_path(), exc_info=exc)
        return api.create_response(request, {"detail": "Internal server error."}, status=500)

    def invalid(request: HttpRequest, exc: ValidationError) -> HttpResponse:
        return api.create_response(request, {"detail": validation_issues(exc)}, status=422)

    api.add_exception_handler(Http404, not_found)
    api.add_exception_handler(ValidationError, invalid)
    api.add_exception_handler(Exception, server_error)


unknown_paths = Router()


@unknown_paths.api_operation(
    ["GET", "POST", "PUT", "PATCH", "DELETE"], "/{path:rest}", include_in_schema=False
)
def unknown_path(request: HttpRequest, rest: str) -> None:
    raise Http404("No such endpoint.")

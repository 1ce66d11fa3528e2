"""The language of the API's content: `?lang=`, else `Accept-Language`, else Italian.

Plan content is stored in Italian and English (django-modeltranslation); reading `obj.title` gives
the active language and falls back to Italian where the English text is empty. So choosing the
language of a response means activating it while the response is serialised, and nothing else:
the schemas never name `title_it` or `title_en`.

`localized` does this for one operation. It adds the `lang` query parameter to the operation (so
the OpenAPI document lists it and a bad value answers 422 naming `lang`) and runs the whole
operation, serialisation included, inside `django.utils.translation.override`. The response says
which language it is in with `Content-Language` (RFC 9110, section 8.5); `LocaleMiddleware` adds
`Vary: Accept-Language`.

The site's language cookie is ignored on purpose: an API answer depends only on what the request
says, so that caches keyed by `Vary` stay right.

References
----------
RFC 9110, *HTTP Semantics*, section 12.5.4 (`Accept-Language`, quality values) and section 8.5
(`Content-Language`). RFC 4647, *Matching of Language Tags*, section 3.4 (lookup: `en-GB` falls back to `en`).
"""

import functools
from collections.abc import Callable
from typing import Any, Literal

from django.conf import settings
from django.http import HttpRequest, HttpResponseBase
from django.utils import translation
from ninja import Field, Query, Schema
from ninja.decorators import decorate_view
from ninja.utils import contribute_operation_args

from ordito.api.parameters import absent_or_value
from ordito.core.languages import LANGUAGE_CODES

Language = Literal[LANGUAGE_CODES]

# Django reads at most this much of an Accept-Language header; so do we (a long header is hostile).
ACCEPT_LANGUAGE_MAX_LENGTH = 500


class LanguageQuery(Schema):
    lang: Language | None = Field(
        None,
        description=(
            "Language of titles and descriptions: `it` or `en`. Without it, the "
            "`Accept-Language` header decides; Italian is the default. Missing English "
            "texts fall back to Italian."
        ),
        json_schema_extra=absent_or_value,
    )


def language_from_header(header: str) -> str | None:
    """The supported language the client prefers most, from an `Accept-Language` header.

    Parameters
    ----------
    header
        The header's value, such as ``"en-GB,en;q=0.9,it;q=0.5"``.

    Returns
    -------
    str or None
        A code of ``settings.LANGUAGES`` (``"en"`` for ``en-GB``), or None if the header names
        none of them, is malformed, or only accepts them with quality 0.
    """
    ranked: list[tuple[float, int, str]] = []
    for position, item in enumerate(header[:ACCEPT_LANGUAGE_MAX_LENGTH].split(",")):
        tag, _, parameters = item.partition(";")
        quality = 1.0
        name, _, value = parameters.partition("=")
        if name.strip().lower() == "q":
            try:
                quality = float(value)
            except ValueError:
                continue
        if 0 < quality <= 1 and tag.strip():
            ranked.append((-quality, position, tag.strip().lower()))
    for _, _, tag in sorted(ranked):
        try:
            return translation.get_supported_language_variant(tag)
        except LookupError:
            continue
    return None


def requested_language(request: HttpRequest) -> str:
    """The language a request asks for: a valid `lang`, else `Accept-Language`, else the default.

    An invalid `lang` is ignored here: the operation's parameter validation answers 422 for it.
    """
    lang = request.GET.get("lang")
    if lang in dict(settings.LANGUAGES):
        return lang
    header = request.headers.get("Accept-Language", "")
    return language_from_header(header) or settings.LANGUAGE_CODE


def _in_requested_language(
    run: Callable[..., HttpResponseBase],
) -> Callable[..., HttpResponseBase]:
    @functools.wraps(run)
    def run_in_language(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponseBase:
        language = requested_language(request)
        with translation.override(language):
            response = run(request, *args, **kwargs)
        response.headers["Content-Language"] = language
        return response

    return run_in_language


def localized(view: Callable[..., Any]) -> Callable[..., Any]:
    """Serve an operation's content in the requested language (see the module docstring).

    Put it between the router's decorator and the view (and above `paginate`)::

        @router.get("/plans/{slug}", response=PlanDetail, operation_id="plan_get")
        @localized
        def plan_get(request, slug: str): ...
    """

    @functools.wraps(view)
    def view_without_language(request: HttpRequest, *args: Any, **kwargs: Any) -> Any:
        # The parameter is validated and documented by ninja; `run_in_language` has used it.
        kwargs.pop("content_language", None)
        return view(request, *args, **kwargs)

    contribute_operation_args(view_without_language, "content_language", LanguageQuery, Query(...))
    return decorate_view(_in_requested_language)(view_without_language)

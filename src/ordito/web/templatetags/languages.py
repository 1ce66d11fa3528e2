"""The language switch: the current page's address in each of the site's languages.

Each language has its own addresses (`/…` in Italian, `/en/…` in English), so the switch and the
`<link rel="alternate" hreflang>` tags point at the same page in the other language.
"""

from dataclasses import dataclass

from django import template
from django.conf import settings
from django.urls import translate_url
from django.utils.translation import get_language, get_language_info

register = template.Library()


@dataclass(frozen=True, slots=True)
class LanguageVersion:
    code: str
    name: str  # in the language itself ("English", "Italiano"), as a reader of it looks for it
    url: str
    is_current: bool


@register.simple_tag(takes_context=True)
def language_versions(context: template.Context) -> list[LanguageVersion]:
    """The current page in every language of the site, the active one marked.

    The address is translated here, while the page's own language is active: Django's
    `set_language` resolves `next` in the default language, which cannot resolve an `/en/`
    address, so it is handed an address that is already right.
    """
    request = context.get("request")
    path = request.get_full_path() if request is not None else "/"
    current = get_language()
    return [
        LanguageVersion(
            code=code,
            name=get_language_info(code)["name_local"].capitalize(),
            url=translate_url(path, code),
            is_current=code == current,
        )
        for code, _name in settings.LANGUAGES
    ]

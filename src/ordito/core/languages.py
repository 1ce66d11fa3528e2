"""The languages of Ordito's pages and content, defined once.

The settings read them (`LANGUAGES`, `LANGUAGE_CODE`), the API derives its `lang` parameter from
them, the services and the plan format derive the per-language columns of translated fields
(`title_it`, `title_en`) from them.
"""

from django.utils.translation import gettext_lazy as _

DEFAULT_LANGUAGE = "it"
LANGUAGES = (("it", _("Italian")), ("en", _("English")))
LANGUAGE_CODES = tuple(code for code, _name in LANGUAGES)


def translated(*names: str) -> tuple[str, ...]:
    """The per-language columns of translated fields: `translated("title")` is
    `("title_it", "title_en")`."""
    return tuple(f"{name}_{language}" for name in names for language in LANGUAGE_CODES)

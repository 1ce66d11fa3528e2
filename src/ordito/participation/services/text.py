"""Checking the texts participants send: a title is one line, a body has a length."""

import unicodedata
from typing import Any

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _


def title_clean(value: Any, *, field: str, max_length: int) -> str:
    """`value` as one line: spaces trimmed and collapsed, no control characters, not empty."""
    if not isinstance(value, str):
        raise ValidationError({field: _("Enter text.")})
    text = " ".join(value.split())
    if any(unicodedata.category(character).startswith("C") for character in text):
        raise ValidationError({field: _("Remove the control characters.")})
    return length_check(text, field=field, max_length=max_length)


def body_clean(value: Any, *, field: str, max_length: int) -> str:
    """`value` as a text of several lines: ends trimmed, line ends made `\\n`, no control
    characters other than newline and tab."""
    if not isinstance(value, str):
        raise ValidationError({field: _("Enter text.")})
    text = value.replace("\r\n", "\n").replace("\r", "\n").strip()
    if any(
        unicodedata.category(character).startswith("C") and character not in "\n\t"
        for character in text
    ):
        raise ValidationError({field: _("Remove the control characters.")})
    return length_check(text, field=field, max_length=max_length)


def length_check(text: str, *, field: str, max_length: int) -> str:
    if not text:
        raise ValidationError({field: _("This field cannot be empty.")})
    if len(text) > max_length:
        raise ValidationError(
            {field: _("Use at most %(limit)d characters.") % {"limit": max_length}}
        )
    return text

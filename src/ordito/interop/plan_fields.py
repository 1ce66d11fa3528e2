"""Reading the fields of one record of an `ordito-plan` file, each checked for type, range and syntax.

A `RecordReader` never raises: it appends a `Problem` naming the field's path for every fault and
returns a placeholder (None, "" or the default), so that one pass over a file finds every problem.
"""

import datetime
import math
import re
from collections.abc import Collection
from decimal import ROUND_HALF_EVEN, Decimal, InvalidOperation
from typing import Any

from django.core.exceptions import ValidationError
from django.core.validators import URLValidator

from ordito.core.languages import LANGUAGE_CODES
from ordito.interop.report import Problem
from ordito.plans.codes import code_validator

SLUG_PATTERN = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
ISTAT_PATTERN = re.compile(r"^[0-9]{6}$")


def describe(value: Any) -> str:
    """A short description of a value for a message; long strings are cut, never echoed whole."""
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, str):
        return f'"{value[:40]}…"' if len(value) > 40 else f'"{value}"'
    if isinstance(value, dict):
        return "a mapping"
    if isinstance(value, list):
        return "a list"
    return str(value)


def is_integer(value: Any) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)


class RecordReader:
    """The fields of the record at `path`; `fields` are the names the record may have."""

    def __init__(
        self, data: Any, path: str, problems: list[Problem], *, fields: Collection[str]
    ) -> None:
        self.path = path
        self.problems = problems
        self.data: dict[str, Any] = {}
        # A record that is not a mapping is reported once, not once more for each missing field.
        self.is_mapping = isinstance(data, dict)
        if not self.is_mapping:
            problems.append(Problem(path, f"expected a mapping of fields, found {describe(data)}"))
            return
        for key in data:
            if key not in fields:
                problems.append(Problem(self.at(str(key)), "unknown field"))
        self.data = data

    def at(self, name: str) -> str:
        return f"{self.path}.{name}" if self.path else name

    def error(self, name: str, message: str) -> None:
        self.problems.append(Problem(self.at(name), message))

    def value(self, name: str, *, required: bool) -> Any:
        value = self.data.get(name)
        if value is None and required and self.is_mapping:
            self.error(name, "this field is required")
        return value

    def text(self, name: str, *, max_length: int | None, required: bool) -> dict[str, Any]:
        """A text in Italian and English, as `{name}_it` and `{name}_en` values for a service.

        An absent Italian text is "" and an absent English one None, as the database keeps them,
        so that importing the same text twice compares equal.
        """
        value = self.value(name, required=required)
        texts: dict[str, Any] = {"it": "", "en": None}
        if isinstance(value, str):
            value = {"it": value}
        if isinstance(value, dict):
            for language in value:
                if language not in LANGUAGE_CODES:
                    self.error(f"{name}.{language}", "unknown language: use it or en")
            for language in LANGUAGE_CODES:
                text = value.get(language)
                if text is None or text == "":
                    continue
                path = f"{name}.{language}"
                if not isinstance(text, str):
                    self.error(path, f"expected a string, found {describe(text)}")
                elif max_length is not None and len(text) > max_length:
                    self.error(path, too_long(max_length, text))
                else:
                    texts[language] = text
            if required and not value.get("it"):
                self.error(f"{name}.it", "the Italian text is required")
        elif value is not None:
            self.error(name, f'expected {{"it": ..., "en": ...}}, found {describe(value)}')
        return {f"{name}_{language}": text for language, text in texts.items()}

    def string(self, name: str, *, max_length: int, required: bool = False) -> str:
        value = self.value(name, required=required)
        if value is None:
            return ""
        if not isinstance(value, str):
            self.error(name, f"expected a string, found {describe(value)}")
            return ""
        if len(value) > max_length:
            self.error(name, too_long(max_length, value))
        elif required and not value.strip():
            self.error(name, "this field is required")
        return value

    def slug(self, name: str, *, max_length: int, required: bool = True) -> str | None:
        value = self.value(name, required=required)
        if value is None:
            return None
        if not isinstance(value, str) or not SLUG_PATTERN.match(value) or len(value) > max_length:
            self.error(
                name,
                f"expected lowercase letters, digits and single hyphens, at most {max_length} "
                f"characters (such as torino-2006), found {describe(value)}",
            )
            return None
        return value

    def code(self, name: str, *, required: bool = True) -> str | None:
        value = self.value(name, required=required)
        if value is None:
            return None
        if not isinstance(value, str) or not code_validator.regex.match(value):
            self.error(
                name,
                "expected a code of 1 to 32 letters, digits, spaces, dots, hyphens or slashes, "
                f"starting and ending with a letter or digit (such as MOB 1), found {describe(value)}",
            )
            return None
        return value

    def codes(self, name: str) -> list[tuple[str, str]]:
        """A list of codes, each with its path."""
        return [
            (path, code)
            for path, item in self.items(name)
            if (code := self.code_item(path, item)) is not None
        ]

    def code_item(self, path: str, item: Any) -> str | None:
        if isinstance(item, str) and code_validator.regex.match(item):
            return item
        self.problems.append(Problem(path, f"expected a code, found {describe(item)}"))
        return None

    def integer(
        self,
        name: str,
        *,
        low: int,
        high: int,
        required: bool = True,
        default: int | None = None,
    ) -> int | None:
        value = self.value(name, required=required and default is None)
        if value is None:
            return default
        if not is_integer(value) or not low <= value <= high:
            self.error(name, f"expected an integer from {low} to {high}, found {describe(value)}")
            return None
        return value

    def boolean(self, name: str) -> bool:
        value = self.value(name, required=False)
        if value is None:
            return False
        if not isinstance(value, bool):
            self.error(name, f"expected true or false, found {describe(value)}")
            return False
        return value

    def choice(
        self, name: str, *, choices: Collection[str], default: str | None = None
    ) -> str | None:
        value = self.value(name, required=default is None)
        if value is None:
            return default
        if value not in choices:
            self.error(name, f"{describe(value)} is not one of: {', '.join(choices)}")
            return None
        return value

    def date(self, name: str) -> datetime.date | None:
        value = self.value(name, required=False)
        if value is None:
            return None
        # YAML reads an unquoted 2006-07-01 as a date; JSON gives the string.
        if isinstance(value, datetime.date) and not isinstance(value, datetime.datetime):
            return value
        if isinstance(value, str) and len(value) == 10:
            try:
                return datetime.date.fromisoformat(value)
            except ValueError:
                pass
        self.error(name, f"expected a date as YYYY-MM-DD, found {describe(value)}")
        return None

    def money(self, name: str, *, max_digits: int, places: int) -> Decimal | None:
        """An amount: a decimal string ("12500000.00") or an integer, never negative."""
        value = self.value(name, required=False)
        if value is None:
            return None
        amount = decimal_of(value)
        exponent = amount.as_tuple().exponent if amount is not None else None
        if (
            amount is None
            or not isinstance(exponent, int)
            or -exponent > places
            or amount < 0
            or amount >= Decimal(10) ** (max_digits - places)
        ):
            self.error(
                name,
                f"expected an amount of at least 0 with at most {places} decimals and "
                f"{max_digits - places} digits before the point, as a string such as "
                f'"12500000.00", found {describe(value)}',
            )
            return None
        return amount

    def coordinate(self, name: str, *, limit: int, places: int) -> Decimal | None:
        """A latitude or longitude in degrees, rounded to `places` decimals as the database keeps it."""
        value = self.value(name, required=False)
        if value is None:
            return None
        degrees = decimal_of(value)
        if degrees is None or not degrees.is_finite() or abs(degrees) > limit:
            self.error(
                name,
                f"expected a number of degrees from -{limit} to {limit}, found {describe(value)}",
            )
            return None
        return degrees.quantize(Decimal(1).scaleb(-places), rounding=ROUND_HALF_EVEN)

    def istat_code(self, name: str) -> str | None:
        value = self.value(name, required=False)
        if value is None:
            return None
        if not isinstance(value, str) or not ISTAT_PATTERN.match(value):
            self.error(
                name,
                'expected a six-digit ISTAT code as a string (such as "001272"), '
                f"found {describe(value)}",
            )
            return None
        return value

    def url(self, name: str, *, max_length: int) -> str:
        value = self.string(name, max_length=max_length)
        if value:
            try:
                URLValidator()(value)
            except ValidationError:
                self.error(
                    name, f"expected a web address (http:// or https://), found {describe(value)}"
                )
                return ""
        return value

    def items(self, name: str) -> list[tuple[str, Any]]:
        """The items of the list `name`, each with its path; an absent list is empty."""
        value = self.value(name, required=False)
        if value is None:
            return []
        if not isinstance(value, list):
            self.error(name, f"expected a list, found {describe(value)}")
            return []
        return [(f"{self.at(name)}[{index}]", item) for index, item in enumerate(value)]


def decimal_of(value: Any) -> Decimal | None:
    if isinstance(value, bool):
        return None
    if isinstance(value, float):
        # repr() gives the shortest decimal that reads back as the same float: 45.0703, not the
        # binary expansion 45.07029999999999...
        return Decimal(repr(value)) if math.isfinite(value) else None
    if isinstance(value, int | str):
        try:
            number = Decimal(value)
        except InvalidOperation:
            return None
        return number if number.is_finite() else None
    return None


def too_long(max_length: int, text: str) -> str:
    return f"at most {max_length} characters, found {len(text)}"

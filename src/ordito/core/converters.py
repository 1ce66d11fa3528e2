"""Converters of the addresses' parts that every app's URLs share (registered on import)."""

from django.urls import register_converter


class IdConverter:
    """A database id (`<dbid:pk>`): at most 18 digits, so that no id overflows a 64-bit integer
    column. A longer number is no address here (404) instead of an error from the database."""

    regex = "[0-9]{1,18}"

    def to_python(self, value: str) -> int:
        return int(value)

    def to_url(self, value: int) -> str:
        return str(value)


register_converter(IdConverter, "dbid")

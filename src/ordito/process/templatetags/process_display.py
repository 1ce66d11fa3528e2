"""How the process's dates read: with the precision the sources give ("January 2004", not
"1 January 2004"), and meeting times in the site's zone (Europe/Rome)."""

import datetime

from django import template
from django.utils import formats
from django.utils.translation import gettext as _
from django.utils.translation import pgettext

from ordito.process.models.timeline import DatePrecision

register = template.Library()

FORMATS = {
    DatePrecision.DAY: "DATE_FORMAT",
    DatePrecision.MONTH: "YEAR_MONTH_FORMAT",
    DatePrecision.YEAR: "Y",
}


def _date(value: datetime.date, precision: str) -> str:
    return formats.date_format(value, FORMATS.get(precision, "DATE_FORMAT"))


@register.simple_tag
def period(start: datetime.date, end: datetime.date | None, precision: str) -> str:
    """A date or a period, as precise as `precision` says: "luglio 2006", "gennaio 2004 –
    dicembre 2004", "da settembre 2006" (a period still open)."""
    first = _date(start, precision)
    if end is None:
        return first
    last = _date(end, precision)
    if last == first:
        return first
    return _("%(start)s – %(end)s") % {"start": first, "end": last}


@register.simple_tag
def open_period(start: datetime.date, precision: str) -> str:
    """A period still open: "dal 1 settembre 2006", or "da settembre 2006" for a month."""
    if precision == DatePrecision.DAY:
        return _("from %(start)s") % {"start": _date(start, precision)}
    return pgettext("since a month or a year", "from %(start)s") % {
        "start": _date(start, precision)
    }

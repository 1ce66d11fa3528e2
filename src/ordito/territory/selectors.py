"""Reads of municipalities that pages, the importer and the API share."""

from collections.abc import Collection

from django.db.models import QuerySet

from ordito.territory.models import Municipality


def municipality_list(
    *, istat_codes: Collection[str] | None = None, pks: QuerySet | None = None
) -> QuerySet[Municipality]:
    """Municipalities by name; only those with one of `istat_codes`, or whose id `pks` (a
    queryset of ids, read as a subquery) gives, when these are set."""
    municipalities = Municipality.objects.order_by("name", "istat_code")
    if istat_codes is not None:
        municipalities = municipalities.filter(istat_code__in=istat_codes)
    if pks is not None:
        municipalities = municipalities.filter(pk__in=pks)
    return municipalities


def municipalities_by_code(istat_codes: Collection[str]) -> dict[str, Municipality]:
    """The municipalities with these ISTAT codes, by code; codes that name none are left out."""
    return Municipality.objects.in_bulk(istat_codes, field_name="istat_code")

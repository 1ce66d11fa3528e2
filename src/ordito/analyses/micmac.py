"""What the MICMAC page shows: the table of objectives, the charts' data and the reading.

Everything is derived from the JSON object `ordito analyze micmac` prints (the same one the API
answers) and from the matrix it was computed on, so the page, the API and the command agree.
Indirect sums can be too large for a float and come divided by a power of ten
(`sum_exponents`): the page shows each indirect sum as a share of the total of all objectives,
in per cent, which no such factor changes.
"""

from dataclasses import dataclass
from typing import Any

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext

from ordito.analyses.inputs import MicmacInputs

# The sectors of the influence–dependence plane, in the library's words, as the page names them.
SECTORS = {
    "influent": gettext_lazy("Influent"),
    "relay": gettext_lazy("Relay"),
    "dependent": gettext_lazy("Dependent"),
    "autonomous": gettext_lazy("Autonomous"),
}
SECTOR_ORDER = ("influent", "relay", "dependent", "autonomous")
# How many objectives a sentence of the reading names at most.
NAMED_IN_READING = 5


@dataclass(frozen=True)
class Row:
    code: str
    title: str
    direct_influence: int
    direct_dependence: int
    indirect_influence: float  # per cent of the total
    indirect_dependence: float
    sector: str
    indirect_sector: str
    influence_shift: int
    dependence_shift: int

    @property
    def sector_name(self) -> str:
        return str(SECTORS[self.sector])

    @property
    def indirect_sector_name(self) -> str:
        return str(SECTORS[self.indirect_sector])


def _shares(values: dict[str, float]) -> dict[str, float]:
    total = sum(values.values())
    return {key: (100 * value / total if total else 0.0) for key, value in values.items()}


def micmac_rows(result: dict[str, Any], titles: dict[str, str]) -> list[Row]:
    """One row per objective of the matrix, in the matrix's order."""
    influence = _shares(result["indirect_influence"])
    dependence = _shares(result["indirect_dependence"])
    return [
        Row(
            code=code,
            title=titles.get(code, ""),
            direct_influence=result["direct_influence"][code],
            direct_dependence=result["direct_dependence"][code],
            indirect_influence=round(influence[code], 2),
            indirect_dependence=round(dependence[code], 2),
            sector=result["sectors"][code],
            indirect_sector=result["indirect_sectors"][code],
            influence_shift=result["rank_shift"][code]["influence"],
            dependence_shift=result["rank_shift"][code]["dependence"],
        )
        for code in result["variables"]
    ]


def micmac_charts(rows: list[Row], inputs: MicmacInputs) -> dict[str, Any]:
    """The data the page's script draws: two planes, the rank shifts, the heat map.

    Labels travel as data, never as markup: the script puts them in text nodes and ECharts
    draws them on a canvas, and `json_script` escapes `<`, `>` and `&` in the payload.
    """
    sectors = {key: str(name) for key, name in SECTORS.items()}
    direct = [[r.direct_dependence, r.direct_influence, r.code, r.title, r.sector] for r in rows]
    indirect = [
        [r.indirect_dependence, r.indirect_influence, r.code, r.title, r.indirect_sector]
        for r in rows
    ]
    n = len(rows)
    return {
        "sectors": sectors,
        "labels": {
            "influence": _("Influence"),
            "dependence": _("Dependence"),
            "influence_shift": _("Change of rank in influence"),
            "dependence_shift": _("Change of rank in dependence"),
            "source": _("Influencing objective"),
            "target": _("Influenced objective"),
            "strength": _("Strength"),
            "potential": _("potential"),
        },
        "direct": {"points": direct, "mean": _means(direct)},
        "indirect": {"points": indirect, "mean": _means(indirect)},
        "shifts": {
            "codes": [r.code for r in rows],
            "influence": [r.influence_shift for r in rows],
            "dependence": [r.dependence_shift for r in rows],
        },
        "heatmap": {
            "codes": list(inputs.labels),
            "cells": [
                [j, i, int(inputs.matrix[i, j]), bool(inputs.potential[i, j])]
                for i in range(n)
                for j in range(n)
                if inputs.matrix[i, j] or inputs.potential[i, j]
            ],
        },
    }


def _means(points: list[list[Any]]) -> list[float]:
    if not points:
        return [0.0, 0.0]
    return [sum(p[0] for p in points) / len(points), sum(p[1] for p in points) / len(points)]


def _names(rows: list[Row]) -> str:
    shown = ", ".join(f"{r.code} ({r.direct_influence})" for r in rows[:NAMED_IN_READING])
    more = len(rows) - NAMED_IN_READING
    if more > 0:
        shown += " " + ngettext("and %(count)d more", "and %(count)d more", more) % {"count": more}
    return shown


def micmac_reading(rows: list[Row], result: dict[str, Any]) -> list[str]:
    """A plain-language reading of the result, sentence by sentence, with its numbers.

    The sentences are plain text (the template escapes them): codes and numbers only, no titles.
    """
    if not rows:
        return []
    by_influence = sorted(rows, key=lambda r: (-r.direct_influence, r.code))
    drivers = [r for r in by_influence if r.sector == "influent"]
    relays = [r for r in by_influence if r.sector == "relay"]
    sentences = [
        ngettext(
            "The matrix links %(count)d objective.",
            "The matrix links %(count)d objectives.",
            len(rows),
        )
        % {"count": len(rows)}
    ]
    if drivers:
        sentences.append(
            ngettext(
                "%(count)d objective drives the system (direct influence in brackets): %(names)s.",
                "%(count)d objectives drive the system (direct influence in brackets): %(names)s.",
                len(drivers),
            )
            % {"count": len(drivers), "names": _names(drivers)}
        )
    if relays:
        sentences.append(
            ngettext(
                "%(count)d objective is a relay, both influent and dependent, where an action "
                "spreads and comes back: %(names)s.",
                "%(count)d objectives are relays, both influent and dependent, where an action "
                "spreads and comes back: %(names)s.",
                len(relays),
            )
            % {"count": len(relays), "names": _names(relays)}
        )
    most_dependent = max(rows, key=lambda r: (r.direct_dependence, r.code))
    sentences.append(
        _("%(code)s is the most dependent objective (direct dependence %(value)d).")
        % {"code": most_dependent.code, "value": most_dependent.direct_dependence}
    )
    riser = max(rows, key=lambda r: (r.influence_shift, r.code))
    if riser.influence_shift > 0:
        sentences.append(
            _(
                "Counting indirect influences (the matrix raised to the power %(power)d), "
                "%(code)s gains the most: %(shift)d places in the ranking by influence."
            )
            % {"power": result["power"], "code": riser.code, "shift": riser.influence_shift}
        )
    else:
        sentences.append(
            _(
                "Counting indirect influences (the matrix raised to the power %(power)d) "
                "changes no objective's rank by influence."
            )
            % {"power": result["power"]}
        )
    return sentences

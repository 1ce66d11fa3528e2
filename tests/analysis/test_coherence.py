"""Tests of the projects-objectives coherence checks (ordito.analysis.coherence)."""

import json

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from ordito.analysis.coherence import Conflict, coherence
from ordito.analysis.errors import AnalysisInputError

# A hand example scored on Nilsson, Griggs and Visbeck's (2016) scale (-3 cancelling .. +3
# indivisible): a tram line, a ring road, a science park and a festival against four objectives.
CONTRIBUTIONS = [
    ("tram", "clean air", 3),
    ("tram", "mobility", 2),
    ("ring road", "mobility", 3),
    ("ring road", "clean air", -2),
    ("ring road", "green space", -1),
    ("science park", "jobs", 2),
    ("science park", "green space", -3),
    ("festival", "jobs", 0),
]


def test_coherence_hand_example():
    result = coherence(CONTRIBUTIONS)
    assert result.projects == ("tram", "ring road", "science park", "festival")
    assert result.objectives == ("clean air", "mobility", "green space", "jobs")
    # The festival's only contribution is 0: it serves nothing, and no objective is unserved.
    assert result.unserved_objectives == ()
    assert result.projects_without_objectives == ("festival",)
    # Green space is only hindered (-1, -3); clean air is pulled both ways (+3 tram, -2 road).
    assert result.negatively_served_objectives == ("green space",)
    assert result.conflicts == (
        Conflict(objective="clean air", positive=("tram",), negative=("ring road",)),
    )
    assert result.strength.tolist() == [[3, 2, 0, 0], [-2, 3, -1, 0], [0, 0, -3, 2], [0, 0, 0, 0]]


def test_coherence_full_lists_bring_unserved_objectives_and_idle_projects():
    result = coherence(
        CONTRIBUTIONS,
        objectives=["jobs", "housing", "clean air", "mobility", "green space"],
        projects=["library", "tram", "ring road", "science park", "festival"],
    )
    assert result.objectives[:2] == ("jobs", "housing")
    assert result.unserved_objectives == ("housing",)
    assert result.projects_without_objectives == ("library", "festival")


def test_coherence_conflicts_list_every_project_on_each_side_in_input_order():
    result = coherence(
        [("b", "o", -1), ("a", "o", 2), ("c", "o", 1), ("d", "o", -3), ("e", "p", 1)],
        projects=["a", "b", "c", "d", "e"],
    )
    assert result.conflicts == (Conflict(objective="o", positive=("a", "c"), negative=("b", "d")),)


def test_coherence_without_contributions_everything_listed_is_idle():
    result = coherence([], objectives=["o1", "o2"], projects=["p1"])
    assert result.unserved_objectives == ("o1", "o2")
    assert result.projects_without_objectives == ("p1",)
    assert result.to_dict()["conflicts"] == []


def test_coherence_accepts_integral_floats_and_numpy_integers():
    result = coherence([("p", "o", 2.0), ("q", "o", np.int64(-1))])
    assert result.strength.tolist() == [[2], [-1]]


def test_coherence_to_dict_has_the_command_line_keys_and_is_json():
    data = coherence(CONTRIBUTIONS).to_dict()
    assert data == {
        "unserved_objectives": [],
        "projects_without_objectives": ["festival"],
        "negatively_served_objectives": ["green space"],
        "conflicts": [{"objective": "clean air", "positive": ["tram"], "negative": ["ring road"]}],
    }
    assert json.loads(json.dumps(data)) == data


@pytest.mark.parametrize(
    ("contributions", "options", "argument", "message", "position"),
    [
        ([("p", "o", 4)], {}, "contributions", "integer from -3 to 3 at position 0, got 4", (0,)),
        ([("p", "o", 1), ("q", "o", 1.5)], {}, "contributions", "got 1.5", (1,)),
        ([("p", "o", "x")], {}, "contributions", "got 'x'", (0,)),
        ([("p", "o", True)], {}, "contributions", "got True", (0,)),
        ([("p", "o", float("nan"))], {}, "contributions", "got nan", (0,)),
        ([("p", "o", float("inf"))], {}, "contributions", "got inf", (0,)),
        ([("p", "o", None)], {}, "contributions", "got None", (0,)),
        ([("p", "o")], {}, "contributions", "triple at position 0", (0,)),
        (["po1"], {}, "contributions", "triple at position 0", (0,)),
        ([("", "o", 1)], {}, "contributions", "non-empty project and objective ids", (0,)),
        ([("p", None, 1)], {}, "contributions", "non-empty project and objective ids", (0,)),
        ([("p", "o", 1), ("p", "o", -1)], {}, "contributions", "given twice", (1,)),
        ("p,o,1", {}, "contributions", "got str", None),
        ([("p", "o", 1)], {"objectives": ["x"]}, "contributions", "objective 'o'", (0, 1)),
        ([("p", "o", 1)], {"projects": ["x"]}, "contributions", "project 'p'", (0, 0)),
        ([("p", "o", 1)], {"objectives": ["o", "o"]}, "objectives", "appears twice", (1,)),
        ([("p", "o", 1)], {"projects": "p"}, "projects", "got str", None),
    ],
)
def test_coherence_bad_input_is_refused_naming_the_argument(
    contributions, options, argument, message, position
):
    with pytest.raises(AnalysisInputError, match=message) as caught:
        coherence(contributions, **options)
    assert caught.value.argument == argument
    assert caught.value.position == position


contribution_lists = st.lists(
    st.tuples(
        st.sampled_from(["p1", "p2", "p3", "p4", "p5"]),
        st.sampled_from(["o1", "o2", "o3", "o4"]),
        st.integers(min_value=-3, max_value=3),
    ),
    max_size=20,
    unique_by=lambda row: (row[0], row[1]),
)


@settings(max_examples=200, deadline=None)
@given(contribution_lists)
def test_coherence_each_objective_is_unserved_negatively_served_or_served_positively(rows):
    result = coherence(rows, objectives=["o1", "o2", "o3", "o4"])
    positive = {objective for _, objective, strength in rows if strength > 0}
    for objective in result.objectives:
        states = [
            objective in result.unserved_objectives,
            objective in result.negatively_served_objectives,
            objective in positive,
        ]
        assert sum(states) == 1
    conflicted = {conflict.objective for conflict in result.conflicts}
    assert conflicted <= positive
    idle = set(result.projects_without_objectives)
    for conflict in result.conflicts:
        assert conflict.positive and conflict.negative
        assert not idle & (set(conflict.positive) | set(conflict.negative))

"""Tests of the critical path method (ordito.analysis.cpm)."""

import json
import math
from itertools import pairwise

import networkx as nx
import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from ordito.analysis.cpm import CpmResult, chains, cpm, graph, passes
from ordito.analysis.errors import AnalysisInputError

# Hillier, F. S. and Lieberman, G. J., Introduction to Operations Research (McGraw-Hill),
# chapter "Project Management with PERT/CPM", the Reliable Construction Co. project: the activity
# list (activity, immediate predecessors, estimated duration in weeks), the earliest and latest
# times, and the slack of each activity; the project takes 44 weeks and its critical path is
# START -> A -> B -> C -> E -> F -> J -> L -> N -> FINISH.
RELIABLE_TASKS = list("ABCDEFGHIJKLMN")
RELIABLE_DURATIONS = [2, 4, 10, 6, 4, 5, 7, 9, 7, 8, 4, 5, 2, 6]
RELIABLE_PREDECESSORS = [
    [],
    ["A"],
    ["B"],
    ["C"],
    ["C"],
    ["E"],
    ["D"],
    ["E", "G"],
    ["C"],
    ["F", "I"],
    ["J"],
    ["J"],
    ["H"],
    ["K", "L"],
]
RELIABLE_EARLIEST_START = [0, 2, 6, 16, 16, 20, 22, 29, 16, 25, 33, 33, 38, 38]
RELIABLE_LATEST_START = [0, 2, 6, 20, 16, 20, 26, 33, 18, 25, 34, 33, 42, 38]
RELIABLE_SLACK = [0, 0, 0, 4, 0, 0, 4, 4, 2, 0, 1, 0, 4, 0]
# Free float is not tabulated in the book; it follows from its earliest times: each activity's
# successors' earliest start (or the 44 weeks) minus its earliest finish.
RELIABLE_FREE_FLOAT = [0, 0, 0, 0, 0, 0, 0, 0, 2, 0, 1, 0, 4, 0]


def reliable() -> CpmResult:
    return cpm(RELIABLE_TASKS, durations=RELIABLE_DURATIONS, predecessors=RELIABLE_PREDECESSORS)


def test_cpm_reliable_construction_reproduces_the_textbook_schedule():
    result = reliable()
    assert result.duration == 44
    assert result.critical_path == tuple("ABCEFJLN")
    assert result.critical == tuple("ABCEFJLN")
    np.testing.assert_allclose(result.earliest_start, RELIABLE_EARLIEST_START)
    np.testing.assert_allclose(
        result.earliest_finish, np.add(RELIABLE_EARLIEST_START, RELIABLE_DURATIONS)
    )
    np.testing.assert_allclose(result.latest_start, RELIABLE_LATEST_START)
    np.testing.assert_allclose(
        result.latest_finish, np.add(RELIABLE_LATEST_START, RELIABLE_DURATIONS)
    )
    np.testing.assert_allclose(result.total_float, RELIABLE_SLACK)
    np.testing.assert_allclose(result.free_float, RELIABLE_FREE_FLOAT)


def test_cpm_lags_delay_the_successor_by_their_length():
    # By hand: b starts 2 after a finishes (3 + 2 = 5) and ends at 9, so d starts at 9 and the
    # plan ends at 11; c starts at a's finish, 3, ends at 4, and must end by 9 - 1.5 = 7.5.
    result = cpm(
        ["a", "b", "c", "d"],
        durations=[3, 4, 1, 2],
        predecessors=[[], ["a"], ["a"], ["b", "c"]],
        lags=[[], [2], [0], [0, 1.5]],
    )
    assert result.duration == 11
    np.testing.assert_allclose(result.earliest_start, [0, 5, 3, 9])
    np.testing.assert_allclose(result.latest_start, [0, 5, 6.5, 9])
    np.testing.assert_allclose(result.total_float, [0, 0, 3.5, 0])
    np.testing.assert_allclose(result.free_float, [0, 0, 3.5, 0])
    assert result.critical_path == ("a", "b", "d")


def test_cpm_parallel_critical_paths_are_chosen_by_input_order():
    # Two chains of 5 from s to t: the path goes through the first of them in input order.
    result = cpm(
        ["s", "late", "early", "t"],
        durations=[1, 5, 5, 1],
        predecessors=[[], ["s"], ["s"], ["early", "late"]],
    )
    assert result.critical_path == ("s", "late", "t")
    assert result.critical == ("s", "late", "early", "t")


def test_cpm_critical_path_starts_at_the_first_critical_task_without_predecessors():
    result = cpm(["x", "y", "z"], durations=[2, 5, 5], predecessors=[[], [], []])
    assert result.critical_path == ("y",)
    assert result.critical == ("y", "z")
    np.testing.assert_allclose(result.free_float, [3, 0, 0])


def test_cpm_zero_duration_milestones_stay_on_the_critical_path():
    result = cpm(
        ["start", "work", "end"], durations=[0, 4, 0], predecessors=[[], ["start"], ["work"]]
    )
    assert result.critical_path == ("start", "work", "end")
    assert result.duration == 4


def test_cpm_empty_plan_has_zero_duration():
    result = cpm([], durations=[], predecessors=[])
    assert result.duration == 0
    assert result.to_dict() == {"duration": 0.0, "critical_path": [], "critical": [], "tasks": {}}


def test_cpm_ids_that_are_not_text_match_as_text():
    result = cpm([1, 2], durations=[1, 1], predecessors=[[], [1]])
    assert result.critical_path == ("1", "2")


def test_cpm_result_arrays_are_read_only():
    with pytest.raises(ValueError, match="read-only"):
        reliable().earliest_start[0] = 1.0


def test_cpm_to_dict_has_the_command_line_keys_and_is_json():
    data = reliable().to_dict()
    assert set(data) == {"duration", "critical_path", "critical", "tasks"}
    assert list(data["tasks"]) == RELIABLE_TASKS
    assert data["tasks"]["I"] == {
        "es": 16.0,
        "ef": 23.0,
        "ls": 18.0,
        "lf": 25.0,
        "total_float": 2.0,
        "free_float": 2.0,
    }
    assert json.loads(json.dumps(data)) == data


@pytest.mark.parametrize(
    ("predecessors", "cycle"),
    [
        ([["c"], ["a"], ["b"]], "a → b → c → a"),
        ([[], ["c"], ["b"]], "b → c → b"),
        ([[], ["b"], []], "b → b"),
        ([["a"], [], []], "a → a"),
    ],
)
def test_cpm_cycle_is_refused_naming_its_tasks_in_order(predecessors, cycle):
    with pytest.raises(AnalysisInputError) as caught:
        cpm(["a", "b", "c"], durations=[1, 1, 1], predecessors=predecessors)
    assert caught.value.detail.endswith(f"cycle: {cycle}.")
    assert caught.value.argument == "predecessors"


def test_cpm_cycle_in_a_large_network_is_named():
    tasks = [f"t{i}" for i in range(1000)]
    predecessors = [[]] + [[f"t{i - 1}"] for i in range(1, 1000)]
    predecessors[500] = ["t499", "t700"]
    with pytest.raises(AnalysisInputError) as caught:
        cpm(tasks, durations=np.ones(1000), predecessors=predecessors)
    names = caught.value.detail.split("cycle: ")[1].rstrip(".").split(" → ")
    assert names[0] == names[-1] == "t500"
    assert names[1:-1] == [f"t{i}" for i in range(501, 701)]


@pytest.mark.parametrize(
    ("tasks", "durations", "predecessors", "lags", "argument", "message"),
    [
        (["a", "a"], [1, 1], [[], []], None, "tasks", "'a' appears twice"),
        (["a", "b"], [1, -1], [[], []], None, "durations", "task 'b', got -1"),
        (["a", "b"], [1, np.nan], [[], []], None, "durations", "task 'b', got nan"),
        (["a", "b"], [np.inf, 1], [[], []], None, "durations", "task 'a', got inf"),
        (["a", "b"], [1, "x"], [[], []], None, "durations", "task 'b', got 'x'"),
        (
            ["a", "b"],
            [1],
            [[], []],
            None,
            "durations",
            r"list of 2 numbers, got one of shape \(1,\)",
        ),
        (["a", "b"], [[1, 2]], [[], []], None, "durations", r"shape \(1, 2\)"),
        (["a", "b"], [1, 1], [[], ["z"]], None, "predecessors", "'b' waits for 'z'"),
        (["a", "b"], [1, 1], [[]], None, "predecessors", "expected 2 lists"),
        (["a", "b"], [1, 1], [[], "a"], None, "predecessors", "list for task 'b'"),
        (["a", "b"], [1, 1], "ab", None, "predecessors", "one list per task"),
        (["a", "b"], [1, 1], [[], ["a"]], [[], []], "lags", r"expected 1 lag\(s\) for task 'b'"),
        (["a", "b"], [1, 1], [[], ["a"]], [[]], "lags", "expected 2 lists"),
        (["a", "b"], [1, 1], [[], ["a"]], [[], [-2]], "lags", "predecessor 'a' of task 'b'"),
        (["a", "b"], [1, 1], [[], ["a"]], [[], ["x"]], "lags", "of task 'b', got 'x'"),
    ],
)
def test_cpm_bad_input_is_refused_naming_the_argument(
    tasks, durations, predecessors, lags, argument, message
):
    with pytest.raises(AnalysisInputError, match=message) as caught:
        cpm(tasks, durations=durations, predecessors=predecessors, lags=lags)
    assert caught.value.argument == argument


def test_cpm_bad_duration_gives_the_task_position():
    with pytest.raises(AnalysisInputError) as caught:
        cpm(["a", "b", "c"], durations=[1, 2, -3], predecessors=[[], [], []])
    assert caught.value.position == (2,)


def random_network(rng: np.random.Generator, size: int, window: int, with_lags: bool):
    """Tasks in shuffled input order, each waiting for up to 3 of the `window` tasks before it."""
    schedule = rng.permutation(size)
    tasks = [f"t{i}" for i in range(size)]
    predecessors: list[list[str]] = [[] for _ in range(size)]
    lags: list[list[float]] = [[] for _ in range(size)]
    for k in range(1, size):
        chosen = np.unique(rng.integers(max(0, k - window), k, size=rng.integers(0, 4)))
        predecessors[schedule[k]] = [tasks[schedule[j]] for j in chosen]
        lags[schedule[k]] = rng.uniform(0, 3, size=chosen.size).round(2).tolist()
    durations = rng.uniform(0, 10, size=size).round(1)
    return tasks, durations, predecessors, lags if with_lags else None


def networkx_duration(tasks, durations, predecessors, lags) -> float:
    """The plan's duration as networkx's longest path, durations moved onto the edges."""
    graph = nx.DiGraph()
    graph.add_nodes_from([*tasks, "finish"])
    weight = dict(zip(tasks, durations, strict=True))
    for i, task in enumerate(tasks):
        for j, predecessor in enumerate(predecessors[i]):
            lag = lags[i][j] if lags else 0.0
            graph.add_edge(predecessor, task, weight=weight[predecessor] + lag)
        graph.add_edge(task, "finish", weight=weight[task])
    return nx.dag_longest_path_length(graph)


@pytest.mark.parametrize(("size", "window"), [(300, 300), (300, 3), (2000, 2000), (50, 1), (1, 1)])
@pytest.mark.parametrize("with_lags", [False, True])
def test_cpm_duration_matches_networkx_longest_path(size, window, with_lags):
    rng = np.random.default_rng(size * window)
    tasks, durations, predecessors, lags = random_network(rng, size, window, with_lags)
    result = cpm(tasks, durations=durations, predecessors=predecessors, lags=lags)
    assert result.duration == pytest.approx(networkx_duration(tasks, durations, predecessors, lags))
    path_length = sum(durations[tasks.index(task)] for task in result.critical_path)
    lag_of = {
        (p, task): (lags[i][j] if lags else 0.0)
        for i, task in enumerate(tasks)
        for j, p in enumerate(predecessors[i])
    }
    path_length += sum(lag_of[pair] for pair in pairwise(result.critical_path))
    assert path_length == pytest.approx(result.duration)


@pytest.mark.parametrize(("size", "window"), [(400, 400), (400, 2)])
@pytest.mark.parametrize("with_lags", [False, True])
def test_cpm_vectorised_and_looped_passes_agree(monkeypatch, size, window, with_lags):
    rng = np.random.default_rng(7)
    tasks, durations, predecessors, lags = random_network(rng, size, window, with_lags)
    monkeypatch.setattr(passes, "EDGES_PER_LEVEL_FOR_VECTORS", 0)
    by_level = cpm(tasks, durations=durations, predecessors=predecessors, lags=lags)
    monkeypatch.setattr(passes, "EDGES_PER_LEVEL_FOR_VECTORS", 10**9)
    in_order = cpm(tasks, durations=durations, predecessors=predecessors, lags=lags)
    assert by_level.to_dict() == in_order.to_dict()


@pytest.mark.parametrize("contracted", [True, False])
@pytest.mark.parametrize("threshold", [0, 10**9])
def test_cpm_chain_longer_than_65536_tasks_is_scheduled_end_to_end(
    monkeypatch, threshold, contracted
):
    # Over 65,536 tasks the edges are sorted on more than one 16-bit digit; the chain is
    # scheduled as one run and, with contraction off, through both passes in turn. By hand: a
    # chain of unit tasks ends at its length, all of it critical.
    if not contracted:
        monkeypatch.setattr(chains, "SHARE_OF_LINKS_TO_CONTRACT", 2.0)
    size = 70_000
    order = np.random.default_rng(3).permutation(size)
    tasks = [f"t{i}" for i in order]
    position = {task: i for i, task in enumerate(tasks)}
    chain = sorted(tasks, key=lambda task: int(task[1:]))
    predecessors: list[list[str]] = [[] for _ in range(size)]
    for before, after in pairwise(chain):
        predecessors[position[after]] = [before]
    monkeypatch.setattr(passes, "EDGES_PER_LEVEL_FOR_VECTORS", threshold)
    result = cpm(tasks, durations=np.ones(size), predecessors=predecessors)
    assert result.duration == size
    assert result.critical_path == tuple(chain)
    np.testing.assert_array_equal(
        result.earliest_start[[position[t] for t in chain]], np.arange(size)
    )
    assert not result.total_float.any()


def test_contract_sums_each_run_by_hand():
    # a -> b -> c is a run (b waits only for a, a leads only to b; likewise b and c), with a lag
    # of 0.5 between b and c; c -> e and d -> e are not links: e waits for two tasks.
    times = np.array([1.0, 2.0, 3.0, 4.0, 5.0])
    src, dst = np.array([0, 1, 2, 3]), np.array([1, 2, 4, 4])
    lag = np.array([0.0, 0.5, 0.0, 0.0])
    runs = chains.contract(times, src, dst, lag, level=np.array([0, 1, 2, 0, 3]))
    assert runs is not None
    np.testing.assert_array_equal(runs.run, [0, 0, 0, 1, 2])
    np.testing.assert_array_equal(runs.before, [0, 1, 3.5, 0, 0])
    np.testing.assert_array_equal(runs.after, [5.5, 3.5, 0, 0, 0])  # b: the lag, then c
    np.testing.assert_array_equal(runs.times, [6.5, 4, 5])
    np.testing.assert_array_equal(runs.src, [0, 1])
    np.testing.assert_array_equal(runs.dst, [2, 2])
    assert runs.lag is None  # the lag left is the one inside the run
    # Levels of the runs' first tasks (0, 0, 3), renumbered without the gap.
    np.testing.assert_array_equal(runs.level, [0, 0, 1])


def test_contract_leaves_a_network_with_few_links_alone():
    # a -> c and b -> c: c waits for two tasks, so there is no link at all.
    times = np.ones(3)
    src, dst = np.array([0, 1]), np.array([2, 2])
    assert chains.contract(times, src, dst, None, level=np.array([0, 0, 1])) is None


@pytest.mark.parametrize(("size", "window"), [(500, 1), (500, 2), (500, 5)])
@pytest.mark.parametrize("with_lags", [False, True])
def test_cpm_with_and_without_contracting_runs_agree(monkeypatch, size, window, with_lags):
    rng = np.random.default_rng(size + window)
    tasks, durations, predecessors, lags = random_network(rng, size, window, with_lags)
    monkeypatch.setattr(chains, "SHARE_OF_LINKS_TO_CONTRACT", 0.0)
    contracted = cpm(tasks, durations=durations, predecessors=predecessors, lags=lags)
    monkeypatch.setattr(chains, "SHARE_OF_LINKS_TO_CONTRACT", 2.0)
    plain = cpm(tasks, durations=durations, predecessors=predecessors, lags=lags)
    # Sums within a run are added in another order: equal to within rounding.
    for name in ["earliest_start", "earliest_finish", "latest_start", "latest_finish"]:
        np.testing.assert_allclose(getattr(contracted, name), getattr(plain, name), atol=1e-9)
    assert contracted.duration == pytest.approx(plain.duration, abs=1e-9)
    assert contracted.critical == plain.critical
    assert contracted.critical_path == plain.critical_path


def test_cpm_repeated_predecessor_counts_its_longest_lag():
    # By hand: c waits for b twice, with lags 0 and 2; b ends at 2, so c starts at 4, d at 5 and
    # the plan ends at 6. (Scipy's cycle search can run forever on a repeated edge.)
    result = cpm(
        ["a", "b", "c", "d"],
        durations=[1, 1, 1, 1],
        predecessors=[[], ["a"], ["b", "b"], ["c"]],
        lags=[[], [0], [0, 2], [0]],
    )
    assert result.duration == 6
    np.testing.assert_allclose(result.earliest_start, [0, 1, 4, 5])
    np.testing.assert_allclose(result.free_float, [0, 0, 0, 0])
    assert result.critical_path == ("a", "b", "c", "d")


def test_cpm_falls_back_to_kahn_when_component_labels_are_not_topological(monkeypatch):
    # Labels numbered in input order put the tasks last-first, which is no topological order
    # for this network: the schedule must come out the same through Kahn's algorithm.
    def labels_in_input_order(graph, **options):
        return graph.shape[0], np.arange(graph.shape[0])

    expected = reliable().to_dict()
    monkeypatch.setattr(graph, "connected_components", labels_in_input_order)
    assert reliable().to_dict() == expected


@st.composite
def networks(draw):
    size = draw(st.integers(min_value=1, max_value=12))
    durations = draw(st.lists(st.integers(min_value=0, max_value=20), min_size=size, max_size=size))
    predecessors = [
        sorted(draw(st.sets(st.integers(min_value=0, max_value=i - 1), max_size=3))) if i else []
        for i in range(size)
    ]
    lags = [
        draw(st.lists(st.sampled_from([0, 0.5, 1, 3]), min_size=len(p), max_size=len(p)))
        for p in predecessors
    ]
    order = draw(st.permutations(range(size)))
    tasks = [f"t{order[i]}" for i in range(size)]
    return tasks, durations, [[tasks[j] for j in p] for p in predecessors], lags


@settings(max_examples=150, deadline=None)
@given(networks(), st.data())
def test_cpm_adding_a_lag_to_a_task_predecessors_never_shortens_the_plan(network, data):
    tasks, durations, predecessors, lags = network
    task = data.draw(st.integers(min_value=0, max_value=len(tasks) - 1))
    extra = data.draw(st.floats(min_value=0, max_value=50))
    longer = [list(row) for row in lags]
    longer[task] = [lag + extra for lag in longer[task]]
    before = cpm(tasks, durations=durations, predecessors=predecessors, lags=lags)
    after = cpm(tasks, durations=durations, predecessors=predecessors, lags=longer)
    assert after.duration >= before.duration


@settings(max_examples=150, deadline=None)
@given(networks())
def test_cpm_floats_and_critical_path_are_consistent(network):
    tasks, durations, predecessors, lags = network
    result = cpm(tasks, durations=durations, predecessors=predecessors, lags=lags)
    assert np.all(result.free_float <= result.total_float + 1e-9)
    assert np.all(result.free_float >= 0)
    assert np.all(result.total_float >= -1e-9)
    path = [tasks.index(task) for task in result.critical_path]
    assert result.earliest_start[path[0]] == 0
    assert result.earliest_finish[path[-1]] == pytest.approx(result.duration)
    length = sum(durations[i] for i in path)
    for before, after in pairwise(path):
        position = predecessors[after].index(tasks[before])
        length += lags[after][position]
    assert length == pytest.approx(result.duration)
    assert set(result.critical_path) <= set(result.critical)
    assert math.isclose(result.duration, max(result.earliest_finish, default=0.0))

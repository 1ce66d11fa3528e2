"""`ordito export analysis` writes the inputs; the command line it prints gives the API's JSON.

Both commands run for real, in this process, through click's runner: the export reads the test
database, and the printed `ordito analyze …` line runs on the files it wrote.
"""

import json
import os
import shlex

import pytest
from click.testing import CliRunner

from ordito.cli import main

# (analysis, API query, export options)
CASES = [
    ("micmac", "", []),
    ("mactor", "", []),
    ("mcda", "", []),
    ("mcda", "?method=topsis", ["--method", "topsis"]),
    (
        "mcda",
        "?method=promethee&policy=COMP-first",
        ["--method", "promethee", "--policy", "COMP-first"],
    ),
    ("smaa", "", []),
    ("cpm", "", []),
    ("network", "", []),
    ("coherence", "", []),
]


def export(*arguments: str):
    return CliRunner().invoke(main, ["export", "analysis", *arguments])


@pytest.mark.parametrize(("name", "query", "options"), CASES, ids=[f"{c[0]}{c[1]}" for c in CASES])
def test_export_analysis_line_prints_the_api_json(
    client, analysis_plan, tmp_path, name, query, options
):
    directory = tmp_path / "inputs"
    exported = export("analisi", name, "--dir", str(directory), *options)
    assert exported.exit_code == 0, exported.output
    lines = exported.stdout.strip().splitlines()
    command = shlex.split(lines[-1])
    assert command[:3] == ["ordito", "analyze", name]
    # Every file the export names exists, and the command reads only files from DIR.
    assert all(os.path.exists(line) for line in lines[:-1])
    assert {a for a in command if a.startswith(str(directory))} <= set(lines[:-1])

    analyzed = CliRunner().invoke(main, command[1:])
    assert analyzed.exit_code == 0, analyzed.output

    answer = client.get(f"/api/v1/plans/analisi/analyses/{name}{query}")
    assert answer.status_code == 200, answer.content
    assert answer["Content-Type"] == "application/json"
    assert json.loads(analyzed.stdout) == answer.json()
    # Not only the same values: the same text, byte for byte.
    assert analyzed.stdout.rstrip("\n") == answer.content.decode()


def test_export_analysis_micmac_writes_the_matrix_as_created(analysis_plan, tmp_path):
    exported = export("analisi", "micmac", "--dir", str(tmp_path))
    assert exported.exit_code == 0, exported.output
    rows = (tmp_path / "influences.csv").read_text().splitlines()
    codes = [o.code for o in analysis_plan.objectives]
    assert rows[0] == ",".join(["objective", *codes])
    cells = {
        (r.split(",")[0], codes[j]): value
        for r in rows[1:]
        for j, value in enumerate(r.split(",")[1:])
    }
    for source, target, strength, potential in analysis_plan.influences:
        assert cells[source, target] == ("P" if potential else str(strength))
    written = sum(1 for value in cells.values() if value != "0")
    assert written == len(analysis_plan.influences)


def test_export_analysis_mcda_says_the_weight_sets_are_derived(analysis_plan, tmp_path):
    exported = export("analisi", "mcda", "--dir", str(tmp_path))
    assert exported.exit_code == 0
    assert "derived from its meta-objectives" in exported.stderr
    policies = (tmp_path / "policies.csv").read_text().splitlines()
    assert policies == [
        "policy,COMP,ATTR,COES",
        "balanced,1,1,1",
        "COMP-first,2,1,1",
        "ATTR-first,1,2,1",
        "COES-first,1,1,2",
    ]


def test_export_analysis_unknown_slug_exits_2(analysis_plan, tmp_path):
    exported = export("nessuno", "micmac", "--dir", str(tmp_path / "x"))
    assert exported.exit_code == 2
    assert 'error: no plan "nessuno" (the plans are: analisi)' in exported.stderr
    assert not (tmp_path / "x").exists()


def test_export_analysis_unknown_name_exits_2(analysis_plan, tmp_path):
    exported = export("analisi", "bogus", "--dir", str(tmp_path / "x"))
    assert exported.exit_code == 2
    assert 'error: no analysis "bogus"' in exported.stderr
    assert not (tmp_path / "x").exists()


def test_export_analysis_unknown_policy_exits_2(analysis_plan, tmp_path):
    exported = export("analisi", "mcda", "--dir", str(tmp_path / "x"), "--policy", "nope")
    assert exported.exit_code == 2
    assert '--policy: no weight set "nope"' in exported.stderr
    assert "balanced, COMP-first, ATTR-first, COES-first" in exported.stderr


def test_export_analysis_dir_that_is_a_file_exits_2(analysis_plan, tmp_path):
    target = tmp_path / "taken"
    target.write_text("keep me")
    exported = export("analisi", "micmac", "--dir", str(target))
    assert exported.exit_code == 2
    assert f"error: {target}: is a file, not a directory" in exported.stderr
    assert target.read_text() == "keep me"


@pytest.mark.skipif(os.geteuid() == 0, reason="root writes anywhere")
def test_export_analysis_unwritable_dir_exits_2(analysis_plan, tmp_path):
    locked = tmp_path / "locked"
    locked.mkdir()
    locked.chmod(0o500)
    try:
        exported = export("analisi", "micmac", "--dir", str(locked))
    finally:
        locked.chmod(0o700)
    assert exported.exit_code == 2
    assert f"error: {locked}: cannot write the files (Permission denied)" in exported.stderr
    assert list(locked.iterdir()) == []


def test_export_analysis_plan_without_inputs_exits_2(db, tmp_path):
    from tests.plans.factories import PlanFactory

    PlanFactory(slug="vuoto")
    exported = export("vuoto", "micmac", "--dir", str(tmp_path / "x"))
    assert exported.exit_code == 2
    assert "error: vuoto: The plan has no influences between objectives" in exported.stderr


def test_export_analysis_dir_below_a_file_exits_2(analysis_plan, tmp_path):
    # Unwritable whoever runs the test (root included): a directory cannot be made in a file.
    (tmp_path / "taken").write_text("keep me")
    below = tmp_path / "taken" / "inputs"
    exported = export("analisi", "micmac", "--dir", str(below))
    assert exported.exit_code == 2
    assert f"error: {below}: cannot write the files (Not a directory)" in exported.stderr

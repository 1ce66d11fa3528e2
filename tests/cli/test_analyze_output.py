"""Writing results: --format table, --format xlsx, --output, and each sub-command's help."""

import json

import pytest
from openpyxl import load_workbook

from ordito.analyses.files.sheets import Sheet, sheets_text
from tests.cli import DATA, ordito

SUB_COMMANDS = ("micmac", "mactor", "mcda", "ahp", "smaa", "cpm", "network", "coherence", "opinion")


def test_table_format_prints_one_aligned_row_per_item():
    run = ordito("analyze", "micmac", DATA / "micmac.csv", "--power", "2", "--format", "table")

    assert (run.code, run.stderr) == (0, "")
    blocks = {block.split("\n")[0]: block.split("\n")[1:] for block in run.stdout.split("\n\n")}
    header, rule, *rows = blocks["variables"]
    assert header.split() == [
        "id",
        "direct_influence",
        "direct_dependence",
        "indirect_influence",
        "indirect_dependence",
        "potential_influence",
        "potential_dependence",
        "sectors",
        "indirect_sectors",
    ]
    # micmac.csv, as in test_analyze_methods: a has direct influence 4, dependence 1, and 7, 3,
    # 16, 12 at power 2.
    assert rows[0].split()[:7] == ["a", "4", "1", "7", "3", "16", "12"]
    assert [row.split()[0] for row in rows] == ["a", "b", "c"]
    # Aligned: every line of the table is as wide as its rule, numbers flush right.
    assert len(header) == len(rule) and all(len(row) <= len(rule) for row in rows)
    assert header.index("direct_dependence") + len("direct_dependence") == rows[0].index("1") + 1
    summary = [line.split() for line in blocks["summary"][2:]]
    assert ["power", "2"] in summary and ["converged", "false"] in summary


def test_table_format_shows_whole_numbers_in_full_and_others_to_six_digits():
    sheet = Sheet(
        "values",
        ("id", "value"),
        [
            ("sum of a power", 16921982.0),  # not 1.6922e+07: every digit is exact
            ("largest in full", 999999999999999.0),
            ("too large to be exact", 1e15),
            ("fraction", 0.123456789),
            ("negative whole", -4.0),
            ("integer", 7),
            ("flag", True),
            ("missing", None),
        ],
    )
    rows = [line.rsplit(maxsplit=1)[-1] for line in sheets_text([sheet]).splitlines()[3:]]
    assert rows == [
        "16921982",
        "999999999999999",
        "1e+15",
        "0.123457",
        "-4",
        "7",
        "true",
        "missing",  # an empty cell: the line ends with the id
    ]


def test_table_format_labels_matrices_with_the_ids():
    run = ordito("analyze", "mactor", DATA / "mid.csv", DATA / "positions.csv", "--format", "table")

    blocks = {block.split("\n")[0]: block.split("\n")[1:] for block in run.stdout.split("\n\n")}
    assert blocks["midi"] == [
        "id  A  B  C",
        "--  -  -  -",
        "A   1  3  3",
        "B   1  2  4",
        "C   1  1  1",
    ]
    assert blocks["mao3"][0].split() == ["id", "O1", "O2"]


def test_table_format_numbers_groups_as_the_items_refer_to_them():
    # roles.csv: a1 and a2 share p1, a2 and a3 share p2: one community, number 0 in the JSON.
    result = ordito("analyze", "network", DATA / "roles.csv").json()
    run = ordito("analyze", "network", DATA / "roles.csv", "--format", "table")

    blocks = {block.split("\n")[0]: block.split("\n")[1:] for block in run.stdout.split("\n\n")}
    communities = {
        int(row.split()[0]): row.split(maxsplit=1)[1] for row in blocks["communities"][2:]
    }
    community_of = {row.split()[0]: int(row.split()[-1]) for row in blocks["actors"][2:]}
    assert communities == {
        number: ", ".join(members) for number, members in enumerate(result["communities"])
    }
    for actor, number in community_of.items():
        assert actor in communities[number].split(", ")
        assert number == result["actors"][actor]["community"]


def test_xlsx_format_writes_one_sheet_per_group_of_keys(tmp_path):
    workbook_path = tmp_path / "result.xlsx"

    run = ordito(
        "analyze",
        "mcda",
        DATA / "decision.csv",
        "--method",
        "weighted_sum",
        "--policies",
        DATA / "policies.csv",
        "--format",
        "xlsx",
        "--output",
        workbook_path,
    )

    assert (run.code, run.stdout, run.stderr) == (0, "", "")
    workbook = load_workbook(workbook_path)
    assert workbook.sheetnames == ["alternatives", "kendall_tau", "stability", "lists"]
    alternatives = [list(row) for row in workbook["alternatives"].values]
    assert alternatives == [
        ["id", "scores", "policies/economy/scores", "policies/excellence/scores"],
        ["X", 0.25, 1, 0],
        ["Y", 0.75, 0, 1],
        ["Z", 0.5, 0.5, 0.5],
    ]
    assert list(workbook["kendall_tau"].values)[1] == ("economy", 1, -1)
    assert [row[0] for row in workbook["lists"].values] == ["ranking", "Y", "Z", "X"]


def test_xlsx_ids_that_look_like_formulas_stay_text(tmp_path):
    matrix = tmp_path / "m.csv"
    matrix.write_text("v,=1+1,b\n=1+1,0,1\nb,1,0\n", encoding="utf-8")
    workbook_path = tmp_path / "result.xlsx"

    run = ordito("analyze", "micmac", matrix, "--format", "xlsx", "--output", workbook_path)

    assert run.code == 0, run.stderr
    cell = load_workbook(workbook_path)["variables"]["A2"]
    assert (cell.value, cell.data_type) == ("=1+1", "s")


def test_output_option_writes_the_json_to_the_file_and_nothing_to_stdout(tmp_path):
    target = tmp_path / "result.json"

    run = ordito("analyze", "ahp", DATA / "pairwise.csv", "--output", target)

    assert (run.code, run.stdout, run.stderr) == (0, "", "")
    assert json.loads(target.read_text(encoding="utf-8"))["lambda_max"] == pytest.approx(3)
    assert not [path for path in tmp_path.iterdir() if path != target]


@pytest.mark.parametrize("name", SUB_COMMANDS)
def test_help_of_each_sub_command_ends_with_an_example(name):
    run = ordito("analyze", name, "--help")

    assert run.code == 0
    tail = run.stdout.rstrip().split("\n")
    example = tail.index("  Example:")
    assert tail[example + 1].strip().startswith(f"ordito analyze {name} ")
    assert all(line.startswith("    ") for line in tail[example + 1 :])


def test_group_help_documents_the_input_limit():
    run = ordito("analyze", "--help")

    assert run.code == 0
    assert "ORDITO_MAX_INPUT_BYTES" in run.stdout
    assert all(name in run.stdout for name in SUB_COMMANDS)

"""Tables as spreadsheets write them: encodings, delimiters, decimal commas, XLSX, blank rows."""

import codecs

from openpyxl import Workbook

from tests.cli import DATA, ordito

ITALIAN_LABELS = ["Qualità", "Città", "Università"]


def test_windows_1252_file_keeps_its_accented_labels():
    # The file really is Windows-1252 (as Excel saves "CSV" on Italian Windows): not UTF-8.
    raw = (DATA / "micmac_cp1252.csv").read_bytes()
    assert "Qualità".encode("cp1252") in raw
    assert b"\xe0" in raw and "à".encode() not in raw

    result = ordito("analyze", "micmac", DATA / "micmac_cp1252.csv", "--power", "2").json()

    assert result["variables"] == ITALIAN_LABELS
    assert list(result["direct_influence"]) == ITALIAN_LABELS
    assert result["direct_influence"] == dict(zip(ITALIAN_LABELS, [4, 2, 1], strict=True))


def test_utf8_file_with_byte_order_mark_finds_its_first_column():
    # Without the BOM removed, the first header cell would read "\ufeffid", not "id".
    assert (DATA / "tasks_bom.csv").read_bytes().startswith(codecs.BOM_UTF8)

    result = ordito("analyze", "cpm", DATA / "tasks_bom.csv").json()

    assert result["duration"] == 8
    assert result["critical_path"] == ["A", "C", "D"]


def test_semicolon_file_reads_decimal_commas():
    # decision_semicolon.csv: weights "0,25" and "0,75", costs "10,5", "20,5", "15,5": min-max
    # scores as decision.csv's, 0.25, 0.75, 0.5 (a shift of the costs changes no min-max score).
    result = ordito(
        "analyze", "mcda", DATA / "decision_semicolon.csv", "--method", "weighted_sum"
    ).json()

    assert result["scores"] == {"X": 0.25, "Y": 0.75, "Z": 0.5}


def test_xlsx_file_gives_the_same_result_as_csv():
    # micmac.xlsx (written with openpyxl) holds micmac.csv's matrix: numbers as numbers, an
    # empty cell and a "P" text cell.
    from_xlsx = ordito("analyze", "micmac", DATA / "micmac.xlsx", "--power", "2").json()
    from_csv = ordito("analyze", "micmac", DATA / "micmac.csv", "--power", "2").json()

    assert from_xlsx == from_csv


def test_tsv_file_is_tab_separated(tmp_path):
    tasks = tmp_path / "tasks.tsv"
    tasks.write_text("id\tduration\tpredecessors\nA\t1.5\t\nB\t2\tA\n", encoding="utf-8")

    result = ordito("analyze", "cpm", tasks).json()

    assert result["duration"] == 3.5


def test_blank_rows_and_trailing_separators_are_ignored_but_counted(tmp_path):
    # Excel pads rows with separators and leaves blank rows; the rows keep the file's numbers,
    # so the bad cell on the file's 5th line is reported at row 5.
    matrix = tmp_path / "padded.csv"
    matrix.write_text("v;a;b;;\n\na;0;1;;\n;;;;\nb;1;0;;\n;;;;\n", encoding="utf-8")
    broken = tmp_path / "broken.csv"
    broken.write_text("v;a;b;;\n\na;0;1;;\n;;;;\nb;1;9;;\n", encoding="utf-8")

    result = ordito("analyze", "micmac", matrix).json()
    failure = ordito("analyze", "micmac", broken)

    assert result["direct_influence"] == {"a": 1, "b": 1}
    assert failure.stderr.startswith(f"error: {broken}, row 5, column 3: ")


def test_relative_path_is_named_as_given(tmp_path):
    (tmp_path / "m.csv").write_text("v,a\na,7\n", encoding="utf-8")

    run = ordito("analyze", "micmac", "m.csv", cwd=tmp_path)

    assert (
        run.stderr
        == 'error: m.csv, row 2, column 2: "7" is not an integer from 0 to 3, "P" or empty\n'
    )


def test_xlsx_decision_reads_fractional_numbers_and_text(tmp_path):
    # decision.csv's problem typed into a workbook: weights 0.25 and 0.75 as numbers, costs with
    # decimals; min-max scores 0.25, 0.75, 0.5 as in test_analyze_methods.
    book = Workbook()
    for row in [
        ["alternative", "cost", "quality"],
        ["weight", 0.25, 0.75],
        ["direction", "min", "max"],
        ["X", 10.5, 2],
        ["Y", 20.5, 4],
        ["Z", 15.5, 3],
    ]:
        book.active.append(row)
    decision = tmp_path / "decision.xlsx"
    book.save(decision)

    result = ordito("analyze", "mcda", decision, "--method", "weighted_sum").json()

    assert result["scores"] == {"X": 0.25, "Y": 0.75, "Z": 0.5}

"""Bad input: exit status 2, one line on stderr naming the file, row and column; empty stdout.

Each case writes its files into a temporary folder ("{tmp}" in the arguments and in the expected
line stands for it) and runs the real command once.
"""

import os
import signal
import subprocess
import time
import zipfile

import pytest

from tests.cli import COMMAND, DATA, ordito, refused

DIGITS = '"P" or empty'
DECISION_HEAD = "alternative,c1,c2\n"
ALTERNATIVES = "X,1,2\nY,2,1\n"

CASES = {
    # Files that are not there, not files, or not tables.
    "missing file": (
        ["micmac", "{tmp}/absent.csv"],
        {},
        "error: {tmp}/absent.csv: no such file",
    ),
    "directory": (["micmac", "{tmp}"], {}, "error: {tmp}: is a directory, not a file"),
    "unknown extension": (
        ["micmac", "{tmp}/m.json"],
        {"m.json": "{}"},
        'error: {tmp}/m.json: expected a .csv, .tsv or .xlsx file, got "m.json"',
    ),
    "empty file": (
        ["micmac", "{tmp}/m.csv"],
        {"m.csv": ""},
        "error: {tmp}/m.csv: the file is empty",
    ),
    "only blank lines": (
        ["micmac", "{tmp}/m.csv"],
        {"m.csv": "\n;;\n\n"},
        "error: {tmp}/m.csv: the file has no rows",
    ),
    "damaged xlsx": (
        ["micmac", "{tmp}/m.xlsx"],
        {"m.xlsx": "v,a\na,0\n"},
        "error: {tmp}/m.xlsx: not a readable XLSX workbook (File is not a zip file)",
    ),
    "byte that no encoding reads": (
        ["cpm", "{tmp}/t.csv"],
        {"t.csv": b"id,duration\nA,1\n\x81B,2\n"},
        "error: {tmp}/t.csv, row 3: byte 0x81 is neither UTF-8 nor Windows-1252 text; save the "
        'file as "CSV UTF-8" or as XLSX',
    ),
    "utf-16 text": (
        ["cpm", "{tmp}/t.csv"],
        {"t.csv": "id,duration\nA,1\n".encode("utf-16")},
        'error: {tmp}/t.csv: UTF-16 text is not read; save the file as "CSV UTF-8" or as XLSX',
    ),
    # Square matrices.
    "non-numeric cell": (
        ["micmac", "{tmp}/m.csv"],
        {"m.csv": "v,a,b\na,0,x\nb,1,0\n"},
        f'error: {{tmp}}/m.csv, row 2, column 3: "x" is not an integer from 0 to 3, {DIGITS}',
    ),
    "value out of range": (
        ["micmac", "{tmp}/m.csv"],
        {"m.csv": "v,a,b\na,0,1\nb,4,0\n"},
        f'error: {{tmp}}/m.csv, row 3, column 2: "4" is not an integer from 0 to 3, {DIGITS}',
    ),
    "fractional value": (
        ["micmac", "{tmp}/m.csv"],
        {"m.csv": "v,a,b\na,0,1.5\nb,1,0\n"},
        f'error: {{tmp}}/m.csv, row 2, column 3: "1.5" is not an integer from 0 to 3, {DIGITS}',
    ),
    "non-square: a row too many": (
        ["micmac", "{tmp}/m.csv"],
        {"m.csv": "v,a,b\na,0,1\nb,1,0\nc,1,1\n"},
        "error: {tmp}/m.csv, row 4: one row more than the 2 ids of the header: the matrix must "
        "be square",
    ),
    "non-square: a row missing": (
        ["micmac", "{tmp}/m.csv"],
        {"m.csv": "v,a,b,c\na,0,1,0\nb,1,0,0\n"},
        'error: {tmp}/m.csv: the row of "c" is missing: the first column must repeat the ids of '
        "the header, in the same order",
    ),
    "non-square: a value beyond the header": (
        ["micmac", "{tmp}/m.csv"],
        {"m.csv": "v,a,b\na,0,1,2\nb,1,0\n"},
        'error: {tmp}/m.csv, row 2, column 4: "2" is beyond the last column of the header',
    ),
    "a value below an empty id ending the header": (
        ["micmac", "{tmp}/m.csv"],
        {"m.csv": "v,a,\na,0,1\n"},
        'error: {tmp}/m.csv, row 1, column 3: the header\'s id is empty, above "1" in row 2',
    ),
    "a direction below an empty id ending the header": (
        ["mcda", "{tmp}/d.csv", "--method", "topsis"],
        {"d.csv": "alternative,c1,c2,\nweight,1,1\ndirection,max,min,max\n" + ALTERNATIVES},
        'error: {tmp}/d.csv, row 1, column 4: the header\'s id is empty, above "max" in row 3',
    ),
    "mislabelled rows": (
        ["micmac", "{tmp}/m.csv"],
        {"m.csv": "v,a,b\nb,0,1\na,1,0\n"},
        'error: {tmp}/m.csv, row 2, column 1: expected the row of "a", got "b": the first column '
        "must repeat the ids of the header, in the same order",
    ),
    "duplicate ids": (
        ["micmac", "{tmp}/m.csv"],
        {"m.csv": "v,a,b,a\na,0,1,0\nb,1,0,0\na,0,0,0\n"},
        'error: {tmp}/m.csv, row 1, column 4: the variable id "a" appears twice (columns 2 and 4)',
    ),
    "empty id": (
        ["micmac", "{tmp}/m.csv"],
        {"m.csv": "v,a,,b\n"},
        "error: {tmp}/m.csv, row 1, column 3: the variable id is empty",
    ),
    # MACTOR.
    "position out of range": (
        ["mactor", "{tmp}/mid.csv", "{tmp}/pos.csv"],
        {"mid.csv": "m,A,B\nA,0,1\nB,2,0\n", "pos.csv": "p,O1\nA,-5\nB,1\n"},
        'error: {tmp}/pos.csv, row 2, column 2: "-5" is not an integer from -4 to 4 or empty',
    ),
    "influence out of range": (
        ["mactor", "{tmp}/mid.csv", "{tmp}/pos.csv"],
        {"mid.csv": "m,A,B\nA,0,5\nB,2,0\n", "pos.csv": "p,O1\nA,1\nB,1\n"},
        'error: {tmp}/mid.csv, row 2, column 3: "5" is not an integer from 0 to 4 or empty',
    ),
    "position of an unknown actor": (
        ["mactor", "{tmp}/mid.csv", "{tmp}/pos.csv"],
        {"mid.csv": "m,A,B\nA,0,1\nB,2,0\n", "pos.csv": "p,O1\nA,1\nC,1\n"},
        'error: {tmp}/pos.csv, row 3, column 1: the actor "C" is not in {tmp}/mid.csv',
    ),
    # AHP.
    "judgement not positive": (
        ["ahp", "{tmp}/p.csv"],
        {"p.csv": "c,a,b\na,1,0\nb,1,1\n"},
        'error: {tmp}/p.csv, row 2, column 3: "0" is not a positive number or fraction (such as '
        "3 or 1/3)",
    ),
    # Decision tables.
    "weights summing to zero": (
        ["mcda", "{tmp}/d.csv", "--method", "topsis"],
        {"d.csv": DECISION_HEAD + "weight,0,0\ndirection,max,min\n" + ALTERNATIVES},
        "error: {tmp}/d.csv, row 2: the weights sum to zero: at least one must be positive",
    ),
    "negative weight": (
        ["mcda", "{tmp}/d.csv", "--method", "topsis"],
        {"d.csv": DECISION_HEAD + "weight,1,-1\ndirection,max,min\n" + ALTERNATIVES},
        'error: {tmp}/d.csv, row 2, column 3: "-1" is not a number zero or more',
    ),
    "bad direction": (
        ["mcda", "{tmp}/d.csv", "--method", "weighted_sum"],
        {"d.csv": DECISION_HEAD + "weight,1,1\ndirection,max,up\n" + ALTERNATIVES},
        'error: {tmp}/d.csv, row 3, column 3: "up" is not max or min',
    ),
    "no direction row": (
        ["mcda", "{tmp}/d.csv", "--method", "weighted_sum"],
        {"d.csv": DECISION_HEAD + "weight,1,1\n" + ALTERNATIVES},
        'error: {tmp}/d.csv: no "direction" row (max or min for each criterion)',
    ),
    "setting row after the alternatives": (
        ["mcda", "{tmp}/d.csv", "--method", "weighted_sum"],
        {"d.csv": DECISION_HEAD + "direction,max,min\n" + ALTERNATIVES + "weight,1,1\n"},
        'error: {tmp}/d.csv, row 5, column 1: the row "weight" must come before the alternatives',
    ),
    "non-numeric alternative value": (
        ["mcda", "{tmp}/d.csv", "--method", "weighted_sum"],
        {"d.csv": DECISION_HEAD + "weight,1,1\ndirection,max,min\nX,1,two\nY,2,1\n"},
        'error: {tmp}/d.csv, row 4, column 3: "two" is not a number',
    ),
    "duplicate alternative": (
        ["mcda", "{tmp}/d.csv", "--method", "weighted_sum"],
        {"d.csv": DECISION_HEAD + "weight,1,1\ndirection,max,min\nX,1,2\nX,2,1\n"},
        'error: {tmp}/d.csv, row 5, column 1: the alternative "X" appears twice (rows 4 and 5)',
    ),
    "unknown preference function": (
        ["mcda", "{tmp}/d.csv", "--method", "promethee"],
        {"d.csv": DECISION_HEAD + "weight,1,1\ndirection,max,min\nfunction,,step\n" + ALTERNATIVES},
        'error: {tmp}/d.csv, row 4, column 3: "step" is not usual, u-shape, v-shape, level, '
        "linear or gaussian",
    ),
    "policy with an unknown criterion": (
        ["mcda", "{tmp}/d.csv", "--method", "weighted_sum", "--policies", "{tmp}/p.csv"],
        {
            "d.csv": DECISION_HEAD + "weight,1,1\ndirection,max,min\n" + ALTERNATIVES,
            "p.csv": "policy,c2,c9\neconomy,1,1\n",
        },
        'error: {tmp}/p.csv, row 1, column 3: "c9" is not a criterion of {tmp}/d.csv',
    ),
    "policy weights summing to zero": (
        ["mcda", "{tmp}/d.csv", "--method", "weighted_sum", "--policies", "{tmp}/p.csv"],
        {
            "d.csv": DECISION_HEAD + "weight,1,1\ndirection,max,min\n" + ALTERNATIVES,
            "p.csv": "policy,c2,c1\neconomy,1,1\nnone,0,0\n",
        },
        "error: {tmp}/p.csv, row 3: the weights sum to zero: at least one must be positive",
    ),
    # Precedence networks.
    "unknown predecessor": (
        ["cpm", "{tmp}/t.csv"],
        {"t.csv": "id,duration,predecessors\nA,1,\nB,2,Z\n"},
        'error: {tmp}/t.csv, row 3, column 3: the predecessor "Z" of "B" is not a task',
    ),
    "duplicate task": (
        ["cpm", "{tmp}/t.csv"],
        {"t.csv": "id,duration,predecessors\nA,1,\nA,2,\n"},
        'error: {tmp}/t.csv, row 3, column 1: the task "A" appears twice (rows 2 and 3)',
    ),
    "negative duration": (
        ["cpm", "{tmp}/t.csv"],
        {"t.csv": "id,duration,predecessors\nA,-1,\n"},
        'error: {tmp}/t.csv, row 2, column 2: duration: "-1" is not a number zero or more',
    ),
    "missing column": (
        ["cpm", "{tmp}/t.csv"],
        {"t.csv": "id,length\nA,1\n"},
        'error: {tmp}/t.csv, row 1: no column "duration" in the header (expected the columns id, '
        "duration, predecessors)",
    ),
    # Networks, coherence, opinions.
    "empty project of a role": (
        ["network", "{tmp}/r.csv"],
        {"r.csv": "actor,project,role\na1,p1,promoter\na2,,partner\n"},
        "error: {tmp}/r.csv, row 3, column 2: the project is empty",
    ),
    "strength out of range": (
        ["coherence", "{tmp}/c.csv"],
        {"c.csv": "project,objective,strength\nP1,O1,4\n"},
        'error: {tmp}/c.csv, row 2, column 3: strength: "4" is not an integer from -3 to 3',
    ),
    "duplicate contribution": (
        ["coherence", "{tmp}/c.csv"],
        {"c.csv": "project,objective,strength\nP1,O1,1\nP1,O1,2\n"},
        'error: {tmp}/c.csv, row 3: the project "P1" and the objective "O1" appear twice '
        "(rows 2 and 3)",
    ),
    "contribution of an unlisted project": (
        ["coherence", "{tmp}/c.csv", "--projects", "{tmp}/projects.txt"],
        {"c.csv": "project,objective,strength\nP1,O1,1\nP2,O1,2\n", "projects.txt": "P1\n"},
        'error: {tmp}/c.csv, row 3, column 1: the project "P2" is not in {tmp}/projects.txt',
    ),
    "duplicate vote": (
        ["opinion", "{tmp}/v.csv"],
        {"v.csv": "participant,statement,vote\np1,s1,1\np1,s2,1\np1,s1,-1\n"},
        'error: {tmp}/v.csv, row 4: the participant "p1" votes twice on the statement "s1" '
        "(rows 2 and 4)",
    ),
    "vote out of range": (
        ["opinion", "{tmp}/v.csv"],
        {"v.csv": "participant,statement,vote\np1,s1,1\np1,s2,2\n"},
        'error: {tmp}/v.csv, row 3, column 3: vote: "2" is not -1, 0 or 1',
    ),
    # Options.
    "xlsx without --output": (
        ["micmac", "{tmp}/m.csv", "--format", "xlsx"],
        {"m.csv": "v,a\na,0\n"},
        "error: --format: xlsx needs --output FILE: a workbook cannot go to standard output",
    ),
    "output in a missing folder": (
        ["micmac", "{tmp}/m.csv", "--output", "{tmp}/no/r.json"],
        {"m.csv": "v,a\na,0\n"},
        "error: {tmp}/no/r.json: its folder does not exist",
    ),
    "normalization with promethee": (
        ["mcda", "{tmp}/d.csv", "--method", "promethee", "--normalization", "sum"],
        {"d.csv": DECISION_HEAD + "weight,1,1\ndirection,max,min\n" + ALTERNATIVES},
        "error: --normalization: does not apply to --method promethee, which works on raw "
        "differences",
    ),
    "smaa samples over the cap": (
        ["smaa", "{tmp}/d.csv", "--samples", "100000000000"],
        {"d.csv": DECISION_HEAD + "direction,max,min\n" + ALTERNATIVES},
        "error: --samples: expected a whole number from 1 to 1,000,000, got 100000000000",
    ),
    "smaa samples just over the cap": (
        ["smaa", "{tmp}/d.csv", "--samples", "1000001"],
        {"d.csv": DECISION_HEAD + "direction,max,min\n" + ALTERNATIVES},
        "error: --samples: expected a whole number from 1 to 1,000,000, got 1000001",
    ),
    "smaa zero samples": (
        ["smaa", "{tmp}/d.csv", "--samples", "0"],
        {"d.csv": DECISION_HEAD + "direction,max,min\n" + ALTERNATIVES},
        "error: --samples: expected a whole number from 1 to 1,000,000, got 0",
    ),
    "smaa negative samples": (
        ["smaa", "{tmp}/d.csv", "--samples", "-5"],
        {"d.csv": DECISION_HEAD + "direction,max,min\n" + ALTERNATIVES},
        "error: --samples: expected a whole number from 1 to 1,000,000, got -5",
    ),
    "missing method": (
        ["mcda", "{tmp}/d.csv"],
        {},
        "error: Missing option '--method'. Choose from: weighted_sum, topsis, promethee "
        "(see --help)",
    ),
    "unknown method": (
        ["pca", "{tmp}/d.csv"],
        {},
        "error: No such command 'pca'. (see ordito analyze --help)",
    ),
}


@pytest.mark.parametrize(("arguments", "files", "line"), CASES.values(), ids=CASES.keys())
def test_bad_input_is_refused_on_one_line(tmp_path, arguments, files, line):
    for name, content in files.items():
        path = tmp_path / name
        if isinstance(content, bytes):
            path.write_bytes(content)
        else:
            path.write_text(content, encoding="utf-8")

    run = ordito("analyze", *(argument.format(tmp=tmp_path) for argument in arguments))

    refused(run, line.format(tmp=tmp_path))


# The two errors below come from the library (its message, translated to the file's row and
# column): the line is checked up to the library's own wording.
def test_cycle_is_refused_naming_it_at_the_row_of_its_first_task(tmp_path):
    tasks = tmp_path / "t.csv"
    tasks.write_text("id,duration,predecessors\nS,1,\nA,1,C\nB,1,A\nC,1,B\n", encoding="utf-8")

    run = ordito("analyze", "cpm", tasks)

    assert (run.code, run.stdout, run.stderr.count("\n")) == (2, "", 1)
    assert run.stderr.startswith(f"error: {tasks}, row 3, column 3: ")
    assert "A → B → C → A" in run.stderr


def test_non_reciprocal_ahp_matrix_is_refused_at_the_cell(tmp_path):
    pairwise = tmp_path / "p.csv"
    pairwise.write_text("c,a,b\na,1,3\nb,1/2,1\n", encoding="utf-8")

    run = ordito("analyze", "ahp", pairwise)

    assert (run.code, run.stdout, run.stderr.count("\n")) == (2, "", 1)
    assert run.stderr.startswith(f"error: {pairwise}, row 2, column 3: ")
    assert "reciprocal" in run.stderr


def test_file_over_the_default_limit_is_refused_before_reading(tmp_path):
    # A sparse file: 300 MiB long, no data block written, so the test costs no disk and no time.
    huge = tmp_path / "huge.csv"
    with huge.open("wb") as file:
        file.truncate(300 * 2**20)

    run = ordito("analyze", "micmac", huge)

    refused(
        run,
        f"error: {huge}: the file has 314,572,800 bytes, more than the limit of 268,435,456 "
        "bytes (set ORDITO_MAX_INPUT_BYTES to change it)",
    )


def test_file_over_a_limit_set_in_the_environment_is_refused(tmp_path):
    matrix = tmp_path / "m.csv"
    matrix.write_text("v,a,b\na,0,1\nb,1,0\n", encoding="utf-8")  # 18 bytes

    run = ordito("analyze", "micmac", matrix, env={"ORDITO_MAX_INPUT_BYTES": "17"})

    refused(
        run,
        f"error: {matrix}: the file has 18 bytes, more than the limit of 17 bytes "
        "(set ORDITO_MAX_INPUT_BYTES to change it)",
    )


def test_limit_that_is_not_a_number_is_refused(tmp_path):
    matrix = tmp_path / "m.csv"
    matrix.write_text("v,a\na,0\n", encoding="utf-8")

    run = ordito("analyze", "micmac", matrix, env={"ORDITO_MAX_INPUT_BYTES": "1GB"})

    refused(run, 'error: ORDITO_MAX_INPUT_BYTES: expected a positive number of bytes, got "1GB"')


def test_xlsx_that_would_expand_past_the_limit_is_refused(tmp_path):
    # A "zip bomb": 1 MB of spaces compress to about 1 KB, far more than 16 times the limit.
    bomb = tmp_path / "bomb.xlsx"
    with zipfile.ZipFile(bomb, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("xl/worksheets/sheet1.xml", " " * 1_000_000)
    limit = bomb.stat().st_size

    run = ordito("analyze", "micmac", bomb, env={"ORDITO_MAX_INPUT_BYTES": str(limit)})

    refused(
        run,
        f"error: {bomb}: the workbook expands to 1,000,000 bytes, more than 16 times the limit "
        f"set by ORDITO_MAX_INPUT_BYTES ({16 * limit:,} bytes)",
    )


def test_matrix_declaring_more_ids_than_memory_allows_is_refused(tmp_path):
    # 20,001 ids would make a 3.2 GB matrix: refused from the header, before any other row.
    matrix = tmp_path / "m.csv"
    ids = [f"v{number}" for number in range(20_001)]
    matrix.write_text(",".join(["v", *ids]) + "\n" + "v0,1\n", encoding="utf-8")

    run = ordito("analyze", "micmac", matrix)

    refused(
        run,
        f"error: {matrix}, row 1: 20,001 variable ids, more than the 20,000 one analysis can "
        "hold in memory",
    )


# A library function that fails in an unexpected way, swapped in before the command starts by a
# sitecustomize module on PYTHONPATH: the command's own handling of the failure is under test.
FAILING_LIBRARY = """
import ordito.analysis.ahp


def failing_ahp(*arguments, **options):
    raise {error}("boom")


ordito.analysis.ahp.ahp = failing_ahp
"""


@pytest.mark.parametrize(
    ("error", "line"),
    [
        (
            "RuntimeError",
            "error: unexpected failure: RuntimeError: boom (set ORDITO_DEBUG=1 to see the "
            "traceback)",
        ),
        ("MemoryError", "error: not enough memory for this input; try a smaller file"),
    ],
)
def test_unexpected_failure_exits_1_with_one_line(tmp_path, error, line):
    (tmp_path / "sitecustomize.py").write_text(FAILING_LIBRARY.format(error=error))

    run = ordito("analyze", "ahp", DATA / "pairwise.csv", env={"PYTHONPATH": str(tmp_path)})

    assert (run.code, run.stdout, run.stderr) == (1, "", line + "\n")


def test_unexpected_failure_shows_the_traceback_when_debugging(tmp_path):
    (tmp_path / "sitecustomize.py").write_text(FAILING_LIBRARY.format(error="RuntimeError"))
    environment = {"PYTHONPATH": str(tmp_path), "ORDITO_DEBUG": "1"}

    run = ordito("analyze", "ahp", DATA / "pairwise.csv", env=environment)

    assert (run.code, run.stdout) == (1, "")
    assert run.stderr.startswith("Traceback (most recent call last):")
    assert run.stderr.endswith("RuntimeError: boom\n")


def test_ctrl_c_during_a_long_run_exits_130_with_one_line(tmp_path):
    # 1,000 alternatives and a million samples take about a minute: the interrupt arrives while
    # the samples are drawn, and the command must stop at once without a traceback.
    decision = tmp_path / "d.csv"
    rows = [f"a{i},{i % 7},{i % 11}" for i in range(1_000)]
    decision.write_text(DECISION_HEAD + "direction,max,min\n" + "\n".join(rows) + "\n")
    environment = {k: v for k, v in os.environ.items() if k != "ORDITO_DEBUG"}
    process = subprocess.Popen(
        [COMMAND, "analyze", "smaa", str(decision), "--samples", "1000000"],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        encoding="utf-8",
        env=environment,
    )
    time.sleep(3)  # Python has started and installed its Ctrl-C handler long before this
    assert process.poll() is None, "the run ended before it could be interrupted"
    process.send_signal(signal.SIGINT)
    stdout, stderr = process.communicate(timeout=30)

    assert (process.returncode, stdout, stderr) == (
        130,
        "",
        "error: interrupted; nothing was written\n",
    )


# An analysis that really runs out of memory: at its call it caps the address space a little
# above what the process uses, then holds blocks in a local variable until an allocation
# fails. The command's handler must then print its line although nothing can be allocated
# while that frame lives.
EXHAUSTING_LIBRARY = """
import resource

import ordito.analysis.network


def exhausting_network(*arguments, **options):
    blocks = [None] * (1 << 22)  # room for the blocks, made before the cap
    with open("/proc/self/status") as status:
        used = next(int(line.split()[1]) for line in status if line.startswith("VmSize:"))
    limit = (used + 64 * 1024) * 1024
    resource.setrlimit(resource.RLIMIT_AS, (limit, resource.getrlimit(resource.RLIMIT_AS)[1]))
    held = 0
    # Ever smaller blocks, then the smallest objects, until no allocator pool has room left.
    sizes = [1 << bit for bit in range(20, 9, -1)] + list(range(512, 0, -8))
    makers = [lambda size=size: bytearray(size) for size in sizes] + [object, lambda: [held]]
    for make in makers:
        try:
            while True:
                blocks[held] = make()
                held += 1
        except MemoryError:
            pass
    raise MemoryError


ordito.analysis.network.actor_project_network = exhausting_network
"""


def test_running_out_of_memory_exits_1_with_one_line(tmp_path):
    (tmp_path / "sitecustomize.py").write_text(EXHAUSTING_LIBRARY)

    run = ordito("analyze", "network", DATA / "roles.csv", env={"PYTHONPATH": str(tmp_path)})

    assert (run.code, run.stdout, run.stderr) == (
        1,
        "",
        "error: not enough memory for this input; try a smaller file\n",
    )

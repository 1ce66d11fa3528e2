"""The layers of the code hold (docs/architecture.md): import-linter's contracts in pyproject.toml.

Each test runs the real `lint-imports` in a fresh process. The contracts are checked on the code as
it is, on copies of it with an import that breaks a layer (so the check is seen to fail), and
against the package's list of modules (so that a new app cannot escape the contracts by not
being named in them).
"""

import shutil
import subprocess
import sys
import tomllib
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
PACKAGE = ROOT / "src" / "ordito"
LINT_IMPORTS = Path(sys.executable).with_name("lint-imports")


def contracts() -> list[dict]:
    with (ROOT / "pyproject.toml").open("rb") as file:
        return tomllib.load(file)["tool"]["importlinter"]["contracts"]


def lint_imports(source_root: Path) -> subprocess.CompletedProcess:
    """`lint-imports` with the project's contracts, on the package found under `source_root`."""
    return subprocess.run(
        [str(LINT_IMPORTS), "--no-cache", str(ROOT / "pyproject.toml")],
        capture_output=True,
        text=True,
        timeout=300,
        cwd=ROOT,
        env={"PATH": "/usr/bin:/bin", "PYTHONPATH": str(source_root)},
    )


def test_layers_hold_on_the_code_as_it_is():
    result = lint_imports(ROOT / "src")
    assert result.returncode == 0, result.stdout + result.stderr
    assert "Contracts: 3 kept, 0 broken." in result.stdout


@pytest.mark.parametrize(
    ("module", "line", "broken"),
    [
        # A lower app importing a higher one; the two would then import each other.
        (
            "actors/breach.py",
            "import ordito.plans.models",
            "ordito.actors is not allowed to import ordito.plans",
        ),
        # core knows no app by name.
        (
            "core/breach.py",
            "from ordito.territory import models",
            "ordito.core is not allowed to import ordito.territory",
        ),
        # The toolkit of the API sits below every app's router.
        (
            "api/breach.py",
            "import ordito.api_v1",
            "ordito.api is not allowed to import ordito.api_v1",
        ),
        # The analysis library stays free of Django.
        (
            "analysis/breach.py",
            "import django.db",
            "ordito.analysis is not allowed to import django",
        ),
    ],
)
def test_layers_refuse_an_import_that_breaks_them(tmp_path, module, line, broken):
    copy = tmp_path / "ordito"
    shutil.copytree(PACKAGE, copy, ignore=shutil.ignore_patterns("__pycache__", "locale", "*.html"))
    (copy / module).write_text(f"{line}\n")
    result = lint_imports(tmp_path)
    assert result.returncode == 1, result.stdout + result.stderr
    assert broken in result.stdout
    assert f"ordito.{module.replace('/', '.').removesuffix('.py')} -> " in result.stdout
    assert "1 broken" in result.stdout


def test_every_module_of_the_package_is_under_a_contract():
    layers = next(contract for contract in contracts() if contract["id"] == "layers")
    layered = {name.strip() for layer in layers["layers"] for name in layer.split("|")}
    analysis = next(contract for contract in contracts() if contract["id"] == "analysis")
    under_contract = layered | set(analysis["source_modules"])
    top_level = {
        f"ordito.{path.stem}"
        for path in PACKAGE.iterdir()
        if (path.is_dir() and (path / "__init__.py").exists())
        or (path.suffix == ".py" and path.stem != "__init__")
    }
    assert top_level - under_contract == set(), "place these in pyproject.toml's contracts"
    # Everything a layer forbids the analysis library is a real part of the package.
    assert {m for m in analysis["forbidden_modules"] if m.startswith("ordito.")} == layered

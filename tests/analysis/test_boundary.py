"""The analysis library imports no Django: analysts use it as a plain Python library."""

import json
import subprocess
import sys

# Runs in a fresh interpreter, where nothing (pytest-django included) has imported Django yet.
IMPORT_EVERY_MODULE = """
import importlib, json, pkgutil, sys
import ordito.analysis
names = [info.name for info in pkgutil.walk_packages(ordito.analysis.__path__, "ordito.analysis.")]
for name in names:
    importlib.import_module(name)
django = sorted(m for m in sys.modules if m.split(".")[0] == "django")
print(json.dumps({"modules": names, "django": django}))
"""


def test_analysis_library_imports_no_django():
    completed = subprocess.run(
        [sys.executable, "-c", IMPORT_EVERY_MODULE],
        capture_output=True,
        text=True,
        check=True,
        timeout=120,
    )
    report = json.loads(completed.stdout)
    assert "ordito.analysis.cpm" in report["modules"]
    assert "ordito.analysis.opinion" in report["modules"]
    assert report["django"] == []

"""A static files finder for single files of npm packages (settings.VENDOR_FILES).

`STATICFILES_DIRS` serves whole directories, which suits Bootstrap Italia's and htmx's `dist/`.
ECharts' `dist/` holds 51 MB of builds of which the site uses one file (`echarts.min.js`, 1 MB):
collecting and compressing the rest would slow every deploy for nothing. This finder serves the
files named in `VENDOR_FILES` (static path -> file on disk), and nothing else.
"""

import os
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from django.conf import settings
from django.contrib.staticfiles.finders import BaseFinder
from django.core.checks import Error
from django.core.files.storage import FileSystemStorage


class VendorFilesFinder(BaseFinder):
    def check(self, **kwargs: Any) -> list[Error]:
        return [
            Error(f"VENDOR_FILES: {path} does not exist (run `make assets`).", id="ordito.E001")
            for path in settings.VENDOR_FILES.values()
            if not Path(path).is_file()
        ]

    def find(self, path: str, find_all: bool = False, **kwargs: Any) -> str | list[str]:
        found = settings.VENDOR_FILES.get(path)
        if found is None:
            return []  # as Django's own finders say "not here", whatever `find_all`
        return [str(found)] if find_all else str(found)

    def list(self, ignore_patterns: Any) -> Iterator[tuple[str, FileSystemStorage]]:
        for static_path, file in settings.VENDOR_FILES.items():
            # The storage's location is the file's folder; `prefix` gives its static path.
            storage = FileSystemStorage(location=os.path.dirname(file))
            storage.prefix = os.path.dirname(static_path)
            yield os.path.basename(file), storage

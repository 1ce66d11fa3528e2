"""Fixtures shared by every test package."""

import pytest
from django.utils import translation

from tests.sample_plan import Demo, build_demo


@pytest.fixture
def english():
    """Run the test in English, for assertions on messages (the site's default is Italian)."""
    with translation.override("en"):
        yield


@pytest.fixture
def demo(db) -> Demo:
    """The sample plan of tests/sample_plan.py, which every suite's expected values come from."""
    return build_demo()

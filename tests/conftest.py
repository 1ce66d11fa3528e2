"""Fixtures shared by every test package."""

import pytest
from django.utils import translation


@pytest.fixture
def english():
    """Run the test in English, for assertions on messages (the site's default is Italian)."""
    with translation.override("en"):
        yield

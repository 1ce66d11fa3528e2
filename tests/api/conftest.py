"""Fixtures for the API tests: the sample plan the web tests share, and a check for 422 answers."""

import pytest

from tests.sample_plan import Demo, build_demo


@pytest.fixture
def data(db) -> Demo:
    """The sample plan of tests/sample_plan.py, where every expected value below comes from."""
    return build_demo()


def assert_invalid(response, parameter: str, source: str = "query") -> None:
    """A JSON 422 whose body names `parameter` (in the query, or the path) as a place of error."""
    assert response.status_code == 422, response.content
    assert response["Content-Type"].startswith("application/json")
    locations = [issue["loc"] for issue in response.json()["detail"]]
    assert [source, parameter] in locations, locations

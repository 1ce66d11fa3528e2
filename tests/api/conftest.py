"""A check for the API's 422 answers. The sample plan is the `demo` fixture (tests/conftest.py)."""


def assert_invalid(response, parameter: str, source: str = "query") -> None:
    """A JSON 422 whose body names `parameter` (in the query, or the path) as a place of error."""
    assert response.status_code == 422, response.content
    assert response["Content-Type"].startswith("application/json")
    locations = [issue["loc"] for issue in response.json()["detail"]]
    assert [source, parameter] in locations, locations

import pytest
from django.core.cache import cache

from ordito.participation.services import forum
from tests.people.factories import PersonFactory
from tests.plans.factories import ObjectiveFactory, PlanFactory


@pytest.fixture(autouse=True)
def empty_cache():
    cache.clear()


@pytest.fixture
def plan(db):
    return PlanFactory(slug="torino")


@pytest.fixture
def board(plan):
    board, _ = forum.board_save(
        by=None, plan=plan, slug="generale", values={"title_it": "Generale", "title_en": "General"}
    )
    return board


@pytest.fixture
def alice(db):
    return PersonFactory(display_name="Alice Rossi").user


@pytest.fixture
def bruno(db):
    return PersonFactory(display_name="Bruno Bianchi").user


@pytest.fixture
def objective(plan):
    return ObjectiveFactory(direction__area__plan=plan, code="MOB2")

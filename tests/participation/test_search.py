"""Searching the forum in Italian: on PostgreSQL by the `italian` stemmer over the GIN index, on
SQLite by the beginnings of words; both let "mobilità" find "mobile". Run on both databases."""

import pytest
from django.db import connection

from ordito.participation import selectors
from ordito.participation.models import Post, Thread
from ordito.participation.services import forum

pytestmark = pytest.mark.django_db


@pytest.fixture
def posts(board, alice, bruno):
    transit = forum.thread_create(
        board=board, author=alice, title="Trasporto pubblico", body="Una rete mobile di navette."
    )
    forum.post_create(thread=transit, author=bruno, body="Più biciclette in centro.")
    culture = forum.thread_create(
        board=board, author=bruno, title="Musei", body="Aprire i musei la sera."
    )
    return transit, culture


def found(plan, query: str) -> list[str]:
    return [post.body for post in selectors.post_search(plan=plan, query=query)]


def test_post_search_finds_mobile_from_mobilita(plan, posts):
    assert found(plan, "mobilità") == ["Una rete mobile di navette."]


def test_post_search_finds_plural_from_singular(plan, posts):
    assert found(plan, "bicicletta") == ["Più biciclette in centro."]


def test_post_search_finds_nothing_for_unrelated_or_empty_queries(plan, posts):
    assert found(plan, "aeroporto") == []
    assert found(plan, "   ") == []


def test_post_search_leaves_out_hidden_posts_and_threads(plan, posts):
    _transit, culture = posts
    Post.objects.filter(body__startswith="Più").update(is_hidden=True)
    Thread.objects.filter(pk=culture.pk).update(is_hidden=True)
    assert found(plan, "bicicletta") == []
    assert found(plan, "musei") == []
    assert found(plan, "navette") == ["Una rete mobile di navette."]


def test_post_search_stays_within_its_plan(plan, posts):
    from tests.plans.factories import PlanFactory

    assert found(PlanFactory(slug="altro"), "mobilità") == []


@pytest.mark.skipif(connection.vendor != "postgresql", reason="the GIN index is PostgreSQL's")
def test_post_search_uses_the_gin_index_on_postgresql(plan, posts):
    with connection.cursor() as cursor:
        cursor.execute("SELECT indexdef FROM pg_indexes WHERE indexname = 'post_search_gin'")
        assert "USING gin (search_vector)" in cursor.fetchone()[0]
    assert Post.objects.filter(search_vector__isnull=True).count() == 0


def test_search_page_lists_results_with_their_thread(client, plan, posts):
    html = client.get("/en/p/torino/forum/search/", {"q": "mobilità"}).content.decode()
    assert "1 post found for “mobilità”" in html
    assert "Trasporto pubblico" in html and "Musei" not in html

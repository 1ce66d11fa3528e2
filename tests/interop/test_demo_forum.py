"""The demo's forum: boards and threads in Italian by the demo's people, flagged as examples;
loading it twice writes nothing."""

import pytest
from django.core.cache import cache

from ordito.interop.demo import demo_load
from ordito.interop.demo_forum import BOARDS, THREADS, demo_forum_load
from ordito.interop.demo_people import demo_people_reset
from ordito.participation.models import Board, Follow, Post, Thread
from ordito.people.models import Notification

pytestmark = pytest.mark.django_db


@pytest.fixture
def loaded():
    cache.clear()
    assert demo_load().ok
    demo_people_reset()
    return demo_forum_load()


def rows() -> dict[str, list]:
    return {
        model.__name__: list(model.objects.order_by("pk").values())
        for model in (Board, Thread, Post, Follow, Notification, Board.history.model)
    }


def test_demo_forum_holds_its_boards_and_threads_as_examples(loaded, client):
    assert loaded == len(THREADS)
    assert Board.objects.filter(plan__slug="torino-2006", is_example=True).count() == len(BOARDS)
    assert Board.objects.get(slug="mobilita").direction.code == "MOB"
    assert not Thread.objects.filter(is_example=False).exists()
    assert not Post.objects.filter(is_example=False).exists()
    passante = Thread.objects.get(title__startswith="Il passante")
    assert 'href="/p/torino-2006/objectives/' in passante.posts.order_by("pk").first().body_html
    html = client.get(f"/p/torino-2006/forum/threads/{passante.pk}/").content.decode()
    assert "Davide Conti" in html and "Esempio" in html


def test_demo_forum_loaded_twice_writes_nothing(loaded):
    before = rows()
    assert demo_forum_load() == 0
    assert rows() == before

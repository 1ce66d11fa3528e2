"""A plan's staff see only their plan's boards, threads and reports in the admin."""

import pytest

from ordito.participation.models import Board
from ordito.participation.services import forum
from tests.admin_pages import staff_of
from tests.people.factories import UserFactory
from tests.plans.factories import PlanFactory

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("english")]


def test_plan_staff_list_only_their_plans_boards_and_threads(client):
    mine, theirs = PlanFactory(slug="mio"), PlanFactory(slug="altrui")
    author = UserFactory()
    for plan in (mine, theirs):
        board, _ = forum.board_save(
            by=None, plan=plan, slug="b", values={"title_it": f"B {plan.slug}"}
        )
        forum.thread_create(board=board, author=author, title=f"T {plan.slug}", body="x")
    staff_of(mine, client)
    boards = client.get("/en/admin/participation/board/")
    assert [str(row) for row in boards.context["cl"].result_list] == ["B mio"]
    threads = client.get("/en/admin/participation/thread/")
    assert [str(row) for row in threads.context["cl"].result_list] == ["T mio"]
    # Another plan's board by its address "does not exist": the admin sends the person home.
    other = Board.objects.get(plan=theirs).pk
    response = client.get(f"/en/admin/participation/board/{other}/change/")
    assert response.status_code == 302 and response["Location"] == "/en/admin/"

import pytest

pytestmark = pytest.mark.django_db


def test_smoke(client, world):
    plan = world.demo.plan.slug
    client.force_login(world.staff)
    for url in [
        f"/p/{plan}/process/",
        f"/p/{plan}/commissions/",
        f"/p/{plan}/commissions/{world.commission_a.pk}/",
        f"/p/{plan}/commissions/{world.commission_a.pk}/workspace/",
        f"/p/{plan}/meetings/",
        f"/p/{plan}/meetings/{world.public_meeting.pk}/",
        f"/p/{plan}/meetings/{world.assembly.pk}/",
        f"/p/{plan}/meetings/{world.conference.pk}/",
        f"/en/p/{plan}/meetings/{world.conference.pk}/",
        f"/p/{plan}/meetings/new/",
        f"/p/{plan}/meetings/{world.public_meeting.pk}/edit/",
        f"/p/{plan}/process/phases/new/",
        f"/p/{plan}/process/milestones/new/",
        f"/p/{plan}/commissions/new/",
        f"/p/{plan}/meetings/{world.assembly.pk}/motions/{world.motion.pk}/result/",
        f"/p/{plan}/meetings/{world.assembly.pk}/minutes/",
    ]:
        response = client.get(url)
        assert response.status_code == 200, (url, response.status_code)

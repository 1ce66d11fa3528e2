"""Pages served from the cache are the pages a fresh rendering gives, and a write shows at once.

The home, the project list and a project page cache their costly parts under the plan's content
version and the language (plans/caching.py). Each test renders a page once to fill the cache, writes
through a service (as the admin, the API and the importer do), and checks the next rendering.
"""

import pytest
from django.core.cache import cache

from ordito.actors import services as actor_services
from ordito.plans import services
from ordito.plans.models import ProjectRole
from tests.territory.factories import MunicipalityFactory
from tests.web.conftest import markup_without_csrf_token, page_text
from tests.web.test_views import rows

pytestmark = pytest.mark.django_db


def fresh_and_cached(client, url: str, headers: dict | None = None) -> tuple[str, str]:
    """The page rendered with an empty cache, then served again from the cache it filled."""
    cache.clear()
    fresh = client.get(url, headers=headers or {})
    cached = client.get(url, headers=headers or {})
    assert fresh.status_code == cached.status_code == 200
    return markup_without_csrf_token(fresh), markup_without_csrf_token(cached)


@pytest.mark.parametrize(
    ("url", "headers"),
    [
        ("/", {}),
        ("/en/", {}),
        ("/p/{slug}/", {}),
        ("/p/{slug}/projects/", {}),
        ("/en/p/{slug}/projects/?status=planned&sort=title", {}),
        ("/p/{slug}/projects/?municipality=001156&promoter={actor}", {}),
        ("/p/{slug}/projects/?direction={direction}", {"HX-Request": "true"}),
        ("/p/{slug}/projects/?status=bogus&area=999999", {}),
        ("/p/{slug}/projects/{project}/", {}),
        ("/en/p/{slug}/projects/{project}/", {}),
    ],
)
def test_page_from_the_cache_is_the_fresh_page(client, demo, url, headers):
    url = url.format(
        slug=demo.plan.slug,
        actor=demo.example_actor.pk,
        direction=demo.direction.pk,
        project=demo.project.pk,
    )
    fresh, cached = fresh_and_cached(client, url, headers)
    assert cached == fresh


def test_home_shows_a_renamed_area_and_a_new_change_at_once(client, demo):
    client.get("/")
    services.area_save(
        by=None, plan=demo.plan, code=demo.area.code, values={"title_it": "Territorio rinnovato"}
    )
    services.project_save(
        by=None,
        plan=demo.plan,
        code="P004",
        values={"title_it": "Nuovo parco", "is_example": False},
    )

    text = page_text(client.get("/"))

    assert "Territorio rinnovato" in text
    assert "P004 Nuovo parco" in text
    # The plan in numbers counts it too.
    assert "4 progetti" in text


def test_project_list_shows_a_renamed_project_at_once(client, demo):
    url = f"/p/{demo.plan.slug}/projects/"
    assert "Metropolitana linea 2" in page_text(client.get(url))

    services.project_save(
        by=None, plan=demo.plan, code="P001", values={"title_it": "Metropolitana linea 3"}
    )

    text = page_text(client.get(url))
    assert "Metropolitana linea 3" in text
    assert "Metropolitana linea 2" not in text


def test_project_list_filter_offers_and_accepts_a_new_municipality_at_once(client, demo):
    url = f"/p/{demo.plan.slug}/projects/"
    chieri = MunicipalityFactory(istat_code="001078", name="Chieri", cadastral_code="C627")
    before = client.get(url).content.decode()
    assert '<option value="001078">' not in before
    refused = client.get(f"{url}?municipality=001078")
    assert 'id="id_municipality_error"' in refused.content.decode()

    services.project_save(by=None, plan=demo.plan, code="P003", values={"municipality": chieri})

    assert '<option value="001078">Chieri</option>' in client.get(url).content.decode()
    accepted = client.get(f"{url}?municipality=001078")
    assert 'id="id_municipality_error"' not in accepted.content.decode()
    assert '<option value="001078" selected>Chieri</option>' in accepted.content.decode()
    assert rows(accepted) == ["P003"]


def test_project_list_filter_refuses_a_value_outside_the_cached_choices(client, demo):
    url = f"/p/{demo.plan.slug}/projects/"
    client.get(url)  # fills the cache with the choices

    response = client.get(f"{url}?promoter=999999&area={demo.area.pk}")

    assert 'id="id_promoter_error"' in response.content.decode()
    assert f'<option value="{demo.area.pk}" selected>' in response.content.decode()
    assert rows(response) == ["P001", "P003"]


def test_project_list_shows_a_new_promoter_at_once(client, demo):
    url = f"/p/{demo.plan.slug}/projects/?promoter={demo.example_actor.pk}"
    assert rows(client.get(url)) == ["P002"]

    services.project_role_add(
        by=None, actor=demo.example_actor, project=demo.untranslated_project,
        role=ProjectRole.Role.PROMOTER,
    )  # fmt: skip

    response = client.get(url)
    assert rows(response) == ["P002", "P003"]
    assert "P003 Piste ciclabili" in page_text(response)


def test_project_page_shows_a_changed_contribution_and_a_renamed_actor_at_once(client, demo):
    url = f"/p/{demo.plan.slug}/projects/{demo.project.pk}/"
    assert "Città di Torino" in page_text(client.get(url))

    services.contribution_set(by=None, project=demo.project, objective=demo.objective, strength=-1)
    actor_services.actor_save(by=None, key=demo.actor.key, values={"name": "Comune di Torino"})

    text = page_text(client.get(url))
    assert "Comune di Torino" in text and "Città di Torino" not in text
    # The demo's contribution of P001 to MOB 1 was +3 (tests/sample_plan.py).
    assert "MOB 1 Rete del trasporto pubblico −1" in text
    cache.clear()
    assert page_text(client.get(url)) == text


def test_deleted_project_page_is_a_404_at_once(client, demo):
    url = f"/p/{demo.plan.slug}/projects/{demo.untranslated_project.pk}/"
    assert client.get(url).status_code == 200

    demo.untranslated_project.delete()

    # Deleted around the services: the cached part stays, but the row is read on every request.
    assert client.get(url).status_code == 404


def test_language_is_part_of_the_key(client, demo):
    italian = page_text(client.get("/"))
    english = page_text(client.get("/en/"))
    assert "Territorio metropolitano" in italian and "Metropolitan territory" not in italian
    assert "Metropolitan territory" in english and "Territorio metropolitano" not in english
    list_url = f"/p/{demo.plan.slug}/projects/"
    assert "Metropolitana linea 2" in page_text(client.get(list_url))
    assert "Metro line 2" in page_text(client.get(f"/en{list_url}"))
    assert '<option value="" selected>Any</option>' in client.get(f"/en{list_url}").content.decode()
    assert '<option value="" selected>Qualsiasi</option>' in client.get(list_url).content.decode()

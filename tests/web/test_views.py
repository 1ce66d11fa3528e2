"""The public site's pages: what each one says, in Italian and in English, and how it takes bad input.

The plan behind them is `build_demo` in tests/sample_plan.py; the texts expected here are its
titles and the Italian catalogue's translations.
"""

import re
from urllib.parse import unquote

import pytest
from django.test import RequestFactory
from django.utils import translation
from django.views.defaults import server_error

from ordito.actors.models import Actor
from ordito.plans.models import Plan
from tests.plans.factories import AreaFactory
from tests.sample_plan import grow_plan
from tests.web.conftest import page_text

pytestmark = pytest.mark.django_db


def urls(demo) -> dict[str, str]:
    """One address for every page of the site, in Italian."""
    slug = demo.plan.slug
    return {
        "home": "/",
        "plan": f"/p/{slug}/",
        "area": f"/p/{slug}/areas/{demo.area.pk}/",
        "direction": f"/p/{slug}/directions/{demo.direction.pk}/",
        "objective": f"/p/{slug}/objectives/{demo.objective.pk}/",
        "project_list": f"/p/{slug}/projects/",
        "project": f"/p/{slug}/projects/{demo.project.pk}/",
        "search": f"/p/{slug}/search/?q=metro",
        "actor_list": "/actors/",
        "actor": f"/actors/{demo.actor.pk}/",
    }


def path(demo, thing) -> str:
    """The Italian address of a project or an actor of the demo.

    Not `get_absolute_url`: it follows the active language, which a request to an `/en/` page
    leaves active in the test's thread.
    """
    if isinstance(thing, Actor):
        return f"/actors/{thing.pk}/"
    return f"/p/{demo.plan.slug}/projects/{thing.pk}/"


def rows(response) -> list[str]:
    """The codes of the projects in the list's table, in the order shown."""
    return re.findall(
        r'<td class="text-nowrap" data-label="[^"]*">([^<]+)</td>', response.content.decode()
    )


# Every page: the frame around the content.


def test_every_page_has_one_h1_landmarks_and_a_skip_link(client, demo):
    for name, url in urls(demo).items():
        html = client.get(url).content.decode()
        assert html.count("<h1") == 1, name
        assert '<html lang="it">' in html, name
        assert 'href="#main-content"' in html and '<main id="main-content"' in html, name
        assert "<header" in html and "<footer" in html and "<nav" in html, name


def test_every_page_keeps_to_the_content_security_policy(client, demo):
    """No inline script or style, no style= attribute, no on*= handler: the CSP would refuse them."""
    for name, url in urls(demo).items():
        response = client.get(url)
        html = response.content.decode()
        assert "Content-Security-Policy" in response.headers, name
        assert not re.search(r"<script(?![^>]*\bsrc=)", html), name
        assert not re.search(r"<style", html), name
        assert not re.search(r"\sstyle=", html), name
        assert not re.search(r"\son[a-z]+=", html), name


def test_language_switch_names_each_language_in_itself_and_keeps_the_page(client, demo):
    html = client.get(f"/p/{demo.plan.slug}/projects/?status=completed").content.decode()
    assert 'aria-label="Lingua"' in html
    assert re.search(r'<button[^>]*value="en" lang="en"[^>]*>English</button>', html)
    assert re.search(
        r'<button[^>]*value="it" lang="it"[^>]*aria-current="true"[^>]*>Italiano</button>', html
    )
    assert (
        f'hreflang="en" href="http://testserver/en/p/{demo.plan.slug}/projects/?status=completed"'
        in html
    )


def test_language_switch_from_english_returns_to_the_same_italian_page(client, demo):
    html = client.get(f"/en/p/{demo.plan.slug}/projects/?status=completed").content.decode()
    action = re.search(r'value="it" lang="it"\s+formaction="([^"]+)"', html).group(1)
    response = client.post(unquote(action.replace("&amp;", "&")), {"language": "it"})
    assert response.status_code == 302
    assert response["Location"] == f"/p/{demo.plan.slug}/projects/?status=completed"


def test_language_switch_from_italian_goes_to_the_english_page(client, demo):
    html = client.get(path(demo, demo.project)).content.decode()
    action = re.search(r'value="en" lang="en"\s+formaction="([^"]+)"', html).group(1)
    response = client.post(unquote(action.replace("&amp;", "&")), {"language": "en"})
    assert response["Location"] == f"/en/p/{demo.plan.slug}/projects/{demo.project.pk}/"
    assert '<html lang="en">' in client.get(response["Location"]).content.decode()


def switch_targets(html: str) -> dict[str, str]:
    """Where each button of the language switch leads, by language (its `next`, decoded)."""
    form = re.search(r'<form id="language-switch".*?</form>', html, re.DOTALL).group(0)
    return {
        language: unquote(action.replace("&amp;", "&")).split("?next=", 1)[1]
        for language, action in re.findall(r'value="(\w+)" lang="\w+"\s+formaction="([^"]+)"', form)
    }


def test_project_rows_bring_a_language_switch_for_the_filtered_address(client, demo):
    query = f"area=&direction={demo.direction.pk}&status=planned&sort=-budget"
    response = client.get(f"/p/{demo.plan.slug}/projects/?{query}", headers={"HX-Request": "true"})
    html = response.content.decode()
    assert rows(response) == ["P003"]
    # Out of band: htmx puts it in place of the header's switch, which has the same id.
    assert html.count('id="language-switch"') == 1
    assert re.search(r'<form id="language-switch"[^>]*hx-swap-oob="true"', html)
    assert switch_targets(html) == {
        "it": f"/p/{demo.plan.slug}/projects/?{query}",
        "en": f"/en/p/{demo.plan.slug}/projects/?{query}",
    }
    assert 'name="csrfmiddlewaretoken"' in html


def test_project_rows_switch_leads_to_the_same_filters_in_the_other_language(client, demo):
    html = client.get(
        f"/en/p/{demo.plan.slug}/projects/?status=completed&page=1",
        headers={"HX-Request": "true"},
    ).content.decode()
    action = re.search(r'value="it" lang="it"\s+formaction="([^"]+)"', html).group(1)
    # Posted as the browser posts it: `next` stays encoded, its & included.
    response = client.post(action.replace("&amp;", "&"), {"language": "it"})
    assert response["Location"] == f"/p/{demo.plan.slug}/projects/?status=completed&page=1"
    italian = client.get(response["Location"])
    assert rows(italian) == ["P002"]
    assert '<option value="completed" selected>' in italian.content.decode()


def test_full_project_list_has_one_switch_and_none_out_of_band(client, demo):
    for headers in ({}, {"HX-Request": "true", "HX-History-Restore-Request": "true"}):
        html = client.get(
            f"/p/{demo.plan.slug}/projects/?status=completed", headers=headers
        ).content.decode()
        assert html.count('id="language-switch"') == 1
        assert "hx-swap-oob" not in html
        assert switch_targets(html)["en"] == f"/en/p/{demo.plan.slug}/projects/?status=completed"


def test_project_rows_switch_escapes_a_hostile_query(client, demo):
    response = client.get(
        f"/p/{demo.plan.slug}/projects/?q=%22%3E%3Cscript%3Ealert(1)%3C/script%3E",
        headers={"HX-Request": "true"},
    )
    html = response.content.decode()
    assert "<script>" not in html
    # The query stays percent-encoded inside `next`, as it was in the address.
    assert switch_targets(html)["en"] == (
        f"/en/p/{demo.plan.slug}/projects/?q=%22%3E%3Cscript%3Ealert(1)%3C/script%3E"
    )


# Home and the plan at a glance.


def test_home_shows_the_plan_in_force_at_a_glance(client, demo):
    text = page_text(client.get("/"))
    assert "Secondo piano strategico" in text
    assert "Visione Torino, città della conoscenza" in text
    assert "Meta-obiettivi ATTR Attrattività COMP Competitività" in text
    assert "TER Territorio metropolitano MOB Mobilità · 1 obiettivo" in text
    assert "CON Trasversale Conoscenza INN Innovazione diffusa Esempio · 1 obiettivo" in text
    assert (
        "1 area tematica e un'area trasversale 2 direzioni 2 obiettivi 3 progetti 2 attori coinvolti"
        in text
    )
    assert "aggiunto: P001 Metropolitana linea 2" in text
    assert "Piano precedente: Primo piano strategico (2000–2005)" in text


def test_home_in_english_under_en(client, demo):
    response = client.get("/en/")
    text = page_text(response)
    assert '<html lang="en">' in response.content.decode()
    assert "Second strategic plan" in text
    assert "Vision Turin, city of knowledge" in text
    assert "CON Transversal Knowledge INN Widespread innovation Example · 1 objective" in text
    assert (
        "1 thematic area and a transversal area 2 directions 2 objectives 3 projects 2 actors involved"
        in text
    )
    assert "Previous plan: First strategic plan (2000–2005)" in text


def test_home_lists_the_plans_when_none_is_in_force(client, demo):
    Plan.objects.filter(pk=demo.plan.pk).update(status=Plan.Status.DRAFT)
    text = page_text(client.get("/"))
    assert "Piani strategici" in text
    assert "Secondo piano strategico" in text and "Primo piano strategico" in text
    assert "Bozza" in text and "Concluso" in text


def test_home_lists_the_plans_when_two_in_force_share_the_latest_period(client, demo):
    Plan.objects.filter(pk=demo.previous.pk).update(
        status=Plan.Status.APPROVED,
        period_start=demo.plan.period_start,
        period_end=demo.plan.period_end,
    )
    text = page_text(client.get("/"))
    assert "Piani strategici" in text
    assert "Scegli un piano" in text


def test_plan_page_shows_any_plan_with_breadcrumbs(client, demo):
    text = page_text(client.get(f"/p/{demo.previous.slug}/"))
    assert "Home / Primo piano strategico" in text
    assert "Concluso" in text
    assert "L1 " in text


def test_unknown_plan_is_a_404_page_in_the_design(client, demo):
    response = client.get("/p/no-such-plan/")
    assert response.status_code == 404
    text = page_text(response)
    assert "Pagina non trovata" in text and "Vai alla pagina iniziale" in text
    english = client.get("/en/p/no-such-plan/")
    assert english.status_code == 404
    assert "Page not found" in page_text(english)


def test_server_error_page_needs_no_request_context():
    with translation.override("it"):
        response = server_error(RequestFactory().get("/"))
    assert response.status_code == 500
    html = response.content.decode()
    assert "Qualcosa è andato storto" in html
    assert "/static/vendor/bootstrap-italia/css/bootstrap-italia.min.css" in html


# Area, direction, objective.


def test_area_lists_its_directions_and_their_objectives(client, demo):
    text = page_text(client.get(f"/p/{demo.plan.slug}/areas/{demo.area.pk}/"))
    assert "Home / Secondo piano strategico / Territorio metropolitano" in text
    assert "Area tematica TER" in text
    assert "MOB Mobilità" in text and "MOB 1 Rete del trasporto pubblico" in text


def test_transversal_area_says_so_and_labels_examples(client, demo):
    text = page_text(client.get(f"/p/{demo.plan.slug}/areas/{demo.transversal.pk}/"))
    assert "Trasversale" in text
    assert "INN Innovazione diffusa Esempio" in text


def test_direction_lists_objectives_with_their_project_counts(client, demo):
    text = page_text(client.get(f"/p/{demo.plan.slug}/directions/{demo.direction.pk}/"))
    assert "Direzione MOB" in text
    assert "Area tematica: TER Territorio metropolitano" in text
    # MOB 1 is served by P001 (+3) and worked against by P002 (−2): two projects.
    assert "MOB 1 Rete del trasporto pubblico 2" in text


def test_objective_lists_projects_with_signed_strength_in_words(client, demo):
    response = client.get(f"/p/{demo.plan.slug}/objectives/{demo.objective.pk}/")
    text = page_text(response)
    assert "Meta-obiettivi a cui concorre COMP Competitività" in text
    assert "P001 Metropolitana linea 2 Esempio +3 lo serve fortemente" in text
    assert "P002 Incubatore di imprese −2 lo contrasta" in text
    assert text.index("+3 lo serve") < text.index("−2 lo contrasta")


def test_objective_in_english(client, demo):
    text = page_text(client.get(f"/en/p/{demo.plan.slug}/objectives/{demo.objective.pk}/"))
    assert "Public transport network" in text
    assert "+3 serves it strongly" in text and "−2 works against it" in text


def linked_codes(response) -> list[str]:
    """The codes of the projects a page's table links to, in the order shown."""
    return re.findall(r'href="(?:/en)?/p/[^/]+/projects/\d+/">(\S+) ', response.content.decode())


def test_objective_pages_its_projects_without_overlap(client, demo):
    grow_plan(demo, projects=60, actors=3)  # each grown project contributes to the objective
    url = f"/en/p/{demo.plan.slug}/objectives/{demo.objective.pk}/"
    pages = [client.get(f"{url}?page={number}") for number in (1, 2, 3)]
    codes = [linked_codes(page) for page in pages]
    assert [len(page) for page in codes] == [25, 25, 12]
    assert set(codes[0]).isdisjoint(codes[1])
    # Every contribution shows once over the pages, strongest first, then by code: the 20 grown
    # projects at +3 (B00002, B00005, …), then P001 (+3), …, and last P002 (−2).
    everything = [code for page in codes for code in page]
    assert sorted(everything) == sorted(["P001", "P002", *(f"B{n:05d}" for n in range(60))])
    assert everything[:21] == [*(f"B{n:05d}" for n in range(2, 60, 3)), "P001"]
    assert everything[-1] == "P002"
    assert "62 projects act on this objective, page 2 of 3" in page_text(pages[1])
    italian = page_text(client.get(f"/p/{demo.plan.slug}/objectives/{demo.objective.pk}/?page=3"))
    assert "62 progetti agiscono su questo obiettivo, pagina 3 di 3" in italian
    html = pages[1].content.decode()
    assert '<nav class="pagination-wrapper mt-4" aria-label="Pages">' in html
    assert 'href="?page=3#projects"' in html and 'href="?page=1#projects"' in html
    assert 'aria-current="page" href="?page=2#projects"' in html


@pytest.mark.parametrize(
    ("query", "shown"),
    [("page=abc", 1), ("page=-1", 3), ("page=99999", 3), ("page=", 1), ("page=2%3Cscript%3E", 1)],
)
def test_objective_page_number_that_is_not_a_page_shows_a_real_one(client, demo, query, shown):
    grow_plan(demo, projects=60, actors=3)
    response = client.get(f"/en/p/{demo.plan.slug}/objectives/{demo.objective.pk}/?{query}")
    assert response.status_code == 200
    assert f"page {shown} of 3" in page_text(response)
    assert "<script>" not in response.content.decode()


def test_objective_without_projects_says_so_without_pages(client, demo):
    objective = demo.example_direction.objectives.get()  # INN 1: only P002 acts on it
    objective.contributions.all().delete()
    html = client.get(f"/en/p/{demo.plan.slug}/objectives/{objective.pk}/").content.decode()
    assert "No project acts on this objective yet." in html
    assert 'class="results-summary"' not in html  # no "0 projects act on…"
    assert 'aria-label="Pages"' not in html


def test_part_of_another_plan_is_not_found_under_this_plan(client, demo):
    old_area = demo.old_action.direction.area
    assert client.get(f"/p/{demo.plan.slug}/areas/{old_area.pk}/").status_code == 404
    assert client.get(f"/p/{demo.plan.slug}/projects/{demo.old_action.pk}/").status_code == 404


@pytest.mark.parametrize("kind", ["areas", "directions", "objectives", "projects"])
def test_unknown_or_oversized_ids_are_404(client, demo, kind):
    assert client.get(f"/p/{demo.plan.slug}/{kind}/999999/").status_code == 404
    assert client.get(f"/p/{demo.plan.slug}/{kind}/99999999999999999999999/").status_code == 404
    assert client.get(f"/p/{demo.plan.slug}/{kind}/abc/").status_code == 404


# A project.


def test_project_page_shows_everything_about_it(client, demo):
    text = page_text(client.get(path(demo, demo.project)))
    assert "Progetto P001 Esempio Metropolitana linea 2 In corso" in text
    assert "Direzione MOB Mobilità Area tematica TER Territorio metropolitano" in text
    assert "Comune Torino" in text
    assert "Coordinate latitudine 45,070000, longitudine 7,686000" in text
    assert "Budget 1.500.000 €" in text
    assert "Date previste dal 01 Gennaio 2008 al 31 Dicembre 2018" in text
    assert "Prosegue A01 Passante ferroviario (un'azione del Primo piano strategico)" in text
    assert "Promotori Città di Torino Finanziatori Fondazione Esempio Esempio" in text
    assert "MOB 1 Rete del trasporto pubblico +3 lo serve fortemente" in text
    assert "P003 Piste ciclabili Esempio — può iniziare 30 giorni dopo la sua fine" in text


def test_project_lineage_links_to_the_previous_plans_action(client, demo):
    html = client.get(path(demo, demo.project)).content.decode()
    assert f'href="/p/{demo.previous.slug}/projects/{demo.old_action.pk}/"' in html


def test_project_page_in_english_formats_money_and_dates_for_english(client, demo):
    text = page_text(client.get("/en" + path(demo, demo.project)))
    assert "Project P001 Example Metro line 2 In progress" in text
    assert "Budget €1,500,000" in text
    assert "Planned dates from Jan. 1, 2008 to Dec. 31, 2018" in text
    assert "Promoters Città di Torino Funders Fondazione Esempio Example" in text


def test_budget_with_cents_keeps_them(client, demo):
    assert "250.000,50 €" in page_text(client.get(path(demo, demo.other_project)))
    assert "€250,000.50" in page_text(client.get("/en" + path(demo, demo.other_project)))


def test_english_page_falls_back_to_the_italian_title_when_english_is_empty(client, demo):
    response = client.get("/en" + path(demo, demo.untranslated_project))
    assert '<html lang="en">' in response.content.decode()
    assert "<h1>Piste ciclabili</h1>" in response.content.decode()
    assert "Status Planned" in page_text(response)


# The project list: filters, sorting, pagination, htmx.


def test_project_list_shows_every_project_with_its_facts(client, demo):
    response = client.get(f"/p/{demo.plan.slug}/projects/")
    text = page_text(response)
    assert rows(response) == ["P001", "P002", "P003"]
    assert "3 progetti trovati" in text
    assert (
        "P001 Metropolitana linea 2 Esempio In corso MOB Mobilità Torino Città di Torino 1.500.000 €"
        in text
    )
    assert response["Vary"] and "HX-Request" in response["Vary"]


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("area={transversal}", ["P002"]),
        ("direction={direction}", ["P001", "P003"]),
        ("status=completed", ["P002"]),
        ("municipality=001156", ["P002"]),
        ("promoter={actor}", ["P001"]),
        ("status=planned&area={area}", ["P003"]),
        ("status=abandoned", []),
    ],
)
def test_project_list_filters(client, demo, query, expected):
    query = query.format(
        transversal=demo.transversal.pk,
        direction=demo.direction.pk,
        actor=demo.actor.pk,
        area=demo.area.pk,
    )
    response = client.get(f"/p/{demo.plan.slug}/projects/?{query}")
    assert rows(response) == expected
    if not expected:
        assert "Nessun progetto corrisponde a questi filtri." in page_text(response)


@pytest.mark.parametrize(
    ("sort", "expected"),
    [
        ("code", ["P001", "P002", "P003"]),
        ("title", ["P002", "P001", "P003"]),  # Incubatore, Metropolitana, Piste
        ("status", ["P002", "P001", "P003"]),  # completed, in_progress, planned
    ],
)
def test_project_list_sorts(client, demo, sort, expected):
    assert rows(client.get(f"/p/{demo.plan.slug}/projects/?sort={sort}")) == expected


def test_project_list_sorts_by_budget_both_ways(client, demo):
    # P003 has no budget: where a database puts it differs, so only the other two are compared.
    ascending = [
        code
        for code in rows(client.get(f"/p/{demo.plan.slug}/projects/?sort=budget"))
        if code != "P003"
    ]
    descending = [
        code
        for code in rows(client.get(f"/p/{demo.plan.slug}/projects/?sort=-budget"))
        if code != "P003"
    ]
    assert ascending == ["P002", "P001"]
    assert descending == ["P001", "P002"]


@pytest.mark.parametrize(
    "query",
    [
        "area=notanumber",
        "area=99999999999999999999999",
        "direction=-1",
        "status=bogus",
        "municipality=zzz",
        "promoter=1.5",
        "sort=password",
        "page=abc",
        "page=-3",
        "page=99999",
        "area=&status=&page=",
    ],
)
def test_project_list_ignores_bad_parameters(client, demo, query):
    response = client.get(f"/p/{demo.plan.slug}/projects/?{query}")
    assert response.status_code == 200
    assert rows(response) == ["P001", "P002", "P003"]


def test_project_list_names_the_bad_filter_next_to_its_field(client, demo):
    html = client.get(f"/p/{demo.plan.slug}/projects/?status=bogus").content.decode()
    assert 'aria-invalid="true" aria-describedby="id_status_error"' in html
    assert re.search(
        r'id="id_status_error"[^>]*>Scegli un\'opzione valida\. bogus', html.replace("&#x27;", "'")
    )


def test_project_list_paginates_and_keeps_the_filters_in_page_links(client, demo):
    grow_plan(demo, projects=60, actors=3)
    everything = client.get(f"/p/{demo.plan.slug}/projects/")
    assert len(rows(everything)) == 25
    assert "63 progetti trovati, pagina 1 di 3" in page_text(everything)
    # The demo's P001 and P003 plus the 30 grown projects placed on MOB (every other one).
    mobility = client.get(f"/p/{demo.plan.slug}/projects/?direction={demo.direction.pk}&page=2")
    assert len(rows(mobility)) == 7
    assert "32 progetti trovati, pagina 2 di 2" in page_text(mobility)
    assert f'href="?direction={demo.direction.pk}&amp;page=1"' in mobility.content.decode()
    last = client.get(f"/p/{demo.plan.slug}/projects/?page=99999")
    assert len(rows(last)) == 13
    assert "pagina 3 di 3" in page_text(last)


def test_project_list_answers_htmx_with_the_rows_only(client, demo):
    response = client.get(
        f"/p/{demo.plan.slug}/projects/?status=completed", headers={"HX-Request": "true"}
    )
    html = response.content.decode()
    assert "<html" not in html and "<h1" not in html and 'id="project-filters"' not in html
    assert rows(response) == ["P002"]
    assert "1 progetto trovato" in page_text(response)
    assert "HX-Request" in response["Vary"]


def test_project_list_answers_an_htmx_history_restore_with_the_whole_page(client, demo):
    response = client.get(
        f"/p/{demo.plan.slug}/projects/",
        headers={"HX-Request": "true", "HX-History-Restore-Request": "true"},
    )
    assert "<html" in response.content.decode()
    assert "HX-Request" in response["Vary"]


def test_project_list_links_work_without_javascript(client, demo):
    grow_plan(demo, projects=30, actors=3)
    html = client.get(f"/p/{demo.plan.slug}/projects/").content.decode()
    form = re.search(r'<form id="project-filters"[^>]*>', html).group(0)
    assert 'method="get"' in form and f'action="/p/{demo.plan.slug}/projects/"' in form
    for link in re.findall(r"<a [^>]*hx-get=[^>]*>", html):
        href = re.search(r'href="([^"]+)"', link).group(1)
        assert re.search(r'hx-get="([^"]+)"', link).group(1) == href


# Search.


def test_search_finds_directions_objectives_and_projects(client, demo):
    text = page_text(client.get(f"/p/{demo.plan.slug}/search/?q=trasporto"))
    assert "1 risultato per «trasporto»" in text
    assert "Obiettivi MOB 1 Rete del trasporto pubblico — Mobilità" in text
    text = page_text(client.get(f"/p/{demo.plan.slug}/search/?q=mobilità"))
    assert "Direzioni MOB Mobilità — Territorio metropolitano" in text


def test_search_in_english_finds_english_words(client, demo):
    text = page_text(client.get(f"/en/p/{demo.plan.slug}/search/?q=incubator"))
    assert "1 result for “incubator”" in text
    assert "P002 Business incubator" in text


def test_search_with_nothing_found_says_so(client, demo):
    text = page_text(client.get(f"/p/{demo.plan.slug}/search/?q=zzzz"))
    assert "Nulla in questo piano corrisponde a «zzzz»." in text


def test_search_without_words_explains_itself(client, demo):
    text = page_text(client.get(f"/p/{demo.plan.slug}/search/"))
    assert "Scrivi una o più parole" in text


def test_search_refuses_an_oversized_query_with_a_message(client, demo):
    response = client.get(f"/p/{demo.plan.slug}/search/?q={'x' * 10_000}")
    assert response.status_code == 200
    text = page_text(response)
    assert "non contenga più di 200 caratteri (ne ha 10000)" in text
    assert "risultat" not in text


# Actors.


def test_actor_list_shows_actors_with_kind_and_example_label(client, demo):
    text = page_text(client.get("/actors/"))
    assert "2 attori trovati" in text
    assert "Città di Torino Comune Torino 1" in text
    assert "Fondazione Esempio Esempio Fondazione bancaria 2" in text


def test_actor_list_filters_by_kind_and_name(client, demo):
    text = page_text(client.get("/actors/?kind=municipality"))
    assert "1 attore trovato" in text and "Fondazione Esempio" not in text.split("trovato")[1]
    text = page_text(client.get("/actors/?q=fondazione"))
    assert "1 attore trovato" in text and "Città di Torino Comune" not in text


@pytest.mark.parametrize("query", ["kind=bogus", "page=abc", "page=99999", f"q={'y' * 10_000}"])
def test_actor_list_ignores_bad_parameters(client, demo, query):
    response = client.get(f"/actors/?{query}")
    assert response.status_code == 200
    assert "2 attori trovati" in page_text(response)


def test_actor_page_shows_its_projects_by_role(client, demo):
    text = page_text(client.get(path(demo, demo.actor)))
    assert "Comune Città di Torino" in text
    assert "Sito web https://www.comune.torino.it" in text
    assert "Socio dell'associazione del piano dal 09 Maggio 2000" in text
    assert "P001 Metropolitana linea 2 Esempio Promotore Secondo piano strategico" in text


def test_actor_page_in_english(client, demo):
    text = page_text(client.get("/en" + path(demo, demo.example_actor)))
    assert "Bank foundation Example Fondazione Esempio" in text
    assert "P002 Business incubator Promoter Second strategic plan" in text
    # Nothing is known of its membership: the page does not claim it is not a member.
    assert "Member of the plan's association None recorded" in text


def test_actor_page_pages_its_roles_without_overlap(client, demo):
    grow_plan(demo, projects=60, actors=3)  # the demo actor is a partner of each grown project
    url = f"/en/actors/{demo.actor.pk}/"
    pages = [client.get(f"{url}?page={number}") for number in (1, 2, 3)]
    codes = [linked_codes(page) for page in pages]
    assert [len(page) for page in codes] == [25, 25, 11]
    assert set(codes[0]).isdisjoint(codes[1])
    everything = [code for page in codes for code in page]
    # By plan, then project code: the grown B… projects come before the demo's P001.
    assert everything == [*(f"B{n:05d}" for n in range(60)), "P001"]
    assert "61 roles in projects, page 2 of 3" in page_text(pages[1])
    italian = page_text(client.get(f"/actors/{demo.actor.pk}/?page=3"))
    assert "61 ruoli nei progetti, pagina 3 di 3" in italian
    assert 'href="?page=3#projects"' in pages[1].content.decode()


@pytest.mark.parametrize(
    ("query", "shown"), [("page=abc", 1), ("page=0", 3), ("page=" + "9" * 30, 3)]
)
def test_actor_page_number_that_is_not_a_page_shows_a_real_one(client, demo, query, shown):
    grow_plan(demo, projects=60, actors=3)
    response = client.get(f"/en/actors/{demo.actor.pk}/?{query}")
    assert response.status_code == 200
    assert f"page {shown} of 3" in page_text(response)


def test_unknown_actor_is_404(client, demo):
    assert client.get("/actors/999999/").status_code == 404
    assert client.get("/actors/123456789012345678901234/").status_code == 404


def test_admin_stays_at_admin_in_italian(client, db):
    # The admin's login is allauth's (ordito/urls.py), so that staff give their second factor.
    response = client.get("/admin/login/", follow=True)
    assert response.redirect_chain == [("/accounts/login/?next=%2Fadmin%2Flogin%2F", 302)]
    html = response.content.decode()
    assert '<html lang="it"' in html
    assert "Password" in html


def test_quick_select_renders_escaped_options_and_marks_the_choice():
    from django import forms

    from ordito.core.widgets import QuickSelect

    class Form(forms.Form):
        pick = forms.ChoiceField(
            choices=[
                ("", "Any"),
                ('"><script>', "<b>x</b>"),
                ("Group", [("1", "one"), ("2", "two")]),
            ],
            widget=QuickSelect,
            required=False,
        )

    html = str(Form({"pick": "2"})["pick"])
    assert html.startswith('<select name="pick" id="id_pick">')
    assert '<option value="&quot;&gt;&lt;script&gt;">&lt;b&gt;x&lt;/b&gt;</option>' in html
    assert (
        '<optgroup label="Group"><option value="1">one</option><option value="2" selected>' in html
    )
    assert html.count(" selected") == 1


@pytest.mark.parametrize(
    ("thematic", "transversal", "italian", "english"),
    [
        (4, 1, "4 aree tematiche e un'area trasversale", "4 thematic areas and a transversal area"),
        (2, 2, "2 aree tematiche e 2 aree trasversali", "2 thematic areas and 2 transversal areas"),
        (3, 0, "3 aree tematiche 1 direzione", "3 thematic areas 1 direction"),
    ],
)
def test_plan_in_numbers_counts_the_transversal_areas_apart(
    client, demo, thematic, transversal, italian, english
):
    # The sample plan has one thematic and one transversal area.
    for n in range(thematic - 1):
        AreaFactory(plan=demo.plan, kind="thematic", code=f"T{n}")
    if transversal == 0:
        demo.transversal.directions.all().delete()
        demo.transversal.delete()
    for n in range(transversal - 1):
        AreaFactory(plan=demo.plan, kind="transversal", code=f"X{n}")
    assert italian in page_text(client.get("/"))
    assert english in page_text(client.get("/en/"))

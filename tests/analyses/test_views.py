"""The analyses' pages: the index, the MICMAC page, its downloads; escaping and query counts."""

import csv
import io
import json
import re

import openpyxl
import pytest
from django.core.cache import cache

from tests.analyses.conftest import HOSTILE, analysis_plan_build
from tests.plans.factories import ObjectiveFactory, PlanFactory, ProjectFactory
from tests.web.conftest import page_text

PAGE = "/p/analisi/analyses/micmac/"
# plan, the influences, the objectives' codes (the result); the same two again (the heat map's
# matrix) and the objectives' titles. A page served from the cache reads the plan alone.
COLD_QUERIES = 6
CACHED_QUERIES = 1


def payload(response) -> dict:
    match = re.search(
        r'<script id="micmac-data" type="application/json">(.*?)</script>',
        response.content.decode(),
        re.S,
    )
    assert match, "no chart data on the page"
    return json.loads(match.group(1))


def test_plan_page_links_the_analyses(client, analysis_plan):
    page = client.get("/p/analisi/").content.decode()
    panel = page[page.index('<section class="mt-5" aria-labelledby="analyses-panel-heading">') :]
    panel = panel[: panel.index("</section>")]
    assert '<h2 id="analyses-panel-heading">Analisi</h2>' in panel
    assert (
        '<a class="btn btn-outline-primary" href="/p/analisi/analyses/">Tutte le analisi</a>'
        in (panel)
    )


def test_index_lists_every_analysis_with_its_json(client, analysis_plan):
    response = client.get("/en/p/analisi/analyses/")
    text = page_text(response)
    assert response.status_code == 200
    for name in ("micmac", "mactor", "mcda", "smaa", "cpm", "network", "coherence"):
        assert f'href="/api/v1/plans/analisi/analyses/{name}"' in response.content.decode()
    assert 'href="/en/p/analisi/analyses/micmac/"' in response.content.decode()
    assert "Structural analysis (MICMAC)" in text


def test_index_of_an_unknown_plan_is_404(client, db):
    assert client.get("/p/nessuno/analyses/").status_code == 404


def test_micmac_reading_states_its_numbers(client, analysis_plan):
    result = client.get("/api/v1/plans/analisi/analyses/micmac").json()
    response = client.get("/en" + PAGE)
    text = page_text(response)
    dependence = result["direct_dependence"]
    most = max(dependence, key=lambda code: (dependence[code], code))
    assert f"{most} is the most dependent objective (direct dependence {dependence[most]})." in text
    assert "The matrix links 4 objectives." in text
    drivers = [code for code, sector in result["sectors"].items() if sector == "influent"]
    for code in drivers:
        assert f"{code} ({result['direct_influence'][code]})" in text


def test_micmac_reading_in_italian(client, analysis_plan):
    text = page_text(client.get(PAGE))
    assert "La matrice collega 4 obiettivi." in text
    assert "è l'obiettivo più dipendente" in text


def test_micmac_table_has_every_objective_with_its_sums(client, analysis_plan):
    result = client.get("/api/v1/plans/analisi/analyses/micmac").json()
    html = client.get("/en" + PAGE).content.decode()
    for code in result["variables"]:
        row = re.search(rf'<th scope="row">{code} .*?</tr>', html, re.S).group(0)
        cells = re.findall(r"<td>(.*?)</td>", row)
        assert cells[0] == str(result["direct_influence"][code])
        assert cells[1] == str(result["direct_dependence"][code])


def test_micmac_escapes_html_titles_in_tables_and_chart_data(client, analysis_plan):
    response = client.get(PAGE)
    html = response.content.decode()
    assert "<script>alert" not in html
    assert "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;&lt;b&gt;Mobilità&lt;/b&gt;" in html
    data = payload(response)
    # json_script writes < and > as \u003C and \u003E; the data still holds the title as text.
    assert data["direct"]["points"][0][3] == HOSTILE
    assert "\\u003Cscript\\u003E" in html


def test_micmac_chart_data_matches_the_result(client, analysis_plan):
    result = client.get("/api/v1/plans/analisi/analyses/micmac").json()
    data = payload(client.get(PAGE))
    points = {p[2]: p for p in data["direct"]["points"]}
    for code in result["variables"]:
        assert points[code][0] == result["direct_dependence"][code]
        assert points[code][1] == result["direct_influence"][code]
        assert points[code][4] == result["sectors"][code]
    shares = [p[1] for p in data["indirect"]["points"]]
    assert sum(shares) == pytest.approx(100, abs=0.05)
    cells = {(c[1], c[0]): (c[2], c[3]) for c in data["heatmap"]["cells"]}
    codes = data["heatmap"]["codes"]
    for source, target, strength, potential in analysis_plan.influences:
        assert cells[codes.index(source), codes.index(target)] == (strength, potential)
    assert len(cells) == len(analysis_plan.influences)


def test_micmac_page_shows_how_to_reproduce_it(client, analysis_plan):
    text = page_text(client.get("/en" + PAGE))
    assert "ordito export analysis analisi micmac --dir micmac" in text
    assert "ordito analyze micmac micmac/influences.csv" in text


def test_micmac_page_of_a_plan_without_influences_says_so(client, db):
    PlanFactory(slug="vuoto")
    response = client.get("/en/p/vuoto/analyses/micmac/")
    assert response.status_code == 200
    assert "The plan has no influences between objectives" in page_text(response)
    assert 'id="micmac-data"' not in response.content.decode()


def test_micmac_downloads(client, analysis_plan):
    result = client.get("/api/v1/plans/analisi/analyses/micmac").json()
    as_json = client.get(PAGE + "result.json")
    assert as_json.json() == result
    assert as_json["Content-Disposition"] == 'attachment; filename="analisi-micmac.json"'
    as_csv = client.get(PAGE + "result.csv")
    rows = list(csv.DictReader(io.StringIO(as_csv.content.decode())))
    assert [row["objective"] for row in rows] == result["variables"]
    for row in rows:
        assert int(row["direct_influence"]) == result["direct_influence"][row["objective"]]
        assert row["indirect_sector"] == result["indirect_sectors"][row["objective"]]
    as_xlsx = client.get(PAGE + "result.xlsx")
    workbook = openpyxl.load_workbook(io.BytesIO(as_xlsx.content), read_only=True)
    headers = [next(iter(sheet.iter_rows(values_only=True))) for sheet in workbook.worksheets]
    per_objective = next(h for h in headers if "direct_influence" in h)
    assert {"indirect_influence", "sectors", "indirect_sectors"} <= set(per_objective)
    assert client.get(PAGE + "result.exe").status_code == 404


@pytest.mark.parametrize("size", [1, 6])
def test_micmac_page_queries_are_constant(client, db, size, django_assert_num_queries):
    built = analysis_plan_build(size=size, slug="analisi")
    cache.clear()
    with django_assert_num_queries(COLD_QUERIES):
        cold = client.get(PAGE)
    with django_assert_num_queries(CACHED_QUERIES):
        warm = client.get(PAGE)
    assert cold.status_code == warm.status_code == 200
    assert len(payload(warm)["direct"]["points"]) == len(built.objectives)


COHERENCE = "/p/analisi/analyses/coherence/"


def coherence_payload(response) -> dict:
    match = re.search(
        r'<script id="coherence-data" type="application/json">(.*?)</script>',
        response.content.decode(),
        re.S,
    )
    assert match, "no chart data on the page"
    return json.loads(match.group(1))


def test_coherence_page_reads_and_lists_the_checks(client, analysis_plan):
    direction = analysis_plan.objectives[0].direction
    ObjectiveFactory(direction=direction, code="OB999", order=999)
    ProjectFactory(direction=direction, code="PR999")
    result = client.get("/api/v1/plans/analisi/analyses/coherence").json()
    response = client.get("/en" + COHERENCE)
    text = page_text(response)
    contributions = sum(p.contributions.count() for p in analysis_plan.projects)
    assert f"{contributions} contributions link 6 projects and 5 objectives." in text
    assert "1 objective is served by no project: OB999." in text
    assert "1 project serves no objective: PR999." in text
    for conflict in result["conflicts"]:
        positive, negative = len(conflict["positive"]), len(conflict["negative"])
        assert f"{conflict['objective']} ({positive} for, {negative} against)" in text
    html = response.content.decode()
    assert '<p id="unserved">OB999</p>' in html
    assert '<p id="idle-projects">PR999</p>' in html


def test_coherence_chart_data_is_every_contribution(client, analysis_plan):
    data = coherence_payload(client.get(COHERENCE))
    heat = data["heatmap"]
    cells = {(heat["projects"][c[1]], heat["objectives"][c[0]]): c[2] for c in heat["cells"]}
    expected = {
        (c.project.code, c.objective.code): c.strength
        for p in analysis_plan.projects
        for c in p.contributions.all()
    }
    assert cells == expected


def test_coherence_escapes_html_titles(client, analysis_plan):
    html = client.get(COHERENCE).content.decode()
    assert "<script>alert" not in html
    assert "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;" in html


def test_coherence_csv_lists_every_finding(client, analysis_plan):
    result = client.get("/api/v1/plans/analisi/analyses/coherence").json()
    rows = list(csv.DictReader(io.StringIO(client.get(COHERENCE + "result.csv").content.decode())))
    conflicts = [row for row in rows if row["check"] == "conflict"]
    assert [row["id"] for row in conflicts] == [c["objective"] for c in result["conflicts"]]
    for row, conflict in zip(conflicts, result["conflicts"], strict=True):
        assert row["serving_projects"].split(";") == conflict["positive"]
        assert row["hindering_projects"].split(";") == conflict["negative"]


def test_download_of_an_analysis_without_a_page_is_404(client, analysis_plan):
    assert client.get("/p/analisi/analyses/mactor/result.csv").status_code == 404


@pytest.mark.parametrize("size", [1, 6])
def test_coherence_page_queries_are_constant(client, db, size, django_assert_num_queries):
    analysis_plan_build(size=size, slug="analisi")
    cache.clear()
    # plan, objectives, projects, contributions (the result); the same three again (the
    # table and the heat map) and the objectives' titles.
    with django_assert_num_queries(8):
        client.get(COHERENCE)
    with django_assert_num_queries(CACHED_QUERIES):
        assert client.get(COHERENCE).status_code == 200

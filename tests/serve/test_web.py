"""End-to-end: the web app in headless Chromium (Debian's ``chromium``, driven by Playwright)
over a store of the two sample articles, one hostile article and the five short articles of
``tests/fixtures/aleppo_market.jsonl`` (four of them report one air strike on a market in
Aleppo, with different death tolls; one is a syndicated copy). Each page's screenshot is
written to ``.artifacts/screenshots/`` (or ``$WIRESCOPE_ARTIFACTS``).

``.ci/run`` installs Chromium and sets ``WIRESCOPE_REQUIRE_BROWSER=1``, so there a missing
browser fails instead of skipping."""

from __future__ import annotations

import datetime as dt
import os
import shutil
import socket
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from tests.factories import claims_record
from wirescope.cli.main import cli
from wirescope.pipeline import Pipeline
from wirescope.records import Document, DocumentRecord
from wirescope.serve.api import WEB_DIR, Server, create_app
from wirescope.store import SQLiteStore

REQUIRED = os.environ.get("WIRESCOPE_REQUIRE_BROWSER") == "1"
ARTIFACTS = Path(os.environ.get("WIRESCOPE_ARTIFACTS", Path(__file__).parents[2] / ".artifacts"))
CHROMIUM_ARGS = [
    "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-sync",
    "--disable-background-networking", "--disable-component-update",
]
SAMPLE_002 = "002_78a8e296ec90cd12"
ALEPPO_FIXTURE = Path(__file__).parents[1] / "fixtures" / "aleppo_market.jsonl"
MARKET_REPORTS = {"aleppo-reuters", "aleppo-sana", "aleppo-afp", "aleppo-reuters-copy"}
GENERATED = 150  # generated documents of three claims each (tests.factories.claims_record)
TALLY_ID = "tally-1"
TALLY_TEXT = ("Russian strikes in Syria\n\nThe Russian Defence Ministry said on Friday that 2,500 "
              "militants have been eliminated since September 30.")
HOSTILE_ID = "hostile-1"
HOSTILE_TEXT = (
    "Militants attacked <script>window.__pwned = 1</script> a checkpoint in Aleppo on Friday, "
    "killing 3 soldiers. <img src=x onerror=\"window.__pwned = 2\"> "
    "\"We did it <svg onload=window.__pwned=3>,\" the commander said."
)


def _missing(reason: str) -> None:
    if REQUIRED:
        pytest.fail(f"{reason} (WIRESCOPE_REQUIRE_BROWSER=1)")
    pytest.skip(reason)


@pytest.fixture(scope="module")
def web_db(tmp_path_factory: pytest.TempPathFactory, pipeline: Pipeline,
           samples_dir: Path) -> Path:
    """The demo store (`wirescope demo`), plus one hostile article and the Aleppo market
    articles (their incidents: none of them joins an incident of the demo articles)."""
    path = tmp_path_factory.mktemp("web") / "demo.db"
    result = CliRunner().invoke(cli, ["demo", "--db", str(path)])
    assert result.exit_code == 0, result.output
    store = SQLiteStore.open(path)
    hostile = Document(id=HOSTILE_ID, text=HOSTILE_TEXT, title="<img src=x onerror=alert(1)>",
                       origin="test")
    tally = Document(id=TALLY_ID, text=TALLY_TEXT, title="Russian strikes in Syria",
                     published=dt.date(2016, 6, 3), origin="test")
    for record in pipeline.run([hostile, tally]):
        assert isinstance(record, DocumentRecord), record
        store.put(record, signature="test", run_id=None)
    for n in range(GENERATED):  # a prolific speaker: 450 claims, more than a board's page
        store.put(claims_record(n), signature="test", run_id=None, link=False)
    store.close()
    result = CliRunner().invoke(cli, ["--db", str(path), "ingest", str(ALEPPO_FIXTURE)])
    assert result.exit_code == 0, result.output
    return path


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port: int = s.getsockname()[1]
        return port


@pytest.fixture(scope="module")
def base_url(web_db: Path) -> Iterator[str]:
    import uvicorn

    if not (WEB_DIR / "vendor" / "leaflet.js").exists():
        _missing("front-end libraries not built: run `make web`")
    port = _free_port()
    server = uvicorn.Server(uvicorn.Config(create_app(Server(db=web_db)), host="127.0.0.1",
                                           port=port, log_level="warning"))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 20
    while not server.started:
        if time.monotonic() > deadline:
            raise RuntimeError("the test server did not start")
        time.sleep(0.05)
    yield f"http://127.0.0.1:{port}"
    server.should_exit = True
    thread.join(timeout=10)


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    executable = os.environ.get("WIRESCOPE_CHROMIUM") or shutil.which("chromium")
    if executable is None:
        _missing("no chromium on PATH: install Debian's chromium (make browser)")
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        _missing("playwright is not installed (pip install -e '.[dev]')")
    with sync_playwright() as p:
        launched = p.chromium.launch(executable_path=executable, args=CHROMIUM_ARGS)
        yield launched
        launched.close()


@pytest.fixture()
def page(browser: Any, base_url: str) -> Iterator[Any]:
    context = browser.new_context(viewport={"width": 1400, "height": 1000},
                                  base_url=base_url)
    opened = context.new_page()
    problems: list[str] = []
    opened.on("pageerror", lambda error: problems.append(f"page error: {error}"))
    opened.on("dialog", lambda dialog: (problems.append(f"dialog: {dialog.message}"),
                                        dialog.dismiss()))
    # Fully offline: every request goes to the server itself (no CDN, no tile server).
    opened.on("request", lambda request: None if request.url.startswith((base_url, "data:"))
              else problems.append(f"external request: {request.url}"))
    yield opened
    context.close()
    assert not problems, problems


def _screenshot(page: Any, name: str) -> None:
    folder = ARTIFACTS / "screenshots"
    folder.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(folder / f"{name}.png"), full_page=True)


def _joined(page: Any, selector: str) -> str:
    """The text of the highlighted pieces matching ``selector``, in order, as written."""
    text: str = page.eval_on_selector_all(
        selector, "els => els.map(e => e.textContent).join('')")
    return text


def test_web_search_read_click_and_locate_the_oil_site_strike(page: Any) -> None:
    # Search "Rudskoy": sample 002 is the one match.
    page.goto("/")
    page.wait_for_selector("#documents .document")  # the list before searching
    page.fill("#search", "Rudskoy")
    page.press("#search", "Enter")
    page.wait_for_selector("#documents .document mark")  # only search hits have snippets
    results = page.locator("#documents .document")
    assert results.count() == 1
    assert results.first.get_attribute("data-id") == SAMPLE_002
    assert "Rudskoy" in page.locator("#documents mark").first.inner_text()
    _screenshot(page, "1-search")

    # Open it: the claims are highlighted, Rudskoy's words among them.
    page.click("#documents .doc-link")
    page.wait_for_selector("#article .hl-claim")
    claimed = _joined(page, "#article .hl-claim")
    assert "we have increased airstrikes against illegal oil production sites" in claimed
    assert page.locator("#article .hl-event").count() >= 10
    assert page.locator("#article .hl-place", has_text="Damascus").count() >= 1
    _screenshot(page, "2-reader")

    # Click the oil-site air strike: the panel explains it.
    strike = page.locator("#article .hl-event", has_text="airstrikes").first
    strike.click()
    details = page.locator("#details")
    assert "Air/drone strike" in details.inner_text()
    # ... and says which rule typed it, in a coder's words
    assert "typed by\tsense:air_strike — the trigger word's sense (air_strike)" in (
        details.inner_text())
    assert "Syria (country" in details.inner_text()
    assert "events.rules.v1" in details.inner_text()
    assert "2016-05-20" in details.inner_text()  # "since May 20", from the publication date
    assert "claimed by\tSergei Rudskoy (said)" in details.inner_text()

    # A time inside the claim says whose claim holds it.
    page.locator("#article .hl-time", has_text="May 20").first.click()
    assert "2016-05-20" in details.inner_text()
    assert "in the claim of\tSergei Rudskoy" in details.inner_text()
    strike.click()

    # Its marker on the map and its row on the timeline.
    page.click("#show-on-map")
    page.wait_for_selector("#map path.ev-marker.selected")
    page.wait_for_selector("#timeline rect.tl-item.selected")
    selected_row = page.locator("#events-table tr.selected")
    assert selected_row.count() == 1
    assert "illegal oil production sites" in selected_row.inner_text()
    marker = page.locator("#map path.ev-marker.selected")
    assert marker.get_attribute("data-key") == f"{SAMPLE_002}/ev1"
    assert page.locator("#timeline rect.tl-item.selected").get_attribute("data-key") == (
        f"{SAMPLE_002}/ev1")
    page.wait_for_timeout(300)  # the basemap's outlines
    assert page.locator("#map .leaflet-overlay-pane path").count() > 100  # countries drawn
    _screenshot(page, "3-events")

    # The row links to its sentence in the article.
    selected_row.locator("a.to-sentence").click()
    page.wait_for_selector("#article .hl-focus")
    focus = _joined(page, "#article .hl-focus")
    assert focus.startswith("Russian warplanes have increased airstrikes")


def test_web_claims_board_groups_by_speaker(page: Any) -> None:
    page.goto("/#/claims?speaker=Rudskoy")
    page.wait_for_selector("#claims-board .speaker")
    board = page.locator('#claims-board .speaker[data-speaker="kb-sergei-rudskoy"]')
    assert board.count() == 1
    assert board.locator(".claim").count() >= 12
    assert "Air/drone strike" in board.inner_text()
    _screenshot(page, "4-claims")


def test_web_claims_board_pages_to_the_last_claim(page: Any) -> None:
    page.goto("/#/claims?speaker=ent-minister&order=date")
    page.wait_for_selector("#claims-board .speaker")
    assert f"{GENERATED * 3} claims" in page.inner_text("#view")
    first_days = page.locator("#claims-board time").all_inner_texts()[:3]
    assert first_days == ["2016-01-01 · "] * 3  # in order of day, each with its day
    page.click(".pager a.last")
    page.wait_for_selector(f'#claims-board a[href="#/doc/gen-{GENERATED - 1:03d}"]')
    assert page.locator(".pager a.next").count() == 0
    page.click(".pager a.previous")
    page.wait_for_selector(".pager a.next")
    assert page.locator(f'#claims-board a[href="#/doc/gen-{GENERATED - 1:03d}"]').count() == 0


def test_web_figures_chart_each_series_and_follow_a_point(page: Any) -> None:
    page.goto("/#/figures?speaker=Rudskoy")
    page.wait_for_selector("#figure-series .series")
    series = page.locator("#figure-series .series")
    assert sorted(series.evaluate_all("els => els.map(e => e.dataset.measure)")) == [
        "armed groups joined the ceasefire", "settlements joined the reconciliation"]
    assert page.locator("#figure-series .series canvas").count() == 2  # a chart each
    _screenshot(page, "6-figures")
    # a click on a chart's point opens its sentence
    chart = page.locator('#figure-series .series[data-measure="armed groups joined the '
                         'ceasefire"] .u-over')
    box = chart.bounding_box()
    assert box is not None
    page.mouse.move(box["x"] + box["width"] / 2, box["y"] + box["height"] / 2)
    page.mouse.click(box["x"] + box["width"] / 2, box["y"] + box["height"] / 2)
    page.wait_for_selector("#article .hl-focus")
    assert "Sixty armed groups" in _joined(page, "#article .hl-focus")
    page.goto("/#/figures?measure=fighters%20elim")
    page.wait_for_selector("#figure-series .series")
    check = page.locator("#figure-series .flag.holds")
    assert "28,000 of 80,000 is 35.0 %" in check.inner_text()
    page.locator("#figure-series a.to-sentence").first.click()
    page.wait_for_selector("#article .hl-focus")
    assert "of whom 28,000 (35 percent)" in _joined(page, "#article .hl-focus")


def test_web_report_of_aleppo_in_november_follows_a_citation(page: Any) -> None:
    page.goto("/#/incidents?place=Aleppo&date_from=2016-11-01&date_to=2016-11-30")
    page.wait_for_selector("#incidents-table tbody tr")
    href = page.get_attribute("#report-link", "href")
    assert href is not None and href.startswith("/report?")
    page.goto(href)
    page.wait_for_selector("#summary")
    summary = page.inner_text("#summary")
    assert "killed by the conservative figure" in summary and "independent sources" in summary
    assert page.locator("#map circle.incident").count() >= 1
    assert page.locator("#timeline rect.day").count() >= 1
    market = page.locator("section.incident", has_text="Sukkari")
    assert market.locator("li.claim", has_text="a source at Aleppo Police Command").count() == 1
    _screenshot(page, "7-report")
    market.locator("li.claim", has_text="a source at Aleppo Police Command").locator(
        "a.citation").click()
    page.wait_for_selector("#article .hl-focus")
    assert "Eight civilians were killed" in _joined(page, "#article .hl-focus")


def test_web_events_filters_by_place(page: Any) -> None:
    page.goto("/#/events")
    page.wait_for_selector("#events-table tbody tr")
    everything = page.locator("#events-table tbody tr").count()
    page.fill("#event-filters input[name=place]", "Damascus")
    page.click("#event-filters button[type=submit]")
    page.wait_for_function(
        "n => { const k = document.querySelectorAll('#events-table tbody tr').length;"
        " return k > 0 && k < n; }", arg=everything)
    rows = page.locator("#events-table tbody tr")
    assert rows.count() >= 2
    assert all("Damascus" in text for text in rows.all_inner_texts())


def test_web_directory_links_actors_to_their_events(page: Any) -> None:
    page.goto("/#/directory?q=Rudskoy")
    page.wait_for_selector("#actors-table tbody tr")
    row = page.locator('#actors-table tr[data-id="kb-sergei-rudskoy"]')
    assert row.count() == 1
    row.locator("a", has_text="claims").click()
    page.wait_for_selector("#claims-board .speaker")
    assert page.locator('#claims-board .speaker[data-speaker="kb-sergei-rudskoy"]').count() == 1
    page.goto("/#/directory?q=Damascus")
    page.wait_for_selector("#places-table tbody tr")
    page.locator("#places-table tbody tr").first.locator("a", has_text="events").click()
    page.wait_for_selector("#events-table tbody tr")
    rows = page.locator("#events-table tbody tr").all_inner_texts()
    assert rows and all("Damascus" in text for text in rows)
    _screenshot(page, "6-directory")


def test_web_api_docs_load_offline(page: Any) -> None:
    page.goto("/api/docs")
    page.wait_for_selector(".swagger-ui .opblock")
    assert page.locator(".swagger-ui .opblock", has_text="/api/events").count() >= 1
    _screenshot(page, "7-api-docs")


def test_web_hostile_article_renders_inert(page: Any) -> None:
    page.goto("/#/?q=Militants")
    page.wait_for_selector("#documents .document")
    page.goto(f"/#/doc/{HOSTILE_ID}")
    page.wait_for_selector("#article .hl")
    article = page.locator("#article")
    assert "<script>window.__pwned = 1</script>" in article.inner_text()
    assert 'onerror="window.__pwned = 2"' in article.inner_text()
    assert page.locator("#doc-title").inner_text() == "<img src=x onerror=alert(1)>"
    for tag in ("script", "img", "svg"):
        assert page.locator(f"#view {tag}").count() == 0, tag
    page.locator("#article .hl").first.click()
    assert page.evaluate("typeof window.__pwned") == "undefined"
    _screenshot(page, "5-hostile")


def _market_incident(page: Any) -> dict[str, Any]:
    """The Aleppo market air strike as ``/api/incidents/<id>`` serves it (its id is derived
    from its reports, so it is looked up through one of them)."""
    found = page.request.get("/api/incidents?document=aleppo-sana")
    assert found.ok, found.text()
    items = found.json()["items"]
    assert len(items) == 1, items
    detail = page.request.get(f"/api/incidents/{items[0]['id']}")
    assert detail.ok, detail.text()
    incident: dict[str, Any] = detail.json()
    assert {r["document"] for r in incident["reports"]} == MARKET_REPORTS
    return incident


def _shown(value: float) -> str:
    """A number as the page writes it (JavaScript's ``String``: 12.0 is "12")."""
    return str(int(value)) if float(value).is_integer() else str(value)


def test_web_incidents_list_the_aleppo_market_strike(page: Any) -> None:
    incident = _market_incident(page)
    key = incident["id"]
    page.goto("/")
    page.click("nav a[data-nav=incidents]")
    page.wait_for_selector("#incidents-table tbody tr")
    row = page.locator(f'#incidents-table tr[data-id="{key}"]')
    assert row.count() == 1
    assert "Air/drone strike" in row.inner_text()
    assert "Sukkari, Aleppo" in row.inner_text()
    assert row.locator(".grade").inner_text() == "contested"
    assert row.locator("td.sources").inner_text() == "4 documents / 3 independent"
    killed = incident["figures"]["killed"]
    assert row.locator("td.killed").inner_text() == (
        f"{_shown(killed['best'])} ({_shown(killed['low'])}–{_shown(killed['high'])})")
    assert row.locator("td.contradictions").inner_text() == str(len(incident["contradictions"]))

    # On the map and the timeline; picking it on the timeline selects its row and marker.
    page.wait_for_selector(f'#incidents-map path.inc-marker[data-id="{key}"]')
    page.locator(f'#incidents-timeline rect.tl-item[data-id="{key}"]').click()
    assert page.locator("#incidents-table tr.selected").get_attribute("data-id") == key
    page.wait_for_selector(f'#incidents-map path.inc-marker.selected[data-id="{key}"]')
    page.wait_for_timeout(300)  # the basemap's outlines
    _screenshot(page, "8-incidents")

    # Filters: place and date range keep it; another grade drops it.
    page.fill("#incident-filters input[name=place]", "Aleppo")
    page.fill("#incident-filters input[name=date_from]", "2016-11-01")
    page.fill("#incident-filters input[name=date_to]", "2016-11-30")
    page.click("#incident-filters button[type=submit]")
    page.wait_for_function(
        "() => location.hash.includes('date_to=2016-11-30')"
        " && document.querySelectorAll('#incidents-table tbody tr').length === 1")
    assert page.locator("#incidents-table tbody tr").get_attribute("data-id") == key
    page.select_option("#incident-filters select[name=grade]", "single")
    page.click("#incident-filters button[type=submit]")
    page.wait_for_function(  # the view drawn anew: its form holds the grade as chosen
        "() => document.querySelector('#incident-filters option[value=single][selected]')")
    assert page.locator(f'#incidents-table tr[data-id="{key}"]').count() == 0


def test_web_incident_page_sets_reports_side_by_side(page: Any) -> None:
    incident = _market_incident(page)
    page.goto(f"/#/incident/{incident['id']}")
    page.wait_for_selector("#reports .report")
    assert page.locator("#incident-sources").inner_text() == (
        "4 documents / 3 independent origins")
    assert page.locator("#incident-head .grade").inner_text() == "contested"
    assert "Sukkari" in page.locator("#incident-title").inner_text()

    # One card per report, in one row.
    cards = page.locator("#reports .report")
    assert cards.count() == len(incident["reports"]) >= 3
    assert {cards.nth(i).get_attribute("data-document") for i in range(cards.count())} == (
        MARKET_REPORTS)
    boxes = [cards.nth(i).bounding_box() for i in range(3)]
    assert boxes[0]["y"] == boxes[1]["y"] == boxes[2]["y"]
    assert boxes[0]["x"] + boxes[0]["width"] <= boxes[1]["x"]
    assert boxes[1]["x"] + boxes[1]["width"] <= boxes[2]["x"]
    sana = page.locator('#reports .report[data-document="aleppo-sana"]')
    assert "SANA" in sana.locator("h3").inner_text()
    assert _joined(page, '#reports .report[data-document="aleppo-sana"] .mark-killed') == (
        "Eight civilians")
    assert sana.locator(".report-sentence.main .mark-trigger").count() >= 1

    # The killed row: low / best / high / conservative as the API has them.
    killed = incident["figures"]["killed"]
    row = page.locator('#figures tr[data-field="killed"]')
    for col in ("low", "best", "high", "conservative"):
        assert row.locator(f'td[data-col="{col}"]').inner_text() == _shown(killed[col]), col
    claims = page.locator('#figures .figure-claims[data-field="killed"] .claim-item')
    assert claims.count() == len(killed["claims"])
    police = claims.filter(has_text="Eight civilians")
    assert police.count() == 1
    assert police.get_attribute("data-document") == "aleppo-sana"
    assert police.locator(".claimant").inner_text() == "a source at Aleppo Police Command"
    assert police.locator(".claim-text").inner_text() == "Eight civilians"
    assert any(c["text"] == "Eight civilians" and c["document"] == "aleppo-sana"
               for c in killed["claims"])

    # The contradiction on the number killed, with every side's claim.
    expected = [c for c in incident["contradictions"] if c["field"] == "killed"]
    assert expected
    shown = page.locator('#contradictions .contradiction[data-field="killed"]')
    assert shown.count() == len(expected)
    assert shown.first.get_attribute("data-kind") == expected[0]["kind"]
    assert expected[0]["kind"] in shown.first.locator("h3").inner_text()
    assert shown.first.locator(".claim-item").count() == len(expected[0]["claims"])
    assert "Eight civilians" in shown.first.inner_text()
    _screenshot(page, "9-incident")

    # A claim links to its sentence in the article.
    police.locator("a.to-reader").click()
    page.wait_for_selector("#article .hl-focus")
    assert _joined(page, "#article .hl-focus").startswith("Aleppo, SANA - Eight civilians")


def test_web_reader_shows_a_running_total_and_follows_its_claimant(page: Any) -> None:
    """A tally (a running total, no incident) is highlighted apart from the events, explained
    with its numbers and claimant, and leads to that claimant's figures."""
    page.goto(f"/#/doc/{TALLY_ID}")
    page.wait_for_selector("#article .hl-tally")
    assert "Running totals (1)" in page.locator(".legend").inner_text()
    assert _joined(page, "#article .hl-tally") == "eliminated"
    page.locator("#article .hl-tally").first.click()
    details = page.locator("#details").inner_text()
    assert "running total" in details and "counted in no incident" in details
    assert "2500 killed (combatants) — 2,500 militants" in details
    assert "Ministry of Defence of Russia (said)" in details
    page.click("#details #to-figures")
    page.wait_for_selector("#figure-series .series")
    assert "fighters eliminated" in page.locator("#figure-series .series").evaluate_all(
        "els => els.map(e => e.dataset.measure)")
    assert "2,500" in page.locator(
        '#figure-series .series[data-measure="fighters eliminated"]').inner_text()


def test_web_reader_links_an_event_to_its_incident(page: Any) -> None:
    incident = _market_incident(page)
    page.goto("/#/doc/aleppo-sana")
    page.wait_for_selector("#article .hl-event")
    assert page.locator(".reader-head a", has_text="Incidents it reports (1)").count() == 1
    page.locator("#article .hl-event").first.click()
    page.click("#details #to-incident")
    page.wait_for_selector("#reports .report")
    assert page.evaluate("location.hash") == f"#/incident/{incident['id']}"
    assert page.locator("#reports .report").count() == len(incident["reports"])
    assert page.locator("nav a.active").inner_text() == "Incidents"

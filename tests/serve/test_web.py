"""End-to-end: the web app in headless Chromium (Debian's ``chromium``, driven by Playwright)
over a store of the two sample articles and one hostile article. Each page's screenshot is
written to ``.artifacts/screenshots/`` (or ``$WIRESCOPE_ARTIFACTS``).

``.ci/run`` installs Chromium and sets ``WIRESCOPE_REQUIRE_BROWSER=1``, so there a missing
browser fails instead of skipping."""

from __future__ import annotations

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
    """The demo store (`wirescope demo`), plus one hostile article."""
    path = tmp_path_factory.mktemp("web") / "demo.db"
    result = CliRunner().invoke(cli, ["demo", "--db", str(path)])
    assert result.exit_code == 0, result.output
    store = SQLiteStore.open(path)
    hostile = Document(id=HOSTILE_ID, text=HOSTILE_TEXT, title="<img src=x onerror=alert(1)>",
                       origin="test")
    for record in pipeline.run([hostile]):
        assert isinstance(record, DocumentRecord), record
        store.put(record, signature="test", run_id=None)
    store.close()
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

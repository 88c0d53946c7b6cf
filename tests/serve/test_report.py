"""The situation report: its summary adds up the incidents listed under it, every claim is
cited with its words and a link to its sentence, in HTML and Markdown, from the CLI and the
web app."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from click.testing import CliRunner
from fastapi.testclient import TestClient

from wirescope.cli.main import cli
from wirescope.serve.api import Server, create_app
from wirescope.serve.report import brief, summary, to_html, to_markdown
from wirescope.store import SQLiteStore
from wirescope.store.queries import IncidentFilter

FIXTURE = Path(__file__).parents[1] / "fixtures" / "aleppo_market.jsonl"


@pytest.fixture(scope="module")
def db(tmp_path_factory: pytest.TempPathFactory, samples_dir: Path) -> Path:
    path = tmp_path_factory.mktemp("report") / "demo.db"
    runner = CliRunner()
    assert runner.invoke(cli, ["demo", "--db", str(path)]).exit_code == 0
    assert runner.invoke(cli, ["--db", str(path), "ingest", str(FIXTURE)]).exit_code == 0
    return path


def _link(document: str, event: str | None) -> str:
    return f"/#/doc/{document}?event={event}"


@pytest.mark.model
@pytest.mark.parametrize(("flt", "incidents"), [
    (IncidentFilter(place="Aleppo", date_from="2016-11-01", date_to="2016-11-30"), 1),
    (IncidentFilter(place="Aleppo"), 4),
    (IncidentFilter(place="Aleppo", date_from="2017"), 0),
])
def test_report_summary_adds_up_its_incidents(db: Path, flt: IncidentFilter,
                                              incidents: int) -> None:
    store = SQLiteStore.open(db, create=False)
    try:
        found = brief(store, flt)
    finally:
        store.close()
    numbers = summary(found)
    assert numbers["incidents"] == len(found.incidents) == incidents
    assert numbers["killed"] == sum((i.killed.conservative or 0) if i.killed else 0
                                    for i in found.incidents)
    assert numbers["low"] <= numbers["killed"] <= numbers["high"]
    page = to_html(found, _link)
    assert page.count('<section class="incident"') == incidents
    # every cited number's words are marked in their sentence, each with its link
    for marked in re.findall(r"<mark>(.*?)</mark>", page):
        assert marked
    assert page.count('class="citation"') >= page.count('<li class="claim">')
    markdown = to_markdown(found, _link)
    assert markdown.startswith("# Situation report: Aleppo")


@pytest.mark.model
@pytest.mark.parametrize("suffix", [".html", ".md"])
def test_report_cli_writes_the_brief(db: Path, tmp_path: Path, suffix: str) -> None:
    target = tmp_path / f"brief{suffix}"
    result = CliRunner().invoke(cli, [
        "--db", str(db), "report", "--place", "Aleppo", "--from", "2016-11-01",
        "--to", "2016-11-30", "-o", str(target)])
    assert result.exit_code == 0, result.output
    text = target.read_text(encoding="utf-8")
    assert "1 incidents; " in text.replace("**", "").replace("<strong>", "").replace(
        "</strong>", "")
    assert "a source at Aleppo Police Command" in text
    assert "http://127.0.0.1:8000/#/doc/aleppo-sana?event=" in text


@pytest.mark.model
def test_report_from_the_web_app(db: Path) -> None:
    client = TestClient(create_app(Server(db=db)), base_url="http://localhost")
    page = client.get("/report", params={"place": "Aleppo", "date_from": "2016-11"})
    assert page.status_code == 200 and page.headers["content-type"].startswith("text/html")
    assert 'href="/#/doc/aleppo-sana?event=' in page.text
    markdown = client.get("/report", params={"place": "Aleppo", "format": "md"})
    assert markdown.headers["content-type"].startswith("text/markdown")
    assert client.get("/report", params={"date_from": "May 2016"}).status_code == 422


@pytest.mark.model
def test_report_cli_prints_a_pdf(db: Path, tmp_path: Path) -> None:
    import shutil

    if shutil.which("chromium") is None and shutil.which("chromium-browser") is None:
        pytest.skip("no chromium on PATH: a PDF report needs it (make browser)")
    target = tmp_path / "brief.pdf"
    result = CliRunner().invoke(cli, ["--db", str(db), "report", "--place", "Aleppo",
                                      "-o", str(target)])
    assert result.exit_code == 0, result.output
    assert target.read_bytes()[:5] == b"%PDF-" and target.stat().st_size > 5_000


def test_report_escapes_what_articles_say() -> None:
    """A hostile title, sentence or URL is text in the brief, never markup or a script link."""
    from wirescope.serve.report import Brief, Cited, _claim_html

    hostile = Cited(who="<b>x</b>", value="3", words="<img src=x>",
                    sentence="They said <img src=x> onerror", title="<script>1</script>",
                    url="javascript:alert(1)", link="/#/doc/d?event=ev1")
    page = _claim_html(hostile, "killed")
    assert "<script>" not in page and "<img" not in page and "javascript:" not in page
    assert "&lt;script&gt;1&lt;/script&gt;" in page
    empty = Brief(place="Nowhere", date_from=None, date_to=None, actor=None, incidents=[],
                  total=0)
    assert "No incident is placed" in to_html(empty, _link)

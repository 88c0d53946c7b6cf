"""A situation report on a place and period: the brief an analyst can send.

A summary line (how many incidents; killed by the conservative figure, with the low–high
range; how many independent sources), a map and a timeline of the incidents, the main
incidents each with its cited claims (who says it, the words, the article, a link to the
sentence), the contradictions, and the running figures the articles touch. Every number
comes from an incident's or a series' claims, and every claim names its span: the summary
adds up the incidents listed under it.

Written as one self-contained HTML page (no script, no request: the map is an SVG over the
offline country outlines when the web app's files are built), as Markdown, or as PDF through
Chromium's headless printer where it is installed.
"""

from __future__ import annotations

import html
import json
import math
import shutil
import subprocess
import tempfile
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import quote

from wirescope.records import Claim, DocumentRecord, FigureSummary, Incident
from wirescope.resolve.series import Series, number_text, series
from wirescope.store.queries import IncidentFilter
from wirescope.store.sqlite import SQLiteStore

Link = Callable[[str, str | None], str]  # (document, event) -> the URL of its sentence
MAX_INCIDENTS = 500
MAIN = 20  # the incidents told in full, the deadliest first


@dataclass(slots=True)
class Brief:
    place: str | None
    date_from: str | None
    date_to: str | None
    actor: str | None
    incidents: list[Incident]
    total: int  # incidents matching (the brief holds at most MAX_INCIDENTS)
    records: dict[str, DocumentRecord] = field(default_factory=dict)
    series: list[Series] = field(default_factory=list)

    @property
    def title(self) -> str:
        where = self.place or "all places"
        when = f"{self.date_from or '…'} to {self.date_to or '…'}"
        return f"Situation report: {where}, {when}" + (f", {self.actor}" if self.actor else "")


def brief(store: SQLiteStore, flt: IncidentFilter) -> Brief:
    """The brief of the incidents ``flt`` selects in ``store``, with every record they rest
    on and the running figures those records give."""
    total, found = store.find_incidents(flt, limit=MAX_INCIDENTS, cap=None)
    records = {r.document.id: r for r in store.records(
        dict.fromkeys(report.document for incident in found for report in incident.reports))}
    return Brief(place=flt.place, date_from=flt.date_from, date_to=flt.date_to,
                 actor=flt.actor, incidents=found, total=total, records=records,
                 series=series(records.values()))


def reader_link(root: str = "") -> Link:
    """Links to a sentence in the web app's reader served at ``root`` ("" for the app
    itself, "http://127.0.0.1:8000" for a brief written to a file)."""
    base = root.rstrip("/")

    def link(document: str, event: str | None) -> str:
        return f"{base}/#/doc/{quote(document)}" + (f"?event={quote(event)}" if event else "")

    return link


def _killed(incident: Incident) -> tuple[float, float, float]:
    """(conservative, low, high) killed, zero when no report counts any."""
    k = incident.killed
    if k is None:
        return 0.0, 0.0, 0.0
    conservative = k.conservative if k.conservative is not None else 0.0
    return (conservative, k.low if k.low is not None else conservative,
            k.high if k.high is not None else conservative)


def summary(b: Brief) -> dict[str, Any]:
    """The summary line's numbers: incidents, killed (conservative, low, high), independent
    sources (origins across the incidents)."""
    figures = [_killed(i) for i in b.incidents]
    origins = {r.origin for i in b.incidents for r in i.reports}
    return {"incidents": len(b.incidents), "matching": b.total,
            "killed": sum(f[0] for f in figures), "low": sum(f[1] for f in figures),
            "high": sum(f[2] for f in figures), "sources": len(origins),
            "documents": len({r.document for i in b.incidents for r in i.reports})}


def main_incidents(b: Brief) -> list[Incident]:
    return sorted(b.incidents, key=lambda i: (-_killed(i)[0], i.start or "", i.id))[:MAIN]


def _n(value: float | None) -> str:
    return "–" if value is None else number_text(value)


def _figure(f: FigureSummary | None) -> str:
    if f is None:
        return "none counted"
    spread = f" (range {_n(f.low)}–{_n(f.high)})" if f.low != f.high else ""
    return f"best {_n(f.best)}, conservative {_n(f.conservative)}{spread}"


@dataclass(frozen=True, slots=True)
class Cited:
    """A claim as the brief cites it: who, the number's words, its sentence and article."""

    who: str
    value: str
    words: str
    sentence: str
    title: str
    url: str | None
    link: str


def cite(b: Brief, claim: Claim, link: Link) -> Cited:
    record = b.records.get(claim.document)
    text = record.document.text if record else ""
    event = next((e for e in record.events if e.id == claim.event), None) if record else None
    sentence = (event.sentence or event.span).surface(text) if event else ""
    who = claim.claimant_name or (record.document.source if record and record.document.source
                                  else "the article")
    value = _n(claim.value) if isinstance(claim.value, float | int) else str(claim.value or "")
    if claim.basis == "died_since":
        value += " (what it counted, less those a later article counts dead)"
    elif claim.basis == "hit_not_killed":
        value += " (shot or hurt and not said to be killed)"
    return Cited(who=who, value=value, words=claim.span.surface(text) if text else "",
                 sentence=" ".join(sentence.split()),
                 title=(record.document.title or claim.document) if record else claim.document,
                 url=record.document.url if record else None,
                 link=link(claim.document, claim.event))


def _stated(incident: Incident) -> list[tuple[str, Claim]]:
    """The figure claims the words state (not those inferred), each with its unit."""
    return [(unit, c) for unit, f in (("killed", incident.killed),
                                      ("injured", incident.injured))
            if f for c in f.claims if c.basis is None]


def _place(incident: Incident) -> str:
    return incident.place.name if incident.place else "unplaced"


def _when(incident: Incident) -> str:
    if incident.start and incident.end and incident.start != incident.end:
        return f"{incident.start}..{incident.end}"
    return incident.start or incident.end or "undated"


# --- HTML -------------------------------------------------------------------------------------

_CSS = """
body{font:15px/1.45 system-ui,sans-serif;max-width:60rem;margin:2rem auto;color:#1b2430}
h1{font-size:1.6rem}h2{margin-top:2rem;border-bottom:1px solid #ccd}h3{margin-bottom:.2rem}
.summary{font-size:1.1rem;background:#f3f5f8;padding:.8rem 1rem;border-radius:6px}
.muted{color:#5b6675}.claims li{margin:.2rem 0}.num{font-variant-numeric:tabular-nums}
blockquote{margin:.2rem 0 .2rem 1rem;color:#333}mark{background:#ffe08a}
svg{border:1px solid #dde;background:#fbfcfe}.contra{color:#9b2c1f}
"""


def _esc(value: object) -> str:
    return html.escape(str(value), quote=True)


def _sentence_html(c: Cited) -> str:
    """The sentence with the claim's words marked (where they stand in it)."""
    at = c.sentence.find(c.words) if c.words else -1
    if at < 0:
        return _esc(c.sentence)
    return (_esc(c.sentence[:at]) + f"<mark>{_esc(c.words)}</mark>"
            + _esc(c.sentence[at + len(c.words):]))


def _claim_html(c: Cited, unit: str = "") -> str:
    web = c.url is not None and c.url.lower().startswith(("http://", "https://"))
    article = f'<a href="{_esc(c.url)}">{_esc(c.title)}</a>' if web else _esc(c.title)
    return (f'<li class="claim"><strong>{_esc(c.who)}</strong>: <span class="num">'
            f'{_esc(c.value)}</span> {_esc(unit)} — '
            f'<blockquote>{_sentence_html(c)}</blockquote>'
            f'<span class="muted">{article} · <a class="citation" href="{_esc(c.link)}">'
            f'the sentence</a></span></li>')


def _outlines() -> list[list[list[float]]]:
    """Country outlines (rings of lon, lat) from the web app's offline basemap, when built."""
    path = Path(__file__).parent / "web" / "vendor" / "countries.geojson"
    if not path.is_file():
        return []
    rings: list[list[list[float]]] = []
    for feature in json.loads(path.read_text(encoding="utf-8"))["features"]:
        geometry = feature["geometry"]
        polygons = ([geometry["coordinates"]] if geometry["type"] == "Polygon"
                    else geometry["coordinates"])
        rings += [ring for polygon in polygons for ring in polygon]
    return rings


def map_svg(incidents: Iterable[Incident], width: int = 640, height: int = 400) -> str:
    """The placed incidents as circles (sized by the conservative toll) over the country
    outlines, in an equirectangular frame around them."""
    placed = [(i, i.place) for i in incidents if i.place and i.place.lat is not None
              and i.place.lon is not None]
    if not placed:
        return '<p class="muted">No incident is placed.</p>'
    lats = [p.lat for _, p in placed if p.lat is not None]
    lons = [p.lon for _, p in placed if p.lon is not None]
    pad = max(1.5, 0.15 * max(max(lats) - min(lats), max(lons) - min(lons)))
    west, east = min(lons) - pad, max(lons) + pad
    south, north = min(lats) - pad, max(lats) + pad
    scale = min(width / (east - west), height / (north - south))

    def xy(lon: float, lat: float) -> tuple[float, float]:
        return (lon - west) * scale, (north - lat) * scale

    parts = []
    for ring in _outlines():
        if not any(west - 5 <= x <= east + 5 and south - 5 <= y <= north + 5 for x, y in ring):
            continue
        points = " ".join(f"{a:.1f},{b:.1f}" for a, b in (xy(x, y) for x, y in ring))
        parts.append(f'<polygon points="{points}" fill="#eef0e8" stroke="#9aa"/>')
    for incident, place in placed:
        assert place.lat is not None and place.lon is not None
        x, y = xy(place.lon, place.lat)
        r = min(18.0, 4 + 2.5 * math.sqrt(_killed(incident)[0]))
        parts.append(f'<circle class="incident" data-id="{_esc(incident.id)}" cx="{x:.1f}" '
                     f'cy="{y:.1f}" r="{r:.1f}" fill="#b03a2e" fill-opacity=".55">'
                     f'<title>{_esc(_place(incident))} {_esc(_when(incident))}: '
                     f'{_esc(_n(_killed(incident)[0]))} killed</title></circle>'
                     f'<text x="{x + r + 3:.1f}" y="{y + 4:.1f}" font-size="12">'
                     f'{_esc(_place(incident))}</text>')
    w, h = (east - west) * scale, (north - south) * scale
    return (f'<svg id="map" viewBox="0 0 {w:.0f} {h:.0f}" width="{w:.0f}" height="{h:.0f}" '
            f'role="img" aria-label="Map of the incidents">{"".join(parts)}</svg>')


def timeline_svg(incidents: Iterable[Incident], width: int = 640, height: int = 120) -> str:
    """Incidents by day: a bar per day, as tall as its conservative toll (at least a
    tick)."""
    days: dict[str, float] = {}
    for incident in incidents:
        day = incident.start or incident.end
        if day and len(day) >= 10:
            days[day[:10]] = days.get(day[:10], 0.0) + _killed(incident)[0]
    if not days:
        return '<p class="muted">No incident is dated.</p>'
    ordered = sorted(days)
    top = max(days.values()) or 1.0
    step = width / max(len(ordered), 1)
    bars = []
    for i, day in enumerate(ordered):
        tall = max(3.0, (height - 30) * days[day] / top)
        bars.append(f'<rect class="day" data-day="{day}" x="{i * step + 1:.1f}" '
                    f'y="{height - 20 - tall:.1f}" width="{max(step - 2, 1):.1f}" '
                    f'height="{tall:.1f}" fill="#1f5f99"><title>{day}: {_n(days[day])} killed'
                    f'</title></rect>')
    labels = (f'<text x="0" y="{height - 5}" font-size="11">{ordered[0]}</text>'
              f'<text x="{width}" y="{height - 5}" font-size="11" text-anchor="end">'
              f'{ordered[-1]}</text>')
    return (f'<svg id="timeline" viewBox="0 0 {width} {height}" width="{width}" '
            f'height="{height}" role="img" aria-label="Timeline">{"".join(bars)}{labels}</svg>')


def to_html(b: Brief, link: Link) -> str:
    s = summary(b)
    out = [f"<!doctype html><html lang='en'><head><meta charset='utf-8'>"
           f"<title>{_esc(b.title)}</title><style>{_CSS}</style></head><body>",
           f"<h1>{_esc(b.title)}</h1>",
           f'<p class="summary" id="summary"><strong>{s["incidents"]}</strong> incidents; '
           f'<strong>{_n(s["killed"])}</strong> killed by the conservative figure (range '
           f'{_n(s["low"])}–{_n(s["high"])}); {s["sources"]} independent sources '
           f'({s["documents"]} articles).'
           + (f' The brief holds the latest {len(b.incidents)} of {s["matching"]} matching '
              f'incidents.' if s["matching"] > len(b.incidents) else "") + "</p>",
           "<h2>Map</h2>", map_svg(b.incidents), "<h2>Timeline</h2>",
           timeline_svg(b.incidents), "<h2>Main incidents</h2>"]
    for incident in main_incidents(b):
        out.append(f'<section class="incident" data-id="{_esc(incident.id)}"><h3>'
                   f'{_esc(_when(incident))} · {_esc(_place(incident))} · '
                   f'{_esc(incident.acled_sub_event_type or incident.type)}</h3>'
                   f'<p class="muted">killed: {_esc(_figure(incident.killed))}; injured: '
                   f'{_esc(_figure(incident.injured))}; {incident.documents} articles, '
                   f'{incident.independent} independent; {_esc(incident.grade)}</p>')
        claims = _stated(incident)
        if claims:
            out.append('<ul class="claims">' + "".join(
                _claim_html(cite(b, c, link), unit) for unit, c in claims) + "</ul>")
        out.append("</section>")
    out.append("<h2>Contradictions</h2>")
    contradictions = [(i, c) for i in b.incidents for c in i.contradictions]
    if not contradictions:
        out.append('<p class="muted">No source contradicts another.</p>')
    for incident, c in contradictions:
        out.append(f'<div class="contra"><strong>{_esc(_when(incident))} · '
                   f'{_esc(_place(incident))}</strong> — {_esc(c.field)} ({_esc(c.kind)})'
                   '<ul class="claims">' + "".join(
                       _claim_html(cite(b, x, link), c.field) for x in c.claims)
                   + "</ul></div>")
    out.append("<h2>Running figures</h2>")
    if not b.series:
        out.append('<p class="muted">No claimant gives a running figure here.</p>')
    for item in b.series:
        out.append(f'<h3>{_esc(item.claimant_name or "unattributed")} — '
                   f'{_esc(item.measure)}</h3><ul>')
        for p in item.points:
            record = b.records.get(p.document)
            words = p.span.surface(record.document.text) if record else ""
            out.append(f'<li>{_esc(p.day or "undated")}: <span class="num">{_n(p.value)}'
                       f'</span> “{_esc(words)}” · <a class="citation" '
                       f'href="{_esc(link(p.document, p.event))}">the sentence</a></li>')
        out += [f'<li class="{"holds" if f.holds else "contra"}">{_esc(f.message)}</li>'
                for f in item.flags]
        out.append("</ul>")
    out.append("</body></html>")
    return "\n".join(out)


# --- Markdown ---------------------------------------------------------------------------------

def _md(value: object) -> str:
    return str(value).replace("|", "\\|").replace("\n", " ")


def to_markdown(b: Brief, link: Link) -> str:
    s = summary(b)
    out = [f"# {_md(b.title)}", "",
           f"**{s['incidents']}** incidents; **{_n(s['killed'])}** killed by the conservative "
           f"figure (range {_n(s['low'])}–{_n(s['high'])}); {s['sources']} independent sources "
           f"({s['documents']} articles).", "", "## Main incidents", ""]
    for incident in main_incidents(b):
        out += [f"### {_when(incident)} · {_md(_place(incident))} · "
                f"{_md(incident.acled_sub_event_type or incident.type)}", "",
                f"killed: {_figure(incident.killed)}; injured: {_figure(incident.injured)}; "
                f"{incident.documents} articles, {incident.independent} independent; "
                f"{incident.grade}", ""]
        for unit, claim in _stated(incident):
            c = cite(b, claim, link)
            out.append(f"- **{_md(c.who)}**: {c.value} {unit} — “{_md(c.sentence)}” "
                       f"([{_md(c.title)}]({c.link}))")
        out.append("")
    out += ["## Contradictions", ""]
    found = [(i, c) for i in b.incidents for c in i.contradictions]
    out += [f"- {_when(i)} · {_md(_place(i))}: {c.field} ({c.kind}) — " + "; ".join(
        f"{_md(cited.who)} {cited.value}" for cited in (cite(b, x, link) for x in c.claims))
        for i, c in found] or ["No source contradicts another."]
    out += ["", "## Running figures", ""]
    for item in b.series:
        out.append(f"- {_md(item.claimant_name or 'unattributed')} — {_md(item.measure)}: "
                   + ", ".join(f"{_n(p.value)} ({p.day or 'undated'})" for p in item.points)
                   + "".join(f"; {f.message}" for f in item.flags))
    if not b.series:
        out.append("No claimant gives a running figure here.")
    return "\n".join(out) + "\n"


def to_pdf(page: str, target: Path) -> None:
    """Print the HTML ``page`` to ``target`` with headless Chromium (Debian's ``chromium``)."""
    executable = shutil.which("chromium") or shutil.which("chromium-browser")
    if executable is None:
        from wirescope.errors import UsageError

        raise UsageError("a PDF report needs Chromium (Debian: apt install chromium)",
                         hint="write .html or .md instead")
    with tempfile.TemporaryDirectory() as folder:
        source = Path(folder) / "brief.html"
        source.write_text(page, encoding="utf-8")
        subprocess.run([executable, "--headless", "--no-sandbox", "--disable-gpu",
                        f"--print-to-pdf={target}", "--no-pdf-header-footer",
                        source.as_uri()], check=True, capture_output=True, timeout=120)

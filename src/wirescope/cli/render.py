"""Readable text views of records for the terminal."""

from __future__ import annotations

from collections.abc import Callable, Iterable

from wirescope.records import (
    Basis,
    Claim,
    DocumentRecord,
    Failure,
    FigureSummary,
    Incident,
)
from wirescope.store.base import RunSummary


def _clip(text: str, width: int = 90) -> str:
    flat = " ".join(text.split())
    return flat if len(flat) <= width else flat[: width - 1] + "…"


def summary(record: DocumentRecord, top: int = 8) -> str:
    doc = record.document
    lines = [
        f"{doc.id}  {doc.title or _clip(doc.text, 70)}",
        f"  published: {doc.published.isoformat() if doc.published else 'unknown'}"
        f"   words: {len(doc.text.split())}   source: {doc.source or '-'}",
        "  found: "
        + ", ".join(
            f"{len(getattr(record, kind))} {kind}"
            for kind in ("entities", "places", "times", "quotes", "events", "tallies")
        ),
    ]
    ranked = sorted(record.entities, key=lambda e: (-len(e.mentions), e.mentions[0].start))
    if ranked and top:
        lines.append(
            "  top entities: "
            + "; ".join(f"{e.name} ({e.type}) ×{len(e.mentions)}" for e in ranked[:top])
        )
    return "\n".join(lines)


def detail(record: DocumentRecord) -> str:
    """Everything extracted, each value with its span and its surface text."""
    doc, text = record.document, record.document.text
    out = [summary(record, top=0), ""]
    out.append(f"entities ({len(record.entities)}):")
    for e in record.entities:
        spans = ", ".join(f"[{m.start},{m.end})" for m in e.mentions)
        out.append(f"  {e.id}  {e.name}  type={e.type} actor_type={e.actor_type}  {spans}")
    out.append(f"places ({len(record.places)}):")
    for p in record.places:
        where = f"{p.lat},{p.lon}" if p.lat is not None else "unresolved"
        out.append(f"  {p.id}  {p.name}  {where}  {p.admin1 or '-'} {p.country_code or '-'}"
                   f"  precision={p.precision}")
    out.append(f"times ({len(record.times)}):")
    for t in record.times:
        out.append(f"  {t.id}  {t.text!r} [{t.span.start},{t.span.end})  value={t.value}"
                   f"  precision={t.precision}")
    out.append(f"quotes ({len(record.quotes)}):")
    for q in record.quotes:
        out.append(f"  {q.id}  {q.kind}  speaker={q.speaker_text or q.speaker or '?'}"
                   f"  cue={q.cue}  {_clip(q.span.surface(text), 70)!r}")
    lead = f"  lead: {record.lead_event} ({record.lead_via})" if record.lead_event else ""
    out.append(f"events ({len(record.events)}):{lead}")
    for ev in record.events:
        sentence = _clip((ev.sentence or ev.span).surface(text), 60)
        out.append(f"  {ev.id}  {ev.type}/{ev.mode}  {ev.acled_sub_event_type or '-'}"
                   f"  {ev.factuality}  claim={ev.attributed_to or '-'}"
                   f"  incident={ev.incident or '-'}"
                   f"  {ev.span.surface(text)!r} in {sentence!r}")
    if record.tallies:
        out.append(f"tallies ({len(record.tallies)}): running totals, no incident")
    for ev in record.tallies:
        counts = "; ".join(f"{q.span.surface(text)!r} {q.unit}/{q.category or '-'}"
                           for q in ev.quantities)
        out.append(f"  {ev.id}  {ev.type}  claim={ev.attributed_to or '-'}"
                   f"  {ev.span.surface(text)!r}: {counts or '-'}")
    if record.notes:
        out.append(f"notes ({len(record.notes)}):")
    for n in record.notes:
        where = f" [{n.span.start},{n.span.end})" if n.span else ""
        out.append(f"  [{n.code}]{where} {n.message}")
    out.append(f"extractors: {', '.join(record.extractors) or '-'}   origin: {doc.origin or '-'}")
    return "\n".join(out)


def failures(items: Iterable[Failure]) -> str:
    return "\n".join(f"  {f.describe()}" for f in items)


def runs(items: Iterable[RunSummary]) -> str:
    return "\n".join(
        f"  run {r.id}  {r.started_at}  {r.command}: stored {r.n_stored}, "
        f"unchanged {r.n_unchanged}, failed {r.n_failed}" if r.finished_at else
        f"  run {r.id}  {r.started_at}  {r.command}: UNFINISHED (interrupted, or still "
        f"running): stored {r.n_stored} so far, failed {r.n_failed}"
        for r in items
    )


def _number(value: float | None) -> str:
    return "-" if value is None else f"{value:g}"


def _figure(name: str, figure: FigureSummary | None) -> str:
    if figure is None:
        return f"{name} -"
    spread = (f" [{_number(figure.low)}–{_number(figure.high)}]"
              if figure.low != figure.high else "")
    return f"{name} {_number(figure.best)}{spread}"


def incident_line(incident: Incident) -> str:
    """One line: id, when, where, what, figures, sources and grade."""
    when = incident.start or (f"≤{incident.end}" if incident.end else "undated")
    if incident.start and incident.end and incident.end != incident.start:
        when = f"{incident.start}..{incident.end}"
    if incident.date_via == "story":
        when += " (story)"  # no mention states a day: the day its article's story gives
    where = incident.place.name if incident.place else "unplaced"
    if incident.place and incident.place.via == "setting":
        where += " (set)"  # no mention names it: where the article is set
    what = incident.acled_sub_event_type or incident.type
    return (f"{incident.id}  {when}  {where}  {what}  "
            f"{_figure('killed', incident.killed)}  {_figure('injured', incident.injured)}  "
            f"{incident.documents} docs/{incident.independent} independent  {incident.grade}")


BASES: dict[Basis, str] = {"hit_not_killed": "shot or stabbed, not killed",
                           "died_since": "less those a later article says died"}


def _claim(claim: Claim, get: Callable[[str], DocumentRecord | None]) -> str:
    record = get(claim.document)
    said = claim.span.surface(record.document.text) if record else ""
    who = claim.claimant_name or "the article"
    qualifier = f" ({claim.qualifier})" if claim.qualifier else ""
    if claim.basis:
        qualifier += f" ({BASES[claim.basis]})"
    value = _number(claim.value) if isinstance(claim.value, float | int) else claim.value
    return (f"    {value}{qualifier}  by {who}  in {claim.document} {claim.published or ''}"
            f"  [{claim.span.start},{claim.span.end}) {said!r}")


def incident(found: Incident, get: Callable[[str], DocumentRecord | None]) -> str:
    """An incident with its reports, every figure claim and its contradictions."""
    lines = [incident_line(found), "reports:"]
    for report in found.reports:
        record = get(report.document)
        event = next((e for e in record.events if e.id == report.event), None) if record else None
        sentence = (event.sentence or event.span).surface(record.document.text) if (
            event and record) else ""
        lines.append(f"  {report.document}  {report.published or 'undated'}  "
                     f"{report.source or '-'}  origin={report.origin}")
        if sentence:
            lines.append(f"    {_clip(sentence)}")
    for name, figure in (("killed", found.killed), ("injured", found.injured)):
        if figure is None:
            continue
        lines.append(f"{name}: best {_number(figure.best)}, low {_number(figure.low)}, "
                     f"high {_number(figure.high)}, conservative {_number(figure.conservative)}")
        lines += [_claim(c, get) for c in figure.claims]
    for c in found.contradictions:
        lines.append(f"contradiction: {c.field} ({c.kind})")
        lines += [_claim(x, get) for x in c.claims]
    return "\n".join(lines)

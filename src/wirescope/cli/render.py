"""Readable text views of records for the terminal."""

from __future__ import annotations

from collections.abc import Iterable

from wirescope.records import DocumentRecord, Failure
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
            for kind in ("entities", "places", "times", "quotes", "events")
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
    out.append(f"events ({len(record.events)}):")
    for ev in record.events:
        sentence = _clip((ev.sentence or ev.span).surface(text), 60)
        out.append(f"  {ev.id}  {ev.type}/{ev.mode}  {ev.acled_sub_event_type or '-'}"
                   f"  {ev.factuality}  claim={ev.attributed_to or '-'}"
                   f"  {ev.span.surface(text)!r} in {sentence!r}")
    out.append(f"extractors: {', '.join(record.extractors) or '-'}   origin: {doc.origin or '-'}")
    return "\n".join(out)


def failures(items: Iterable[Failure]) -> str:
    return "\n".join(f"  {f.describe()}" for f in items)


def runs(items: Iterable[RunSummary]) -> str:
    return "\n".join(
        f"  run {r.id}  {r.started_at}  {r.command}: stored {r.n_stored}, "
        f"unchanged {r.n_unchanged}, failed {r.n_failed}"
        for r in items
    )

"""A line-per-value digest of a document record, for golden files reviewed as diffs.

Each line names the value, its normalised fields and its span with the surface string, so a
diff shows exactly which extraction changed and where in the article.
"""

from __future__ import annotations

from pathlib import Path

from wirescope.records import DocumentRecord, Span

GOLDEN_DIR = Path(__file__).parent


def _s(span: Span | None, text: str) -> str:
    if span is None:
        return "-"
    return f"[{span.start},{span.end}) {text[span.start:span.end]!r}"


def digest(record: DocumentRecord) -> list[str]:
    doc, text = record.document, record.document.text
    lines = [f"document {doc.id} published={doc.published} chars={len(text)}",
             f"extractors {' '.join(record.extractors)}"]
    for e in record.entities:
        lines.append(f"entity {e.id} {e.type} actor_type={e.actor_type} name={e.name!r}")
        lines.extend(f"  mention {_s(m, text)}" for m in e.mentions)
    for p in record.places:
        lines.append(f"place {p.id} name={p.name!r} lat={p.lat} lon={p.lon} "
                     f"cc={p.country_code} admin1={p.admin1} precision={p.precision}")
        lines.extend(f"  mention {_s(m, text)}" for m in p.mentions)
        lines.extend(f"  use {u.use} {_s(u.span, text)}" for u in p.uses)
    for t in record.times:
        lines.append(f"time {t.id} value={t.value} start={t.start} end={t.end} "
                     f"precision={t.precision} {_s(t.span, text)}")
    for q in record.quotes:
        lines.append(f"quote {q.id} {q.kind} speaker={q.speaker} cue={q.cue} "
                     f"speaker_span={_s(q.speaker_span, text)}")
        lines.append(f"  content {_s(q.span, text)}")
    for label, ev in [*(("event", e) for e in record.events),
                      *(("tally", t) for t in record.tallies)]:
        lines.append(f"{label} {ev.id} {ev.type}/{ev.mode} acled={ev.acled_event_type}/"
                     f"{ev.acled_sub_event_type} via={ev.via} factuality={ev.factuality} "
                     f"actors={','.join(ev.actors)} targets={','.join(ev.targets)} "
                     f"place={ev.place}"
                     f"{f' (from {ev.place_from})' if ev.place_from else ''} time={ev.time}"
                     f"{' (inherited)' if ev.time_inherited else ''} "
                     f"attributed_to={ev.attributed_to}")
        lines.append(f"  span {_s(ev.span, text)}")
        lines.extend(f"  quantity {q.value} [{q.low},{q.high}] {q.unit} {q.category} "
                     f"{_s(q.span, text)}" for q in ev.quantities)
    lines.extend(f"note {n.code} {_s(n.span, text)}" for n in record.notes)
    return lines


def golden_path(doc_id: str) -> Path:
    return GOLDEN_DIR / f"{doc_id}.golden.txt"

"""``times.rules.v1``: temporal expressions found by the grammar, checked against the parse
(a number that counts something is not a year), anchored and normalised to TIMEX3."""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Iterator

from spacy.tokens import Doc

from wirescope.extractors.registry import State, register
from wirescope.extractors.times import context, dateline, grammar
from wirescope.extractors.times.grammar import LEX, Candidate, Parsed
from wirescope.extractors.times.resolve import Context, resolve
from wirescope.records import Document, Span, TimeAnchor, TimeExpr

NAME = "times.rules.v1"

_COUNT_LABELS = frozenset({"CARDINAL", "QUANTITY", "MONEY", "PERCENT", "ORDINAL"})
_WORD_BEFORE = re.compile(r"([^\s(]+)\s*$")
_FOCUS_FORMS = frozenset({"date", "weekday", "relday", "relunit", "holiday", "focus", "time",
                          "year", "season", "offset"})
_JOINERS = re.compile(r"^\s*(?:to|until|till|through|and|-|–|—)\s*$")


def _word_before(text: str, start: int) -> str:
    found = _WORD_BEFORE.search(text[max(0, start - 25) : start])
    return found[1].casefold().rstrip(".,") if found else ""


def is_count(cand: Candidate, text: str, doc: Doc | None) -> bool:
    """A bare four-digit number that counts or names something rather than a year: "2000
    people", "Resolution 2042", "$1500"."""
    if cand.rule != "year":
        return False
    before = _word_before(text, cand.start)
    if before in LEX.year_blockers or before.endswith(("$", "£", "€")):
        return True
    year = cand.parsed.year or 0
    introduced = before in LEX.year_prepositions or text[cand.start].isalpha()
    if year < 1900 and not introduced:
        return True
    if doc is None:
        return False
    span = doc.char_span(cand.start, cand.end, alignment_mode="expand")
    if span is None or len(span) == 0:
        return False
    token = span[-1]
    if token.ent_type_ == "DATE":
        return False
    if token.ent_type_ in _COUNT_LABELS:
        return True
    if introduced:
        return False
    return token.dep_ == "nummod" and token.head.tag_ == "NNS"


def from_entities(doc: Doc | None, taken: list[Candidate]) -> list[Candidate]:
    """spaCy DATE entities the rules leave out that name a vague stretch of time ("in the
    weeks before the attack"): the unit noun becomes a vague duration (``PXW``). Other
    entities the rules do not parse are left out: ages, bare numbers and the like."""
    if doc is None:
        return []
    extra = []
    for ent in doc.ents:
        if ent.label_ != "DATE":
            continue
        if any(c.start < ent.end_char and ent.start_char < c.end for c in taken):
            continue
        unit = LEX.plural_units.get(ent.root.lower_)
        after = doc[ent.root.i + 1].text if ent.root.i + 1 < len(doc) else ""
        if unit is None or after in ("-", "old"):  # "years-old"
            continue
        start = ent.root.idx
        extra.append(Candidate(start=start, end=start + len(ent.root.text), rule="spacy_date",
                               parsed=Parsed(form="duration", unit=unit)))
    return sorted(taken + extra, key=lambda c: c.start)


def extract(document: Document, doc: Doc | None) -> list[TimeExpr]:
    """All time expressions of ``document``, in text order."""
    text = document.text
    found = [c for c in grammar.find(text) if not is_count(c, text, doc)]
    found = from_entities(doc, found)
    anchor, source = document.published, "published"
    if anchor is None:
        line = dateline.find(text, found)
        anchor, source = (line.day, "dateline") if line is not None else (None, "")
    records: list[TimeExpr] = []
    focus = Context()
    for cand in found:
        ctx = dataclasses.replace(
            focus, anchor=anchor, direction=context.direction(doc, text, cand.start, cand.end),
            role=context.role(text, cand.start),
        )
        resolved = resolve(cand.parsed, ctx)
        if resolved is None:
            continue
        used: TimeAnchor | None = None
        if resolved.anchored:
            used = "published" if source == "published" else "dateline"
        if resolved.first is not None and cand.parsed.form in _FOCUS_FORMS:
            focus = Context(focus=resolved.first, focus_precision=resolved.precision,
                            focus_anchored=resolved.anchored)
        records.append(TimeExpr(
            id=f"time-{cand.start}-{cand.end}", document_id=document.id, extractor=NAME,
            text=text[cand.start : cand.end], span=Span(start=cand.start, end=cand.end),
            value=resolved.value, start=resolved.start, end=resolved.end,
            precision=resolved.precision, anchor=used, partial=resolved.partial,
        ))
    return _join_ranges(records, text)


def _join_ranges(records: list[TimeExpr], text: str) -> list[TimeExpr]:
    """"from May 20 to May 25": the opening expression gets the closing one's end, and the
    closing one the opening one's start."""
    joined = list(records)
    for i in range(len(joined) - 1):
        first, second = joined[i], joined[i + 1]
        between = text[first.span.end : second.span.start]
        if first.end is not None or second.start is not None or not _JOINERS.match(between):
            continue
        if first.start is None or second.end is None:
            continue
        joined[i] = dataclasses.replace(first, end=second.end)
        joined[i + 1] = dataclasses.replace(second, start=first.start)
    return joined


@register(NAME, kind="times", requires=("token.tag", "token.dep", "token.head"))
def rule_times(doc: Doc, state: State) -> Iterator[TimeExpr]:
    yield from extract(state.document, doc)

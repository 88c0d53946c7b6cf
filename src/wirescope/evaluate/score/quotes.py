"""Attribution (PolNeAR): gold attributions against predicted quotes.

* ``content``: a quote's span matches a gold Content when they share at least half of the
  longer of the two (:func:`wirescope.evaluate.spans.overlap_ratio` >= 0.5), one-to-one;
* ``content_source``: a content match whose speaker span overlaps the gold Source (for a gold
  attribution without a Source, the quote must have no speaker span either).
"""

from __future__ import annotations

from collections.abc import Sequence

from wirescope.evaluate.load.brat import Attribution, BratItem
from wirescope.evaluate.metrics import PRF
from wirescope.evaluate.results import Miss, Scored
from wirescope.evaluate.score.lookup import rng
from wirescope.evaluate.spans import Fragments, match, overlap, overlap_ratio
from wirescope.records import DocumentRecord, Quote

THRESHOLD = 0.5


def content_weight(gold: Attribution, quote: Quote) -> float:
    ratio = overlap_ratio(gold.content, (rng(quote.span),))
    return ratio if ratio >= THRESHOLD else 0.0


def source_ok(gold: Attribution, quote: Quote) -> bool:
    if gold.source is None:
        return quote.speaker_span is None
    return quote.speaker_span is not None and overlap(gold.source, (rng(quote.speaker_span),)) > 0


def _surface(text: str, spans: Fragments | None) -> str:
    return " … ".join(text[s:e] for s, e in spans) if spans else "(no source)"


def score(pairs: Sequence[tuple[BratItem, DocumentRecord]]) -> Scored:
    content, joint = PRF(), PRF()
    misses: list[Miss] = []
    for item, record in pairs:
        gold, quotes = item.attributions, record.quotes
        paired = dict(match(gold, quotes, content_weight))
        with_source = sum(1 for g, q in paired.items() if source_ok(gold[g], quotes[q]))
        content.add_matched(len(gold), len(quotes), len(paired))
        joint.add_matched(len(gold), len(quotes), with_source)
        doc_id, text = item.document.id, item.document.text
        for index, attribution in enumerate(gold):
            first = attribution.content[0]
            hull = (first[0], attribution.content[-1][1])
            source = _surface(text, attribution.source)
            if index not in paired:
                misses.append(Miss(document_id=doc_id, text=text, field="content",
                                   expected=f"{source}: {_surface(text, attribution.content)}",
                                   got="-", span=hull))
            elif not source_ok(attribution, quotes[paired[index]]):
                misses.append(Miss(document_id=doc_id, text=text, field="content_source",
                                   expected=source,
                                   got=quotes[paired[index]].speaker_text or "(no speaker)",
                                   span=hull))
    return Scored(metrics=(*content.metrics("content"), *joint.metrics("content_source")),
                  misses=tuple(misses))

"""Time expressions (TimeML, TempEval-3 style).

* ``span.strict``: exact TIMEX3 extent, P/R/F1; ``span.relaxed``: any overlap, one-to-one;
* ``value``: relaxed matches whose normalised value equals the gold ``value``; precision
  over predicted expressions, recall over gold ones (TempEval-3 "value F1").
"""

from __future__ import annotations

from collections.abc import Sequence

from wirescope.evaluate.load.timeml import TimemlItem
from wirescope.evaluate.metrics import PRF
from wirescope.evaluate.results import Miss, Scored
from wirescope.evaluate.score.lookup import rng
from wirescope.evaluate.spans import match, overlap
from wirescope.records import DocumentRecord


def score(pairs: Sequence[tuple[TimemlItem, DocumentRecord]]) -> Scored:
    strict, relaxed, value = PRF(), PRF(), PRF()
    misses: list[Miss] = []
    for item, record in pairs:
        gold, predicted = item.timexes, record.times
        strict.add_matched(len(gold), len(predicted), len(
            match(gold, predicted, lambda g, p: 1.0 if g.span == rng(p.span) else 0.0)))
        paired = dict(match(gold, predicted, lambda g, p: overlap((g.span,), (rng(p.span),))))
        relaxed.add_matched(len(gold), len(predicted), len(paired))
        right = {g for g, p in paired.items() if (predicted[p].value or "") == gold[g].value}
        value.add_matched(len(gold), len(predicted), len(right))
        doc_id, text = item.document.id, item.document.text
        for index, timex in enumerate(gold):
            if index in right:
                continue
            surface = text[slice(*timex.span)]
            got = "-" if index not in paired else (
                f"{predicted[paired[index]].text} = {predicted[paired[index]].value}")
            misses.append(Miss(document_id=doc_id, text=text,
                               field="value" if index in paired else "span",
                               expected=f"{surface} = {timex.value}", got=got, span=timex.span))
    return Scored(metrics=(*strict.metrics("span.strict"), *relaxed.metrics("span.relaxed"),
                           *value.metrics("value")), misses=tuple(misses))

"""Gun-violence incidents: are the articles about one incident linked into one, and does the
incident carry the right figures? The scorer reads what the product outputs: each record's
``lead_event`` and that event's ``incident`` (set by linking the whole set as a corpus), and
the incident records.

* clustering: a document's predicted cluster is its lead event's incident (a document with
  no lead event, or a lead event with no incident, is alone). B-cubed precision, recall and
  F1 averaged over documents, and pairwise precision, recall and F1 over same-incident pairs;
* incident figures: each gold incident is matched to the predicted incident holding most of
  its documents; ``killed`` (``injured``) is right when that incident's ``best`` figure
  equals the gold number (no figure counts as 0), ``place`` when its place lies within 25 km
  of the gold coordinates, ``date`` when the gold day lies within its ``start``..``end``.
  Shares of the gold incidents that have the field;
* per article (no linking): the largest killed (injured) count over the article's events
  against its incident's gold figure.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Sequence

from wirescope.evaluate.load.incidents import IncidentItem
from wirescope.evaluate.metrics import Accuracy
from wirescope.evaluate.results import Metric, Miss, Scored
from wirescope.geo import distance_km
from wirescope.records import DocumentRecord, Incident

PLACE_KM = 25.0


def predicted_cluster(record: DocumentRecord) -> str:
    lead = next((e for e in record.events if e.id == record.lead_event), None)
    if lead is None or lead.incident is None:
        return f"alone:{record.document.id}"
    return lead.incident


def bcubed(gold: Sequence[str], predicted: Sequence[str]) -> tuple[float, float, float]:
    by_gold: dict[str, set[int]] = defaultdict(set)
    by_pred: dict[str, set[int]] = defaultdict(set)
    for i, (g, p) in enumerate(zip(gold, predicted, strict=True)):
        by_gold[g].add(i)
        by_pred[p].add(i)
    precision = recall = 0.0
    for g, p in zip(gold, predicted, strict=True):
        shared = len(by_gold[g] & by_pred[p])
        precision += shared / len(by_pred[p])
        recall += shared / len(by_gold[g])
    n = len(gold) or 1
    precision, recall = precision / n, recall / n
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return precision, recall, f1


def pairwise(gold: Sequence[str], predicted: Sequence[str]) -> tuple[float, float, float, int]:
    def pairs(labels: Sequence[str]) -> int:
        return sum(n * (n - 1) // 2 for n in Counter(labels).values())

    both = pairs([f"{g}\x1f{p}" for g, p in zip(gold, predicted, strict=True)])
    gold_pairs, predicted_pairs = pairs(gold), pairs(predicted)
    precision = both / predicted_pairs if predicted_pairs else 0.0
    recall = both / gold_pairs if gold_pairs else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return precision, recall, f1, gold_pairs


def _largest(record: DocumentRecord, unit: str) -> int:
    values = [q.value for ev in record.events for q in ev.quantities
              if q.unit == unit and q.value is not None]
    return int(max(values)) if values else 0


def score(pairs: Sequence[tuple[IncidentItem, DocumentRecord]],
          incidents: Sequence[Incident] = ()) -> Scored:
    gold = [item.incident.id for item, _ in pairs]
    predicted = [predicted_cluster(record) for _, record in pairs]
    b_p, b_r, b_f = bcubed(gold, predicted)
    p_p, p_r, p_f, gold_pairs = pairwise(gold, predicted)
    n = len(pairs)
    metrics = [
        Metric(field="clusters.bcubed", measure="precision", value=b_p, support=n),
        Metric(field="clusters.bcubed", measure="recall", value=b_r, support=n),
        Metric(field="clusters.bcubed", measure="f1", value=b_f, support=n),
        Metric(field="clusters.pairwise", measure="precision", value=p_p, support=gold_pairs),
        Metric(field="clusters.pairwise", measure="recall", value=p_r, support=gold_pairs),
        Metric(field="clusters.pairwise", measure="f1", value=p_f, support=gold_pairs),
    ]
    misses: list[Miss] = []
    by_id = {i.id: i for i in incidents}
    members: dict[str, list[int]] = defaultdict(list)
    for index, g in enumerate(gold):
        members[g].append(index)
    figures = {name: Accuracy() for name in ("killed", "injured", "place", "date")}
    for incident_id, indexes in members.items():
        truth = pairs[indexes[0]][0].incident
        chosen = Counter(predicted[i] for i in indexes).most_common(1)[0][0]
        found = by_id.get(chosen)
        for name, expected in (("killed", truth.killed), ("injured", truth.injured)):
            if expected is None:
                continue
            summary = getattr(found, name) if found else None
            best = summary.best if summary and summary.best is not None else 0
            ok = found is not None and int(best) == expected
            figures[name].add(ok)
            if not ok:
                record = pairs[indexes[0]][1]
                misses.append(Miss(document_id=record.document.id, text=record.document.text,
                                   field=f"incident.{name}", expected=str(expected),
                                   got=str(int(best)) if found else "-"))
        if truth.lat is not None and truth.lon is not None:
            place = found.place if found else None
            figures["place"].add(place is not None and place.lat is not None
                                 and place.lon is not None and distance_km(
                                     truth.lat, truth.lon, place.lat, place.lon) <= PLACE_KM)
        if truth.date is not None:
            day = truth.date.isoformat()
            figures["date"].add(found is not None and found.start is not None
                                and found.end is not None and found.start <= day <= found.end)
        del incident_id
    metrics += [acc.metric(f"incident.{name}") for name, acc in figures.items()]
    per_article = {name: Accuracy() for name in ("killed", "injured")}
    for item, record in pairs:
        for name, expected in (("killed", item.incident.killed),
                               ("injured", item.incident.injured)):
            if expected is not None:
                per_article[name].add(_largest(record, name) == expected)
    metrics += [acc.metric(f"article.{name}") for name, acc in per_article.items()]
    return Scored(metrics=tuple(metrics), misses=tuple(misses))

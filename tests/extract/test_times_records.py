"""Time records through the contract, the JSON Schema and the store (the optional ``anchor``
and ``partial`` fields), the registry and default settings, and two guards: spans stay
true on any text, and no module of the extractor reads the machine's clock."""

from __future__ import annotations

import dataclasses
import datetime as dt
import inspect
import pkgutil
import re
from importlib import import_module
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tests.factories import full_record
from wirescope.config import DEFAULT_EXTRACTORS
from wirescope.export.contract import from_contract, to_contract, validate
from wirescope.extractors import get, names
from wirescope.extractors import times as times_package
from wirescope.extractors.times import extract
from wirescope.records import Document, TimeExpr
from wirescope.store import SQLiteStore


def _with_times(*times: TimeExpr) -> object:
    return dataclasses.replace(full_record(), times=times)


def _time(**changes: object) -> TimeExpr:
    (base,) = full_record().times
    return dataclasses.replace(base, **changes)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    "record",
    [
        _time(anchor="published"),
        _time(anchor="dateline"),
        _time(value="XXXX-WXX-5", start="XXXX-WXX-5", end="XXXX-WXX-5", partial=True),
        _time(),
    ],
)
def test_times_contract_and_store_keep_anchor_and_partial(record: TimeExpr,
                                                          tmp_path: Path) -> None:
    doc = _with_times(record)
    data = to_contract(doc)  # type: ignore[arg-type]
    validate(data)
    assert (data["times"][0]["anchor"], data["times"][0]["partial"]) == (record.anchor,
                                                                         record.partial)
    assert from_contract(data).times == (record,)
    store = SQLiteStore.open(tmp_path / "t.db")
    try:
        store.put(doc, signature="s", run_id=None)  # type: ignore[arg-type]
        stored = store.get(doc.document.id)  # type: ignore[attr-defined]
        assert stored is not None and stored.times == (record,)
    finally:
        store.close()


def test_times_contract_reads_records_without_the_new_fields() -> None:
    data = to_contract(full_record())
    for item in data["times"]:
        del item["anchor"], item["partial"]
    validate(data)
    (record,) = from_contract(data).times
    assert (record.anchor, record.partial) == (None, False)


@pytest.mark.parametrize("bad", [{"anchor": "clock"}, {"partial": "yes"}])
def test_times_schema_rejects_unknown_anchor_or_partial(bad: dict[str, object]) -> None:
    import jsonschema

    data = to_contract(full_record())
    data["times"][0].update(bad)
    with pytest.raises(jsonschema.ValidationError):
        validate(data)


def test_times_registered_and_default() -> None:
    assert "times.rules.v1" in names()
    assert get("times.rules.v1").kind == "times"
    assert "times.rules.v1" in DEFAULT_EXTRACTORS and "times.none.v1" not in DEFAULT_EXTRACTORS


_CLOCK = re.compile(r"\.(?:today|now|utcnow|localtime|gmtime|time|time_ns|monotonic)\s*\(")


@pytest.mark.parametrize(
    "module", sorted(m.name for m in pkgutil.iter_modules(times_package.__path__))
)
def test_times_no_module_reads_the_clock(module: str) -> None:
    source = inspect.getsource(import_module(f"wirescope.extractors.times.{module}"))
    assert not _CLOCK.search(source), f"{module} calls the machine's clock"


_PHRASES = ["tomorrow", "last week", "Friday", "since May 20", "three days ago", "in June",
            "next year", "6,000 fighters", "35 percent", "a 72-hour truce", "yesterday",
            "September 30 last year", "the weekend", "now", "earlier this month"]


@settings(max_examples=60, deadline=None)
@given(st.lists(st.sampled_from(_PHRASES), min_size=1, max_size=6),
       st.sampled_from(["", " ", ". ", ", and ", " (", "\n"]))
def test_times_spans_true_and_years_never_invented(phrases: list[str], glue: str) -> None:
    text = "Rebels said " + glue.join(phrases) + "."
    found = extract(Document(id="h", text=text), None)
    previous_end = 0
    for record in found:
        assert record.span.surface(text) == record.text
        assert record.span.start >= previous_end  # in order, no overlaps
        previous_end = record.span.end
        for value in (record.value, record.start, record.end):
            assert value is None or not re.search(r"\d{4}", value)  # no publication date


@settings(max_examples=40, deadline=None)
@given(st.lists(st.sampled_from(_PHRASES), min_size=1, max_size=6),
       st.dates(min_value=dt.date(1990, 1, 1), max_value=dt.date(2030, 12, 31)))
def test_times_anchored_values_stay_near_publication(phrases: list[str],
                                                     published: dt.date) -> None:
    text = "Rebels said " + ". ".join(phrases) + "."
    for record in extract(Document(id="h", text=text, published=published), None):
        years = [int(y) for y in re.findall(r"^(\d{4})", record.value or "")]
        assert all(abs(year - published.year) <= 1 for year in years), record
        assert not record.partial

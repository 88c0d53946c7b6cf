from __future__ import annotations

import dataclasses
import datetime as dt

import pytest

from tests.factories import full_record
from wirescope.errors import BAD_DATE, InputError
from wirescope.records import Document, Failure, Span


@pytest.mark.parametrize(("start", "end"), [(-1, 3), (5, 4)])
def test_records_span_rejects_invalid(start: int, end: int) -> None:
    with pytest.raises(ValueError, match="invalid span"):
        Span(start=start, end=end)


def test_records_are_frozen_and_keyword_only() -> None:
    doc = Document(id="d", text="t")
    with pytest.raises(dataclasses.FrozenInstanceError):
        doc.id = "other"  # type: ignore[misc]
    with pytest.raises(TypeError):
        Document("d", "t")  # type: ignore[misc]


@pytest.mark.parametrize(
    "change",
    [{"text": "other"}, {"title": "T"}, {"published": dt.date(2016, 5, 27)}, {"url": "u"}],
)
def test_records_fingerprint_changes_with_content_and_metadata(change: dict[str, object]) -> None:
    base = Document(id="d", text="text")
    assert base.fingerprint() == Document(id="d", text="text", origin="elsewhere").fingerprint()
    assert base.fingerprint() != dataclasses.replace(base, **change).fingerprint()


def test_records_spans_cover_every_kind() -> None:
    labels = {label.split()[0] for label, _ in full_record().spans()}
    assert labels == {"entity", "place", "time", "quote", "event", "tally", "note"}


def test_records_failure_from_error_keeps_code_reason_and_hint() -> None:
    err = InputError("bad date '5/27/16'", hint="give --date-format", code=BAD_DATE)
    failure = Failure.from_error(err, origin="c.csv:3", stage="ingest", document_id="x")
    assert failure.code == BAD_DATE
    assert failure.reason == "bad date '5/27/16'. Fix: give --date-format"
    assert failure.describe() == (
        "x (c.csv:3): [W104] ingest: bad date '5/27/16'. Fix: give --date-format"
    )

from __future__ import annotations

import datetime as dt

import pytest

from wirescope.errors import BAD_DATE, InputError
from wirescope.ingest.dates import parse_published


@pytest.mark.parametrize(
    ("value", "fmt", "expected"),
    [
        ("2016-05-27", None, dt.date(2016, 5, 27)),
        ("2016-05-27T10:00:00Z", None, dt.date(2016, 5, 27)),
        ("2016-05-27 10:00", None, dt.date(2016, 5, 27)),
        ("2016-05-27T10:00:00+03:00", None, dt.date(2016, 5, 27)),
        ("  2016-05-27 ", None, dt.date(2016, 5, 27)),
        ("4/5/17", "%m/%d/%y", dt.date(2017, 4, 5)),
        ("27.05.2016", "%d.%m.%Y", dt.date(2016, 5, 27)),
        (None, None, None),
        ("", None, None),
        ("   ", "%m/%d/%y", None),
    ],
)
def test_dates_parse_published_accepts(value: str | None, fmt: str | None,
                                       expected: dt.date | None) -> None:
    assert parse_published(value, fmt) == expected


@pytest.mark.parametrize(
    ("value", "fmt"),
    [
        ("4/5/17", None),  # no guessing between day-first and month-first
        ("May 27, 2016", None),
        ("2016-13-01", None),
        ("2016-02-30", None),
        ("2016-05-27", "%m/%d/%y"),
        ("yesterday", None),
    ],
)
def test_dates_parse_published_rejects_with_reason(value: str, fmt: str | None) -> None:
    with pytest.raises(InputError) as caught:
        parse_published(value, fmt)
    assert caught.value.code == BAD_DATE
    assert repr(value.strip()) in str(caught.value)
    assert "--date-format" in str(caught.value)

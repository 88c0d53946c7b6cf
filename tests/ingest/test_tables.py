from __future__ import annotations

import datetime as dt
import json

import pytest

from wirescope.errors import (
    BAD_DATE,
    BAD_ID,
    BAD_MAPPING,
    BAD_ROW,
    BAD_URL,
    EMPTY,
    NOT_UNICODE,
    UsageError,
)
from wirescope.ingest import IngestOptions, read_bytes
from wirescope.ingest.columns import ColumnMap, preset
from wirescope.records import Document, Failure

FAKES_CSV = (
    "unit_id,article_title,article_content,source,date,location\n"
    '1914947530,Syria attack,"Wed 05 Apr 2017 Victims of a suspected attack, ""quoted"".",nna,'
    "4/5/17,Idlib\n"
    "1914947531,Second,\"Multi\nline text\",alaraby,7/10/16,Aleppo\n"
)


def _read(data: str, fmt: str, options: IngestOptions | None = None) -> list[Document | Failure]:
    return list(read_bytes(data.encode(), "corpus." + fmt, fmt, options or IngestOptions()))


def test_tables_fakes_columns_detected_without_options() -> None:
    docs = _read(FAKES_CSV, "csv")
    assert [type(d) for d in docs] == [Document, Document]
    first, second = docs
    assert isinstance(first, Document) and isinstance(second, Document)
    assert first.id == "1914947530"
    assert first.title == "Syria attack"
    # the headline is read with the body
    assert first.text == 'Syria attack\n\nWed 05 Apr 2017 Victims of a suspected attack, "quoted".'
    assert first.source == "nna"
    assert first.published == dt.date(2017, 4, 5)
    assert second.text == "Second\n\nMulti\nline text"
    assert second.origin == "corpus.csv:3"


def test_tables_fakes_preset_explicit() -> None:
    docs = _read(FAKES_CSV, "csv", IngestOptions(columns=preset("fakes")))
    assert all(isinstance(d, Document) for d in docs)


@pytest.mark.parametrize(
    ("row", "expected_id", "expected_published"),
    [
        ({"id": "a1", "text": "Shelling in Homs."}, "a1", None),
        ({"text": "Shelling in Homs.", "published": "2016-05-27"}, None, dt.date(2016, 5, 27)),
        ({"id": 7, "text": "Shelling.", "published": None}, "7", None),
    ],
)
def test_tables_jsonl_rows(row: dict[str, object], expected_id: str | None,
                           expected_published: dt.date | None) -> None:
    (doc,) = _read(json.dumps(row) + "\n", "jsonl")
    assert isinstance(doc, Document)
    assert doc.id == (expected_id or doc.id)
    assert doc.id.startswith("doc-") or expected_id is not None
    assert doc.published == expected_published
    assert doc.origin == "corpus.jsonl:1"


def test_tables_jsonl_bad_lines_are_failures_and_rest_goes_on() -> None:
    lines = [
        json.dumps({"id": "ok1", "text": "Fine."}),
        "{not json",
        json.dumps(["a", "list"]),
        json.dumps({"id": "e", "text": "   "}),
        json.dumps({"id": "d", "text": "x", "published": "5/27/16"}),
        json.dumps({"id": "n", "body": "x"}),
        json.dumps({"id": "ok2", "text": "Also fine."}),
    ]
    items = _read("\n".join(lines), "jsonl")
    assert [i.id for i in items if isinstance(i, Document)] == ["ok1", "ok2"]
    failures = [i for i in items if isinstance(i, Failure)]
    assert [(f.origin, f.code) for f in failures] == [
        ("corpus.jsonl:2", BAD_ROW),
        ("corpus.jsonl:3", BAD_ROW),
        ("corpus.jsonl:4", EMPTY),
        ("corpus.jsonl:5", BAD_DATE),
        ("corpus.jsonl:6", BAD_ROW),
    ]
    assert "'text'" in failures[-1].reason and "body" in failures[-1].reason


def test_tables_column_overrides() -> None:
    columns = ColumnMap().with_overrides(("text=body", "id=uid", "published=day"))
    items = _read(json.dumps({"uid": "u", "body": "Text.", "day": "2016-01-02"}), "jsonl",
                  IngestOptions(columns=columns))
    assert items == [Document(id="u", text="Text.", published=dt.date(2016, 1, 2),
                              origin="corpus.jsonl:1")]


@pytest.mark.parametrize("pair", ["text", "body=", "nope=col", "=col"])
def test_tables_bad_column_mapping_is_usage_error(pair: str) -> None:
    with pytest.raises(UsageError) as caught:
        ColumnMap().with_overrides((pair,))
    assert caught.value.code == BAD_MAPPING


def test_tables_date_format_option_applies() -> None:
    items = _read("id,text,published\na,Text,27/05/2016\n", "csv",
                  IngestOptions(date_format="%d/%m/%Y"))
    assert isinstance(items[0], Document) and items[0].published == dt.date(2016, 5, 27)


@pytest.mark.parametrize(("line", "code", "reason"), [
    # nested beyond what a reader can follow
    ('{"id": "deep", "text": ' + "[" * 100_000 + "]" * 100_000 + "}", BAD_ROW,
     "nested too deeply"),
    # a lone surrogate escape is no Unicode text
    ('{"id": "s", "text": "Shelling \\ud800 in Homs."}', NOT_UNICODE, "lone surrogate U+D800"),
    ('{"id": "t", "title": "Bad \\udfff", "text": "Shelling in Homs."}', NOT_UNICODE,
     "of the title"),
    # a number is no article, and says so
    ('{"id": "num", "text": 12345}', BAD_ROW, "holds int '12345', not text"),
    # ids follow one rule; a link is an http(s) address
    ('{"id": "a/b", "text": "Shelling in Homs."}', BAD_ID, "slash"),
    ('{"id": "rtl\u202etxt", "text": "Shelling in Homs."}', BAD_ID, "U+202E"),
    ('{"id": "' + "x" * 300 + '", "text": "Shelling in Homs."}', BAD_ID, "1 to 200"),
    ('{"id": "js", "text": "Shelling in Homs.", "url": "javascript:alert(1)"}', BAD_URL,
     "not an http(s) address"),
])
def test_tables_jsonl_lines_that_cannot_be_read_say_why_and_the_rest_goes_on(
        line: str, code: str, reason: str) -> None:
    good = json.dumps({"id": "ok", "text": "Also fine."})
    items = _read("\n".join([line, good]), "jsonl")
    failure, document = items
    assert isinstance(failure, Failure) and failure.code == code and reason in failure.reason
    assert isinstance(document, Document) and document.id == "ok"


def test_tables_jsonl_lines_end_at_newlines_only() -> None:
    # U+2028 inside a JSON string is a character of the text, not the end of the line
    line = json.dumps({"id": "ls", "text": "First line\u2028second line."}, ensure_ascii=False)
    (document,) = _read(line + "\n", "jsonl")
    assert isinstance(document, Document) and document.text == "First line\u2028second line."


def test_tables_csv_short_row_is_not_an_empty_document() -> None:
    data = "id,title,text\nr1,Title,Full text.\nr2,Only a title\n"
    ok, short = _read(data, "csv")
    assert isinstance(ok, Document)
    assert isinstance(short, Failure) and short.code == BAD_ROW
    assert "fewer fields than the header" in short.reason

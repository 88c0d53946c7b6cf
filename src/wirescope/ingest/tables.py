"""JSON Lines and CSV corpora: one document per line or row."""

from __future__ import annotations

import csv
import io
import json
import sys
from collections.abc import Iterator, Mapping
from typing import Any

from wirescope.errors import BAD_ROW, EMPTY, InputError, WirescopeError
from wirescope.ingest.columns import ColumnMap, detect
from wirescope.ingest.dates import parse_published
from wirescope.ingest.text import document_id, require_text, require_url, with_headline
from wirescope.records import Document, Failure

csv.field_size_limit(sys.maxsize)


def row_to_document(row: Mapping[str, object], columns: ColumnMap, origin: str) -> Document:
    def get(name: str) -> str | None:
        value = row.get(name)
        if value is None:
            return None
        text = str(value).strip()
        return require_text(text, field=name) if text else None

    if columns.text not in row:
        raise InputError(
            f"no {columns.text!r} field (fields: {', '.join(sorted(map(str, row))) or 'none'})",
            hint="map the text column with --column text=NAME or --columns PRESET",
            code=BAD_ROW,
        )
    raw_text = row.get(columns.text)
    if raw_text is not None and not isinstance(raw_text, str):
        raise InputError(f"the {columns.text!r} field holds {type(raw_text).__name__} "
                         f"{str(raw_text)[:40]!r}, not text", code=BAD_ROW)
    body = require_text(raw_text)
    title = get(columns.title)
    return Document(
        id=document_id(get(columns.id), body),
        text=with_headline(title, body),
        title=title,
        source=get(columns.source),
        url=require_url(get(columns.url)),
        published=parse_published(row.get(columns.published), columns.date_format),
        origin=origin,
    )


def read_jsonl(data: str, name: str, columns: ColumnMap) -> Iterator[Document | Failure]:
    # Lines end at "\n" only: U+2028 and the other breaks str.splitlines() knows are
    # characters a JSON string may hold.
    for number, line in enumerate(data.split("\n"), start=1):
        if not line.strip():
            continue
        origin = f"{name}:{number}"
        try:
            row = json.loads(line)
            if not isinstance(row, dict):
                raise InputError(f"line is JSON {type(row).__name__}, not an object", code=BAD_ROW)
            yield row_to_document(row, columns, origin)
        except json.JSONDecodeError as exc:
            reason = f"invalid JSON: {exc}"
            yield Failure(origin=origin, stage="ingest", code=BAD_ROW, reason=reason)
        except RecursionError:
            yield Failure(origin=origin, stage="ingest", code=BAD_ROW,
                          reason="invalid JSON: nested too deeply to read")
        except WirescopeError as exc:
            yield Failure.from_error(exc, origin=origin, stage="ingest")


_MISSING: Any = object()  # a field a short CSV row does not reach


def read_csv(data: str, name: str, columns: ColumnMap) -> Iterator[Document | Failure]:
    # strict: a quote left open is an error, not a field that swallows the rows after it
    reader = csv.DictReader(io.StringIO(data, newline=""), restval=_MISSING, strict=True)
    columns = detect(set(reader.fieldnames or ()), columns)
    rows = 0
    while True:
        start_line = reader.reader.line_num + 1  # (DictReader's own count skips errors)
        try:
            row = next(reader)
            rows += 1
        except StopIteration:
            if not rows:  # a header and nothing under it: said, not skipped in silence
                yield Failure(origin=name, stage="ingest", code=EMPTY,
                              reason="no rows: the CSV holds only its header")
            return
        except csv.Error as exc:  # the reader starts afresh at the next record
            origin = f"{name}:{start_line}"
            yield Failure(origin=origin, stage="ingest", code=BAD_ROW, reason=(
                f"invalid CSV from this line on to the next quote: {exc} (a quote left open "
                "takes the lines after it into its field)"))
            continue
        origin = f"{name}:{start_line}"
        missing = [k for k, v in row.items() if v is _MISSING]
        if columns.text in missing:  # a short row, not an empty text
            yield Failure(origin=origin, stage="ingest", code=BAD_ROW, reason=(
                f"the row has fewer fields than the header: no {columns.text!r}"))
            continue
        try:
            yield row_to_document({k: None if v is _MISSING else v for k, v in row.items()},
                                  columns, origin)
        except WirescopeError as exc:
            yield Failure.from_error(exc, origin=origin, stage="ingest")

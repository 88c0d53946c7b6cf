"""PETRARCH2 validation records (openeventdata/UniversalPetrarch): sentences coded in CAMEO.

The file is not well-formed XML (``<Sentence …/>`` is self-closed and then closed again, and
comments sit outside elements), so records are cut out with patterns: each ``<Sentence>``
with its ``<EventCoding eventcode sourcecode targetcode/>`` (or ``noevents="True"``) and
its ``<Text>``. The ``date`` attribute (YYYYMMDD) becomes the publication date.
"""

from __future__ import annotations

import datetime as dt
import html
import re
from dataclasses import dataclass
from pathlib import Path

from wirescope.records import Document

_SENTENCE = re.compile(r"<Sentence\b([^>]*?)/?>(.*?)</Sentence>", re.S)
_CODING = re.compile(r"<EventCoding\b([^>]*?)/?>")
_TEXT = re.compile(r"<Text>(.*?)</Text>", re.S)
_ATTR = re.compile(r'(\w+)="([^"]*)"')


@dataclass(frozen=True, slots=True, kw_only=True)
class CodedEvent:
    code: str
    source: str
    target: str


@dataclass(frozen=True, slots=True, kw_only=True)
class PetrarchItem:
    document: Document
    events: tuple[CodedEvent, ...]


def _attrs(raw: str) -> dict[str, str]:
    return dict(_ATTR.findall(raw))


def _date(value: str | None) -> dt.date | None:
    try:
        return dt.datetime.strptime(value or "", "%Y%m%d").date()
    except ValueError:
        return None


def read(text: str, origin: str = "petrarch") -> list[PetrarchItem]:
    items = []
    for number, found in enumerate(_SENTENCE.finditer(text), start=1):
        attrs = _attrs(found[1])
        body = found[2]
        if attrs.get("evaluate", "true").lower() == "false":
            continue
        text_match = _TEXT.search(body)
        sentence = " ".join(html.unescape(text_match[1]).split()) if text_match else ""
        if not sentence:
            continue
        events = []
        for coding in _CODING.finditer(body):
            c = _attrs(coding[1])
            if c.get("noevents", "").lower() == "true" or "eventcode" not in c:
                continue
            events.append(
                CodedEvent(
                    code=c["eventcode"], source=c.get("sourcecode", ""),
                    target=c.get("targetcode", ""),
                )
            )
        doc_id = attrs.get("id") or f"sentence-{number}"
        items.append(
            PetrarchItem(
                document=Document(
                    id=f"petrarch-{doc_id}", text=sentence, published=_date(attrs.get("date")),
                    origin=f"{origin}#{doc_id}",
                ),
                events=tuple(events),
            )
        )
    return items


def load(path: Path) -> list[PetrarchItem]:
    return read(path.read_text("utf-8"), str(path))

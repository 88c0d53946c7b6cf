"""HTML pages: main text and metadata through trafilatura."""

from __future__ import annotations

import json

import trafilatura

from wirescope.errors import NO_TEXT_EXTRACTED, InputError
from wirescope.ingest.dates import parse_published
from wirescope.ingest.text import content_id, require_text, require_url, with_headline
from wirescope.records import Document

MIN_WORDS = 3  # fewer words than this is no article


def html_to_document(html: str, origin: str) -> Document:
    extracted = trafilatura.extract(
        html,
        output_format="json",
        with_metadata=True,
        include_comments=False,
        date_extraction_params={"extensive_search": False, "original_date": True},
    )
    if not extracted:
        raise InputError("no article text found in the HTML page", code=NO_TEXT_EXTRACTED)
    meta = json.loads(extracted)
    body = require_text(meta.get("text"))
    if len(body.split()) < MIN_WORDS:  # a menu's "Home", a cookie banner's "OK"
        raise InputError(f"no article text found in the HTML page (only {body[:40]!r})",
                         code=NO_TEXT_EXTRACTED)
    title = meta.get("title") or None
    return Document(
        id=content_id(body),
        text=with_headline(title, body),
        title=title,
        source=meta.get("sitename") or meta.get("hostname") or None,
        url=require_url(meta.get("url") or None),
        published=parse_published(meta.get("date")),
        origin=origin,
    )

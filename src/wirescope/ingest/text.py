"""Bytes to article text, refusing what is not text, the headline read with the body, and
stable content ids."""

from __future__ import annotations

import hashlib
import re

from wirescope.errors import BINARY, EMPTY, NOT_UNICODE, NOT_UTF8, InputError


def decode_text(data: bytes, encoding: str = "utf-8") -> str:
    """Decode an article's bytes; empty, binary and mis-encoded input raise :class:`InputError`."""
    if not data.strip():
        raise InputError("empty document (no text)", code=EMPTY)
    if b"\x00" in data[:8192]:
        raise InputError("binary content (NUL bytes), not a text article", code=BINARY)
    codec = "utf-8-sig" if encoding.lower().replace("_", "-") in ("utf-8", "utf8") else encoding
    try:
        text = data.decode(codec)
    except UnicodeDecodeError as exc:
        raise InputError(
            f"not {encoding} text: byte 0x{data[exc.start]:02x} at offset {exc.start}",
            hint="give --encoding (for example cp1252) if the file uses another encoding",
            code=NOT_UTF8,
        ) from exc
    return require_text(text)


def require_text(text: str | None, *, field: str = "text") -> str:
    """The text, or :class:`InputError` when it is empty or no valid Unicode (a lone
    surrogate, as a JSON string's "\\ud800" escape can give)."""
    if text is None or not text.strip():
        raise InputError("empty document (no text)", code=EMPTY)
    try:
        text.encode("utf-8")
    except UnicodeEncodeError as exc:
        raise InputError(
            f"not valid Unicode: a lone surrogate U+{ord(text[exc.start]):04X} at character "
            f"{exc.start} of the {field}", code=NOT_UNICODE) from exc
    return text


def content_id(text: str) -> str:
    """A stable id for a document that has none: a hash of its text."""
    return "doc-" + hashlib.sha256(text.encode("utf-8")).hexdigest()[:16]


_SPACE = re.compile(r"\W+")
_OPENING = 300  # a headline the body repeats stands within its opening characters


def _folded(text: str) -> str:
    """Lower case, words only: "Assad clan's hometown" and "Assad clans hometown" agree."""
    return _SPACE.sub(" ", text.casefold().replace("'", "").replace("’", "")).strip()


def with_headline(title: str | None, body: str) -> str:
    """The text an article is read as: its headline, a blank line, then its body — unless
    the body already opens with the headline (after a dateline, say). The headline is where
    an article says what it is about ("Teen injured in accidental shooting"); a body that is
    a page's furniture around a short story often says it nowhere else."""
    headline = (title or "").strip()
    if not headline:
        return body
    if _folded(headline) in _folded(body[: len(headline) + _OPENING]):
        return body
    return f"{headline}\n\n{body}"

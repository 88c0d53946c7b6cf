"""Bytes to article text, refusing what is not text, the headline read with the body, and
stable content ids."""

from __future__ import annotations

import codecs
import hashlib
import re
import unicodedata
from urllib.parse import urlsplit

from wirescope.errors import (
    BAD_ID,
    BAD_URL,
    BINARY,
    EMPTY,
    NOT_UNICODE,
    NOT_UTF8,
    TOO_LONG,
    InputError,
)

MAX_CHARS = 2_000_000  # characters one document may hold (a long report is ~200,000)
MAX_ID = 200  # characters of an id
MAX_URL = 2_048
URL_SCHEMES = ("http", "https")

_BOMS = (  # UTF-32 first: its little-endian mark begins with UTF-16's
    (codecs.BOM_UTF32_LE, "utf-32"), (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16"),
)


def _utf16_without_mark(head: bytes) -> str | None:
    """UTF-16 with no byte-order mark: one of each two bytes is NUL across the text."""
    if len(head) < 8:
        return None
    even, odd = head[0::2], head[1::2]
    if odd.count(0) >= 0.9 * len(odd) and even.count(0) <= 0.1 * len(even):
        return "utf-16-le"
    if even.count(0) >= 0.9 * len(even) and odd.count(0) <= 0.1 * len(odd):
        return "utf-16-be"
    return None


_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?([A-Za-z0-9_.:-]+)""", re.I)


def declared_charset(data: bytes) -> str | None:
    """The charset an HTML page declares in its head (``<meta charset=…>`` or the
    http-equiv Content-Type), if it is one Python knows."""
    found = _META_CHARSET.search(data[:4096])
    if found is None:
        return None
    name = found.group(1).decode("ascii", "replace")
    try:
        return codecs.lookup(name).name
    except LookupError:
        return None


def decode_text(data: bytes, encoding: str = "utf-8", *, named: bool = False) -> str:
    """Decode an article's bytes: a byte-order mark (UTF-8, UTF-16, UTF-32) or UTF-16's
    pattern of NULs says the encoding; else UTF-8, and ``encoding`` only for a file that is
    not UTF-8 (a fallback: it never garbles the UTF-8 files of a mixed batch) — unless it is
    ``named`` for this file (then it is the file's encoding). Empty,
    binary and undecodable input raise :class:`InputError`."""
    if not data.strip():
        raise InputError("empty document (no text)", code=EMPTY)
    head = data[:8192]
    codec = next((name for mark, name in _BOMS if data.startswith(mark)), None)
    codec = codec or _utf16_without_mark(head)
    if codec is None and b"\x00" in head:
        raise InputError("binary content (NUL bytes), not a text article", code=BINARY)
    if codec is not None:
        candidates: tuple[str, ...] = (codec,)
    elif named:  # the user named this file's encoding: an override, not a fallback
        candidates = (encoding,)
    elif encoding.lower().replace("_", "-") in ("utf-8", "utf8"):
        candidates = ("utf-8",)
    else:
        candidates = ("utf-8", encoding)
    for name in candidates:
        try:
            return require_text(data.decode(name), whole_file=True)
        except UnicodeDecodeError as exc:
            error = exc
            last = name
        except LookupError as exc:
            raise InputError(f"unknown encoding {encoding!r}", code=NOT_UTF8) from exc
    raise InputError(
        f"not {last} text: byte 0x{data[error.start]:02x} at offset {error.start}",
        hint=_guess(data), code=NOT_UTF8,
    ) from error


def _guess(data: bytes) -> str:
    """How to read a file that is not UTF-8: charset-normalizer's best guess, offered, never
    applied (cp1250 and cp1252 read most bytes alike and "ê" differently: a guess taken in
    silence could garble the text without a trace)."""
    from charset_normalizer import from_bytes

    best = from_bytes(data[:65_536]).best()
    if best is None or best.chaos > 0.1:
        return "give --encoding (for example cp1252) if the file uses another encoding"
    preview = " ".join(str(best)[:60].split())
    return (f"it reads as {best.encoding} ({preview!r}); give --encoding {best.encoding} if "
            "that is right")


def require_text(text: str | None, *, field: str = "text", whole_file: bool = False) -> str:
    """The text, or :class:`InputError` when it is empty or no valid Unicode (a lone
    surrogate, as a JSON string's "\\ud800" escape can give)."""
    if text is None or not text.strip():
        raise InputError("empty document (no text)", code=EMPTY)
    if len(text) > MAX_CHARS and not whole_file:  # a table's limit is per row, not per file
        raise InputError(f"the {field} has {len(text):,} characters, over the limit of "
                         f"{MAX_CHARS:,} per document", hint="split it into articles",
                         code=TOO_LONG)
    try:
        text.encode("utf-8")
    except UnicodeEncodeError as exc:
        raise InputError(
            f"not valid Unicode: a lone surrogate U+{ord(text[exc.start]):04X} at character "
            f"{exc.start} of the {field}", code=NOT_UNICODE) from exc
    return text


def require_id(value: str) -> str:
    """An id as given, or :class:`InputError` when it breaks the rule: 1 to :data:`MAX_ID`
    characters, no whitespace, no "/" or "\\" (ids end up in URLs and file names), no control
    or format character (a newline, U+202E that shows text backwards)."""
    if not value or len(value) > MAX_ID:
        raise InputError(f"the id has {len(value)} characters; an id has 1 to {MAX_ID}",
                         code=BAD_ID)
    bad = next((c for c in value if c.isspace() or c in "/\\"
                or unicodedata.category(c).startswith("C")), None)
    if bad is not None:
        raise InputError(f"the id {value[:40]!r} holds U+{ord(bad):04X}: an id has no "
                         "whitespace, slash, backslash or control character", code=BAD_ID)
    return value


def require_url(value: str | None) -> str | None:
    """A URL as given (or none), or :class:`InputError` when its scheme is not http or
    https: a ``javascript:`` or ``file:`` address is never stored to be shown as a link."""
    if value is None:
        return None
    scheme = urlsplit(value).scheme.casefold() if len(value) <= MAX_URL else ""
    if scheme not in URL_SCHEMES or any(c.isspace() for c in value.strip()):
        raise InputError(f"the url {value[:60]!r} is not an http(s) address of at most "
                         f"{MAX_URL} characters", code=BAD_URL)
    return value.strip()


def document_id(given: str | None, text: str) -> str:
    """A document's id: the one given, if it keeps the id rule (:func:`require_id`), else —
    none given — a hash of its text."""
    return require_id(given) if given is not None else content_id(text)


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

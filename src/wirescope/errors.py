"""Errors with a stable code, a message that names the culprit, and how to fix it.

Codes: ``W1xx`` input/ingest, ``W2xx`` pipeline and models, ``W3xx`` store, ``W4xx`` export
and CLI usage. A code never changes meaning; tests and users can match on it.
"""

from __future__ import annotations


class WirescopeError(Exception):
    """Base error. ``str(err)`` reads ``[W101] message. Fix: hint``."""

    code = "W000"

    def __init__(self, message: str, *, hint: str | None = None, code: str | None = None) -> None:
        self.message = message
        self.hint = hint
        if code is not None:
            self.code = code
        super().__init__(str(self))

    def __str__(self) -> str:
        text = f"[{self.code}] {self.message}"
        return f"{text}. Fix: {self.hint}" if self.hint else text


class InputError(WirescopeError):
    """An input item cannot become a document (empty, binary, bad date, bad row)."""

    code = "W100"


class SourceError(WirescopeError):
    """A path or stream cannot be read at all (missing, unreadable, unknown format)."""

    code = "W110"


class PipelineError(WirescopeError):
    """The pipeline cannot be built as configured (missing model, unmet requirement)."""

    code = "W200"


class StoreError(WirescopeError):
    """The store cannot be opened, migrated or queried."""

    code = "W300"


class UsageError(WirescopeError):
    """An option or argument is wrong."""

    code = "W400"


# Input codes, named so that readers and tests share them.
EMPTY = "W101"
BINARY = "W102"
NOT_UTF8 = "W103"
BAD_DATE = "W104"
BAD_ROW = "W105"
NO_TEXT_EXTRACTED = "W106"
MISSING_PATH = "W111"
UNREADABLE = "W112"
UNKNOWN_FORMAT = "W113"
BAD_MAPPING = "W114"
NOT_A_FILE = "W115"  # a folder entry that is no regular file: skipped, with its reason
NOT_UNICODE = "W107"  # a text holding a lone surrogate (no valid Unicode)
TOO_LONG = "W108"  # a text over the per-document limit of characters
BAD_ID = "W109"  # an id that breaks the id rule (length, whitespace, "/", control characters)
BAD_URL = "W116"  # a URL whose scheme is not http or https ("javascript:", "file:")
DUPLICATE = "W117"  # the same document (id and text) a second time in one batch: skipped
HIDDEN = "W118"  # a hidden file or folder met in a folder walk: skipped, not descended into
FETCH_FAILED = "W119"  # a watched feed or page could not be fetched (no answer, an HTTP error)
BAD_FEED = "W120"  # a watched feed is no RSS or Atom feed
# Pipeline codes.
MODEL_NOT_FOUND = "W201"
UNMET_REQUIREMENT = "W202"
UNKNOWN_EXTRACTOR = "W203"
ANNOTATE_FAILED = "W210"
EXTRACT_FAILED = "W211"
TOO_SLOW = "W213"  # a document's extraction ran over the per-document time budget
BAD_SPAN = "W212"
SENTENCE_CUT = "W214"  # a note, not a failure: a stretch without a stop cut for the parser
WORKER_DIED = "W215"  # the worker process running a document died (memory, a native crash)
# Usage codes.
BAD_FILTER = "W401"  # a filter value outside its vocabulary (an unknown factuality, type)
# Store codes.
STORE_REFUSED = "W301"  # the store refused one record; the batch goes on
STORE_BUSY = "W302"  # another process held the store's write lock past the busy timeout
STORE_FULL = "W303"  # the disk (or the store's size limit) is full
STORE_BROKEN = "W304"  # the store file is damaged or not writable


def locked(exc: Exception) -> bool:
    """Is this SQLite error another connection holding the lock ("database is locked",
    "database table is locked", SQLITE_BUSY)?"""
    text = str(exc).lower()
    return "locked" in text or "busy" in text


def store_code(exc: Exception) -> tuple[str, str]:
    """A SQLite error as a coded reason: what happened, and what to do."""
    text = str(exc).lower()
    if locked(exc):
        return STORE_BUSY, ("another process kept the store locked past the busy timeout; "
                            "run the ingest again when it is done (stored documents are kept)")
    if "full" in text:
        return STORE_FULL, "the disk is full: free space and run the ingest again"
    if "malformed" in text or "readonly" in text or "read-only" in text or "i/o" in text:
        return STORE_BROKEN, (f"the store cannot be written ({exc}): check the file's "
                              "permissions, or restore it from a backup")
    return STORE_REFUSED, f"{type(exc).__name__}: {exc}"

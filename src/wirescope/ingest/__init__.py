"""Turn paths (files, folders, ``-`` for stdin) into documents, or failures that say why not.

Formats go by extension: ``.txt`` (and anything unknown) plain text, ``.jsonl``/``.ndjson``
JSON Lines, ``.csv``, ``.html``/``.htm``. Folders are walked recursively in sorted order,
skipping hidden files and folders (each said once). One bad file or row is one
:class:`Failure`; the rest goes on.
"""

from __future__ import annotations

import fnmatch
import sys
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import BinaryIO, Literal

from wirescope.errors import (
    EMPTY,
    HIDDEN,
    MISSING_PATH,
    NOT_A_FILE,
    UNKNOWN_FORMAT,
    UNREADABLE,
    SourceError,
    UsageError,
    WirescopeError,
)
from wirescope.ingest.columns import ColumnMap
from wirescope.ingest.html import html_to_document
from wirescope.ingest.tables import read_csv, read_jsonl
from wirescope.ingest.text import content_id, declared_charset, decode_text, require_text
from wirescope.records import Document, Failure

Format = Literal["txt", "jsonl", "csv", "html"]
FORMATS: tuple[Format, ...] = ("txt", "jsonl", "csv", "html")
_BY_SUFFIX: dict[str, Format] = {
    ".txt": "txt",
    ".text": "txt",
    ".jsonl": "jsonl",
    ".ndjson": "jsonl",
    ".csv": "csv",
    ".html": "html",
    ".htm": "html",
}

__all__ = [
    "FORMATS", "ColumnMap", "IngestOptions", "check_paths", "read_bytes", "read_file", "read_paths",
    "walk",
]


@dataclass(frozen=True, slots=True, kw_only=True)
class IngestOptions:
    columns: ColumnMap = field(default_factory=ColumnMap)
    encoding: str = "utf-8"  # the fallback for a file that is not UTF-8
    stdin_format: Format = "txt"
    date_format: str | None = None
    # (file name or glob, encoding): the files it names are read in it, whatever else holds
    named_encodings: tuple[tuple[str, str], ...] = ()

    def encoding_for(self, origin: str) -> tuple[str, bool]:
        """The encoding to read ``origin`` in, and whether it is named for it (an override:
        no UTF-8 first)."""
        name = Path(origin).name
        for pattern, encoding in self.named_encodings:
            if origin == pattern or fnmatch.fnmatch(name, pattern) or fnmatch.fnmatch(
                    origin, pattern):
                return encoding, True
        return self.encoding, False

    def column_map(self) -> ColumnMap:
        if self.date_format is None:
            return self.columns
        return replace(self.columns, date_format=self.date_format)


def format_of(path: Path) -> Format:
    return _BY_SUFFIX.get(path.suffix.lower(), "txt")


def check_paths(paths: Iterable[str]) -> None:
    """Fail fast, before any work, when a named path does not exist."""
    for raw in paths:
        if raw != "-" and not Path(raw).exists():
            raise SourceError(f"no such file or folder: {raw}", code=MISSING_PATH)


def read_paths(
    paths: Iterable[str], options: IngestOptions | None = None, stdin: BinaryIO | None = None
) -> Iterator[Document | Failure]:
    options = options or IngestOptions()
    for raw in paths:
        if raw == "-":
            stream = stdin if stdin is not None else sys.stdin.buffer
            yield from read_bytes(stream.read(), "<stdin>", options.stdin_format, options)
            continue
        path = Path(raw)
        if path.is_dir():
            found = False
            for child in walk(path):
                found = True
                if isinstance(child, Failure):
                    yield child
                else:
                    yield from read_file(child, options)
            if not found:
                yield Failure(origin=raw, stage="ingest", code=EMPTY,
                              reason=f"empty folder: {raw} holds no files to read")
        elif path.exists() and not path.is_file():
            # a FIFO named on the command line would block the batch forever
            yield Failure(origin=raw, stage="ingest", code=NOT_A_FILE,
                          reason=f"skipped {raw}: {_kind(path)}, not a regular file")
        elif path.exists():
            yield from read_file(path, options)
        else:
            yield Failure(
                origin=raw, stage="ingest", code=MISSING_PATH,
                reason=f"no such file or folder: {raw}",
            )


def walk(folder: Path, seen: set[tuple[int, int]] | None = None) -> Iterator[Path | Failure]:
    """The regular files under ``folder``; a folder that cannot be listed, an entry that is
    no regular file (a dangling link, a FIFO, a device) and a link back to a folder already
    walked (a loop) are failures that say so — the walk goes on."""
    seen = set() if seen is None else seen
    try:
        info = folder.stat()
        if (info.st_dev, info.st_ino) in seen:
            yield Failure(origin=str(folder), stage="ingest", code=NOT_A_FILE,
                          reason=f"skipped {folder}: a folder already read (a link back to "
                          "it, a loop, or a second link to it)")
            return
        seen.add((info.st_dev, info.st_ino))
        children = sorted(folder.iterdir())
    except OSError as exc:
        yield Failure(origin=str(folder), stage="ingest", code=UNREADABLE,
                      reason=f"cannot list folder {folder}: {exc.strerror or exc}")
        return
    for child in children:
        if child.name.startswith("."):  # ".git", ".DS_Store": said once, not walked
            yield Failure(origin=str(child), stage="ingest", code=HIDDEN,
                          reason=f"skipped {child}: hidden (its name starts with '.'); "
                          "name it on the command line to read it")
            continue
        try:
            if child.is_dir():
                yield from walk(child, seen)
            elif child.is_file():
                yield child
            else:
                yield Failure(origin=str(child), stage="ingest", code=NOT_A_FILE,
                              reason=f"skipped {child}: {_kind(child)}, not a regular file")
        except OSError as exc:
            yield Failure(origin=str(child), stage="ingest", code=UNREADABLE,
                          reason=f"cannot read {child}: {exc.strerror or exc}")


def _kind(path: Path) -> str:
    if path.is_symlink() and not path.exists():
        return "a link to nothing"
    if path.is_fifo():
        return "a named pipe"
    if path.is_socket():
        return "a socket"
    if path.is_block_device() or path.is_char_device():
        return "a device"
    return "not a file"


def read_file(path: Path, options: IngestOptions) -> Iterator[Document | Failure]:
    try:
        data = path.read_bytes()
    except OSError as exc:
        yield Failure(
            origin=str(path), stage="ingest", code=UNREADABLE,
            reason=f"cannot read {path}: {exc.strerror or exc}",
        )
        return
    yield from read_bytes(data, str(path), format_of(path), options)


def read_bytes(
    data: bytes, origin: str, fmt: str, options: IngestOptions
) -> Iterator[Document | Failure]:
    """Documents from the bytes of one file or stream in format ``fmt``."""
    if fmt not in FORMATS:
        raise UsageError(
            f"unknown input format {fmt!r}", hint=f"use one of {', '.join(FORMATS)}",
            code=UNKNOWN_FORMAT,
        )
    try:
        # a page's own <meta charset> is the fallback for a page that is not UTF-8
        encoding, named = options.encoding_for(origin)
        declared = declared_charset(data) if fmt == "html" and not named else None
        text = decode_text(data, declared or encoding, named=named)
        if fmt == "jsonl":
            yield from read_jsonl(text, origin, options.column_map())
        elif fmt == "csv":
            yield from read_csv(text, origin, options.column_map())
        elif fmt == "html":
            yield html_to_document(text, origin)
        else:
            text = require_text(text)  # a plain file is one document: its limit applies
            yield Document(id=content_id(text), text=text, origin=origin)
    except WirescopeError as exc:
        yield Failure.from_error(exc, origin=origin, stage="ingest")

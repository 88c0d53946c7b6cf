"""Follow folders and news feeds: ingest what is new as it arrives, and remember what was read.

``wirescope watch SOURCE…`` reads each SOURCE — a folder (every file under it, read as
``ingest`` reads it) or an RSS/Atom feed (an http(s) address, or a feed file; each entry's
page is fetched and read through trafilatura, as ``ingest`` reads an HTML page) — ingests what
is new, linking incidents as each record is stored, and keeps in the store (table
``watched``) what it has read. A restart, even after a kill, reads only what it had not
finished: items are marked read once their batch is stored, so at most one batch is read
again, and a document read twice is stored once.

What is new: a file whose size or modification time changed, once it has stood still for
``settle`` seconds (a file being copied in is not read half-written); a feed entry whose id (or
link) was never read. A feed that answers "not modified" to its last ETag or Last-Modified is
not parsed again. A fetch that failed for a passing reason (no connection, a timeout, HTTP 408,
429 or 5xx) is a failure record and is tried again on later passes, :data:`MAX_ATTEMPTS` times
in all; one that cannot succeed (HTTP 404, a page without article text) is a failure record,
and done.
"""

from __future__ import annotations

import calendar
import datetime as dt
import json
import time
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import TYPE_CHECKING
from urllib.parse import urlsplit

from wirescope import __version__, batch
from wirescope.errors import BAD_FEED, FETCH_FAILED, MISSING_PATH, SourceError
from wirescope.ingest import IngestOptions, read_bytes, read_file, walk
from wirescope.ingest.text import with_headline
from wirescope.records import Document, Failure
from wirescope.store.base import Store, Watched

if TYPE_CHECKING:
    import httpx

MAX_ATTEMPTS = 3  # tries of a fetch that keeps failing for a passing reason, then it is done
TIMEOUT_S = 20.0
USER_AGENT = f"wirescope/{__version__} (+https://github.com/wirescope; watch)"
FEED_ITEM = ""  # the item under which a feed keeps its own ETag and Last-Modified
_PASSING = {408, 425, 429, 500, 502, 503, 504}
_FEED_SUFFIXES = {".xml", ".rss", ".atom", ".rdf"}

Read = tuple[list[Document | Failure], bool]  # what an item gave, and whether to try again


@dataclass(frozen=True, slots=True)
class FetchFailed:
    """A fetch that failed, and whether for a passing reason (to be tried again)."""

    failure: Failure
    passing: bool


@dataclass(frozen=True, slots=True)
class Item:
    """One thing to read: a file, or a feed entry's page. ``read`` gives its documents and
    failures, and whether it failed for a passing reason (so is to be tried again)."""

    key: str
    tag: str
    read: Callable[[], Read]
    attempts: int = 0  # earlier tries that failed for a passing reason


@dataclass(slots=True)
class Pass:
    """What one pass over the sources did."""

    number: int
    new: int = 0  # items read (new, changed, or tried again)
    report: batch.Report | None = None

    def describe(self) -> str:
        r = self.report
        if r is None:
            return f"pass {self.number}: nothing new"
        return (f"pass {self.number}: {self.new} new item(s), run {r.run_id}: stored "
                f"{r.stored}, replaced {r.replaced}, unchanged {r.unchanged}, failed "
                f"{len(r.failures)}")


@dataclass(slots=True)
class Watcher:
    """Passes over ``sources``, ingesting into ``store`` through ``pipeline``.

    ``batch_size`` items are read, stored and marked read at a time; ``settle`` is how long
    a file must stand still before it is read."""

    sources: Sequence[str]
    store: Store
    pipeline: batch.Extracting
    options: IngestOptions = field(default_factory=IngestOptions)
    settle: float = 2.0
    batch_size: int = 20
    client: httpx.Client | None = None
    skip: frozenset[Path] = frozenset()  # files never read: the store's own, in a folder
    passes: int = 0

    def __post_init__(self) -> None:
        for source in self.sources:
            if not _is_url(source) and not Path(source).exists():
                raise SourceError(f"no such file or folder: {source}", code=MISSING_PATH)

    def run_pass(self) -> Pass:
        """Read every source once; ingest and mark what is new."""
        self.passes += 1
        done = Pass(self.passes)
        for source in self.sources:
            seen = self.store.watched(source)
            items, after = self._items(source, seen, done)
            for start in range(0, len(items), self.batch_size):
                chunk = items[start:start + self.batch_size]
                self._ingest(source, chunk, done)
            if after:  # the feed's own tags, once all its entries are in
                self.store.mark_watched(source, after)
        if done.report is not None:
            batch.finish(done.report, self.store)
        return done

    def watch(self, every: float, stop: Callable[[], bool] = lambda: False,
              said: Callable[[Pass], None] = lambda _: None) -> None:
        """Pass after pass, ``every`` seconds apart, until ``stop()`` holds (or Ctrl-C)."""
        while True:
            said(self.run_pass())
            if stop():
                return
            time.sleep(every)

    def close(self) -> None:
        if self.client is not None:
            self.client.close()

    # -- one source ----------------------------------------------------------------------
    def _items(self, source: str, seen: dict[str, Watched], done: Pass
               ) -> tuple[list[Item], list[Watched]]:
        """The items of ``source`` to read now, and marks to make once they are read."""
        if not _is_url(source) and not Path(source).exists():
            self._fail(Failure(origin=source, stage="ingest", code=MISSING_PATH,
                               reason=f"no such file or folder: {source} (gone since the "
                               "watch began; the other sources go on)"), done)
            return [], []
        if _is_url(source) or (Path(source).is_file() and _is_feed_file(Path(source))):
            return self._feed_items(source, seen, done)
        if Path(source).is_dir():
            return self._folder_items(Path(source), seen), []
        return self._file_items(Path(source), seen), []

    def _folder_items(self, folder: Path, seen: dict[str, Watched]) -> list[Item]:
        items = []
        for found in walk(folder):
            if isinstance(found, Failure):  # said once: its code is its tag
                if _new(seen.get(found.origin), found.code):
                    items.append(Item(found.origin, found.code, _given(found)))
                continue
            items.extend(self._file_items(found, seen))
        return items

    def _file_items(self, path: Path, seen: dict[str, Watched]) -> list[Item]:
        try:
            info = path.stat()
            if path.resolve() in self.skip:
                return []
        except OSError:
            return []  # gone since it was listed: the next pass says nothing of it either
        if 0 <= time.time() - info.st_mtime < self.settle:
            return []  # still being written, perhaps: the next pass reads it
        # (a time in the future is a skewed clock, not a file being written: it is read)
        tag = f"{info.st_size}:{info.st_mtime_ns}"
        if not _new(seen.get(str(path)), tag):
            return []
        return [Item(str(path), tag,
                     lambda: (list(read_file(path, self.options)), False))]

    def _feed_items(self, source: str, seen: dict[str, Watched], done: Pass
                    ) -> tuple[list[Item], list[Watched]]:
        """The entries of a feed not read yet, and those waiting for another try."""
        import feedparser

        last = seen.get(FEED_ITEM)
        retry = {key: w for key, w in seen.items() if key != FEED_ITEM and not w.done}
        fetched = self._fetch_feed(source, json.loads(last.tag) if last else {})
        if isinstance(fetched, FetchFailed):
            self._fail(fetched.failure, done)
            return self._retries(retry), []
        if fetched is None:  # not modified
            return self._retries(retry), []
        body, tags = fetched
        feed = feedparser.parse(body)
        if feed.bozo and not feed.entries:
            self._fail(Failure(origin=source, stage="ingest", code=BAD_FEED,
                               reason=f"{source} is no RSS or Atom feed: "
                               f"{feed.get('bozo_exception', 'no entries')}"), done)
            return self._retries(retry), []
        outlet = feed.feed.get("title") or None
        items = []
        for entry in feed.entries:
            link = entry.get("link")
            key = entry.get("id") or link
            if not key:
                continue  # an entry with neither id nor link cannot be told from the next
            before = seen.get(key)
            if before is not None and (before.done or key in retry):
                continue
            published = entry.get("published_parsed") or entry.get("updated_parsed")
            meta = {"link": link, "title": entry.get("title"), "source": outlet,
                    "published": _day(published)}
            items.append(self._entry_item(key, meta))
        return self._retries(retry) + items, [Watched(FEED_ITEM, json.dumps(tags), True, 0)]

    def _retries(self, waiting: dict[str, Watched]) -> list[Item]:
        return [replace(self._entry_item(key, json.loads(w.tag)), attempts=w.attempts)
                for key, w in waiting.items()]

    def _entry_item(self, key: str, meta: dict[str, str | None]) -> Item:
        return Item(key, json.dumps(meta, sort_keys=True), lambda: self._read_entry(meta))

    def _read_entry(self, meta: dict[str, str | None]) -> Read:
        link = meta["link"]
        if not link:
            return [Failure(origin=meta.get("title") or "feed entry", stage="ingest",
                            code=FETCH_FAILED, reason="the feed entry has no link to read")
                    ], False
        got = self._get(link)
        if isinstance(got, FetchFailed):
            return [got.failure], got.passing
        out: list[Document | Failure] = []
        for item in read_bytes(got.content, link, "html", self.options):
            out.append(item if isinstance(item, Failure) else _filled(item, meta))
        return out, False

    # -- fetching ------------------------------------------------------------------------
    def _fetch_feed(self, source: str, tags: dict[str, str]
                    ) -> tuple[bytes, dict[str, str]] | FetchFailed | None:
        """The feed's bytes and its new tags; ``None`` when it is not modified."""
        if not _is_url(source):
            path = Path(source)
            info = path.stat()
            tag = {"file": f"{info.st_size}:{info.st_mtime_ns}"}
            return None if tags == tag else (path.read_bytes(), tag)
        headers = {}
        if tags.get("etag"):
            headers["If-None-Match"] = tags["etag"]
        if tags.get("modified"):
            headers["If-Modified-Since"] = tags["modified"]
        got = self._get(source, headers)
        if isinstance(got, FetchFailed):
            return got
        if got.status_code == 304:
            return None
        new = {k: v for k, v in (("etag", got.headers.get("etag")),
                                 ("modified", got.headers.get("last-modified"))) if v}
        return got.content, new

    def _get(self, url: str, headers: dict[str, str] | None = None
             ) -> httpx.Response | FetchFailed:
        import httpx

        if self.client is None:
            self.client = httpx.Client(follow_redirects=True, timeout=TIMEOUT_S,
                                       headers={"User-Agent": USER_AGENT})
        try:
            response = self.client.get(url, headers=headers)
        except httpx.HTTPError as exc:
            return _fetch_failure(url, f"{type(exc).__name__}: {exc}", passing=True)
        if response.status_code == 304 or response.is_success:
            return response
        return _fetch_failure(url, f"HTTP {response.status_code} {response.reason_phrase}",
                              passing=response.status_code in _PASSING)

    # -- ingesting -----------------------------------------------------------------------
    def _ingest(self, source: str, chunk: list[Item], done: Pass) -> None:
        report = self._report(done)
        read: list[Document | Failure] = []
        marks = []
        for item in chunk:
            got, again = item.read()
            read.extend(got)
            attempts = item.attempts + 1 if again else 0
            finished = not again or attempts >= MAX_ATTEMPTS
            marks.append(Watched(item.key, item.tag, finished, attempts))
        done.new += len(chunk)
        batch.ingest_into(report, read, self.store, self.pipeline)
        self.store.mark_watched(source, marks)

    def _fail(self, failure: Failure, done: Pass) -> None:
        report = self._report(done)
        report.read += 1
        report.failures.append(failure)
        self.store.add_failure(failure, run_id=report.run_id)

    def _report(self, done: Pass) -> batch.Report:
        if done.report is None:
            command = "watch " + " ".join(self.sources)
            done.report = batch.Report(
                run_id=self.store.start_run(command, self.pipeline.signature))
        return done.report


def store_files(db: Path) -> frozenset[Path]:
    """A SQLite store's files (the database, its journal and write-ahead log): a watched
    folder that holds the store does not read them as articles."""
    db = db.resolve()
    return frozenset({db} | {db.with_name(db.name + tail) for tail in ("-wal", "-shm", "-journal")})


def _is_url(source: str) -> bool:
    return urlsplit(source).scheme in {"http", "https"}


def _is_feed_file(path: Path) -> bool:
    return path.suffix.lower() in _FEED_SUFFIXES


def _new(before: Watched | None, tag: str) -> bool:
    """Is an item with ``tag`` new: never read, changed since, or waiting for a retry?"""
    return before is None or before.tag != tag or not before.done


def _day(parsed: time.struct_time | None) -> str | None:
    """The UTC day of a feed's parsed time (feedparser gives UTC struct_time)."""
    if not parsed:
        return None
    return dt.datetime.fromtimestamp(calendar.timegm(parsed), tz=dt.UTC).date().isoformat()


def _given(failure: Failure) -> Callable[[], Read]:
    return lambda: ([failure], False)


def _fetch_failure(url: str, why: str, *, passing: bool) -> FetchFailed:
    again = f" (tried again on later passes, {MAX_ATTEMPTS} tries in all)" if passing else ""
    return FetchFailed(Failure(origin=url, stage="ingest", code=FETCH_FAILED,
                               reason=f"cannot fetch {url}: {why}{again}"), passing)


def _filled(doc: Document, meta: dict[str, str | None]) -> Document:
    """A page's document with what its feed entry says and the page does not: the link,
    the headline, the outlet, the day."""
    published = doc.published
    if published is None and meta.get("published"):
        published = dt.date.fromisoformat(str(meta["published"]))
    text, title = doc.text, doc.title
    if title is None and meta.get("title"):  # the headline the page did not give
        title = meta["title"]
        text = with_headline(title, text)
    return replace(doc, url=doc.url or meta.get("link"), title=title, text=text,
                   source=doc.source or meta.get("source"), published=published)


def sources_described(sources: Sequence[str]) -> Iterator[str]:
    for source in sources:
        kind = "feed" if _is_url(source) or _is_feed_file(Path(source)) else (
            "folder" if Path(source).is_dir() else "file")
        yield f"{kind} {source}"

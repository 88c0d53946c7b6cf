"""`wirescope watch`: folders and feeds followed pass after pass, against feeds and pages
this test serves on 127.0.0.1 — what is new is read once, a restart reads nothing twice,
a passing failure is tried again, a kill loses nothing."""

from __future__ import annotations

import os
import threading
import time
from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest
from click.testing import CliRunner

from wirescope.cli.main import cli
from wirescope.errors import BAD_FEED, FETCH_FAILED, HIDDEN, MISSING_PATH
from wirescope.pipeline import Pipeline
from wirescope.records import Document, Outcome
from wirescope.store import SQLiteStore
from wirescope.watch import MAX_ATTEMPTS, Watcher

pytestmark = pytest.mark.model

STORIES = {
    "/news/1": ("Two killed in shooting on Elm Street",
                "Two men were shot and killed on Elm Street in Dayton on Saturday night, "
                "police said. Officers found both men in a car. No arrests have been made."),
    "/news/2": ("Teen wounded near school in Akron",
                "A 16-year-old boy was shot and wounded near a high school in Akron on "
                "Monday afternoon, police said. He is expected to survive."),
    "/news/3": ("Man charged in robbery of Toledo store",
                "A Toledo man was charged on Tuesday with the armed robbery of a corner "
                "store on Main Street last week, prosecutors said."),
}


def page(title: str, body: str, day: str | None = "2026-11-02") -> bytes:
    meta = f'<meta property="article:published_time" content="{day}">' if day else ""
    return (f"<html><head><title>{title}</title>{meta}</head><body><article><h1>{title}</h1>"
            f"<p>{body}</p><p>{body}</p></article></body></html>").encode()


def rss(base: str, paths: Iterable[str]) -> bytes:
    items = "".join(
        f"<item><title>{STORIES[p][0]}</title><link>{base}{p}</link><guid>{base}{p}</guid>"
        f"<pubDate>Mon, 02 Nov 2026 08:00:00 GMT</pubDate></item>" for p in paths)
    return (f'<?xml version="1.0"?><rss version="2.0"><channel><title>Ohio Wire</title>'
            f"<link>{base}/</link><description>news</description>{items}</channel></rss>"
            ).encode()


def atom(base: str, paths: Iterable[str]) -> bytes:
    entries = "".join(
        f'<entry><title>{STORIES[p][0]}</title><link href="{base}{p}"/><id>urn:{p}</id>'
        f"<updated>2026-11-03T08:00:00Z</updated></entry>" for p in paths)
    return (f'<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom">'
            f"<title>Atom Wire</title><id>urn:feed</id><updated>2026-11-03T08:00:00Z</updated>"
            f"{entries}</feed>").encode()


@dataclass
class Site:
    """Pages served on 127.0.0.1: path → (status, body, ETag); every request counted."""

    base: str = ""
    pages: dict[str, tuple[int, bytes, str | None]] = field(default_factory=dict)
    hits: Counter[str] = field(default_factory=Counter)

    def serve(self, path: str, body: bytes, status: int = 200, etag: str | None = None) -> None:
        self.pages[path] = (status, body, etag)


@pytest.fixture()
def site() -> Iterator[Site]:
    served = Site()

    class Handler(BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            served.hits[self.path] += 1
            status, body, etag = served.pages.get(self.path, (404, b"not found", None))
            if etag and self.headers.get("If-None-Match") == etag:
                self.send_response(304)
                self.end_headers()
                return
            self.send_response(status)
            self.send_header("Content-Type", "application/rss+xml" if self.path.startswith(
                "/feed") else "text/html; charset=utf-8")
            if etag:
                self.send_header("ETag", etag)
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, *args: object) -> None:
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    served.base = f"http://127.0.0.1:{server.server_address[1]}"
    for path, (title, body) in STORIES.items():
        served.serve(path, page(title, body))
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield served
    server.shutdown()
    server.server_close()


def watcher(sources: list[str], store: SQLiteStore, pipeline: Pipeline, **kw: object) -> Watcher:
    return Watcher(sources, store, pipeline, settle=0, **kw)  # type: ignore[arg-type]


def test_watch_a_feed_is_read_once_and_later_only_its_new_entries(
        site: Site, any_store: SQLiteStore, pipeline: Pipeline) -> None:
    site.serve("/feed", rss(site.base, ["/news/1", "/news/2"]), etag='"v1"')
    w = watcher([site.base + "/feed"], any_store, pipeline)

    first = w.run_pass()
    assert first.new == 2 and first.report is not None and first.report.stored == 2
    assert site.hits == Counter({"/feed": 1, "/news/1": 1, "/news/2": 1})
    docs = {r.document.url: r.document for r in any_store.records()}
    assert set(docs) == {site.base + "/news/1", site.base + "/news/2"}
    assert docs[site.base + "/news/1"].title == STORIES["/news/1"][0]
    assert str(docs[site.base + "/news/1"].published) == "2026-11-02"

    second = w.run_pass()  # the feed answers "not modified": nothing is read
    assert second.report is None and second.new == 0
    assert site.hits == Counter({"/feed": 2, "/news/1": 1, "/news/2": 1})

    site.serve("/feed", rss(site.base, ["/news/3", "/news/1", "/news/2"]), etag='"v2"')
    third = w.run_pass()
    assert third.new == 1 and third.report is not None and third.report.stored == 1
    assert site.hits == Counter({"/feed": 3, "/news/1": 1, "/news/2": 1, "/news/3": 1})
    assert len(any_store.ids()) == 3
    # each stored record is linked into incidents as it is stored
    assert any(True for _ in any_store.incidents())
    w.close()


def test_watch_an_entry_takes_what_its_page_does_not_say_from_the_feed(
        site: Site, store: SQLiteStore, pipeline: Pipeline) -> None:
    title, body = STORIES["/news/2"]
    site.serve("/news/2", f"<html><body><article><p>{body}</p><p>{body}</p></article>"
               f"</body></html>".encode())
    site.serve("/feed", atom(site.base, ["/news/2"]))
    w = watcher([site.base + "/feed"], store, pipeline)
    assert w.run_pass().new == 1
    (doc,) = [r.document for r in store.records()]
    assert doc.title == title and doc.text.startswith(title + "\n\n")
    assert str(doc.published) == "2026-11-03" and doc.source == "Atom Wire"
    assert doc.url == site.base + "/news/2"


def test_watch_a_restart_reads_nothing_twice(site: Site, tmp_path: Path) -> None:
    site.serve("/feed", rss(site.base, ["/news/1", "/news/2"]))  # no ETag: parsed each pass
    db = str(tmp_path / "w.db")
    args = ["--db", db, "watch", site.base + "/feed", "--once", "--no-progress"]
    first = CliRunner().invoke(cli, args)
    assert first.exit_code == 0, first.output
    assert "2 new item(s)" in first.stdout and "stored 2" in first.stdout
    again = CliRunner().invoke(cli, args)  # a new process would see the same store
    assert again.exit_code == 0, again.output
    assert "nothing new" in again.stdout
    assert site.hits == Counter({"/feed": 2, "/news/1": 1, "/news/2": 1})


def test_watch_a_passing_failure_is_tried_again_and_a_lasting_one_is_not(
        site: Site, store: SQLiteStore, pipeline: Pipeline) -> None:
    site.serve("/feed", rss(site.base, ["/news/1", "/news/2", "/news/3"]))
    site.serve("/news/1", b"busy", status=503)
    del site.pages["/news/3"]  # 404
    w = watcher([site.base + "/feed"], store, pipeline)
    first = w.run_pass()
    assert first.report is not None and first.report.stored == 1
    failed = {f.origin: f for f in store.failures()}
    assert set(failed) == {site.base + "/news/1", site.base + "/news/3"}
    assert {f.code for f in failed.values()} == {FETCH_FAILED}
    assert "HTTP 503" in failed[site.base + "/news/1"].reason
    assert "tried again" in failed[site.base + "/news/1"].reason
    assert "HTTP 404" in failed[site.base + "/news/3"].reason

    site.serve("/news/1", page(*STORIES["/news/1"]))
    second = w.run_pass()
    assert second.new == 1 and second.report is not None and second.report.stored == 1
    assert site.hits["/news/1"] == 2 and site.hits["/news/3"] == 1  # a 404 is not asked again
    assert w.run_pass().new == 0


def test_watch_a_failure_that_lasts_is_given_up_after_its_tries(
        site: Site, store: SQLiteStore, pipeline: Pipeline) -> None:
    site.serve("/feed", rss(site.base, ["/news/1"]))
    site.serve("/news/1", b"down", status=502)
    w = watcher([site.base + "/feed"], store, pipeline)
    for _ in range(MAX_ATTEMPTS + 2):
        w.run_pass()
    assert site.hits["/news/1"] == MAX_ATTEMPTS
    assert len(store.failures()) == 1  # the same failure, said once, under its latest run


def test_watch_a_kill_in_a_pass_loses_nothing_and_rereads_at_most_one_chunk(
        site: Site, store: SQLiteStore, pipeline: Pipeline) -> None:
    site.serve("/feed", rss(site.base, ["/news/1", "/news/2", "/news/3"]))

    @dataclass
    class Killed:
        """The pipeline, killed (Ctrl-C) while extracting the second chunk."""

        calls: int = 0

        @property
        def signature(self) -> str:
            return pipeline.signature

        def run(self, documents: Iterable[Document]) -> Iterator[Outcome]:
            self.calls += 1
            if self.calls == 2:
                raise KeyboardInterrupt
            yield from pipeline.run(documents)

    w = watcher([site.base + "/feed"], store, Killed(), batch_size=1)  # type: ignore[arg-type]
    with pytest.raises(KeyboardInterrupt):
        w.run_pass()
    assert len(store.ids()) == 1
    again = watcher([site.base + "/feed"], store, pipeline, batch_size=1).run_pass()
    assert again.new == 2 and again.report is not None and again.report.stored == 2
    assert len(store.ids()) == 3
    # the first page once, the page whose chunk was killed twice, the last once
    assert sorted(site.hits[p] for p in STORIES) == [1, 1, 2]


def test_watch_a_folder_reads_new_and_changed_files_once(
        tmp_path: Path, store: SQLiteStore, pipeline: Pipeline) -> None:
    folder = tmp_path / "inbox"
    folder.mkdir()
    (folder / "a.txt").write_text(STORIES["/news/1"][1])
    (folder / ".partial").write_text("being copied")
    w = watcher([str(folder)], store, pipeline)
    first = w.run_pass()
    assert first.report is not None and first.report.stored == 1
    assert [f.code for f in first.report.failures] == [HIDDEN]
    assert w.run_pass().report is None  # nothing new, and the hidden file is not said again

    (folder / "b.txt").write_text(STORIES["/news/2"][1])
    added = w.run_pass()
    assert added.new == 1 and added.report is not None and added.report.read == 1

    (folder / "a.txt").write_text(STORIES["/news/3"][1])
    earlier = time.time() - 5  # changed, and standing still since
    os.utime(folder / "a.txt", (earlier, earlier))
    changed = w.run_pass()
    assert changed.new == 1 and changed.report is not None and changed.report.stored == 1
    assert len(store.ids()) == 3

    for child in folder.iterdir():
        child.unlink()
    folder.rmdir()
    gone = w.run_pass()  # a folder removed while watched is said, not skipped in silence
    assert gone.report is not None and [f.code for f in gone.report.failures] == [MISSING_PATH]


def test_watch_a_file_still_being_written_waits_until_it_settles(
        tmp_path: Path, store: SQLiteStore, pipeline: Pipeline) -> None:
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    (inbox / "a.txt").write_text(STORIES["/news/1"][1])
    assert Watcher([str(inbox)], store, pipeline, settle=60).run_pass().new == 0
    assert Watcher([str(inbox)], store, pipeline, settle=0).run_pass().new == 1


def test_watch_a_folder_that_holds_the_store_does_not_read_the_store(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(STORIES["/news/1"][1])
    args = ["--db", str(tmp_path / "w.db"), "watch", str(tmp_path), "--once", "--settle", "0",
            "--no-progress"]
    for _ in range(2):  # the second pass sees the store's files, written by the first
        result = CliRunner().invoke(cli, args)
        assert result.exit_code == 0, result.output
        assert "failures" not in result.output
    assert "nothing new" in result.stdout


def test_watch_a_bad_or_unreachable_feed_is_a_failure_and_the_other_sources_go_on(
        site: Site, tmp_path: Path, store: SQLiteStore, pipeline: Pipeline) -> None:
    site.serve("/feed-page", page("Not a feed", "This is a page about nothing at all."))
    site.serve("/feed", rss(site.base, ["/news/1"]))
    closed = ThreadingHTTPServer(("127.0.0.1", 0), BaseHTTPRequestHandler)
    gone = f"http://127.0.0.1:{closed.server_address[1]}/feed"
    closed.server_close()  # nothing listens there any more
    w = watcher([site.base + "/feed-page", gone, site.base + "/feed"], store, pipeline)
    done = w.run_pass()
    assert done.report is not None and done.report.stored == 1
    codes = {f.origin: f.code for f in done.report.failures}
    assert codes == {site.base + "/feed-page": BAD_FEED, gone: FETCH_FAILED}
    assert done.report.unaccounted == 0


def test_watch_a_source_that_does_not_exist_is_refused_before_any_work(tmp_path: Path) -> None:
    result = CliRunner().invoke(cli, ["--db", str(tmp_path / "w.db"), "watch",
                                      str(tmp_path / "nowhere"), "--once"])
    assert result.exit_code != 0 and "no such file or folder" in result.output

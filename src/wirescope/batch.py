"""Batch jobs over paths: extract to records, or ingest into a store. The CLI calls these."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from typing import Protocol

from tqdm import tqdm

from wirescope.errors import BAD_ROW, DUPLICATE, store_code
from wirescope.records import Document, Failure, Outcome
from wirescope.store import Store, database_errors


class Extracting(Protocol):
    """What runs the documents: a :class:`~wirescope.pipeline.Pipeline` (this machine's
    processes) or a :class:`~wirescope.cluster.DaskPipeline` (a Dask cluster's workers)."""

    @property
    def signature(self) -> str: ...

    def run(self, documents: Iterable[Document]) -> Iterator[Outcome]: ...


@dataclass(slots=True)
class Report:
    """What one ingest run did. ``failures`` holds every rejected input with its reason."""

    run_id: int | None = None
    stored: int = 0
    replaced: int = 0
    unchanged: int = 0
    failures: list[Failure] = field(default_factory=list)
    read: int = 0  # input items (documents and input failures) the run took in

    @property
    def partial(self) -> bool:
        return bool(self.failures)

    @property
    def unaccounted(self) -> int:
        """Input items with no outcome (the books: each item read is stored, replaced,
        unchanged or a failure). Anything but 0 is a bug, and the run says so."""
        return self.read - (self.stored + self.replaced + self.unchanged + len(self.failures))


def progress(items: Iterable[Document | Failure], enabled: bool) -> Iterator[Document | Failure]:
    """A progress bar on stderr when it is a terminal and ``enabled``; silent otherwise."""
    yield from tqdm(items, unit="doc", disable=None if enabled else True, desc="wirescope")


def documents_only(
    items: Iterable[Document | Failure],
    on_failure: Callable[[Failure], None],
    skip: Callable[[Document], bool] = lambda _: False,
) -> Iterator[Document]:
    """Documents to process; failures go to ``on_failure``; a repeated id within one run with
    different content is a failure (the first one is kept), an identical repeat is skipped
    and says so (a record naming the first, without the text a second time)."""
    seen: dict[str, tuple[str, str]] = {}
    for item in items:
        if isinstance(item, Failure):
            on_failure(item)
            continue
        fingerprint = item.fingerprint()
        if item.id in seen:
            first_fingerprint, first_origin = seen[item.id]
            if first_fingerprint != fingerprint:
                on_failure(
                    Failure(
                        origin=item.origin, stage="ingest", code=BAD_ROW,
                        reason=f"id {item.id!r} is already used by {first_origin} with other "
                        "content in this batch; give each document a distinct id",
                        document_id=item.id, text=item.text,
                    )
                )
            else:
                on_failure(Failure(
                    origin=item.origin, stage="ingest", code=DUPLICATE,
                    reason=f"skipped: the same document (id and text) as {first_origin}",
                    document_id=item.id))
            continue
        seen[item.id] = (fingerprint, item.origin)
        if not skip(item):
            yield item


def extract(
    items: Iterable[Document | Failure],
    pipeline: Extracting,
    *,
    show_progress: bool = False,
) -> Iterator[Outcome]:
    """Records and failures for input items (see :func:`wirescope.ingest.read_paths`)."""
    failures: list[Failure] = []
    docs = documents_only(progress(items, show_progress), failures.append)
    for outcome in pipeline.run(docs):
        while failures:
            yield failures.pop(0)
        yield outcome
    yield from failures


def ingest(
    items: Iterable[Document | Failure],
    store: Store,
    pipeline: Extracting,
    *,
    command: str = "ingest",
    show_progress: bool = False,
) -> Report:
    """Extract and store input items; identical re-ingest is a no-op, failures are stored."""
    report = Report(run_id=store.start_run(command, pipeline.signature))
    ingest_into(report, items, store, pipeline, show_progress=show_progress)
    finish(report, store)
    return report


def ingest_into(
    report: Report,
    items: Iterable[Document | Failure],
    store: Store,
    pipeline: Extracting,
    *,
    show_progress: bool = False,
) -> None:
    """Extract and store input items under the open run of ``report``, counting each
    outcome there (a run may take several batches: `wirescope watch` marks what it read
    after each)."""
    signature = pipeline.signature

    def fail(failure: Failure) -> None:
        report.failures.append(failure)
        store.add_failure(failure, run_id=report.run_id)

    def current(doc: Document) -> bool:
        if store.is_current(doc.id, doc.fingerprint(), signature):
            report.unchanged += 1
            return True
        return False

    def counted(items: Iterable[Document | Failure]) -> Iterator[Document | Failure]:
        for item in items:
            report.read += 1
            yield item

    docs = documents_only(progress(counted(items), show_progress), fail, current)
    for outcome in pipeline.run(docs):
        if isinstance(outcome, Failure):
            fail(outcome)
            continue
        try:
            result = store.put(outcome, signature=signature, run_id=report.run_id)
        except database_errors() as exc:  # one refused record is a failure; the batch goes on
            doc = outcome.document
            code, reason = store_code(exc)
            fail(Failure(origin=doc.origin, stage="store", code=code, reason=reason,
                         document_id=doc.id, text=doc.text))
            continue
        if result == "stored":
            report.stored += 1
        elif result == "replaced":
            report.replaced += 1
        else:
            report.unchanged += 1


def finish(report: Report, store: Store) -> None:
    """Close the run of ``report`` with its counts."""
    assert report.run_id is not None
    store.finish_run(
        report.run_id, stored=report.stored + report.replaced, unchanged=report.unchanged,
        failed=len(report.failures),
    )

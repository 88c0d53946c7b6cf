"""Whole-pipeline workers: each process parses *and* extracts, and sends back finished records.

With ``--processes N`` (N > 1) the documents are cut into chunks; each chunk goes to a worker
process that runs spaCy and every extractor on it (:meth:`Pipeline.run` with one process) and
returns its outcomes — records and failures, as one process would have made them. The main
process only reads the input, hands out chunks and writes what comes back, in input order.
(spaCy's own ``n_process`` parses in workers but leaves every extractor to the main process,
which becomes the bottleneck: 0.73 × bare spaCy with two processes against 0.82 × here,
``bench/bench_extract.py``.)

Workers are forked from the main process where the platform allows it, so they start with
its loaded model and knowledge bases instead of loading their own; elsewhere each builds its
pipeline from the same settings once. At most ``2 × N`` chunks are out at once, so memory
stays flat however long the input.

Nothing is lost when a worker dies (killed for memory, a crash in native code): the chunk it
held is run again one document per task in a fresh pool, and a document that kills its
worker again becomes a :class:`Failure` naming it (``W215``), while the rest of the batch
goes on. An error of the input itself (its reader raising) is raised once the documents read
before it are finished, as with one process.
"""

from __future__ import annotations

import multiprocessing
from collections import deque
from collections.abc import Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from typing import TYPE_CHECKING

from wirescope.config import Settings
from wirescope.errors import WORKER_DIED
from wirescope.records import Document, Failure, Outcome

if TYPE_CHECKING:
    from wirescope.pipeline import Pipeline

CHUNK = 8  # documents per task at most: small enough that no worker idles long at the end
_PIPELINE: Pipeline | None = None  # the worker's own (one-process) pipeline


def one_process(settings: Settings, extractors: tuple[str, ...]) -> Pipeline:
    """The one-process pipeline a worker builds for itself from the main process's settings
    and extractor names (a Dask worker as a spawned one)."""
    from wirescope.annotate.nlp import load_model
    from wirescope.extractors import get
    from wirescope.pipeline import Pipeline

    return Pipeline(load_model(settings.model), tuple(get(n) for n in extractors), 1,
                    settings.batch_size, settings)


def _start(settings: Settings, extractors: tuple[str, ...]) -> None:
    """A worker's start: keep the pipeline it inherited (fork), or build one (spawn)."""
    global _PIPELINE
    if _PIPELINE is None:
        _PIPELINE = one_process(settings, extractors)


def _work(documents: list[Document]) -> list[Outcome]:
    assert _PIPELINE is not None, "worker started without its pipeline"
    return list(_PIPELINE.run(documents))


def worker_died(document: Document, exc: BaseException) -> Failure:
    return Failure(
        origin=document.origin, stage="extract", code=WORKER_DIED,
        reason=f"the worker process died on this document ({type(exc).__name__}: {exc}); "
               "it may need more memory than the machine has, or crash spaCy",
        document_id=document.id, text=document.text)


class _Pool:
    """A process pool that can be replaced when one of its workers dies."""

    def __init__(self, pipeline: Pipeline, processes: int) -> None:
        self.pipeline, self.processes = pipeline, processes
        self.executor = self._new()

    def _new(self) -> ProcessPoolExecutor:
        global _PIPELINE
        methods = multiprocessing.get_all_start_methods()
        context = multiprocessing.get_context("fork" if "fork" in methods else "spawn")
        if context.get_start_method() == "fork":  # the children inherit the loaded pipeline
            _PIPELINE = self.pipeline.single()
        settings = self.pipeline.settings
        return ProcessPoolExecutor(
            self.processes, mp_context=context, initializer=_start,
            initargs=(settings, tuple(e.name for e in self.pipeline.extractors)))

    def submit(self, documents: list[Document]) -> Future[list[Outcome]]:
        return self.executor.submit(_work, documents)

    def renew(self) -> None:
        self.executor.shutdown(wait=False, cancel_futures=True)
        self.executor = self._new()

    def close(self) -> None:
        global _PIPELINE
        self.executor.shutdown(wait=True, cancel_futures=True)
        _PIPELINE = None


def run(pipeline: Pipeline, documents: Iterable[Document], processes: int,
        chunk: int) -> Iterator[Outcome]:
    """The outcomes of ``documents`` in input order, made by ``processes`` workers, each
    given ``chunk`` documents at a time."""
    pool = _Pool(pipeline, processes)
    pending: deque[tuple[list[Document], Future[list[Outcome]]]] = deque()
    source = iter(documents)
    broken: list[BaseException] = []
    done = False
    try:
        while True:
            while not done and len(pending) < 2 * processes:
                found, done = take_chunk(source, chunk, broken)
                if found:
                    pending.append((found, pool.submit(found)))
            if not pending:
                break
            found, future = pending.popleft()
            try:
                outcomes = future.result()
            except BrokenProcessPool:
                pool.renew()
                outcomes = _alone(pool, found)
                pending = deque((d, pool.submit(d)) for d, _ in pending)
            yield from outcomes
    finally:
        pool.close()
    if broken:
        raise broken[0]


def take_chunk(source: Iterator[Document], size: int,
          broken: list[BaseException]) -> tuple[list[Document], bool]:
    """Up to ``size`` documents, and whether the input is at its end (or broke: the error
    is kept in ``broken``)."""
    found: list[Document] = []
    try:
        while len(found) < size:
            found.append(next(source))
    except StopIteration:
        return found, True
    except Exception as exc:
        broken.append(exc)
        return found, True
    return found, False


def _alone(pool: _Pool, documents: list[Document]) -> list[Outcome]:
    """A chunk whose worker died, one document per task: each comes back, or fails as the
    one that killed its worker (and the pool is renewed for the next)."""
    outcomes: list[Outcome] = []
    for document in documents:
        try:
            outcomes.extend(pool.submit([document]).result())
        except BrokenProcessPool as exc:
            outcomes.append(worker_died(document, exc))
            pool.renew()
    return outcomes

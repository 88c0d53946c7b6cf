"""Dask: the whole pipeline on the workers of a Dask cluster (``wirescope ingest --engine
dask [--scheduler ADDRESS]``).

The input is cut into chunks of :data:`CHUNK` documents; each chunk is a task that a worker
runs through spaCy *and* every extractor (its own one-process :class:`Pipeline`, built once
per worker process from the same settings) and answers with finished outcomes — records and
failures, as one process would have made them. The main process only reads the input,
hands out chunks (at most two per worker at once, so memory stays flat however long the
input) and takes the outcomes back in input order, to be stored and linked into incidents
there, incrementally, as with one process.

The cluster is an existing one (``scheduler``: its address, ``tcp://host:8786``) or, by
default, a :class:`distributed.LocalCluster` of ``workers`` processes started for the run
and closed after it. A caller starting a local cluster from a script guards it with
``if __name__ == "__main__":`` (worker processes are spawned and import the main module).

Nothing is lost when a worker dies: Dask gives up on a task that killed its workers
(``KilledWorker``); the chunk is then run again one document per task, and a document that
kills its worker again becomes a :class:`Failure` naming it (``W215``), while the rest of
the batch goes on. An error of the input itself (its reader raising) is raised once the
documents read before it are finished. ``dask[distributed]`` is an optional dependency
(``pip install 'wirescope[dask]'``).
"""

from __future__ import annotations

import logging
from collections import deque
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from typing import TYPE_CHECKING, Any

from wirescope.config import Settings
from wirescope.errors import UsageError
from wirescope.records import Document, Outcome
from wirescope.workers import one_process, take_chunk, worker_died

if TYPE_CHECKING:
    from wirescope.pipeline import Pipeline

CHUNK = 8  # documents per task
_PIPELINES: dict[tuple[Settings, tuple[str, ...]], Pipeline] = {}  # a worker's own


def _extract(settings: Settings, extractors: tuple[str, ...],
             documents: list[Document]) -> list[Outcome]:
    """A task: the outcomes of ``documents`` through this worker's pipeline."""
    key = (settings, extractors)
    pipeline = _PIPELINES.get(key)
    if pipeline is None:
        pipeline = _PIPELINES[key] = one_process(settings, extractors)
    return list(pipeline.run(documents))


class DaskPipeline:
    """A pipeline whose documents are parsed and extracted on a Dask cluster's workers:
    what :func:`wirescope.batch.ingest` and :func:`~wirescope.batch.extract` run, as they run
    a :class:`Pipeline` (``run`` and ``signature``)."""

    def __init__(self, pipeline: Pipeline, *, scheduler: str | None = None,
                 workers: int = 2, chunk: int = CHUNK) -> None:
        self.pipeline, self.scheduler = pipeline, scheduler
        self.workers, self.chunk = workers, chunk

    @property
    def signature(self) -> str:
        return self.pipeline.signature

    @contextmanager
    def _client(self) -> Iterator[Any]:
        try:
            from distributed import Client, LocalCluster
        except ImportError as exc:
            raise UsageError("--engine dask needs Dask's distributed scheduler",
                             hint="pip install 'wirescope[dask]'") from exc
        if self.scheduler is not None:
            with Client(self.scheduler, timeout="30s") as client:
                yield client
            return
        with LocalCluster(n_workers=self.workers, threads_per_worker=1, processes=True,
                          dashboard_address=None, silence_logs=logging.ERROR) as cluster, \
                Client(cluster) as client:
            yield client

    def run(self, documents: Iterable[Document]) -> Iterator[Outcome]:
        """The outcome of each document, in input order."""
        settings = self.pipeline.settings.with_(n_process=1)
        extractors = tuple(e.name for e in self.pipeline.extractors)
        with self._client() as client:
            workers = max(1, len(client.scheduler_info().get("workers", {})))

            def submit(found: list[Document]) -> Any:
                return client.submit(_extract, settings, extractors, found, pure=False)

            pending: deque[tuple[list[Document], Any]] = deque()
            source = iter(documents)
            broken: list[BaseException] = []
            done = False
            while True:
                while not done and len(pending) < 2 * workers:
                    found, done = take_chunk(source, self.chunk, broken)
                    if found:
                        pending.append((found, submit(found)))
                if not pending:
                    break
                found, future = pending.popleft()
                try:
                    outcomes: list[Outcome] = future.result()
                except Exception:  # a worker died under it (KilledWorker), or the task failed
                    outcomes = self._alone(found, submit)
                yield from outcomes
        if broken:
            raise broken[0]

    @staticmethod
    def _alone(documents: list[Document], submit: Any) -> list[Outcome]:
        """A chunk Dask gave up on, one document per task: each comes back, or fails as the
        one its worker died on."""
        outcomes: list[Outcome] = []
        for document in documents:
            try:
                outcomes.extend(submit([document]).result())
            except Exception as exc:
                outcomes.append(worker_died(document, exc))
        return outcomes

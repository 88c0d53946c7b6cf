"""Dask: the whole pipeline on a LocalCluster's workers gives what one process gives, in
input order; a failure is a record; a document that kills its worker fails alone."""

from __future__ import annotations

import dataclasses
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from wirescope.cli.main import cli
from wirescope.cluster import DaskPipeline
from wirescope.errors import WORKER_DIED
from wirescope.ingest import IngestOptions, read_paths
from wirescope.pipeline import Pipeline
from wirescope.records import Document, DocumentRecord, Failure
from wirescope.store import open_store

FIXTURE = Path(__file__).parent / "fixtures" / "aleppo_market.jsonl"


def _documents() -> list[Document]:
    return [d for d in read_paths([str(FIXTURE)], IngestOptions()) if isinstance(d, Document)]


@pytest.mark.model
def test_cluster_local_cluster_gives_what_one_process_gives(pipeline: Pipeline) -> None:
    docs = _documents()
    alone = list(pipeline.single().run(docs))
    on_dask = list(DaskPipeline(pipeline.single(), workers=2, chunk=2).run(docs))
    assert [o.document.id for o in on_dask if isinstance(o, DocumentRecord)] == [
        d.id for d in docs]  # in input order, though three chunks ran on two workers
    assert on_dask == alone


@pytest.mark.model
def test_cluster_cli_ingest_with_dask_stores_and_links(tmp_path: Path) -> None:
    db = tmp_path / "dask.db"
    result = CliRunner().invoke(cli, ["--db", str(db), "ingest", str(FIXTURE),
                                      "--engine", "dask", "--processes", "2"])
    assert result.exit_code == 0, result.output
    assert "stored 5" in result.output
    store = open_store(db)
    try:
        assert len(store.ids()) == 5
        assert store.counts()["incidents"] > 0  # linked in the main process, as they came
    finally:
        store.close()


def test_cluster_scheduler_needs_the_dask_engine(tmp_path: Path) -> None:
    result = CliRunner().invoke(cli, ["--db", str(tmp_path / "x.db"), "ingest",
                                      str(FIXTURE), "--scheduler", "tcp://127.0.0.1:1"])
    assert result.exit_code != 0 and "--engine dask" in result.output


class _Done:
    def __init__(self, value: Any = None, error: BaseException | None = None) -> None:
        self.value, self.error = value, error

    def result(self) -> Any:
        if self.error is not None:
            raise self.error
        return self.value


def test_cluster_a_chunk_dask_gave_up_on_is_run_one_document_at_a_time() -> None:
    docs = [Document(id=f"d{i}", text=f"Shelling in Homs {i}.") for i in range(3)]

    def submit(found: list[Document]) -> _Done:
        (doc,) = found
        if doc.id == "d1":  # kills its worker every time
            return _Done(error=RuntimeError("KilledWorker: d1 killed 3 workers"))
        return _Done([DocumentRecord(document=doc)])

    outcomes = DaskPipeline._alone(docs, submit)
    assert [o.document.id if isinstance(o, DocumentRecord) else o.document_id
            for o in outcomes] == ["d0", "d1", "d2"]
    died = outcomes[1]
    assert isinstance(died, Failure) and died.code == WORKER_DIED
    assert "KilledWorker" in died.reason and died.text == docs[1].text
    assert dataclasses.replace(outcomes[0]) == DocumentRecord(document=docs[0])

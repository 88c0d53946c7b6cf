"""Whole-pipeline workers (``--processes N``): the same outcomes as one process, in input
order; a dead worker, a runaway extractor and a broken reader lose nothing."""

from __future__ import annotations

import os
from collections.abc import Iterator

import pytest
from spacy.language import Language
from spacy.tokens import Doc

from tests import test_pipeline  # (registers the test extractors and component)
from wirescope.config import Settings
from wirescope.errors import TOO_SLOW, WORKER_DIED, InputError
from wirescope.extractors import State, get, register
from wirescope.pipeline import Pipeline
from wirescope.records import Document, DocumentRecord, Failure, Outcome, TimeExpr


@register("times.test_dies.v1", kind="times")
def _dies(doc: Doc, state: State) -> Iterator[TimeExpr]:
    if "DIE" in state.document.text:
        os._exit(3)  # the worker process ends at once, as when the kernel kills it
    return iter(())


# The blank pipeline (with its component that explodes on "BOOM") and the documents of the
# one-process tests.
blank = test_pipeline.blank
_docs = test_pipeline._docs


def _seen(outcomes: list[Outcome]) -> list[tuple[str, str | None, str | None]]:
    """Each outcome as (kind, document id, failure code and stage)."""
    return [("record", o.document.id, None) if isinstance(o, DocumentRecord)
            else ("failure", o.document_id, f"{o.code} {o.stage}") for o in outcomes]


TEXTS = ("On Friday.", "BOOM here", "Calm.", "CRASH now", "Also Friday.", "Quiet.",
         "Friday again.", "BOOM twice", "End on Friday.")


@pytest.mark.parametrize(("processes", "batch_size"), [(2, 1), (2, 2), (2, 3), (3, 2)])
def test_workers_give_what_one_process_gives(blank: Language, processes: int,
                                             batch_size: int) -> None:
    extractors = (get("times.test_fragile.v1"),)
    one = list(Pipeline(blank, extractors, batch_size=batch_size).run(_docs(*TEXTS)))
    many = list(Pipeline(blank, extractors, n_process=processes,
                         batch_size=batch_size).run(_docs(*TEXTS)))
    assert _seen(many) == _seen(one)
    assert [o.document.id for o in many if isinstance(o, DocumentRecord)] == [
        "d0", "d2", "d4", "d5", "d6", "d8"]
    assert many == one  # whole records, times and failures' reasons alike


@pytest.mark.parametrize("batch_size", [1, 2, 4])
def test_workers_a_dead_worker_loses_one_document(blank: Language, batch_size: int) -> None:
    pipe = Pipeline(blank, (get("times.test_dies.v1"),), n_process=2, batch_size=batch_size)
    texts = ("one", "two", "DIE here", "four", "five", "six", "DIE again", "eight")
    out = list(pipe.run(_docs(*texts)))
    assert [o.document.id if isinstance(o, DocumentRecord) else o.document_id
            for o in out] == [f"d{i}" for i in range(len(texts))]
    failed = [o for o in out if isinstance(o, Failure)]
    assert [(f.document_id, f.code, f.text) for f in failed] == [
        ("d2", WORKER_DIED, "DIE here"), ("d6", WORKER_DIED, "DIE again")]
    assert "worker process died" in failed[0].reason and failed[0].origin == "in2"


def test_workers_keep_the_time_budget(blank: Language) -> None:
    pipe = Pipeline(blank, (get("times.test_slow.v1"),), n_process=2, batch_size=1,
                    settings=Settings(time_budget=0.5))
    out = list(pipe.run(_docs("calm", "SLOW forever", "calm too")))
    assert _seen(out) == [("record", "d0", None),
                          ("failure", "d1", f"{TOO_SLOW} times.test_slow.v1"),
                          ("record", "d2", None)]


def test_workers_finish_what_was_read_before_the_input_broke(blank: Language) -> None:
    def reader() -> Iterator[Document]:
        yield from _docs("one", "two", "three")
        raise InputError("line 4 of feed.jsonl is not JSON")

    pipe = Pipeline(blank, (get("times.test_fragile.v1"),), n_process=2, batch_size=2)
    got: list[Outcome] = []
    with pytest.raises(InputError, match="line 4"):
        for outcome in pipe.run(reader()):
            got.append(outcome)
    assert [o.document.id for o in got if isinstance(o, DocumentRecord)] == ["d0", "d1", "d2"]

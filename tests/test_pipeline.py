from __future__ import annotations

import time
from collections.abc import Iterator

import pytest
import spacy
from spacy.language import Language
from spacy.tokens import Doc

from tests.factories import span_of
from wirescope.errors import ANNOTATE_FAILED, BAD_SPAN, UNMET_REQUIREMENT, PipelineError
from wirescope.extractors import State, get, register
from wirescope.pipeline import Pipeline
from wirescope.records import Document, DocumentRecord, Entity, Failure, Span, TimeExpr


@Language.component("test_explodes_on_boom")
def _explodes(doc: Doc) -> Doc:
    if "BOOM" in doc.text:
        raise RuntimeError("component exploded")
    return doc


@register("times.test_fragile.v1", kind="times")
def _fragile_times(doc: Doc, state: State) -> Iterator[TimeExpr]:
    text = state.document.text
    if "CRASH" in text:
        raise ValueError("cannot parse this")
    if "Friday" in text:
        span = span_of("Friday", text)
        yield TimeExpr(id="t1", document_id=state.document.id, extractor="times.test_fragile.v1",
                       text="Friday", span=span, value=None, start=None, end=None,
                       precision="unknown")


@register("entities.test_out_of_range.v1", kind="entities")
def _bad_span(doc: Doc, state: State) -> Iterator[Entity]:
    yield Entity(id="e", document_id=state.document.id, extractor="x", name="x", type="t",
                 actor_type=None, mentions=(Span(start=0, end=len(state.document.text) + 5),))


@register("entities.test_same_id.v1", kind="entities")
def _same_id(doc: Doc, state: State) -> Iterator[Entity]:
    for start in (0, 1):
        yield Entity(id="e", document_id=state.document.id, extractor="x", name="x", type="t",
                     actor_type=None, mentions=(Span(start=start, end=start + 1),))


@register("times.test_slow.v1", kind="times")
def _slow(doc: Doc, state: State) -> Iterator[TimeExpr]:
    if "SLOW" in state.document.text:
        while True:  # a runaway rule: never returns by itself
            pass
    return iter(())


@register("times.test_sluggish.v1", kind="times")
def _sluggish(doc: Doc, state: State) -> Iterator[TimeExpr]:
    if "SLUGGISH" in state.document.text:
        time.sleep(0.5)  # slow, but it ends
    return iter(())


@pytest.fixture()
def blank() -> Language:
    nlp = spacy.blank("en")
    nlp.add_pipe("test_explodes_on_boom")
    return nlp


def _docs(*texts: str) -> list[Document]:
    return [Document(id=f"d{i}", text=t, origin=f"in{i}") for i, t in enumerate(texts)]


@pytest.mark.parametrize("batch_size", [1, 2, 8])
def test_pipeline_annotate_failure_isolated_and_batch_goes_on(blank: Language,
                                                              batch_size: int) -> None:
    pipe = Pipeline(blank, (get("times.test_fragile.v1"),), batch_size=batch_size)
    out = list(pipe.run(_docs("On Friday.", "BOOM here", "Calm.", "Also Friday.")))
    assert [type(o).__name__ for o in out] == [
        "DocumentRecord", "Failure", "DocumentRecord", "DocumentRecord"
    ]
    failure = out[1]
    assert isinstance(failure, Failure)
    assert (failure.document_id, failure.stage, failure.code) == ("d1", "annotate",
                                                                  ANNOTATE_FAILED)
    assert "component exploded" in failure.reason and failure.text == "BOOM here"
    assert [o.document.id for o in out if isinstance(o, DocumentRecord)] == ["d0", "d2", "d3"]


def test_pipeline_extractor_failure_names_stage(blank: Language) -> None:
    pipe = Pipeline(blank, (get("times.test_fragile.v1"),))
    ok, failed = pipe.run(_docs("On Friday.", "CRASH now"))
    assert isinstance(ok, DocumentRecord) and [t.text for t in ok.times] == ["Friday"]
    assert isinstance(failed, Failure)
    assert failed.stage == "times.test_fragile.v1" and "cannot parse this" in failed.reason
    assert failed.origin == "in1"


def test_pipeline_rejects_span_outside_text(blank: Language) -> None:
    pipe = Pipeline(blank, (get("entities.test_out_of_range.v1"),))
    (failed,) = pipe.run(_docs("Short."))
    assert isinstance(failed, Failure) and failed.code == BAD_SPAN


def test_pipeline_rejects_two_items_with_one_id(blank: Language) -> None:
    """A store keys items by (document, id): a repeated id is a recorded failure here, not a
    crash of the whole ingest later."""
    pipe = Pipeline(blank, (get("entities.test_same_id.v1"),))
    failed, ok = pipe.run(_docs("Short.", ""))
    assert isinstance(failed, Failure) and failed.stage == "entities.test_same_id.v1"
    assert "two entities with one id: e" in failed.reason
    del ok


def test_pipeline_build_checks_requirements(blank: Language) -> None:
    with pytest.raises(PipelineError) as caught:
        Pipeline(blank, (get("entities.spacy_ner.v1"),))
    assert caught.value.code == UNMET_REQUIREMENT


def test_pipeline_records_carry_extractor_names(pipeline: Pipeline) -> None:
    (record,) = pipeline.run(_docs("Sergey Rudskoy said Russia struck Aleppo."))
    assert isinstance(record, DocumentRecord)
    assert record.extractors == tuple(e.name for e in pipeline.extractors)
    assert record.entities and all(e.extractor == pipeline.extractors[0].name
                                   for e in record.entities)


def test_pipeline_multiprocess_same_output(pipeline: Pipeline) -> None:
    texts = [f"Rudskoy said Russia struck Aleppo {i} times." for i in range(6)]
    texts.append(", ".join(f"shell {i} hit a house in Aleppo" for i in range(60)) + ".")
    single = list(pipeline.run(_docs(*texts)))
    assert isinstance(single[-1], DocumentRecord) and single[-1].notes  # notes cross processes
    multi = list(Pipeline(pipeline.nlp, pipeline.extractors, n_process=2,
                          batch_size=2).run(_docs(*texts)))
    assert single == multi


def test_pipeline_signature_changes_with_user_knowledge(pipeline: Pipeline, tmp_path) -> None:
    import dataclasses

    extra = tmp_path / "actors.json"
    extra.write_text('{"actors": []}')
    with_file = dataclasses.replace(
        pipeline, settings=dataclasses.replace(pipeline.settings, actor_files=(extra,)))
    assert with_file.signature != pipeline.signature
    assert with_file.signature.startswith(pipeline.signature + "|knowledge:")
    before = with_file.signature
    extra.write_text('{"actors": [{"id": "x", "name": "X", "type": "person"}]}')
    assert with_file.signature != before


def test_pipeline_signature_follows_the_code(pipeline: Pipeline,
                                             monkeypatch: pytest.MonkeyPatch) -> None:
    """The signature names the wirescope build and its extraction code, and is worked out
    the same without loading the model (what ``stats`` compares stored documents with)."""
    import dataclasses

    import wirescope
    from wirescope import signature

    assert f"|wirescope@{wirescope.__version__}+" in pipeline.signature
    assert signature.current(pipeline.settings) == pipeline.signature
    before = pipeline.signature
    monkeypatch.setattr(signature, "code_fingerprint", lambda: "0" * 64)  # an extractor edited
    assert pipeline.signature != before
    missing = dataclasses.replace(pipeline.settings, model="no_such_model")
    assert signature.current(missing) is None  # stats then says it cannot tell


@pytest.mark.parametrize(("text", "published"), [
    ("The army attacked the town last week.", "0001-01-01"),
    ("The army will attack the town next week.", "9999-12-31"),
    ("The army attacked the town three years ago.", "0002-06-01"),
])
def test_pipeline_a_day_outside_the_calendar_is_no_failure(
        pipeline: Pipeline, text: str, published: str) -> None:
    """A relative time shifted before year 1 or after 9999 names no possible date: the
    expression stays without a value and the document is extracted (no OverflowError)."""
    import datetime as dt

    (record,) = pipeline.run([Document(id="edge", text=text,
                                       published=dt.date.fromisoformat(published))])
    assert isinstance(record, DocumentRecord), record
    assert record.events


def test_pipeline_a_document_over_the_time_budget_is_a_failure_and_the_batch_goes_on(
        blank: Language) -> None:
    from wirescope.config import Settings
    from wirescope.errors import TOO_SLOW

    pipe = Pipeline(blank, (get("times.test_slow.v1"),),
                    settings=Settings(time_budget=0.2))
    before, slow, after = pipe.run(_docs("First.", "SLOW and stuck.", "Last."))
    assert isinstance(before, DocumentRecord) and isinstance(after, DocumentRecord)
    assert isinstance(slow, Failure) and slow.code == TOO_SLOW
    assert slow.stage == "times.test_slow.v1" and "time budget of 0.2 s" in slow.reason
    assert slow.text == "SLOW and stuck."


def test_pipeline_outside_the_main_thread_a_document_over_the_budget_is_still_a_failure(
        blank: Language) -> None:
    """No timer reaches a worker thread (HTTP ingest): the budget is checked between
    extractors, so the document that ran over is a failure once its step ends."""
    from concurrent.futures import ThreadPoolExecutor

    from wirescope.config import Settings
    from wirescope.errors import TOO_SLOW

    pipe = Pipeline(blank, (get("times.test_sluggish.v1"),),
                    settings=Settings(time_budget=0.2))
    with ThreadPoolExecutor(1) as pool:
        before, slow, after = pool.submit(
            lambda: list(pipe.run(_docs("First.", "SLUGGISH text.", "Last.")))).result()
    assert isinstance(before, DocumentRecord) and isinstance(after, DocumentRecord)
    assert isinstance(slow, Failure) and slow.code == TOO_SLOW
    assert slow.stage == "times.test_sluggish.v1"


@pytest.mark.parametrize(("path", "read"), [
    ("extractors/events/numbers.py", True),  # extraction code
    ("data/events/quantities.json", True),  # extraction data
    ("vocabulary.py", False),  # a query's names only: no article is read differently
    ("data/acled_types.json", False),
    ("store/queries.py", False),
    ("serve/api.py", False),
])
def test_pipeline_fingerprint_reads_what_extraction_reads(path: str, read: bool) -> None:
    from pathlib import Path

    import wirescope
    from wirescope import signature

    root = Path(wirescope.__file__).resolve().parent
    assert (Path(path) in signature.sources(root)) is read

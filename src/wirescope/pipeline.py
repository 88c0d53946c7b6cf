"""The pipeline: documents -> spaCy annotation -> extractors -> document records.

Built from settings (model name, extractor names, processes); requirements are checked when
it is built. A document that fails at any stage becomes a :class:`Failure` naming the stage,
and the batch goes on.
"""

from __future__ import annotations

import dataclasses
import signal
import threading
import time
from collections import Counter
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field

from spacy.language import Language
from spacy.tokens import Doc

from wirescope.annotate.nlp import annotate, cut_notes, load_model, model_provides
from wirescope.config import Settings
from wirescope.errors import BAD_SPAN, EXTRACT_FAILED, TOO_SLOW
from wirescope.extractors import Extractor, State, check_order, get, incidents
from wirescope.records import RECORD_TYPES, Document, Extracted, Failure, Outcome
from wirescope.signature import signature


@dataclass(frozen=True, slots=True)
class Pipeline:
    nlp: Language
    extractors: tuple[Extractor, ...]
    n_process: int = 1
    batch_size: int = 32
    settings: Settings = field(default_factory=Settings)

    def __post_init__(self) -> None:
        check_order(self.extractors, model_provides(self.nlp))

    @classmethod
    def from_settings(cls, settings: Settings) -> Pipeline:
        extractors = tuple(get(name) for name in settings.extractors)
        return cls(
            load_model(settings.model), extractors, settings.n_process, settings.batch_size,
            settings,
        )

    @property
    def signature(self) -> str:
        """What produced the records (:mod:`wirescope.signature`): model and version,
        extractors, the wirescope build and the user's knowledge files. A stored document
        made otherwise is re-extracted."""
        return signature(self.nlp.meta, (e.name for e in self.extractors), self.settings)

    def single(self) -> Pipeline:
        """This pipeline in one process (what each worker runs)."""
        return dataclasses.replace(self, n_process=1)

    def run(self, documents: Iterable[Document]) -> Iterator[Outcome]:
        """The outcome of each document, in input order. With more than one process,
        worker processes each parse *and* extract whole chunks (:mod:`wirescope.workers`)."""
        if self.n_process > 1:
            from wirescope import workers

            yield from workers.run(self, documents, self.n_process,
                                   min(self.batch_size, workers.CHUNK))
            return
        for item in annotate(self.nlp, documents, batch_size=self.batch_size):
            if isinstance(item, Failure):
                yield item
            else:
                yield self.extract(*item)

    def extract(self, document: Document, doc: Doc) -> Outcome:
        """The document's record, or a failure: an extractor raised, broke the contract, or
        the whole extraction ran over the time budget (``settings.time_budget`` seconds)."""
        try:
            with time_budget(self.settings.time_budget) as budget:
                return self._extract(document, doc, budget)
        except OverBudget as exc:  # ran out between two extractors
            return _failed(document, "extract", exc)

    def _extract(self, document: Document, doc: Doc, budget: Budget | None = None) -> Outcome:
        state = State(document=document, settings=self.settings)
        for extractor in self.extractors:
            try:
                found = tuple(extractor.func(doc, state))
                _check(found, extractor, document)
                if budget is not None:
                    budget.check()  # the step that ran over names the failure's stage
            except Exception as exc:
                return _failed(document, extractor.name, exc)
            state = state.add(extractor.kind, found)
        record = state.record(tuple(e.name for e in self.extractors), notes=cut_notes(doc))
        if not record.events:
            return record
        try:
            sentences = ([s.start_char for s in doc.sents]
                         if doc.has_annotation("SENT_START") else None)
            return incidents.finish(record, sentences)
        except Exception as exc:
            return _failed(document, incidents.STAGE, exc)


class OverBudget(Exception):
    code = TOO_SLOW

    def __init__(self, seconds: float) -> None:
        super().__init__(f"extraction ran over the time budget of {seconds:g} s per document "
                         "(raise it with --time-budget, or split the document)")


@dataclass(frozen=True, slots=True)
class Budget:
    """The time a document may take, checked between extractors (where no timer can
    interrupt one: outside the main thread, e.g. HTTP ingest's worker threads)."""

    seconds: float
    deadline: float

    def check(self) -> None:
        if self.seconds > 0 and time.monotonic() > self.deadline:
            raise OverBudget(self.seconds)


@contextmanager
def time_budget(seconds: float) -> Iterator[Budget]:
    """Interrupt the block with :class:`OverBudget` after ``seconds`` (a real-time timer:
    only where signals reach — the main thread of a Unix process). Elsewhere the block
    checks the yielded :class:`Budget` between steps: a document over it still becomes a
    failure, once the step that ran over ends. With 0, no limit."""
    budget = Budget(seconds, time.monotonic() + seconds)
    usable = (seconds > 0 and hasattr(signal, "setitimer")
              and threading.current_thread() is threading.main_thread())
    if not usable:
        yield budget
        return

    def over(signum: int, frame: object) -> None:
        raise OverBudget(seconds)

    previous = signal.signal(signal.SIGALRM, over)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield budget
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


def _failed(document: Document, stage: str, exc: Exception) -> Failure:
    """The document failed at ``stage``: a recorded failure that keeps its text."""
    return Failure(
        origin=document.origin, stage=stage, code=getattr(exc, "code", EXTRACT_FAILED),
        reason=f"{type(exc).__name__}: {exc}", document_id=document.id, text=document.text,
    )


class SpanError(ValueError):
    code = BAD_SPAN


def _check(found: tuple[Extracted, ...], extractor: Extractor, document: Document) -> None:
    """Guard the contract: right kind, right document, ids unique within the document,
    spans inside the text."""
    probe = State(document=document).add(extractor.kind, found).record(())
    expected = RECORD_TYPES[extractor.kind]
    for record in found:
        if not isinstance(record, expected):
            raise TypeError(f"returned a {type(record).__name__}, expected {expected.__name__}")
        if record.document_id != document.id:
            raise ValueError("returned a record for another document")
    repeated = sorted(i for i, n in Counter(getattr(r, "id", None) for r in found).items()
                      if n > 1 and i is not None)
    if repeated:
        raise ValueError(f"returned two {extractor.kind} with one id: {', '.join(repeated)}")
    limit = len(document.text)
    for label, span in probe.spans():
        if span.end > limit:
            raise SpanError(f"{label} span [{span.start}, {span.end}) exceeds text length {limit}")

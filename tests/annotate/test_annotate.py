"""Annotating a stream: one document spaCy cannot process is its failure; an error of the
input itself is never taken for one and swallowed."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from spacy.language import Language

from wirescope.annotate.nlp import annotate
from wirescope.records import Document, Failure


def _documents(n: int) -> list[Document]:
    return [Document(id=f"d{i}", text=f"Article number {i}.", origin=f"in:{i}") for i in range(n)]


@pytest.mark.parametrize("at", [0, 2, 40])
def test_annotate_an_input_error_is_raised_after_what_was_read(nlp: Language, at: int) -> None:
    def reader() -> Iterator[Document]:
        yield from _documents(at)
        raise RecursionError("the reader broke")

    done: list[str] = []
    with pytest.raises(RecursionError, match="the reader broke"):
        for item in annotate(nlp, reader(), batch_size=8):
            assert not isinstance(item, Failure)
            done.append(item[0].id)
    assert done == [f"d{i}" for i in range(at)]


def test_annotate_a_document_spacy_cannot_process_is_its_failure_and_the_rest_goes_on(
        nlp: Language, monkeypatch: pytest.MonkeyPatch) -> None:
    documents = _documents(5)
    real_call = type(nlp).__call__
    real_pipe = type(nlp).pipe

    def call(self: Language, text: str, *args: object, **kwargs: object):  # type: ignore[no-untyped-def]
        if "number 3" in text:
            raise ValueError("cannot parse")
        return real_call(self, text, *args, **kwargs)

    def pipe(self: Language, texts, *args: object, **kwargs: object):  # type: ignore[no-untyped-def]
        for text in texts:
            yield call(self, text)

    monkeypatch.setattr(type(nlp), "__call__", call)
    monkeypatch.setattr(type(nlp), "pipe", pipe)
    out = list(annotate(nlp, iter(documents), batch_size=2))
    del real_pipe
    assert [o.document_id if isinstance(o, Failure) else o[0].id for o in out] == [
        "d0", "d1", "d2", "d3", "d4"]
    assert isinstance(out[3], Failure) and "cannot parse" in out[3].reason

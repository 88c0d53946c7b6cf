from __future__ import annotations

import pytest
from spacy.tokens import Doc
from spacy.tokens import Span as SpacySpan
from spacy.vocab import Vocab

from wirescope.annotate.names import entity_id, trim
from wirescope.extractors.entities import spacy_entities
from wirescope.extractors.registry import State
from wirescope.records import Document


@pytest.mark.parametrize(
    ("surface", "expected"),
    [
        ("the United States", "United States"),
        ("The United States'", "United States"),
        ("Russia's", "Russia"),
        ("Russia’s", "Russia"),
        ("Sergey Rudskoy", "Sergey Rudskoy"),
        ("the", None),
    ],
)
def test_entities_trim(surface: str, expected: str | None) -> None:
    text = f"x {surface} y"
    span = trim(text, 2, 2 + len(surface))
    assert (span.surface(text) if span else None) == expected


def _doc(words: list[str], ents: list[tuple[int, int, str]]) -> Doc:
    doc = Doc(Vocab(), words=words)
    doc.ents = [SpacySpan(doc, s, e, label=label) for s, e, label in ents]
    return doc


def test_entities_grouped_by_type_and_name_with_true_spans() -> None:
    words = ["Sergey", "Rudskoy", "said", "the", "Nusra", "Front", "and", "the", "NUSRA",
             "FRONT", "attacked", "Aleppo", "in", "May", "."]
    doc = _doc(words, [(0, 2, "PERSON"), (3, 6, "ORG"), (7, 10, "ORG"), (11, 12, "GPE"),
                       (13, 14, "DATE")])
    text = doc.text
    found = list(spacy_entities(doc, State(document=Document(id="d", text=text))))
    assert [(e.name, e.type, len(e.mentions)) for e in found] == [
        ("Sergey Rudskoy", "person", 1),
        ("Nusra Front", "organization", 2),
        ("Aleppo", "gpe", 1),
    ]
    for entity in found:
        assert entity.document_id == "d" and entity.extractor == "entities.spacy_ner.v1"
        for m in entity.mentions:
            assert text[m.start : m.end].casefold() in {entity.name.casefold()}


def test_entities_ids_stable_across_documents_and_case() -> None:
    assert entity_id("organization", "Nusra Front") == entity_id("organization", "NUSRA  front")
    assert entity_id("organization", "Nusra Front") != entity_id("person", "Nusra Front")

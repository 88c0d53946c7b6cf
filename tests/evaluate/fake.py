"""A fast stand-in for the real pipeline: a blank spaCy model and one extractor that fails on
any document containing "BOOM" and finds nothing elsewhere."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import spacy
from spacy.tokens import Doc

from wirescope.extractors.registry import Extractor, State
from wirescope.pipeline import Pipeline
from wirescope.records import Entity

PETRARCH = """<Validation><Sentences>
<Sentence date="20080804" id="S1" evaluate="true"/>
<EventCoding eventcode="042" sourcecode="USA" targetcode="CHN" />
<Text>The US leader met Chinese officials.</Text>
</Sentence>
<Sentence date="20080804" id="S2" evaluate="true">
<EventCoding eventcode="190" sourcecode="RUS" targetcode="GEO" />
<Text>Russian troops attacked Georgian positions. BOOM</Text>
</Sentence>
<Sentence date="20080804" id="S3" evaluate="true">
<EventCoding noevents="True" />
<Text>Nothing happened.</Text>
</Sentence>
</Sentences></Validation>
"""


def _boom(doc: Doc, state: State) -> Iterator[Entity]:
    if "BOOM" in state.document.text:
        raise RuntimeError("boom")
    return iter(())


def pipeline() -> Pipeline:
    return Pipeline(spacy.blank("en"), (
        Extractor(name="entities.boom.v1", kind="entities", requires=(), func=_boom),))


def eval_folder(root: Path) -> Path:
    """A minimal eval folder: README plus a three-sentence PETRARCH2 file."""
    (root / "events").mkdir(parents=True)
    (root / "README.md").write_text("test data", "utf-8")
    (root / "events" / "PETR2_GSR_validation.xml").write_text(PETRARCH, "utf-8")
    return root

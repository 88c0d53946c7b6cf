"""wirescope as a spaCy component: ``nlp.add_pipe("wirescope")`` fills ``doc._.wirescope``.

    import spacy
    nlp = spacy.load("en_core_web_sm")      # any English pipeline with a parser and NER
    nlp.add_pipe("wirescope")               # found through the spacy_factories entry point
    doc = nlp("Rebels shelled Aleppo on Friday, killing at least 12 civilians.")
    doc._.wirescope                          # the DocumentRecord (or a Failure saying why not)

The component runs wirescope's extractors on the doc the pipeline made; the document's id is
made from its text, and it has no publication date (relative dates stay unresolved; use
:func:`wirescope.extract` with ``published=`` when the date matters). Config:
``extractors`` (versioned names; default the standard set) and ``actors`` (paths of actor
files merged into the knowledge base).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from spacy.language import Language
from spacy.tokens import Doc

from wirescope.config import Settings
from wirescope.ingest.text import document_id
from wirescope.records import Document

NAME = "wirescope"

if not Doc.has_extension(NAME):
    Doc.set_extension(NAME, default=None)


class Component:
    """Runs the extractors on each doc; built lazily, as the pipeline is finished only after
    the component is added."""

    def __init__(self, nlp: Language, settings: Settings) -> None:
        self.nlp = nlp
        self.settings = settings
        self._pipeline: Any = None

    def __call__(self, doc: Doc) -> Doc:
        if self._pipeline is None:
            from wirescope.extractors import get
            from wirescope.pipeline import Pipeline

            self._pipeline = Pipeline(self.nlp, tuple(get(n) for n in self.settings.extractors),
                                      settings=self.settings)
        document = Document(id=document_id(None, doc.text), text=doc.text, origin="spacy")
        doc._.set(NAME, self._pipeline.extract(document, doc))
        return doc


@Language.factory(NAME, default_config={"extractors": None, "actors": []},
                  assigns=[f"doc._.{NAME}"])
def make_component(nlp: Language, name: str, extractors: list[str] | None,
                   actors: list[str]) -> Component:
    settings = Settings()
    if extractors:
        settings = settings.with_(extractors=tuple(extractors))
    if actors:
        settings = settings.with_(actor_files=tuple(Path(a) for a in actors))
    return Component(nlp, settings)

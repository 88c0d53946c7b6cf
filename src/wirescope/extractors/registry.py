"""Versioned extractors, and what each requires and provides.

An extractor is a pure function ``(doc, state) -> Iterable[record]`` registered under a
versioned name such as ``"entities.spacy_ner.v1"``. It declares the annotations it requires
(spaCy attributes like ``doc.ents``, or earlier kinds like ``entities``) and the kind it
provides; :func:`check_order` verifies the chain when a pipeline is built.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Any, TypeAlias

from spacy.tokens import Doc

from wirescope.config import Settings
from wirescope.errors import UNKNOWN_EXTRACTOR, UNMET_REQUIREMENT, PipelineError
from wirescope.records import (
    Document,
    DocumentRecord,
    Entity,
    Event,
    Extracted,
    Kind,
    Note,
    Place,
    Quote,
    TimeExpr,
)


@dataclass(frozen=True, slots=True, kw_only=True)
class State:
    """What has been extracted so far from one document; each stage adds its kind."""

    document: Document
    settings: Settings = field(default_factory=Settings)
    entities: tuple[Entity, ...] = ()
    places: tuple[Place, ...] = ()
    times: tuple[TimeExpr, ...] = ()
    quotes: tuple[Quote, ...] = ()
    events: tuple[Event, ...] = ()

    def add(self, kind: Kind, found: tuple[Extracted, ...]) -> State:
        """A new state with ``found`` as the records of ``kind``."""
        changes: dict[str, Any] = {kind: found}
        return dataclasses.replace(self, **changes)

    def record(self, extractors: tuple[str, ...], notes: tuple[Note, ...] = ()) -> DocumentRecord:
        """The document's record; the events extractor's tallies (``tally`` true: running
        totals, no incident) go to its ``tallies``."""
        return DocumentRecord(
            document=self.document, entities=self.entities, places=self.places,
            times=self.times, quotes=self.quotes,
            events=tuple(e for e in self.events if not e.tally),
            tallies=tuple(e for e in self.events if e.tally), extractors=extractors,
            notes=notes,
        )


ExtractFn: TypeAlias = Callable[[Doc, State], Iterable[Extracted]]


@dataclass(frozen=True, slots=True, kw_only=True)
class Extractor:
    name: str
    kind: Kind
    requires: tuple[str, ...]
    func: ExtractFn = field(repr=False)

    @property
    def provides(self) -> str:
        return self.kind


_REGISTRY: dict[str, Extractor] = {}


def register(
    name: str, *, kind: Kind, requires: tuple[str, ...] = ()
) -> Callable[[ExtractFn], ExtractFn]:
    """Decorator: register ``func`` as extractor ``name`` (``kind.method.vN``)."""
    parts = name.split(".")
    if len(parts) != 3 or parts[0] != kind or not parts[2].startswith("v"):
        raise ValueError(f"extractor name {name!r} must read '{kind}.<method>.v<N>'")

    def deco(func: ExtractFn) -> ExtractFn:
        _REGISTRY[name] = Extractor(name=name, kind=kind, requires=requires, func=func)
        return func

    return deco


def get(name: str) -> Extractor:
    _load_builtins()
    try:
        return _REGISTRY[name]
    except KeyError:
        raise PipelineError(
            f"no extractor named {name!r}",
            hint=f"use one of: {', '.join(sorted(_REGISTRY))}",
            code=UNKNOWN_EXTRACTOR,
        ) from None


def names() -> list[str]:
    _load_builtins()
    return sorted(_REGISTRY)


def check_order(extractors: Iterable[Extractor], available: frozenset[str]) -> None:
    """Raise if an extractor requires something neither the model nor an earlier one provides."""
    have = set(available)
    for extractor in extractors:
        missing = [r for r in extractor.requires if r not in have]
        if missing:
            raise PipelineError(
                f"extractor {extractor.name!r} requires {', '.join(missing)}, which neither the "
                "spaCy pipeline nor an earlier extractor provides",
                hint="put the extractors that provide it first, or use a spaCy pipeline with "
                "the needed components",
                code=UNMET_REQUIREMENT,
            )
        have.add(extractor.provides)


_PLUGINS_LOADED: list[bool] = []


def _load_builtins() -> None:
    # Importing the modules runs their @register decorators; then the installed plugins'
    # (wirescope.plugins), once per process.
    from wirescope.extractors import actors, empty, entities, events, places, quotes, times  # noqa: F401

    if not _PLUGINS_LOADED:
        _PLUGINS_LOADED.append(True)
        from wirescope.plugins import load_extractors

        load_extractors()

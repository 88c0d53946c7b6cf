"""Placeholder extractors that find nothing, named honestly (``*.none.v1``).

They keep every kind flowing through the pipeline, store and export until the real
extractors (places, times, quotes, events) replace them in the default settings.
"""

from __future__ import annotations

from collections.abc import Iterator

from spacy.tokens import Doc

from wirescope.extractors.registry import State, register
from wirescope.records import Extracted


def _nothing(doc: Doc, state: State) -> Iterator[Extracted]:
    return iter(())


register("places.none.v1", kind="places")(_nothing)
register("times.none.v1", kind="times")(_nothing)
register("quotes.none.v1", kind="quotes")(_nothing)
register("events.none.v1", kind="events")(_nothing)

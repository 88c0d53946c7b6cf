"""One loader per gold format. Each turns a file (or folder) into gold items that carry the
:class:`~wirescope.records.Document` the pipeline runs on, and nothing else runs here."""

from typing import Protocol

from wirescope.records import Document


class GoldItem(Protocol):
    """What every loader yields: one document with its gold annotations."""

    @property
    def document(self) -> Document: ...


__all__ = ["GoldItem"]

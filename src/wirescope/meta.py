"""What a record's declaration says about each of its fields, beyond its Python type.

Every record (:mod:`wirescope.records`) is declared once, as a dataclass; a field that needs
more than its name and type says so with :func:`spec`. Everything that writes records out is
derived from that declaration by :mod:`wirescope.derive`: the ``wirescope/1`` contract
(de)serialiser and its JSON Schema, the store's columns and the CSV tables. Adding a field is its
declaration, plus a migration when the store keeps it.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass, field
from typing import Any, Literal, TypeVar, dataclass_transform

META = "wirescope"
MISSING: Any = dataclasses.MISSING  # no default


class _Nothing:
    def __repr__(self) -> str:
        return "NOTHING"


NOTHING: Any = _Nothing()  # no value to read an absent key with


@dataclass(frozen=True, slots=True, kw_only=True)
class Meta:
    doc: str = ""
    """The field's description in the JSON Schema (what a user of the export reads)."""
    contract: bool = True
    """``False``: not part of the export contract (the document id an item repeats)."""
    required: bool | None = None
    """Whether the contract requires the key; by default, when the field has no default."""
    absent: Any = NOTHING
    """The value a contract record that leaves the (optional) key out is read with."""
    schema: tuple[tuple[str, Any], ...] = ()
    """More JSON Schema keywords for the value (a pattern, bounds, a ``$ref``)."""
    group: str | None = None
    """The contract nests the field in an object of this name (an incident's ``sources``)."""
    flatten: bool = False
    """The contract writes the nested record's fields in place (a document's own fields)."""
    provides: str | None = None
    """Reading the contract, the nested record's id is given to the records after it under
    this name (a document's id is each item's ``document_id``)."""
    column: str | None = None
    """The store column (for a span: the prefix of ``_start``/``_end``) when not the name."""
    stored: Literal["column", "json", "words", "child", "none"] | None = None
    """How the store keeps it; by default a column (two for a span), and a child table for
    a tuple of records, spans or ids (the store writes those itself). ``json``: the contract
    form as JSON text; ``words``: strings joined by spaces."""
    surface: str | None = None
    """The CSV table gives the span's text under this column name, next to its offsets."""
    csv: bool = True
    csv_prefix: str | None = None
    """The CSV writes a nested record's fields as columns of their own, named with this
    prefix (an incident's place: ``place_name``, ``place_lat`` …); by default a nested
    record is one column of JSON."""


def spec(doc: str = "", *, default: Any = MISSING, **meta: Any) -> Any:
    """A dataclass field with its :class:`Meta`: ``x: str | None = spec("...", default=None)``.
    ``schema`` may be given as a dict."""
    if isinstance(meta.get("schema"), dict):
        meta["schema"] = tuple(meta["schema"].items())
    return field(default=default, metadata={META: Meta(doc=doc, **meta)})


def meta_of(f: dataclasses.Field[Any]) -> Meta:
    found = f.metadata.get(META)
    return found if isinstance(found, Meta) else _PLAIN


_PLAIN = Meta()


T = TypeVar("T")


@dataclass_transform(frozen_default=True, kw_only_default=True, field_specifiers=(field, spec))
def record(cls: type[T]) -> type[T]:
    """Declare a record: a frozen, slotted dataclass of keyword-only fields, which may be
    given with :func:`spec`."""
    return dataclass(frozen=True, slots=True, kw_only=True)(cls)

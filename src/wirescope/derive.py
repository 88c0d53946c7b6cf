"""Everything that writes a record out, derived from the record's one declaration.

A record is a dataclass of :mod:`wirescope.records` whose fields may carry a
:class:`~wirescope.meta.Meta` (:func:`wirescope.meta.spec`). From the field's type and that
metadata this module derives

* the ``wirescope/1`` contract form and back (:func:`encode`, :func:`decode`): a span is
  ``[start, end]``, a date ISO 8601, a tuple a list, a nested record an object;
* the JSON Schema of the contract form (:func:`json_schema`);
* the store's columns (:func:`columns`, :func:`row`, :func:`from_row`): a span is two columns
  ``X_start``/``X_end``, a boolean an integer, tuples of records or ids child tables;
* the CSV columns (:func:`csv_columns`, :func:`csv_row`): a span's offsets and, where declared,
  its text; lists joined with ``;``; nested records as JSON.

Each derivation is compiled once per record type.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
import types
import typing
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from functools import cache
from typing import Any, Literal, Protocol

from wirescope.meta import MISSING, NOTHING, Meta, meta_of
from wirescope.records import Span

Json = dict[str, Any]
ShapeKind = Literal["scalar", "date", "span", "spans", "strings", "record", "records"]


@dataclass(frozen=True, slots=True)
class Shape:
    """What a field's type is, as far as writing it out goes."""

    kind: ShapeKind
    optional: bool = False
    scalars: tuple[Any, ...] = ()  # python types, or the values of a Literal
    literal: bool = False
    record: type | None = None


def _shape(hint: Any) -> Shape:
    origin, args = typing.get_origin(hint), typing.get_args(hint)
    if origin in (typing.Union, types.UnionType):
        rest = tuple(a for a in args if a is not type(None))
        optional = len(rest) < len(args)
        if len(rest) == 1:
            return dataclasses.replace(_shape(rest[0]), optional=optional)
        return Shape("scalar", optional, rest)
    if origin is Literal:
        return Shape("scalar", scalars=args, literal=True)
    if origin is tuple:
        item = args[0]
        if item is Span:
            return Shape("spans")
        if item is str:
            return Shape("strings")
        if dataclasses.is_dataclass(item):
            return Shape("records", record=typing.cast(type, item))
        raise TypeError(f"no derivation for {hint!r}")
    if hint is Span:
        return Shape("span")
    if hint is dt.date:
        return Shape("date")
    if dataclasses.is_dataclass(hint):
        return Shape("record", record=typing.cast(type, hint))
    if hint in (str, int, float, bool):
        return Shape("scalar", scalars=(hint,))
    raise TypeError(f"no derivation for {hint!r}")


@dataclass(frozen=True, slots=True)
class Slot:
    """One field of a record type: its name, shape, metadata and dataclass default."""

    name: str
    shape: Shape
    meta: Meta
    default: Any

    @property
    def has_default(self) -> bool:
        return self.default is not MISSING

    @property
    def required(self) -> bool:
        """Whether the contract requires the key."""
        return self.meta.required if self.meta.required is not None else not self.has_default

    @property
    def stored(self) -> str:
        if self.meta.stored is not None:
            return self.meta.stored
        return "child" if self.shape.kind in ("spans", "strings", "records") else "column"


@cache
def slots(cls: type) -> tuple[Slot, ...]:
    """The fields of a record type, in declaration order."""
    hints = typing.get_type_hints(cls)
    found = []
    for f in dataclasses.fields(cls):
        default = f.default
        if default is MISSING and f.default_factory is not MISSING:
            default = typing.cast(Callable[[], Any], f.default_factory)()
        found.append(Slot(f.name, _shape(hints[f.name]), meta_of(f), default))
    return tuple(found)


# -- the contract form ----------------------------------------------------------------------

def _to_json(shape: Shape) -> Callable[[Any], Any]:
    kind = shape.kind
    if kind == "span":
        return lambda v: None if v is None else [v.start, v.end]
    if kind == "spans":
        return lambda v: [[s.start, s.end] for s in v]
    if kind == "strings":
        return list
    if kind == "date":
        return lambda v: None if v is None else v.isoformat()
    if kind == "record":
        assert shape.record is not None
        nested = shape.record
        return lambda v: None if v is None else encode(v, nested)
    if kind == "records":
        assert shape.record is not None
        item = shape.record
        return lambda v: [encode(x, item) for x in v]
    return _same


def _same(value: Any) -> Any:
    return value


def _from_json(shape: Shape) -> Callable[[Any, Mapping[str, Any]], Any]:
    kind = shape.kind
    if kind == "span":
        return lambda v, _: None if v is None else Span(start=v[0], end=v[1])
    if kind == "spans":
        return lambda v, _: tuple(Span(start=s, end=e) for s, e in v)
    if kind == "strings":
        return lambda v, _: tuple(v)
    if kind == "date":
        return lambda v, _: dt.date.fromisoformat(v) if v else None
    if kind == "record":
        assert shape.record is not None
        nested = shape.record
        return lambda v, ctx: None if v is None else decode(v, nested, ctx)
    if kind == "records":
        assert shape.record is not None
        item = shape.record
        return lambda v, ctx: tuple(decode(x, item, ctx) for x in v)
    return lambda v, _: v


def _json_expr(shape: Shape, value: str, ns: dict[str, Any]) -> str:
    """A Python expression of the contract form of ``value`` (an expression of the field)."""
    kind = shape.kind
    if kind == "spans":
        return f"[[s.start, s.end] for s in {value}]"
    if kind == "strings":
        return f"list({value})"
    if kind == "records":
        assert shape.record is not None
        name = f"_enc{len(ns)}"
        ns[name] = _encoder(shape.record)
        return f"[{name}(x) for x in {value}]"
    if kind == "span":
        expr = f"[{value}.start, {value}.end]"
    elif kind == "date":
        expr = f"{value}.isoformat()"
    elif kind == "record":
        assert shape.record is not None
        name = f"_enc{len(ns)}"
        ns[name] = _encoder(shape.record)
        expr = f"{name}({value})"
    else:
        return value
    return f"(None if {value} is None else {expr})" if shape.optional else expr


def _compile(name: str, source: str, ns: dict[str, Any]) -> Any:
    exec(compile(source, f"<wirescope.derive {name}>", "exec"), ns)  # generated above
    return ns[name]


@cache
def _encoder(cls: type) -> Callable[[Any], Json]:
    """The contract encoder of a record type, generated as one dict expression (as fast as
    one written by hand)."""
    ns: dict[str, Any] = {}
    parts: list[str] = []
    groups: dict[str, list[str]] = {}
    for i, value in enumerate(getattr(cls, "__contract__", {}).values()):
        ns[f"_const{i}"] = value
    parts.extend(f"{key!r}: _const{i}"
                 for i, key in enumerate(getattr(cls, "__contract__", {})))
    for s in slots(cls):
        if not s.meta.contract:
            continue
        expr = _json_expr(s.shape, f"o.{s.name}", ns)
        if s.meta.flatten:
            parts.append(f"**{expr}")
        elif s.meta.group is not None:
            if s.meta.group not in groups:
                groups[s.meta.group] = []
                parts.append(f"{s.meta.group!r}: {{GROUP:{s.meta.group}}}")
            groups[s.meta.group].append(f"{s.name!r}: {expr}")
        else:
            parts.append(f"{s.name!r}: {expr}")
    body = ", ".join(parts)
    for group, members in groups.items():
        body = body.replace(f"{{GROUP:{group}}}", "{" + ", ".join(members) + "}")
    return typing.cast(Callable[[Any], Json],
                       _compile("encode", f"def encode(o):\n    return {{{body}}}\n", ns))


def encode(obj: Any, cls: type | None = None) -> Json:
    """A record in its contract form (JSON-ready: lists, strings, numbers, None)."""
    return _encoder(cls or type(obj))(obj)


@cache
def _decoder(cls: type) -> Callable[[Json, Mapping[str, Any]], Any]:
    """The contract decoder of a record type, generated as straight-line code."""
    ns: dict[str, Any] = {"_cls": cls}
    lines = ["def decode(d, ctx):", "    kw = {}"]
    for i, s in enumerate(slots(cls)):
        meta, key = s.meta, repr(s.name)
        if not meta.contract:
            lines.append(f"    if {key} in ctx: kw[{key}] = ctx[{key}]")
            continue
        convert = "" if s.shape.kind == "scalar" else f"_conv{i}"
        if convert:
            ns[convert] = _from_json(s.shape)
        if meta.flatten:
            lines.append(f"    kw[{key}] = {convert}(d, ctx)")
        else:
            source = "d" if meta.group is None else f"d[{meta.group!r}]"
            value = f"{convert}({source}[{key}], ctx)" if convert else f"{source}[{key}]"
            if meta.absent is not NOTHING:
                ns[f"_absent{i}"] = meta.absent
                lines.append(f"    kw[{key}] = {value} if {key} in {source} else _absent{i}")
            elif s.has_default:
                lines.append(f"    if {key} in {source}: kw[{key}] = {value}")
            else:
                lines.append(f"    kw[{key}] = {value}")
        if meta.provides is not None:
            lines.append(f"    ctx = {{**ctx, {meta.provides!r}: kw[{key}].id}}")
    lines.append("    return _cls(**kw)")
    return typing.cast(Callable[[Json, Mapping[str, Any]], Any],
                       _compile("decode", "\n".join(lines) + "\n", ns))


def decode(data: Json, cls: type, context: Mapping[str, Any] | None = None) -> Any:
    """The record of type ``cls`` a contract form holds (the inverse of :func:`encode`).
    ``context`` gives the fields the contract leaves out (an item's ``document_id``)."""
    return _decoder(cls)(data, context or {})


# -- the JSON Schema -------------------------------------------------------------------------

_JSON_TYPES = {str: "string", int: "integer", float: "number", bool: "boolean"}


def _value_schema(shape: Shape, names: Mapping[type, str]) -> Json:
    kind = shape.kind
    if kind == "scalar" and shape.literal:
        values = list(shape.scalars) + ([None] if shape.optional else [])
        return {"enum": values}
    if kind == "scalar":
        kinds = [_JSON_TYPES[t] for t in shape.scalars]
        return {"type": [*kinds, "null"] if shape.optional else kinds[0]}
    if kind == "date":
        return {"type": ["string", "null"] if shape.optional else "string",
                "pattern": r"^\d{4}-\d{2}-\d{2}$"}
    if kind in ("span", "record"):
        ref = {"$ref": "#/$defs/" + (names[shape.record] if shape.record else "span")}
        return {"anyOf": [ref, {"type": "null"}]} if shape.optional else ref
    if kind == "spans":
        return {"type": "array", "items": {"$ref": "#/$defs/span"}}
    if kind == "strings":
        return {"type": "array", "items": {"type": "string"}}
    assert shape.record is not None
    return {"type": "array", "items": {"$ref": "#/$defs/" + names[shape.record]}}


def _field_schema(s: Slot, names: Mapping[type, str]) -> Json:
    out = _value_schema(s.shape, names)
    extra = dict(s.meta.schema)
    if "$ref" in extra:
        out = {}
    out.update(extra)
    if s.meta.doc:
        out["description"] = s.meta.doc
    return out


def record_schema(cls: type, names: Mapping[type, str]) -> Json:
    """The JSON Schema of a record type's contract form; nested record types are referred to
    by their ``names`` in ``$defs``."""
    properties: Json = {}
    required: list[str] = []
    for key, value in getattr(cls, "__contract__", {}).items():
        properties[key] = {"const": value}
        required.append(key)
    groups: dict[str, tuple[Json, list[str]]] = {}
    for s in slots(cls):
        if not s.meta.contract:
            continue
        if s.meta.flatten:
            assert s.shape.record is not None
            inner = record_schema(s.shape.record, names)
            properties.update(inner["properties"])
            required.extend(inner["required"])
            continue
        target, needed = properties, required
        if s.meta.group is not None:
            if s.meta.group not in groups:
                groups[s.meta.group] = ({}, [])
                properties[s.meta.group] = {}  # keeps its place among the keys
                required.append(s.meta.group)
            target, needed = groups[s.meta.group]
        target[s.name] = _field_schema(s, names)
        if s.required:
            needed.append(s.name)
    for group, (props, needed) in groups.items():
        properties[group] = {"type": "object", "properties": props, "required": needed,
                             "additionalProperties": False}
    out: Json = {"type": "object", "properties": properties, "required": required,
                 "additionalProperties": False}
    doc = getattr(cls, "__doc_contract__", None)
    if doc:
        out["description"] = doc
    return out


# -- the store's columns ---------------------------------------------------------------------

@dataclass(frozen=True, slots=True)
class Column:
    """The store column(s) of one field, and how its value goes in and comes back out."""

    slot: Slot
    names: tuple[str, ...]
    put: Callable[[Any], tuple[Any, ...]]
    get: Callable[[Row, Mapping[str, Any]], Any]
    """The value from a row, given the fields the contract leaves out (for records kept as
    JSON: a document's items' ``document_id``)."""


def _column(s: Slot) -> Column:
    name, kind, stored = s.meta.column or s.name, s.shape.kind, s.stored
    if stored == "json":
        to_json, from_json = _to_json(s.shape), _from_json(s.shape)
        return Column(s, (name,),
                      lambda v: (json.dumps(to_json(v), ensure_ascii=False),),
                      lambda r, ctx: from_json(json.loads(r[name]), ctx))
    if stored == "words":
        return Column(s, (name,), lambda v: (" ".join(v),), lambda r, _: tuple(r[name].split()))
    if kind == "span":
        start, end = f"{name}_start", f"{name}_end"
        return Column(
            s, (start, end),
            lambda v: (None, None) if v is None else (v.start, v.end),
            lambda r, _: None if r[start] is None else Span(start=r[start], end=r[end]))
    if kind == "date":
        return Column(s, (name,), lambda v: (None if v is None else v.isoformat(),),
                      lambda r, _: dt.date.fromisoformat(r[name]) if r[name] else None)
    if kind == "scalar" and s.shape.scalars == (bool,):
        return Column(s, (name,), lambda v: (int(v),), lambda r, _: bool(r[name]))
    if kind == "scalar":
        if s.has_default:
            default = s.default
            return Column(s, (name,), lambda v: (v,),
                          lambda r, _: r[name] if r[name] is not None else default)
        return Column(s, (name,), lambda v: (v,), lambda r, _: r[name])
    raise TypeError(f"{s.name}: a {kind} is not kept in a column")


@cache
def columns(cls: type) -> tuple[Column, ...]:
    """The store columns of a record type's fields kept in its own row (a flattened nested
    record's columns in its place); child tables (tuples of records, spans or ids) are the
    store's to write."""
    found: list[Column] = []
    for s in slots(cls):
        if s.meta.flatten:
            assert s.shape.record is not None
            found.extend(columns(s.shape.record))
        elif s.stored not in ("child", "none"):
            found.append(_column(s))
    return tuple(found)


@cache
def column_names(cls: type) -> tuple[str, ...]:
    return tuple(n for c in columns(cls) for n in c.names)


class Row(Protocol):
    """A store row: its values by column name (``sqlite3.Row``, a dict)."""

    def __getitem__(self, key: str, /) -> Any: ...


@cache
def _row_plan(cls: type) -> tuple[tuple[str, Callable[[Any], tuple[Any, ...]]], ...]:
    plan: list[tuple[str, Callable[[Any], tuple[Any, ...]]]] = []
    for s in slots(cls):
        if s.meta.flatten:
            plan.append((s.name, row))
        elif s.stored not in ("child", "none"):
            plan.append((s.name, _column(s).put))
    return tuple(plan)


def row(obj: Any) -> tuple[Any, ...]:
    """The values of :func:`column_names` for one record, in order."""
    cls: type = type(obj)
    return tuple(v for name, put in _row_plan(cls) for v in put(getattr(obj, name)))


_Read = Callable[[Row, Mapping[str, Any]], Any]


@cache
def _read_plan(cls: type) -> tuple[tuple[str, type | None, _Read | None, str | None], ...]:
    plan: list[tuple[str, type | None, _Read | None, str | None]] = []
    for s in slots(cls):
        if s.meta.flatten:
            plan.append((s.name, s.shape.record, None, s.meta.provides))
        elif s.stored not in ("child", "none"):
            plan.append((s.name, None, _column(s).get, None))
        else:
            plan.append((s.name, None, None, None))
    return tuple(plan)


def from_row(cls: type, found: Row, **children: Any) -> Any:
    """The record a store row holds; ``children`` gives the fields kept in child tables and
    those the row does not hold (an item's ``document_id``). Records kept as JSON after a
    flattened one that provides its id (a document's tallies) are read with that id."""
    kwargs: dict[str, Any] = {}
    ctx: dict[str, Any] = {}
    for name, nested, read, provides in _read_plan(cls):
        if name in children:
            kwargs[name] = children[name]
        elif nested is not None:
            kwargs[name] = from_row(nested, found, **children)
        elif read is not None:
            kwargs[name] = read(found, ctx)
        if provides is not None:
            ctx[provides] = kwargs[name].id
    return cls(**kwargs)


# -- CSV -------------------------------------------------------------------------------------

def _csv_parts(s: Slot) -> list[tuple[str, Callable[[Any, str], Any]]]:
    name, kind, meta = s.name, s.shape.kind, s.meta
    if kind == "span":
        parts: list[tuple[str, Callable[[Any, str], Any]]] = [
            (f"{meta.column or name}_start", lambda v, _: None if v is None else v.start),
            (f"{meta.column or name}_end", lambda v, _: None if v is None else v.end),
        ]
        if meta.surface:
            parts.append((meta.surface, lambda v, text: None if v is None else text[v.start:v.end]))
        return parts
    if kind == "spans":
        return [(f"n_{name}", lambda v, _: len(v)),
                (name, lambda v, _: ";".join(f"{x.start}-{x.end}" for x in v))]
    if kind == "strings":
        return [(name, lambda v, _: ";".join(v))]
    if kind == "date":
        return [(name, lambda v, _: None if v is None else v.isoformat())]
    if kind == "record" and meta.csv_prefix is not None:
        assert s.shape.record is not None
        return [(meta.csv_prefix + column, _unless_none(get))
                for column, get in _csv_plan(s.shape.record)]
    if kind in ("record", "records"):
        to_json = _to_json(s.shape)
        return [(name, lambda v, _: json.dumps(to_json(v), ensure_ascii=False))]
    return [(name, lambda v, _: v)]


def _unless_none(get: Callable[[Any, str], Any]) -> Callable[[Any, str], Any]:
    return lambda v, text: None if v is None else get(v, text)


@cache
def _csv_plan(cls: type) -> tuple[tuple[str, Callable[[Any, str], Any]], ...]:
    plan: list[tuple[str, Callable[[Any, str], Any]]] = []
    for s in slots(cls):
        if not s.meta.csv:
            continue
        if s.meta.flatten:
            assert s.shape.record is not None
            plan.extend((column, _nested(s.name, get)) for column, get in _csv_plan(
                s.shape.record))
        else:
            plan.extend((column, _nested(s.name, get)) for column, get in _csv_parts(s))
    return tuple(sorted(plan, key=lambda p: p[0] != "document_id"))  # the document first


def _nested(name: str, get: Callable[[Any, str], Any]) -> Callable[[Any, str], Any]:
    return lambda obj, text: get(getattr(obj, name), text)


def csv_columns(cls: type) -> tuple[str, ...]:
    """The CSV columns of a record type: ``document_id`` first, then its fields in order."""
    return tuple(column for column, _ in _csv_plan(cls))


def csv_row(obj: Any, text: str) -> dict[str, Any]:
    """One record as a CSV row; ``text`` is its document's, for the spans' surface strings."""
    cls: type = type(obj)
    return {column: get(obj, text) for column, get in _csv_plan(cls)}

"""The actor knowledge base: canonical actors, their aliases, types and roles, as data.

The seed ships in ``wirescope/data/actors/*.json``; users merge their own files (same format)
with ``--actors FILE`` or ``$WIRESCOPE_ACTORS`` (paths joined by ``os.pathsep``). An entry
with an existing id extends it (aliases added, other given fields replaced); a new id adds an
actor. Loaded once per process per set of files.
"""

from __future__ import annotations

import json
import os
import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Any

from wirescope.errors import SourceError

SEED_FILES = ("syria.json",)


@dataclass(frozen=True, slots=True, kw_only=True)
class Role:
    title: str
    organization: str | None = None
    country: str | None = None
    since: str | None = None
    until: str | None = None

    def describe(self) -> str:
        return f"{self.title}, {self.organization}" if self.organization else self.title


@dataclass(frozen=True, slots=True, kw_only=True)
class Actor:
    id: str
    name: str
    type: str
    actor_type: str | None
    country: str | None = None
    acled_inter: int | None = None
    sector: str | None = None
    aliases: tuple[str, ...] = ()
    case_sensitive_aliases: tuple[str, ...] = ()
    context_aliases: tuple[str, ...] = ()  # "the regime": only where its country is told
    roles: tuple[Role, ...] = ()
    source: str | None = None

    @property
    def entity_id(self) -> str:
        """The id this actor has in every document and store."""
        return f"kb-{self.id}"


def fold(text: str) -> str:
    """Comparison form of a name: no accents, no apostrophes or hyphens, casefolded."""
    text = unicodedata.normalize("NFKD", text)
    text = "".join(c for c in text if not unicodedata.combining(c))
    text = re.sub(r"['’`]", "", text)
    text = re.sub(r"[-‐‑–—_/]", " ", text)
    return " ".join(text.casefold().split())


@dataclass(frozen=True, slots=True)
class KnowledgeBase:
    actors: dict[str, Actor]
    by_alias: dict[str, str] = field(default_factory=dict)  # folded alias -> actor id
    pattern: re.Pattern[str] | None = None  # case-insensitive aliases
    pattern_cs: re.Pattern[str] | None = None  # case-sensitive aliases
    cs_aliases: dict[str, str] = field(default_factory=dict)  # exact alias -> actor id
    full_names: dict[str, str] = field(default_factory=dict)  # folded person full name -> id
    context_pattern: re.Pattern[str] | None = None  # context aliases, case-insensitive
    in_context: dict[str, str] = field(default_factory=dict)  # folded context alias -> id

    def lookup(self, surface: str) -> Actor | None:
        actor_id = self.cs_aliases.get(surface) or self.by_alias.get(fold(surface))
        return self.actors.get(actor_id) if actor_id else None

    def find(self, text: str) -> Iterable[tuple[int, int, Actor]]:
        """Every alias occurrence in ``text`` as ``(start, end, actor)``, possibly overlapping
        between the two patterns (callers keep the longest)."""
        for pattern in (self.pattern, self.pattern_cs):
            if pattern is None:
                continue
            for match in pattern.finditer(text):
                actor = self.lookup(match.group(0))
                if actor is not None:
                    yield match.start(), match.end(), actor


    def find_in_context(self, text: str, countries: frozenset[str],
                        ) -> Iterable[tuple[int, int, Actor]]:
        """Every context alias occurrence in ``text`` whose actor's country is one of
        ``countries`` (those the document names): "the regime" is the government of Syria
        in an article about Syria, and nobody's elsewhere."""
        if self.context_pattern is None:
            return
        for match in self.context_pattern.finditer(text):
            actor = self.actors.get(self.in_context.get(fold(match.group(0)), ""))
            if actor is not None and actor.country in countries:
                yield match.start(), match.end(), actor


def _alternation(aliases: Iterable[str]) -> str:
    ordered = sorted(set(aliases), key=len, reverse=True)
    return "|".join(re.escape(a).replace(r"\ ", r"\s+") for a in ordered)


def build(actors: dict[str, Actor]) -> KnowledgeBase:
    by_alias: dict[str, str] = {}
    cs: dict[str, str] = {}
    plain: list[str] = []
    for actor in actors.values():
        for alias in (actor.name, *actor.aliases):
            by_alias.setdefault(fold(alias), actor.id)
            plain.append(alias)
        for alias in actor.case_sensitive_aliases:
            cs[alias] = actor.id
    bounds = r"(?<![\w-])(?:{})(?![\w-])"
    pattern = re.compile(bounds.format(_alternation(plain)), re.IGNORECASE) if plain else None
    pattern_cs = re.compile(bounds.format(_alternation(cs))) if cs else None
    full_names = {
        fold(alias): actor.id for actor in actors.values() if actor.type == "person"
        for alias in (actor.name, *actor.aliases) if len(alias.split()) > 1
    }
    in_context = {fold(alias): actor.id for actor in actors.values()
                  for alias in actor.context_aliases}
    context = [a for actor in actors.values() for a in actor.context_aliases]
    context_pattern = re.compile(bounds.format(_alternation(context)),
                                 re.IGNORECASE) if context else None
    return KnowledgeBase(actors, by_alias, pattern, pattern_cs, cs, full_names,
                         context_pattern, in_context)


def _actor(entry: dict[str, Any], origin: str) -> Actor:
    try:
        return Actor(
            id=entry["id"], name=entry["name"], type=entry["type"],
            actor_type=entry.get("actor_type"), country=entry.get("country"),
            acled_inter=entry.get("acled_inter"), sector=entry.get("sector"),
            aliases=tuple(entry.get("aliases", ())),
            case_sensitive_aliases=tuple(entry.get("case_sensitive_aliases", ())),
            context_aliases=tuple(entry.get("context_aliases", ())),
            roles=tuple(Role(**r) for r in entry.get("roles", ())),
            source=entry.get("source"),
        )
    except (KeyError, TypeError) as exc:
        raise SourceError(f"bad actor entry in {origin}: {entry.get('id', entry)!r}: {exc}",
                          hint="each actor needs id, name and type") from exc


_ALIAS_FIELDS = ("aliases", "case_sensitive_aliases", "context_aliases")


def _merge(base: Actor, extra: dict[str, Any], origin: str) -> Actor:
    """``base`` with the fields ``extra`` gives replaced, and its aliases added."""
    known = _asdict(base)
    merged = {**known, **{k: v for k, v in extra.items() if k not in _ALIAS_FIELDS}}
    for name in _ALIAS_FIELDS:
        merged[name] = [*known[name], *extra.get(name, ())]
    return _actor(merged, origin)


def _asdict(actor: Actor) -> dict[str, Any]:
    return {
        "id": actor.id, "name": actor.name, "type": actor.type, "actor_type": actor.actor_type,
        "country": actor.country, "acled_inter": actor.acled_inter, "sector": actor.sector,
        "aliases": list(actor.aliases),
        "case_sensitive_aliases": list(actor.case_sensitive_aliases),
        "context_aliases": list(actor.context_aliases),
        "roles": [
            {"title": r.title, "organization": r.organization, "country": r.country,
             "since": r.since, "until": r.until}
            for r in actor.roles
        ],
        "source": actor.source,
    }


def _entries(text: str, origin: str) -> list[dict[str, Any]]:
    try:
        data = json.loads(text)
        entries: list[dict[str, Any]] = data["actors"]
    except (json.JSONDecodeError, KeyError, TypeError) as exc:
        raise SourceError(f"cannot read actor file {origin}: {exc}",
                          hint='write {"actors": [{"id": ..., "name": ..., "type": ...}]}') from exc
    return entries


def user_files() -> tuple[Path, ...]:
    raw = os.environ.get("WIRESCOPE_ACTORS", "")
    return tuple(Path(p) for p in raw.split(os.pathsep) if p)


@lru_cache(maxsize=8)
def load(extra: tuple[Path, ...] = ()) -> KnowledgeBase:
    """The seed knowledge base merged with the installed plugins' actor files
    (:mod:`wirescope.plugins`) and the user's files, in order."""
    actors: dict[str, Actor] = {}
    folder = resources.files("wirescope.data").joinpath("actors")
    sources = [(folder.joinpath(n).read_text("utf-8"), f"seed {n}") for n in SEED_FILES]
    from wirescope.plugins import actor_files

    for path in (*actor_files(), *extra):
        try:
            sources.append((path.read_text("utf-8"), str(path)))
        except OSError as exc:
            raise SourceError(f"cannot read actor file {path}: {exc.strerror or exc}") from exc
    for text, origin in sources:
        for entry in _entries(text, origin):
            if entry.get("id") in actors:
                actors[entry["id"]] = _merge(actors[entry["id"]], entry, origin)
            else:
                actor = _actor(entry, origin)
                actors[actor.id] = actor
    return build(actors)

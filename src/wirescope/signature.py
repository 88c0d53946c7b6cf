"""What produced a document record: the *signature* a store keeps beside each document, so
that re-ingesting after an upgrade re-extracts instead of answering "unchanged".

A signature names the spaCy pipeline and its version, the extractors, the ``wirescope``
version and a fingerprint of the extraction code and data (every ``.py``, ``.json`` and
``.sql`` file of the package outside the parts that do not change what an article yields:
``evaluate``, ``cli``, ``resolve``, ``store``, ``serve``), and the user's knowledge files.
Any change to an extractor, a lexicon or the gazetteer changes it — a name nobody bumps is
not relied on. The current signature can be worked out without loading the model
(:func:`current`), so ``wirescope stats`` can say how many stored documents are stale.
"""

from __future__ import annotations

import hashlib
import importlib.util
import json
from collections.abc import Iterable, Mapping
from functools import lru_cache
from pathlib import Path
from typing import Any

import wirescope
from wirescope.config import Settings

# Parts of the package that do not change the record an article yields.
_OUTSIDE = frozenset({"evaluate", "cli", "resolve", "store", "serve", "__pycache__"})
# Files that only read a query's names (filters), never an article.
_OUTSIDE_FILES = frozenset({"vocabulary.py", "data/acled_types.json"})
_SUFFIXES = frozenset({".py", ".json", ".sql"})


@lru_cache(maxsize=1)
def code_fingerprint() -> str:
    """A hash of the package version and of every extraction source and data file (read
    once per process)."""
    root = Path(wirescope.__file__).resolve().parent
    digest = hashlib.sha256(wirescope.__version__.encode())
    for relative in sources(root):
        digest.update(str(relative).encode())
        digest.update((root / relative).read_bytes())
    return digest.hexdigest()


def sources(root: Path) -> list[Path]:
    """The files under the package ``root`` that the fingerprint reads, in order."""
    return [path.relative_to(root) for path in sorted(root.rglob("*"))
            if path.suffix in _SUFFIXES and path.is_file()
            and not _OUTSIDE & set(path.relative_to(root).parts[:-1])
            and path.relative_to(root).as_posix() not in _OUTSIDE_FILES]


def signature(model_meta: Mapping[str, Any], extractors: Iterable[str],
              settings: Settings) -> str:
    """The signature of records made by the model ``model_meta`` describes and the
    ``extractors``, under ``settings`` (its knowledge files)."""
    model = f"{model_meta.get('lang', '?')}_{model_meta.get('name', '?')}"
    from wirescope.plugins import installed

    parts = [f"{model}@{model_meta.get('version', '?')}", *extractors,
             f"wirescope@{wirescope.__version__}+{code_fingerprint()[:12]}", *installed()]
    user_files = [*settings.actor_files]
    if settings.gazetteer is not None:
        user_files.append(settings.gazetteer)
    if user_files:
        # The user's knowledge changes what is extracted: re-extract when it changes.
        digest = hashlib.sha1()
        for path in user_files:
            digest.update(str(path).encode())
            if path.is_file():
                digest.update(str(path.stat().st_size).encode())
                digest.update(str(path.stat().st_mtime_ns).encode())
        parts.append(f"knowledge:{digest.hexdigest()[:12]}")
    return "|".join(parts)


def current(settings: Settings) -> str | None:
    """The signature a pipeline built from ``settings`` would give, read from the model's
    ``meta.json`` without loading it, nor spaCy (``None`` when the model is not
    installed)."""
    where = Path(settings.model)
    if not where.exists():
        try:
            spec = importlib.util.find_spec(settings.model)
        except (ImportError, ValueError):
            return None
        if spec is None or not spec.submodule_search_locations:
            return None
        where = Path(next(iter(spec.submodule_search_locations)))
    try:
        meta = json.loads((where / "meta.json").read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    return signature(meta, settings.extractors, settings)

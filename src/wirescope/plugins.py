"""Third-party extractors and knowledge bases, found through Python entry points.

A package adds to wirescope by declaring, in its ``pyproject.toml``::

    [project.entry-points."wirescope.extractors"]
    mine = "my_package.extractors"          # a module whose @register decorators run on import

    [project.entry-points."wirescope.actors"]
    mine = "my_package:actor_files"         # a path, or a callable returning path(s), of
                                            # actor files in the knowledge base's format

Installed plugins are loaded when the registry or the knowledge base is first used, and named
(with their version) in the signature of the records they help make, so that installing,
upgrading or removing one re-extracts stored documents on re-ingest.
"""

from __future__ import annotations

from collections.abc import Iterable
from functools import lru_cache
from importlib import metadata
from pathlib import Path
from typing import Any

from wirescope.errors import PipelineError

EXTRACTORS = "wirescope.extractors"
ACTORS = "wirescope.actors"
GROUPS = (EXTRACTORS, ACTORS)


def entry_points(group: str) -> list[metadata.EntryPoint]:
    """The installed entry points of ``group``, by name."""
    return sorted(metadata.entry_points(group=group), key=lambda ep: ep.name)


def _load(ep: metadata.EntryPoint) -> Any:
    try:
        return ep.load()
    except Exception as exc:
        raise PipelineError(
            f"cannot load wirescope plugin {ep.name!r} ({ep.group} = {ep.value}): "
            f"{type(exc).__name__}: {exc}",
            hint=f"fix or uninstall the package that provides it ({_provider(ep)})",
        ) from exc


def _provider(ep: metadata.EntryPoint) -> str:
    dist = ep.dist
    return f"{dist.name} {dist.version}" if dist is not None else "unknown package"


def load_extractors() -> None:
    """Import every installed extractor plugin (its registrations run on import)."""
    for ep in entry_points(EXTRACTORS):
        _load(ep)


def actor_files() -> list[Path]:
    """The actor files installed plugins provide, in plugin name order."""
    found: list[Path] = []
    for ep in entry_points(ACTORS):
        value = _load(ep)
        if callable(value):
            value = value()
        paths: Iterable[Any] = [value] if isinstance(value, str | Path) else value
        found.extend(Path(p) for p in paths)
    return found


@lru_cache(maxsize=1)
def installed() -> tuple[str, ...]:
    """``group:name=package@version`` of every installed plugin, for the records'
    signature."""
    return tuple(f"{group.split('.')[-1]}:{ep.name}={_provider(ep).replace(' ', '@')}"
                 for group in GROUPS for ep in entry_points(group))


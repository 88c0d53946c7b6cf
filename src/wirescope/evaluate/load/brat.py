"""PolNeAR attributions (Newell et al. 2018) in brat standoff: ``attributions/*.ann`` beside
``text/*.txt``. An ``.ann`` file is named after its text plus an annotator suffix
(``…_ef2d.ann``); a text annotated more than once is scored on its first annotation (sorted
by name) so that no article counts twice.

``T`` lines are text-bound annotations (``T3\tContent 115 290;300 310\tsurface``,
discontinuous ranges separated by ``;``); ``E`` lines tie them into one attribution
(``E1\tAttribution:T4 Content:T3 Cue:T2 Source:T1``; ``Attribution-no-source`` has no
Source; a role may repeat as ``Content2``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from wirescope.evaluate.spans import Fragments
from wirescope.records import Document

_ROLE = re.compile(r"^([A-Za-z-]+?)\d*$")


@dataclass(frozen=True, slots=True, kw_only=True)
class Attribution:
    content: Fragments
    source: Fragments | None
    cue: Fragments | None


@dataclass(frozen=True, slots=True, kw_only=True)
class BratItem:
    document: Document
    attributions: tuple[Attribution, ...]


def parse_ann(data: str) -> tuple[Attribution, ...]:
    bound: dict[str, Fragments] = {}
    events: list[list[tuple[str, str]]] = []
    for line in data.splitlines():
        parts = line.split("\t")
        if line.startswith("T") and len(parts) >= 2:
            _label, _, ranges = parts[1].partition(" ")
            bound[parts[0]] = tuple(
                (int(a), int(b)) for a, b in (r.split() for r in ranges.split(";"))
            )
        elif line.startswith("E") and len(parts) >= 2:
            pairs = (arg.partition(":") for arg in parts[1].split())
            events.append([(role, ref) for role, sep, ref in pairs if sep])
    attributions = []
    for args in events:
        roles: dict[str, list[tuple[int, int]]] = {}
        for role, ref in args:
            match = _ROLE.match(role)
            if match and ref in bound:
                roles.setdefault(match[1], []).extend(bound[ref])
        if not roles.get("Content"):
            continue
        attributions.append(
            Attribution(
                content=tuple(sorted(roles["Content"])),
                source=tuple(sorted(roles["Source"])) if roles.get("Source") else None,
                cue=tuple(sorted(roles["Cue"])) if roles.get("Cue") else None,
            )
        )
    return tuple(attributions)


def text_name(ann: Path) -> str:
    """``name_ef2d.ann`` -> ``name``: the annotator suffix is dropped."""
    stem = ann.stem
    head, sep, _suffix = stem.rpartition("_")
    return head if sep else stem


def load(folder: Path) -> list[BratItem]:
    chosen: dict[str, Path] = {}
    for ann in sorted((folder / "attributions").glob("*.ann")):
        chosen.setdefault(text_name(ann), ann)
    items = []
    for name, ann in sorted(chosen.items()):
        text_path = folder / "text" / f"{name}.txt"
        if not text_path.is_file():
            continue
        with text_path.open(encoding="utf-8", newline="") as handle:
            text = handle.read()
        items.append(
            BratItem(
                document=Document(id=f"polnear-{name}", text=text, origin=str(text_path)),
                attributions=parse_ann(ann.read_text("utf-8")),
            )
        )
    return items

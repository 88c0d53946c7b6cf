"""The sample articles used by ``wirescope demo``, the tests and the benchmark.

Their text lives in the project's shared folder (``../shared/samples`` beside the checkout, or
``$WIRESCOPE_SAMPLES``); ``data/samples.json`` adds their ids and publication dates.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

from wirescope.errors import MISSING_PATH, SourceError
from wirescope.ingest.dates import parse_published
from wirescope.ingest.text import decode_text
from wirescope.records import Document


def _manifest() -> list[dict[str, str | None]]:
    path = Path(__file__).with_name("data") / "samples.json"
    entries: list[dict[str, str | None]] = json.loads(path.read_text("utf-8"))["documents"]
    return entries


def find_folder() -> Path | None:
    """The samples folder: ``$WIRESCOPE_SAMPLES``, else ``shared/samples`` in an ancestor of
    the working directory or of this package (the checkout sits beside ``shared``)."""
    configured = os.environ.get("WIRESCOPE_SAMPLES")
    if configured:
        return Path(configured)
    first = _manifest()[0]["file"]
    assert first is not None
    for base in (Path.cwd(), Path(__file__).resolve()):
        for ancestor in (base, *base.parents):
            candidate = ancestor / "shared" / "samples"
            if (candidate / first).is_file():
                return candidate
    return None


def load() -> list[Document]:
    folder = find_folder()
    if folder is None or not folder.is_dir():
        raise SourceError(
            "sample articles not found "
            f"(looked for {folder or 'shared/samples beside the project'})",
            hint="set WIRESCOPE_SAMPLES to the folder holding the sample .txt files",
            code=MISSING_PATH,
        )
    documents = []
    for entry in _manifest():
        path = folder / str(entry["file"])
        try:
            text = decode_text(path.read_bytes())
        except OSError as exc:
            raise SourceError(f"cannot read sample {path}: {exc}", code=MISSING_PATH) from exc
        documents.append(
            Document(
                id=str(entry["id"]), text=text, published=parse_published(entry["published"]),
                origin=str(path),
            )
        )
    return documents

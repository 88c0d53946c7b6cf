"""Where the evaluation data lives: ``$WIRESCOPE_EVAL``, else ``shared/eval`` found in an
ancestor of the working directory or of this package (the checkout sits beside ``shared``)."""

from __future__ import annotations

import os
from pathlib import Path

from wirescope.errors import MISSING_PATH, SourceError

ENV = "WIRESCOPE_EVAL"
_MARKER = "README.md"


def find_folder() -> Path | None:
    configured = os.environ.get(ENV)
    if configured:
        return Path(configured)
    for base in (Path.cwd(), Path(__file__).resolve()):
        for ancestor in (base, *base.parents):
            candidate = ancestor / "shared" / "eval"
            if (candidate / _MARKER).is_file():
                return candidate
    return None


def require_folder() -> Path:
    folder = find_folder()
    if folder is None or not folder.is_dir():
        raise SourceError(
            f"evaluation data not found (looked for {folder or 'shared/eval beside the project'})",
            hint=f"set {ENV} to the folder holding the annotated sets (fakes/, events/, …)",
            code=MISSING_PATH,
        )
    return folder

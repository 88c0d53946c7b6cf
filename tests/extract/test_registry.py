from __future__ import annotations

import pytest

from wirescope.errors import UNKNOWN_EXTRACTOR, UNMET_REQUIREMENT, PipelineError
from wirescope.extractors import check_order, get, names, register


def test_registry_lists_versioned_builtins() -> None:
    assert "entities.spacy_ner.v1" in names()
    assert all(n.rsplit(".", 1)[-1].startswith("v") for n in names())


def test_registry_unknown_name_says_what_exists() -> None:
    with pytest.raises(PipelineError) as caught:
        get("entities.magic.v9")
    assert caught.value.code == UNKNOWN_EXTRACTOR
    assert "entities.spacy_ner.v1" in str(caught.value)


@pytest.mark.parametrize("bad", ["entities.v1", "places.x.v1", "entities.x.1"])
def test_registry_rejects_unversioned_or_misfiled_names(bad: str) -> None:
    with pytest.raises(ValueError):
        register(bad, kind="entities")


@pytest.mark.parametrize(
    ("order", "available", "ok"),
    [
        (["entities.spacy_ner.v1"], {"doc.ents"}, True),
        (["entities.spacy_ner.v1"], {"token.dep"}, False),
        (["events.none.v1", "entities.spacy_ner.v1"], {"doc.ents"}, True),
    ],
)
def test_registry_check_order(order: list[str], available: set[str], ok: bool) -> None:
    extractors = [get(n) for n in order]
    if ok:
        check_order(extractors, frozenset(available))
    else:
        with pytest.raises(PipelineError) as caught:
            check_order(extractors, frozenset(available))
        assert caught.value.code == UNMET_REQUIREMENT
        assert "doc.ents" in str(caught.value)


def test_registry_requirement_on_earlier_kind() -> None:
    @register("events.needs_entities.v1", kind="events", requires=("entities",))
    def _events(doc, state):  # type: ignore[no-untyped-def]
        return []

    needing = get("events.needs_entities.v1")
    with pytest.raises(PipelineError):
        check_order([needing], frozenset({"doc.ents"}))
    check_order([get("entities.spacy_ner.v1"), needing], frozenset({"doc.ents"}))

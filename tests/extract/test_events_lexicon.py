"""The event lexicons load, name only known types, and every ACLED pair is ACLED's."""

from __future__ import annotations

import pytest

from wirescope.extractors.events import lexicon

# ACLED's event types and their sub-event types (ACLED Codebook, 2023, section 3).
ACLED = {
    "Battles": {"Armed clash", "Government regains territory",
                "Non-state actor overtakes territory"},
    "Explosions/Remote violence": {"Air/drone strike", "Shelling/artillery/missile attack",
                                   "Remote explosive/landmine/IED", "Suicide bomb", "Grenade",
                                   "Chemical weapon"},
    "Violence against civilians": {"Attack", "Abduction/forced disappearance",
                                   "Sexual violence"},
    "Protests": {"Peaceful protest", "Protest with intervention",
                 "Excessive force against protesters"},
    "Riots": {"Violent demonstration", "Mob violence"},
    "Strategic developments": {"Agreement", "Arrests", "Change to group/activity",
                               "Disrupted weapons use", "Headquarters or base established",
                               "Looting/property destruction",
                               "Non-violent transfer of territory", "Other"},
}


def test_events_lexicon_senses_use_plover_and_acled_names() -> None:
    lex = lexicon.triggers()
    senses = {*lex.verbs.values(), *lex.nouns.values(), *lex.particles.values(),
              *lex.compounds.values(), *lex.frames.values()}
    for sense in senses:
        assert sense.plover in lexicon.PLOVER_TYPES
        if sense.acled is not None:
            kind, sub = sense.acled
            assert sub in ACLED[kind], sense.name
    for kind, sub in lex.acled_by_mode.values():
        assert sub in ACLED[kind]


@pytest.mark.parametrize(
    ("word", "factuality"),
    [("try", "attempted"), ("continue", "ongoing"), ("plan", "planned"),
     ("threaten", "threatened"), ("deny", "denied"), ("refrain", "negated"),
     ("risk", "hypothetical")],
)
def test_events_lexicon_factuality_governors(word: str, factuality: str) -> None:
    assert lexicon.cues().governors[word] == factuality


@pytest.mark.parametrize(("word", "value"), [("tens", 10), ("dozens", 12), ("hundreds", 100)])
def test_events_lexicon_acled_vague_numbers(word: str, value: int) -> None:
    assert lexicon.numbers().vague[word] == value


def test_events_lexicon_every_factuality_has_a_cue() -> None:
    cues = lexicon.cues()
    named = {*cues.governors.values(), *cues.modifiers.values(), *cues.auxiliaries.values()}
    assert set(cues.precedence) <= named | {"denied", "negated"}

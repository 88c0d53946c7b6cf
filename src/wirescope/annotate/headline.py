"""A headline in title case (or in capitals) is read as a sentence.

"Teenager Shot In Duquesne", "Five Shot Dead In South Shore", "4 Women, Man Shot At Vigil In
West Baltimore": capitalised, every word looks like a name to the tagger, so the verb is
no verb, the victims no people, and the article's own story — often all that a paywalled
page keeps — yields no event. The parser is given the headline with its common words in
lower case ("teenager shot in Duquesne"); the text of the document, and every span, stay as
written (lower-casing keeps each character where it was).

Common words are closed-class and headline words (``data/headline_words.json``), the
adverbs of a casualty, and the words of the events lexicons: trigger verbs and their
inflections, trigger nouns and adjectives, number words, words that name a person ("Teen",
"Woman", "Deputy").
A word that is none of these — a town, a street, a name — keeps its capital, and so do
months and weekdays (they date what happened), demonyms and faiths ("Iraqi"), and an
abbreviation ("Mass.").
"""

from __future__ import annotations

import json
import re
from functools import lru_cache
from importlib import resources

from wirescope.extractors.events.lexicon import numbers, triggers

_WORD = re.compile(r"[A-Za-z]+")
TITLE_SHARE = 0.8  # of a headline's words of four letters or more capitalised: title case
_LONG = 4


@lru_cache(maxsize=1)
def common_words() -> frozenset[str]:
    data = json.loads(resources.files("wirescope.data").joinpath("headline_words.json")
                      .read_text(encoding="utf-8"))
    words: set[str] = set(data["words"]) | set(data["adverbs"])
    lex, found = numbers(), triggers()
    words |= {w for w in lex.units if w.isalpha()}
    words |= {w for w in lex.categories if w.isalpha()}
    words |= {w for w in (*found.nouns, *found.adjectives) if w.isalpha()}
    words |= set(found.headline_participles)
    for verb in found.verbs:
        if verb.isalpha():
            words |= _inflections(verb)
    words |= {w + "s" for w in words if w in lex.categories or w in found.nouns}
    words |= {"men", "women", "children", "people"}
    return frozenset(words - set(data["never_lowered"]))


def _inflections(verb: str) -> set[str]:
    """The regular forms of a verb: "shoot" -> shoots, shooting; "injure" -> injures,
    injured, injuring; "bury" -> buries, buried (a form no verb has, "shooted", is never
    met in a headline and costs nothing)."""
    stem = verb[:-1] if verb.endswith("e") else verb
    found = {verb, verb + "s", verb + "es", verb + "d", verb + "ed", stem + "ing"}
    if verb.endswith("y"):
        found |= {verb[:-1] + "ies", verb[:-1] + "ied"}
    return found


def title_case(title: str) -> bool:
    """Is the headline capitalised word by word ("Teenager Shot In Duquesne") or all in
    capitals, rather than written as a sentence?"""
    long = [w for w in _WORD.findall(title) if len(w) >= _LONG]
    if len(long) < 3:
        return False
    return sum(w[0].isupper() for w in long) >= TITLE_SHARE * len(long)


def as_sentence(title: str) -> str:
    """The headline with its common words lower-cased (same length, same places; the first
    too: "Hunter shot" is a name, "hunter shot" a victim); in an all-capitals headline the
    other words keep only their first capital."""
    shouting = all(w.isupper() for w in _WORD.findall(title) if len(w) >= _LONG)
    common = common_words()

    def lower(match: re.Match[str]) -> str:
        word = match.group(0)
        if title[match.end() : match.end() + 1] == ".":
            return word  # an abbreviation: "Mass.", "Tenn."
        if word.lower() in common:
            return word.lower()
        if shouting and len(word) > 1:
            return word[0] + word[1:].lower()
        return word

    return _WORD.sub(lower, title)


def parse_text(text: str, title: str | None) -> str:
    """What the parser reads for a document: its text, with a title-case headline it opens
    with read as a sentence (:func:`as_sentence`)."""
    title = (title or "").strip()
    if not title or not text.startswith(title) or not title_case(title):
        return text
    read = as_sentence(title)
    return read + text[len(title):] if len(read) == len(title) else text

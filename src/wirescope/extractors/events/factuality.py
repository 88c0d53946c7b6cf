"""Factuality: did the event happen, by the words that carry its predicate.

Cues come from ``data/events/factuality.json``: governing words on the trigger's path
("tried to", "continue to", "preparations for", "reserve the right to"), modifiers ("failed
bid", "no attacks"), modal auxiliaries ("will", "could"; "would" is planned in reported
speech, else hypothetical), conditional subordinators ("if"), negation, a present
progressive ("are arriving": ongoing). A cue word used as a preposition of cause ("killed
due to the shelling") is no cue: the event happened. The claim around the event adds two
more: a cue that denies ("denied that …") makes it denied, and a warning ("warned that …
would") makes a planned or conditional event a threat.
"""

from __future__ import annotations

from spacy.tokens import Token

from wirescope.extractors.events.lexicon import Cues, cues
from wirescope.extractors.events.nesting import Path
from wirescope.extractors.events.triggers import Mention, lemma
from wirescope.records import Factuality, Quote

_PRESENT_BE = frozenset({"is", "are", "am", "'s", "'re", "'m"})


def _causal(word: Token) -> bool:
    """Is a cue word here a preposition of cause ("killed due to the shelling", "set off by
    the blast")? A plan needs its verb: "due to take effect"."""
    return word.dep_ == "prep" or any(c.dep_ == "pcomp" and c.lower_ == "to"
                                      for c in word.children)


def _from_word(word: Token, is_head: bool, reported: bool, cue: Cues) -> set[Factuality]:
    found: set[Factuality] = set()
    if not is_head and (cls := cue.governors.get(lemma(word))) and not _causal(word):
        found.add(cls)
    auxiliaries = [c for c in word.children if c.dep_ in ("aux", "auxpass")]
    for child in word.children:
        dep, lower = child.dep_, child.lower_
        if dep in ("aux", "auxpass"):
            if lower in cue.would:
                found.add("planned" if reported else "hypothetical")
            elif cls := cue.auxiliaries.get(lower):
                found.add(cls)
        elif dep == "neg" or (dep == "det" and lower in cue.negations):
            found.add("negated")
        else:
            table = cue.marks if dep == "mark" else cue.modifiers if dep in (
                "amod", "det", "advmod", "compound", "nummod") else {}
            if cls := table.get(lower):
                found.add(cls)
    if is_head and word.tag_ == "VBG" and any(a.lower_ in _PRESENT_BE for a in auxiliaries):
        found.add("ongoing")  # "are shelling" (but "is preparing an offensive" is a plan)
    return found


def factuality(mention: Mention, path: Path, quote: Quote | None,
               quote_cue: str | None) -> Factuality:
    """The factuality of ``mention`` given its path and the claim that reports it (if any);
    ``quote_cue`` is the lemma of that claim's cue."""
    cue = cues()
    reported = path.reporting is not None or quote is not None
    found: set[Factuality] = set()
    heads = {t.i for t in mention.heads}
    for word in path.cue_words:
        found |= _from_word(word, word.i in heads, reported, cue)
    # A condition or a denial on the clause the path ends in ("if the truce is broken").
    top = path.words[-1]
    for child in top.children:
        if child.dep_ == "mark" and (cls := cue.marks.get(child.lower_)):
            found.add(cls)
    reporting = lemma(path.reporting) if path.reporting is not None else None
    if reporting in cue.denial_cues or (quote is not None and quote.polarity == "deny"):
        found.add("denied")
    warned = reporting in cue.warning_cues or (quote_cue in cue.warning_cues)
    # The condition of a warning ("… unless Baghdad accepts") is not what is threatened.
    condition = any(c.dep_ == "mark" and c.lower_ in cue.marks for w in path.cue_words
                    for c in w.children)
    if warned and found & {"planned", "hypothetical"} and not condition:
        found.add("threatened")
    for cls in cue.precedence:
        if cls in found:
            return cls
    return "asserted"

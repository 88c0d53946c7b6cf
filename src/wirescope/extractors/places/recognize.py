"""Toponym recognition: which spans of the text name places.

Two sources, checked against each other:

* gazetteer matching over runs of capitalised words (``al-``/``ez-`` prefixes and ``de``,
  ``of`` … inside a run), longest match first, so "Deir ez-Zor" and "Khan Tuman" are found
  whatever spaCy's NER made of them ("Aleppo" as NORP, "Khan Tuman" as PERSON);
* NER GPE/LOC/FAC spans, and PERSON/ORG spans in place context, that the gazetteer does not
  know: unknown toponyms, placed later by their container ("… neighborhoods in northern
  Aleppo").

A title word and the name after it are one name ("Fort Detrick", "Tall Tawil": never the
bare "Detrick" or a town called Tall); a feature word after a name makes a larger place
("Baltic Sea" is not the town of Baltic). A direction word before or after a known name that
the gazetteer lacks as a whole ("North Dallas", "West Midlands", "Kasai Occidental") makes one
name, a *part* of the place named after (or before) it, never the bare fragment ("Midlands",
"Occidental"); the resolver takes the part only where the document's context supports the
place, at that place's coarser precision. A known name run together with a lower-case
direction word by a scrape that lost the space ("near Kobaninorth Syria") is the name.
Headline words the body writes in lower case
("Kills", "Terrorist Attacks") are not names.

A span the actor extractor took as an entity (a metonymic capital or country — "Moscow
offered" —, a person, an organisation) is not a literal place, unless a place cue says
otherwise for a name the actor knowledge base does not hold: a locative preposition or place
noun, a comma after a known place ("San Jose, California"), or a curated supplement entry.
When the tagger reads exactly that span as a place (GPE/LOC), the gazetteer knows it by that
name and the actor is no person, it is a toponym used for its state (``use`` "metonymy").
"""

from __future__ import annotations

import re
from collections.abc import Callable, Container, Iterable, Iterator, Sequence
from dataclasses import dataclass

from spacy.tokens import Doc
from spacy.tokens import Span as SpacySpan

from wirescope.annotate.context import actor_context, first_conjunct, place_context
from wirescope.extractors.places.lexicon import Cues
from wirescope.gazetteer import Candidate, Gazetteer
from wirescope.gazetteer.build import ADMIN1_ABBREVIATIONS, ADMIN1_AFTER_TOWN
from wirescope.gazetteer.model import WELL_KNOWN, EntryKind
from wirescope.records import Entity, PlaceUseKind

MAX_WORDS = 6
MILLION = 1_000_000  # a city this large is a place even inside a run taken for a name
_ARTICLE = r"(?:[Aa][ln]|[Ee][ln]|[Aa][dlrstz]|[Ee][dlrstz]|[Aa]sh|[Aa]dh|[Aa]th)[-‑]"
_LETTERS = "A-Za-zÀ-ÖØ-öø-ÿĀ-žḀ-ỿ"
_NAME = (rf"(?:(?:[A-Z]\.){{2,}}|(?:St|Mt|Ft)\.(?= [A-Z])|"
         rf"(?:{_ARTICLE})?[A-Z][{_LETTERS}]*(?:['’](?!s\b)[a-z]+)?"
         rf"(?:[-‑](?:{_ARTICLE})?[A-Z][{_LETTERS}]*)*)")
_LINK = r"(?:al|el|ad|an|ar|as|at|az|ash|ez|es|ed|en|de|del|da|di|do|du|des|la|le|los|las|" \
        r"of|bin|ibn|bani|abu|aux|sur|y|upon|on|the)"
_WORD = re.compile(rf"{_NAME}|{_LINK}(?=[ -])")
_RUN = re.compile(rf"{_NAME}(?:[ ](?:{_LINK}[ ]){{0,2}}{_NAME})*")
PLACE_LABELS = frozenset({"GPE", "LOC", "FAC"})
# A known name and a lower-case direction word run together when a scrape lost the space
# or line break between them ("Kobaninorth Syria").
_GLUED = re.compile(r"^([A-Z][a-z]{3,}?)(?:north|south|east|west)(?:ern)?$")
# Words of the not-places list that do begin place names ("North Sumatra", "Saint Louis").
_NAME_HEADS = frozenset({"North", "South", "East", "West", "Central", "Northern", "Southern",
                         "Eastern", "Western", "Northeast", "Northwest", "Southeast",
                         "Southwest", "Northeastern", "Northwestern", "Southeastern",
                         "Southwestern", "Greater", "Inner", "Outer",
                         "Saint", "St", "Mount", "Lake", "Fort", "Port",
                         "New", "Upper", "Lower", "Sheikh", "Deir", "Dayr", "Tal", "Tell",
                         "Kafr", "Kfar", "Jabal", "Jebel", "Ain", "Khan", "Beit"})
ACTOR_LABELS = frozenset({"PERSON", "ORG", "NORP"})
# Prepositions that make a name right after them a place, even one tagged as a person's
# ("a raid on a house in Dunya Pur"); "over Tyler Zilverberg", "to John Smith" do not.
_LOCATIVE = frozenset({"in", "near", "outside", "into", "inside", "around", "across"})
# "the 5300 block of Aberdeen", "the 100 block of N. Main": a street by the words before it.
_NEAR_FAR = frozenset({"Near", "Far"})  # "the Near North Side", "the Far South Side"
_BLOCK_OF = re.compile(r"\bblock of (?:the )?(?:[NSEW]\.? |North |South |East |West )?$")
# A short capitalised word after a place and a comma: a region abbreviation there.
_AFTER_TOWN = re.compile(r",[ \t]*([A-Z][A-Za-z.]{1,4})(?![A-Za-z])")


@dataclass(frozen=True, slots=True)
class Toponym:
    start: int
    end: int
    candidates: tuple[Candidate, ...]  # empty: a name the gazetteer does not know
    ner: str | None  # the NER label over the span, if any
    hint: EntryKind | None  # the kind a cue noun gives ("Aleppo province" -> admin1)
    placed: bool  # used as a place: locative preposition, territorial verb, place noun, cue
    sentence: int
    # A direction word and a known name the gazetteer lacks as a whole ("North Dallas",
    # "Kasai Occidental"): the candidates are those of the name, and the toponym is a part.
    part: bool = False
    article: bool = False  # "the" right before the name ("the Pacific")
    street: bool = False  # the name ends in a street word ("Auburn Avenue")
    # A section of a city named by a direction ("the South Side", "Near North Side"): in the
    # story's town, as a street is, never the town elsewhere known by that alternate name.
    section: bool = False
    # How the name is used when not as the place itself: "metonymy" (a name the tagger reads
    # as a place that an actor, not a person, holds: "Israel said") or "demonym" ("Syrian
    # forces"); a toponym, but nothing happens there.
    use: PlaceUseKind | None = None


@dataclass(frozen=True, slots=True)
class _Word:
    start: int
    end: int
    name: bool  # a capitalised name word, not a linking word


def _words(text: str, start: int, end: int) -> list[_Word]:
    chunk = text[start:end]
    return [_Word(start + m.start(), start + m.end(), bool(m.group()[:1].isupper()
                                                             or "-" in m.group()[:4]))
            for m in _WORD.finditer(chunk)]


# Region abbreviations written with their period ("Calif.", "Ala.", "Tex."): the period is
# part of the name, even where it also ends the sentence.
_DOTTED = frozenset(a for names in ADMIN1_ABBREVIATIONS.values() for a in names
                    if a.endswith(".")) | frozenset(a for a in ADMIN1_AFTER_TOWN
                                                    if a.endswith("."))


def _strip_period(text: str, start: int, end: int) -> int:
    """Drop a sentence-final period from a name ("in Syria.") but keep "U.S."."""
    surface = text[start:end]
    if surface.endswith(".") and surface.count(".") == 1:
        return end - 1
    return end


def _lookupable(surface: str, cues: Cues) -> bool:
    if surface in cues.abbreviations or f"{surface}." in cues.abbreviations:
        return True  # "Md.", "N.Y.": short, but names (the period may end the sentence)
    if surface in cues.not_places or surface.rstrip(".") in cues.not_places:
        return False
    words = surface.split()
    if words[0] in cues.not_places and words[0] not in _NAME_HEADS and \
            words[0].rstrip(".") not in cues.title_heads:
        return False  # "In France", "The Hague" is looked up as a whole elsewhere
    letters = surface.replace(".", "").replace(" ", "")
    if letters.isupper() and len(letters) <= 4:
        return surface in cues.abbreviations
    return len(letters) > 2


def _spaced(text: str, a: _Word, b: _Word) -> bool:
    """Are two words of a run one space apart (not joined by a linking word)?"""
    return text[a.end : b.start] == " "


def _exact_from(text: str, words: list[_Word], i: int, gazetteer: Gazetteer, cues: Cues
                ) -> tuple[int, int, tuple[Candidate, ...]] | None:
    """``(next word index, end, candidates)`` of the longest exactly known name that starts
    at ``words[i]``."""
    for j in range(min(len(words), i + MAX_WORDS), i, -1):
        if not words[j - 1].name:
            continue
        end = _strip_period(text, words[i].start, words[j - 1].end)
        surface = text[words[i].start : end]
        if not _lookupable(surface, cues):
            continue
        candidates = gazetteer.lookup(surface)
        if any(c.exact for c in candidates):
            return j, end, candidates
    return None


def _major(candidates: tuple[Candidate, ...], population: int) -> bool:
    """Is one of ``candidates`` exactly a country, an admin-1 region or a town of at least
    ``population``? (A name read off a longer word must be one that big to count.)"""
    return any(c.exact and (c.entry.kind in ("country", "admin1")
                            or c.entry.population >= population) for c in candidates)


def _matches(text: str, gazetteer: Gazetteer, cues: Cues
             ) -> Iterator[tuple[int, int, tuple[Candidate, ...], bool]]:
    for run in _RUN.finditer(text):
        words = _words(text, run.start(), run.end())
        i = 0
        while i < len(words):
            if not words[i].name:
                i += 1
                continue
            found = False
            if (last := _feature_ends(text, words, i, cues)) is not None:
                # "Hickory View Place", "Martin Luther King Drive": the whole run is one
                # street (or sea), never the town named by its first words.
                end = _strip_period(text, words[i].start, words[last].end)
                yield words[i].start, end, gazetteer.lookup(text[words[i].start : end]), False
                i = last + 1
                continue
            variant: tuple[int, int, int, tuple[Candidate, ...]] | None = None
            for j in range(min(len(words), i + MAX_WORDS), i, -1):
                if not words[j - 1].name:
                    continue
                start, end = words[i].start, _strip_period(text, words[i].start, words[j - 1].end)
                surface = text[start:end]
                if not _lookupable(surface, cues):
                    continue
                candidates = gazetteer.lookup(surface)
                if not any(c.exact for c in candidates) and surface.endswith("s") and \
                        j == i + 1 and _lookupable(surface[:-1], cues):
                    # "Syrias", "Raqqas": a possessive that lost its apostrophe
                    stripped = gazetteer.lookup(surface[:-1])
                    if _major(stripped, 100001):  # a country, a region or a 100k+ town
                        yield start, end - 1, stripped, False
                        i, found = j, True
                        break
                if j == i + 1 and not any(c.exact for c in candidates) and (
                        glued := _GLUED.match(surface)) and (
                        glued.group(1) not in cues.part_heads):
                    # "near Kobaninorth Syria": a direction word that lost its space
                    prefix = glued.group(1)
                    stripped = gazetteer.lookup(prefix)
                    if _major(stripped, 10000):
                        yield start, start + len(prefix), stripped, False
                        i, found = j, True
                        break
                if any(c.exact for c in candidates):
                    if _feature_follows(text, words, j, cues):
                        # "Baltic Sea", "Indian Ocean": not the town named "Baltic".
                        start, end = start, _strip_period(text, start, words[j].end)
                        candidates, j = gazetteer.lookup(text[start:end]), j + 1
                    elif j < len(words) and words[j].name and _spaced(
                            text, words[j - 1], words[j]) and text[
                            words[j].start : words[j].end].rstrip(".") in cues.part_tails:
                        # "Kasai Occidental": a part of Kasai, never the town Occidental.
                        end = _strip_period(text, start, words[j].end)
                        yield start, end, candidates, True
                        i, found = j + 1, True
                        break
                    yield start, end, candidates, False
                    i, found = j, True
                    break
                if candidates and variant is None:
                    variant = (j, start, end, candidates)
            following = i + 1 < len(words) and words[i + 1].name and _spaced(
                text, words[i], words[i + 1])
            if not found and following and _feature_follows(text, words, i + 1, cues):
                # "Danube Delta", "Black Sea": one name (known or not), never the bare
                # "Delta".
                end = _strip_period(text, words[i].start, words[i + 1].end)
                yield words[i].start, end, gazetteer.lookup(text[words[i].start : end]), False
                i, found = i + 2, True
            if not found and following and \
                    text[words[i].start : words[i].end] in cues.part_heads:
                # "North Dallas", "West Midlands": a part of the place after the direction
                # word (or an unknown name), never the bare "Midlands" — unless the run goes
                # on ("North Nokomis Street"): a longer name, read as before.
                tail = _exact_from(text, words, i + 1, gazetteer, cues)
                j = tail[0] if tail is not None else i + 2
                if not (j < len(words) and words[j].name and _spaced(
                        text, words[j - 1], words[j])):
                    if tail is not None:
                        _, end, candidates = tail
                        yield words[i].start, end, candidates, True
                    else:
                        end = _strip_period(text, words[i].start, words[i + 1].end)
                        yield words[i].start, end, (), False
                    i, found = j, True
            if not found and variant is not None:
                # Only a transliteration variant matched: the longest one.
                j, start, end, candidates = variant
                yield start, end, candidates, False
                i, found = j, True
            if not found and (head := _titled(text, words, i, cues)) is not None:
                # "Fort Detrick", "Tall Tawil", "Sheikh Hassan": a title word and the name
                # after it are one (unknown) name, never the bare name after the title.
                j, start, end = head
                yield start, end, (), False
                i, found = j, True
            if not found:
                i += 1


def _titled(text: str, words: list[_Word], i: int, cues: Cues
            ) -> tuple[int, int, int] | None:
    """``(next word index, start, end)`` of a title word and the name word after it
    (articles may come between: "Deir ez Zor"), when ``words[i]`` is a title word."""
    if words[i].end - words[i].start > 8 or \
            text[words[i].start : words[i].end].rstrip(".") not in cues.title_heads:
        return None
    for k in range(i + 1, min(len(words), i + 4)):
        if words[k].name:
            return k + 1, words[i].start, _strip_period(text, words[i].start, words[k].end)
    return None


def _feature_ends(text: str, words: list[_Word], i: int, cues: Cues) -> int | None:
    """The index of a feature word ending the run of spaced name words from ``words[i]``
    (two to :data:`MAX_WORDS` words), if the run ends in one."""
    last = i
    while last + 1 < len(words) and last + 1 - i < MAX_WORDS and words[last + 1].name and \
            _spaced(text, words[last], words[last + 1]):
        last += 1
    return last if last > i and _feature_follows(text, words, last, cues) else None


def _feature_follows(text: str, words: list[_Word], j: int, cues: Cues) -> bool:
    """Is ``words[j]`` a feature word that makes a larger name with what precedes it?"""
    word = text[words[j].start : words[j].end].rstrip(".") if j < len(words) else ""
    return j < len(words) and words[j].name and (
        word in cues.feature_tails or word in cues.street_tails)


def appositive(text: str, before: int, start: int) -> bool:
    """Does a name at ``start`` follow a name ending at ``before`` with only a comma between
    ("San Jose, California", "Egypt, Bulgaria")?"""
    return before <= start and re.fullmatch(r",\s*", text[before:start]) is not None


def _region_of(text: str, start: int, candidates: Sequence[Candidate],
               found: Sequence[Toponym]) -> bool:
    """"Burlington, Washington", "Moscow, Idaho": a name right after a place and a comma
    that names a region or country holding one of that place's readings is where the place
    lies — the state, not the government an actor of the same name stands for."""
    regions = [c.entry for c in candidates if c.exact and c.entry.kind in ("admin1", "country")]
    return bool(regions) and any(
        appositive(text, t.end, start) and any(
            c.exact and c.entry.kind not in ("admin1", "country")
            and any(r.country_code == c.entry.country_code and (
                r.kind == "country" or r.admin1_code == c.entry.admin1_code) for r in regions)
            for c in t.candidates)
        for t in found)


def _after_place(text: str, start: int, found: list[Toponym]) -> bool:
    """"San Jose, California", "Ames, Iowa", "Egypt, Bulgaria": a name right after a known
    place and a comma is a place too (its container, or the next of a list), whatever the
    parser made of the apposition."""
    return text[start : start + 1].isupper() and any(
        t.candidates and appositive(text, t.end, start) for t in found)


def _region_abbreviation(word: str) -> str | None:
    """``word``, or ``word`` without the period that ends its sentence ("Norfolk, VA."), if
    it is a region abbreviation that may follow a town (:data:`ADMIN1_AFTER_TOWN`)."""
    for candidate in (word, word[:-1] if word.endswith(".") else ""):
        if candidate in ADMIN1_AFTER_TOWN:
            return candidate
    return None


def _before_region(text: str, end: int, gazetteer: Gazetteer) -> bool:
    """"HOWLAND, Ohio (WKBN)", "Lingle, Wyo.": a name right before a comma and a region or
    country is a place (a dateline's town), whatever the tagger made of it."""
    m = re.match(r",[ \t]*([A-Z][\w.]*(?:[ \t][A-Z][\w.]*)?)", text[end : end + 40])
    if m is None:
        return False
    name = m.group(1)
    if _region_abbreviation(name) is not None:
        return True
    return any(c.exact and c.entry.kind in ("admin1", "country")
               for words in (name, name.split()[0]) for c in gazetteer.lookup(words))


# What follows a dateline's place: its region ("ALEPPO, Syria"), the agency ("(AP)",
# "(SANA)") or the dash or colon the story starts after.
_DATELINE_END = re.compile(r"(?:,[ \t]*[A-Z][\w.]*(?:[ \t][A-Z][\w.]*)?)?[ \t]*"
                           r"(?:\(|—|–|--|-[ \t]|:|•)")


# (a dateline's first word may be a title abbreviated: "ST. LOUIS •", "FT. MYERS —")
_CAPITALS_AT_LINE_START = re.compile(
    r"^[ \t]*((?:(?:ST|MT|FT|PT)\.[ \t])?[A-Z][A-Z'’-]+(?:[ \t][A-Z][A-Z'’.-]+){0,3})",
    re.MULTILINE)


def _dateline(text: str, start: int, end: int) -> bool:
    """"DAMASCUS (SANA) –", "BEIRUT —", "MOUNT GILEAD (AP) --": a name in capitals that
    opens a line before the agency, a dash or a colon is where the story was filed — a
    place, whatever the tagger made of it."""
    surface = text[start:end]
    return (surface.isupper() and sum(ch.isalpha() for ch in surface) >= 3
            and not text[text.rfind("\n", 0, start) + 1 : start].strip()
            and _DATELINE_END.match(text, end) is not None)


def _label(text: str, end: int, common: frozenset[str], surface: str) -> bool:
    """"MORE: 4 shot …", "POLICE: Quadruple homicide …", "STORY: …": a common word in
    capitals before a colon is a heading's label, not the place a story was filed from."""
    return text[end:].lstrip(" \t").startswith(":") and surface.lower() in common


def _in_capitals(text: str, start: int, end: int) -> bool:
    """Is the line around ``start..end`` written in capitals (a headline in capitals,
    "GUNMAN KILLS THREE IN CHARLESTON"), where every name is in capitals too?"""
    line = text[text.rfind("\n", 0, start) + 1 : (text.find("\n", end) + 1 or len(text) + 1) - 1]
    letters = [ch for ch in line if ch.isalpha()]
    return sum(ch.isupper() for ch in letters) >= 0.8 * len(letters)


def acronym(text: str, start: int, end: int, abbreviations: Container[str]) -> bool:
    """"SWAT team members", "KING 5 reporter", "call 866-7LOCKUP": a word in capitals in a
    line written in lower case is an acronym or a call sign — not a place, however a
    gazetteer spells a namesake (Swat in Pakistan) — unless it is a place's abbreviation
    ("US", "UAE") or opens a dateline ("ST. LOUIS •", "MOSCOW (Sputnik)")."""
    surface = text[start:end]
    letters = surface.replace(".", "").replace(" ", "").replace("-", "")
    if len(letters) < 2 or not letters.isalpha() or not letters.isupper():
        return False
    if surface in abbreviations or f"{surface}." in abbreviations:
        return False
    return not _in_capitals(text, start, end) and _FILED_AFTER.match(text, end) is None


# What follows a dateline's place inside a line (a page that runs the headline and the story
# together): its region ("KANSAS CITY, Mo. —") or a dash or sign, whatever its encoding
# ("NEWARK \x97 …") — not a word ("SWAT team"), a number ("KING 5") or the stop that ends a
# sentence ("call 866-LOCKUP.").
_FILED_AFTER = re.compile(r",[ \t]*[A-Z]|[ \t]*[^\w\s.,;]")


def _char_span(doc: Doc, start: int, end: int) -> SpacySpan | None:
    return doc.char_span(start, end, alignment_mode="expand")


def kind_hint(doc: Doc, span: SpacySpan, cues: Cues) -> EntryKind | None:
    """The kind of place a cue noun says a name is: "Aleppo province", "the provinces of
    Aleppo and Idlib", "the city of Raqa", "Sheikh Maqsood and Zahraa neighborhoods"."""
    after = doc[span.end] if span.end < len(doc) else None
    if after is not None and after.lower_ in cues.kind_nouns:
        return cues.kind_nouns[after.lower_]
    root = span.root
    for token in (root, first_conjunct(root), *root.conjuncts):
        head = token.head
        if token.dep_ in ("compound", "nmod", "amod") and head.lower_ in cues.kind_nouns:
            return cues.kind_nouns[head.lower_]
        if token.dep_ == "pobj" and head.lower_ == "of" and head.head.lower_ in cues.kind_nouns:
            return cues.kind_nouns[head.head.lower_]
    # "Aleppo and Idlib provinces": the noun after the last conjunct.
    last = max((root, *root.conjuncts), key=lambda t: t.i)
    nxt = doc[last.i + 1] if last.i + 1 < len(doc) else None
    if last is not root and nxt is not None and nxt.lower_ in cues.kind_nouns:
        return cues.kind_nouns[nxt.lower_]
    return None


def _overlapping(start: int, end: int, spans: Iterable[tuple[int, int]]) -> bool:
    return any(s < end and start < e for s, e in spans)


def _inside(start: int, end: int, spans: Iterable[tuple[int, int]]) -> tuple[int, int] | None:
    """The one of ``spans`` that ``start:end`` is a part, not the whole, of (a name inside a
    person's name of two or more words), if any."""
    return next(((s, e) for s, e in spans if s <= start and end <= e and (s, e) != (start, end)),
                None)


def _places_run(text: str, start: int, end: int, person: tuple[int, int],
                candidates: tuple[Candidate, ...], gazetteer: Gazetteer) -> bool:
    """Is a name inside a run the tagger took for a person's name a place all the same: a
    country, a region or a city of a million, or a name among other well-known places
    ("Tags Aleppo Syria", "regions Aleppo Hama and Idlib", "Qamishli Hasaka")? Not a town
    beside a surname ("Casey Manning", "Paul Henderson")."""
    if any(c.exact and (c.entry.kind == "country" or c.entry.population >= MILLION or (
            c.entry.kind == "admin1" and c.entry.population >= WELL_KNOWN)) for c in candidates):
        return True  # (not "Paul" of "Paul Allen", a Cape Verdean county of 7,000)
    others = re.findall(r"[A-Z][\w'’-]+", text[person[0] : start] + " " + text[end : person[1]])
    return bool(others) and any(c.exact for c in candidates) and all(
        any(c.exact and c.primary and c.entry.well_known for c in gazetteer.lookup(w))
        for w in others)


def _ner(ents: Sequence[SpacySpan], start: int, end: int) -> str | None:
    """The label of the named entity that overlaps the span most, if any."""
    best, label = 0, None
    for ent in ents:
        overlap = min(end, ent.end_char) - max(start, ent.start_char)
        if overlap > best:
            best, label = overlap, ent.label_
    return label


def _inflected_common(word: str, common: frozenset[str]) -> bool:
    """``word`` or its stem without a plain English ending is a common word of the text."""
    if word in common:
        return True
    return any(word.endswith(end) and word[: -len(end)] in common
               for end in ("s", "es", "ed", "ing") if len(word) > len(end) + 2)


def common_words(doc: Doc) -> frozenset[str]:
    """Words the document also writes in lower case (and their lemmas): "attacks" in the
    body makes the headline's "Attacks" a common word, not a name."""
    words: set[str] = set()
    for token in doc:
        if token.is_alpha and token.text[:1].islower():
            words.add(token.lower_)
            words.add(token.lemma_.lower())
    return frozenset(words)


def recognize(doc: Doc, entities: tuple[Entity, ...], gazetteer: Gazetteer, cues: Cues
              ) -> list[Toponym]:
    """Every toponym of the document, in text order."""
    text = doc.text
    ents = list(doc.ents)  # (each ``doc.ents`` makes its spans again)
    kb_spans = [(m.start, m.end) for e in entities if e.id.startswith("kb-") for m in e.mentions]
    other_spans = [(m.start, m.end) for e in entities if not e.id.startswith("kb-")
                   for m in e.mentions]
    persons = [(m.start, m.end) for e in entities if e.type == "person" for m in e.mentions]
    sentence_starts = [s.start_char for s in doc.sents]
    common = common_words(doc)
    # People named in two words or more ("Bardo Museum" the tagger took for one is a site)
    people = [(e.start_char, e.end_char) for e in ents if e.label_ == "PERSON"
              and sum(1 for t in e if t.is_alpha and t.text[:1].isupper()) >= 2
              and e[-1].text not in cues.building_tails]
    # ... and their surnames, which the text goes on to use alone
    named = [*people, *((m.start, m.end) for e in entities if e.type == "person"
                        for m in e.mentions if " " in text[m.start : m.end].strip())]
    surnames = {text[s:e].split()[-1] for s, e in named if len(text[s:e].split()) >= 2}
    found: list[Toponym] = []
    taken: list[tuple[int, int]] = []

    def sentence_of(pos: int) -> int:
        return sum(1 for s in sentence_starts if s <= pos) - 1

    def accept(start: int, end: int, candidates: tuple[Candidate, ...], ner: str | None,
               hint: EntryKind | None, placed: bool, *, part: bool = False,
               article: bool = False, street: bool = False, section: bool = False,
               use: PlaceUseKind | None = None) -> None:
        taken.append((start, end))
        found.append(Toponym(start=start, end=end, candidates=candidates, ner=ner, hint=hint,
                             placed=placed, sentence=sentence_of(start), part=part,
                             article=article, street=street, section=section, use=use))

    def metonymy(start: int, end: int, candidates: tuple[Candidate, ...]) -> None:
        """A name an actor holds is still a toponym, used for its state or people, when the
        tagger reads exactly it as a place and the gazetteer knows it by that name — unless
        the actor is a person ("Paris Hilton", coach "Ripley")."""
        if _overlapping(start, end, persons) or not any(c.exact for c in candidates):
            return
        if not any(e.label_ in ("GPE", "LOC") and abs(e.start_char - start) <= 4
                   and abs(e.end_char - end) <= 1 for e in ents):
            return
        accept(start, end, candidates, _ner(ents, start, end), hint=None, placed=False,
               use="metonymy")

    def consider(start: int, end: int, candidates: tuple[Candidate, ...],
                 part: bool = False) -> None:
        if text[end : end + 1] == "." and text[start : end + 1] in _DOTTED:
            end += 1  # "Fresno, Calif.": the abbreviation's period is part of it
        if _overlapping(start, end, taken):
            return
        if _label(text, end, common, text[start:end]) or acronym(text, start, end,
                                                                 cues.abbreviations):
            return  # "MORE: 4 shot", "SWAT team members": a heading's label, an acronym
        if _dateline(text, start, end):  # "DAMASCUS (SANA) –": where the story was filed,
            # whoever holds the name and whatever the tagger made of the capitals
            known = candidates if any(c.exact for c in candidates) else gazetteer.lookup(
                text[start:end].title())
            if any(c.exact for c in known):
                accept(start, end, known, _ner(ents, start, end), hint=None, placed=True)
                return
        local = tuple(c for c in candidates if c.entry.kind in _JURISDICTIONS)
        if names_agency(text, end, cues.agency_heads) and any(c.exact for c in local):
            # "the Juneau Police Department": the agency's jurisdiction, the story's town —
            # a town or a county, never a country or a state ("Lebanon Police" is not
            # Lebanon's)
            accept(start, end, local, _ner(ents, start, end), hint=None, placed=True,
                   use="agency")
            return
        if _overlapping(start, end, kb_spans) and not _region_of(text, start, candidates,
                                                                 found):
            metonymy(start, end, candidates)
            return
        span = _char_span(doc, start, end)
        if span is None:
            return
        if len(span) == 1 and (span[0].lower_ in common or span[0].lemma_.lower() in common):
            return  # "Attacks", "Several", "Area" in a title-case headline: a common word
        words = [t for t in span if t.is_alpha]
        if words and not any(c.exact for c in candidates) and \
                text[end : end + 1] != "." and \
                all(_inflected_common(t.lower_, common) for t in words):
            return  # "Kills", "Terrorist Attacks": headline words the body writes lower case
        hint = kind_hint(doc, span, cues)
        street = (len(span) > 1 and span[-1].text.rstrip(".") in cues.street_tails) or \
            _BLOCK_OF.search(text[max(0, start - 40) : start]) is not None
        section = (len(span) > 1 and span[-1].text in cues.section_tails and all(
            t.text in cues.part_heads or t.text in _NEAR_FAR for t in span[:-1])) or (
            span.text in cues.section_names)  # "Downtown": not Honolulu's, the story's
        placed = hint is not None or place_context(span, cues.actors) or \
            _after_place(text, start, found) or street or section or \
            _before_region(text, end, gazetteer)  # "Auburn Avenue", "HOWLAND, Ohio (WKBN)"
        curated = any(c.exact and c.entry.source == "supplement" for c in candidates)
        if _overlapping(start, end, other_spans) and not (placed or curated):
            metonymy(start, end, candidates)
            return  # a person or organisation, unless a cue or the curated list says place
        if text[start:end] in surnames and not (placed or curated or any(
                c.exact and c.primary and c.entry.well_known for c in candidates)):
            return  # "Korryn Gaines" … "shot Gaines": the person, not Gaines County
        if (person := _inside(start, end, people)) is not None and not (
                placed or curated or _places_run(text, start, end, person, candidates,
                                                 gazetteer)):
            return  # "Linda" of "Linda Daily", "Casey" of "Judge Casey Manning"
        ner = _ner(ents, start, end)
        if hint is None and ner not in PLACE_LABELS and \
                not any(t.pos_ in ("PROPN", "X") for t in span):
            return  # "Shelling", "Rocket": a capitalised common word, not a name — unless
            # a known place's name, inside a sentence, in place context ("shelled Homs")
        if ner == "NORP" and not placed:
            return  # "Syrian", "Kurdish": nationality adjectives, not places
        if not placed and ner == "GPE" and actor_context(span, cues.actors) and any(
                c.exact and c.entry.kind == "country" for c in candidates):
            return  # metonymy the actor extractor left out: "between the US and Russia"
        if not candidates and not (placed or ner in PLACE_LABELS):
            return
        accept(start, end, candidates, ner, hint=hint, placed=placed, part=part,
               article=text[max(0, start - 4) : start].lower() == "the ", street=street,
               section=section)

    for line in _CAPITALS_AT_LINE_START.finditer(text):  # datelines first ("HOMS: …")
        consider(line.start(1), line.end(1), gazetteer.lookup(line.group(1).title()))
    for start, end, candidates, part in _matches(text, gazetteer, cues):
        consider(start, end, candidates, part)
    for ent in ents:
        if ent.label_ not in PLACE_LABELS | ACTOR_LABELS:
            continue
        words = [w for w in _words(text, ent.start_char, ent.end_char) if w.name]
        if not words:
            continue
        start, end = words[0].start, _strip_period(text, words[0].start, words[-1].end)
        if not _lookupable(text[start:end], cues) or not text[start:start + 1].isalpha():
            continue
        candidates = gazetteer.lookup(text[start:end])
        if ent.label_ in ACTOR_LABELS:
            span = _char_span(doc, start, end)
            if span is None or not (kind_hint(doc, span, cues) or place_context(
                    span, cues.actors)):
                continue
            if any(s <= start and end <= e for s, e in people) and not kind_hint(
                    doc, span, cues) and (span.start == 0 or doc[span.start - 1].lower_
                                          not in _LOCATIVE) and not any(
                    c.exact for c in candidates):
                continue  # "over Tyler Zilverberg", "from … Edward Liddy": a person
        consider(start, end, candidates)
    ends = {t.end for t in found}
    found = [t for t in found if not _inner_word(text, ents, t, ends)]
    regions = list(_regions_after_towns(text, ents, found, gazetteer, sentence_of))
    # ... over whatever else the abbreviation matched ("Tex." is not Tegh, Armenia)
    found = [t for t in found if not _overlapping(t.start, t.end,
                                                  [(r.start, r.end) for r in regions])]
    return sorted([*found, *regions], key=lambda t: t.start)


# The capitalised words right after a name: where a local agency's name goes on ("Juneau
# Police Department", "Savannah Chatham Metropolitan Police", "Marion County Sheriff's").
_CAPITALISED_AFTER = re.compile(r"(?:[ \t]+[A-Z][\w'’.]*){1,4}")


_JURISDICTIONS = frozenset({"town", "admin2", "section"})  # what a local agency serves


def names_agency(text: str, end: int, heads: frozenset[str]) -> bool:
    """Does a local agency's name go on after the name ending at ``end`` — one of ``heads``
    ("Police", "Sheriff's", "Fire Department") within the next few capitalised words?"""
    m = _CAPITALISED_AFTER.match(text, end)
    if m is None:
        return False
    words = [w.rstrip(".,") for w in m.group(0).split()]
    return any(w in heads or " ".join(words[i : i + 2]) in heads
               for i, w in enumerate(words))


# Words after which a name inside a longer one is still a place of its own: "the University
# of Kentucky", "Elementary School in Lombard", "Metro Atlanta", "Paris, Texas", an
# alternative name ("Sere Kaniye/Ras al-Ain", "Kobani (Ayn al-Arab)").
_OWN_AFTER = re.compile(r"(?:\b(?:of|in|on|at|near|metro)|[,/(])\s*$", re.IGNORECASE)
# ... and after a place's possessive: "Syria's Ghouta region", "Aleppo's Sheikh Maqsood"
# (also with the apostrophe lost: "Syrias Ghouta").
_POSSESSIVE = re.compile(r"(?:['’]s|s['’]?)[ \t]+")
# The tagger's names a place's name can be a word of.
_NAMES = frozenset({"ORG", "FAC", "PERSON", "WORK_OF_ART", "LAW", "EVENT", "PRODUCT", "LOC",
                    "GPE"})


def _inner_word(text: str, ents: Sequence[SpacySpan], toponym: Toponym, ends: set[int]
                ) -> bool:
    """Is the toponym an inner or last word of a longer name the tagger found — "Cora Kelly
    Elementary School", "Symphony Hall", "Landmark Bank" — rather than a place? A country,
    a first-level region or a street ("the Saipatae- Yaha Road") stays, and so does a name
    after "of", "in", "at", a comma or a slash, or after a place's possessive (``ends``:
    where the other toponyms end), which starts a place of its own inside the longer name."""
    if toponym.use is not None or toponym.street or toponym.section or any(
            c.exact and c.entry.kind in ("country", "admin1") for c in toponym.candidates):
        return False  # (a street is a place, whatever name it is the end of)
    for ent in ents:
        if ent.label_ not in _NAMES or not (
                ent.start_char <= toponym.start and toponym.end <= ent.end_char):
            continue
        head = ent.start_char + (4 if ent.text[:4].lower() == "the " else 0)
        if toponym.start <= head:
            continue  # the longer name begins with it ("Aleppo University", "Paris Police")
        if _OWN_AFTER.search(text, max(head, toponym.start - 8), toponym.start):
            return False
        return not any(_POSSESSIVE.fullmatch(text, end, toponym.start) for end in ends
                       if toponym.start - 4 <= end < toponym.start)
    return False


def _regions_after_towns(text: str, ents: Sequence[SpacySpan], found: list[Toponym],
                         gazetteer: Gazetteer, sentence_of: Callable[[int], int]
                         ) -> Iterator[Toponym]:
    """"Norfolk, Va.", "Portland, OR 97201", "NORFOLK, Va. (AP)": a region abbreviation
    that is a name only in that position (:data:`ADMIN1_AFTER_TOWN`), right after a place
    and a comma, is the region (which then fixes the town, as "Norfolk, Virginia" would)."""
    taken: list[tuple[int, int]] = []
    for toponym in sorted(found, key=lambda t: t.start):
        if not (toponym.candidates or toponym.ner in PLACE_LABELS):
            continue
        m = _AFTER_TOWN.match(text, toponym.end)
        if m is None:
            continue
        abbreviation = _region_abbreviation(m.group(1))
        if abbreviation is None:
            continue
        start, end = m.start(1), m.start(1) + len(abbreviation)
        entry = gazetteer.admin1_entry(*ADMIN1_AFTER_TOWN[abbreviation])
        if entry is None or _overlapping(start, end, taken):
            continue
        taken.append((start, end))
        yield Toponym(start=start, end=end, candidates=(Candidate(entry, True, 1.0, True),),
                      ner=_ner(ents, start, end), hint="admin1", placed=True,
                      sentence=sentence_of(start))

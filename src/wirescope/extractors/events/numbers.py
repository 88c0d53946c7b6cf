"""Numbers in a sentence: digits ("28,000", "1.5 million"), words ("sixty", "two hundred",
"a dozen"), ACLED's vague numbers ("dozens" = 12, "tens of thousands" = 10,000) and
indefinite counts ("several"), with the words that bound them ("at least", "up to").

A number that is a date, a time, money, a percentage, a measure, a year, an ordinal or a
share ("a third") is not a count and is skipped.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass

from spacy.tokens import Span, Token

from wirescope.extractors.events.lexicon import Numbers, numbers, triggers
from wirescope.extractors.events.triggers import age, headline_participle, lemma, own_death, verb_of
from wirescope.records import Qualifier

_DIGITS = re.compile(r"^\d{1,3}(?:,\d{3})+(?:\.\d+)?$|^\d+(?:\.\d+)?$")
_NOT_ENTITIES = frozenset({"DATE", "TIME", "MONEY", "PERCENT", "ORDINAL", "QUANTITY"})
_BEFORE = frozenset({"$", "€", "£", "#", "no", "no.", "number", "resolution", "article",
                     "flight", "mh", "route", "highway", "su", "mig", "f", "t", "s", "page",
                     "chapter", "paragraph", "vii", "unit", "brigade", "division"})


_CALL_SIGN = re.compile(r"^[KW][A-Z]{2,3}(?:-(?:TV|DT|FM|AM))?$")  # a US station
_DIAL = frozenset({"call", "dial", "text", "phone"})


@dataclass(frozen=True, slots=True)
class Count:
    """A number found in the text: its value and bounds, and the tokens it spans."""

    value: float | None
    low: float | None
    high: float | None
    qualifier: Qualifier | None
    first: Token  # first token, qualifier included
    number: Token  # the number's own last token (its head word in the parse)
    tokens: tuple[Token, ...]  # the number's own tokens
    single: bool = False  # "a woman", "the boy", "Tre Edwards", "he": one person, by how the
    # text names them (counted only as a casualty)
    unit: str | None = None  # what the words themselves count: a "double homicide" two killed
    self_killing: bool = False  # "killed himself", "took his own life": the subject's own death


def _word_value(words: list[str], lex: Numbers) -> float | None:
    """The value of number words ("two hundred", "twenty-one", "a dozen"); ``None`` when they
    are no one number — two unit words in a row are two numbers ("one nineteen", an age in a
    list), unless a ten is followed by a digit's word ("twenty one")."""
    total, current, seen = 0, 0, False
    before: int | None = None  # the value of the unit word just read
    for i, word in enumerate(words):
        if word in lex.units and before is not None and not (
                before >= 20 and before % 10 == 0 and lex.units[word] < 10):
            return None
        before = lex.units.get(word)
        if word in ("a", "an"):
            if i + 1 < len(words) and (words[i + 1] in lex.multipliers or words[i + 1] == "dozen"):
                current += 1
                continue
            return None
        if word == "dozen":
            current = max(current, 1) * 12
        elif word in lex.units:
            current += lex.units[word]
        elif word in lex.multipliers:
            current = max(current, 1) * lex.multipliers[word]
            if lex.multipliers[word] >= 1000:
                total, current = total + current, 0
        else:
            return None
        seen = True
    return float(total + current) if seen else None


def _is_number_word(token: Token, lex: Numbers) -> bool:
    lower = token.lower_
    return lower in lex.units or lower in lex.multipliers or lower == "dozen"


def _span_number(tokens: list[Token], start: int, lex: Numbers) -> tuple[int, float | None, str]:
    """From ``tokens[start]``: how many tokens the number takes, its value and its kind
    (``exact``, ``vague``, ``indefinite`` or ``""`` for no number)."""
    first = tokens[start]
    lower = first.lower_
    rest = [t.lower_ for t in tokens[start : start + 3]]
    for size in (3, 2):
        phrase = " ".join(rest[:size])
        if len(rest) >= size and phrase in lex.vague:
            return size, float(lex.vague[phrase]), "vague"
        if len(rest) >= size and phrase in lex.indefinite:
            return size, None, "indefinite"
    if lower in lex.vague:
        return 1, float(lex.vague[lower]), "vague"
    if lower in lex.indefinite:
        return 1, None, "indefinite"
    if _DIGITS.match(first.text):
        value = float(first.text.replace(",", ""))
        size = 1
        while start + size < len(tokens) and tokens[start + size].lower_ in lex.multipliers:
            value *= lex.multipliers[tokens[start + size].lower_]
            size += 1
        return size, value, "exact"
    if not _is_number_word(first, lex) and lower not in ("a", "an"):
        return 0, None, ""
    words: list[str] = []
    size = 0
    while start + size < len(tokens):
        token = tokens[start + size]
        if _is_number_word(token, lex) or (token.lower_ in ("a", "an") and not words):
            words.append(token.lower_)
        elif token.text in ("-", "and") and words and start + size + 1 < len(tokens) and (
                _is_number_word(tokens[start + size + 1], lex)):
            pass
        else:
            break
        size += 1
    worded = _word_value(words, lex)
    if worded is None:
        return 0, None, ""
    return size, worded, "exact"


_QUALIFIERS: dict[str, Qualifier] = {
    "at_least": "at_least", "more_than": "more_than", "about": "about", "nearly": "nearly",
    "up_to": "up_to", "less_than": "less_than",
}


def _qualifier(tokens: list[Token], start: int, lex: Numbers
               ) -> tuple[int, Qualifier | None]:
    """The bounding words right before ``tokens[start]``: (their first index, qualifier)."""
    for size in (3, 2, 1):
        if start - size < 0:
            continue
        phrase = " ".join(t.lower_ for t in tokens[start - size : start])
        if phrase in lex.qualifiers:
            return start - size, _QUALIFIERS[lex.qualifiers[phrase]]
    return start, None


def _children_of(tokens: list[Token], start: int, lex: Numbers) -> bool:
    """Is the number a parent's children: "a father of three", "mother-of-two", "a
    grandmother of 12"? (Not "a family of six": a family is the group its number counts.)"""
    back = [t for t in tokens[max(0, start - 4):start] if t.text != "-"]
    return len(back) >= 2 and back[-1].lower_ == "of" and lemma(back[-2]) in lex.parent_nouns


def _not_a_count(tokens: list[Token], start: int, size: int, lex: Numbers, *,
                 exact: bool) -> bool:
    own = tokens[start : start + size]
    last = own[-1]
    # A date-like label on a number of people is the tagger's slip ("Kills over 50
    # Terrorists" under a dateline); the times extractor's own spans are skipped anyway.
    people = last.dep_ == "nummod" and lemma(last.head) in lex.categories
    if exact and not people and any(t.ent_type_ in _NOT_ENTITIES for t in own):
        return True
    after = tokens[start + size] if start + size < len(tokens) else None
    before = tokens[start - 1] if start > 0 else None
    if after is not None and (after.lower_ in lex.not_counts or after.lemma_.lower() in
                              lex.not_counts or after.lower_ in lex.fractions):
        return True
    if after is not None and after.text == "-" and start + size + 1 < len(tokens) and (
            tokens[start + size + 1].lemma_.lower() in lex.not_counts):
        return True
    if after is not None and after.lower_ in ("to", "or", "-") and start + size + 2 < len(
            tokens) and tokens[start + size + 1].like_num and (
            tokens[start + size + 2].lemma_.lower() in lex.not_counts):
        return True  # "shot three to four times": a range of a measure
    if before is not None and (before.lower_ in _BEFORE or (
            before.text == "." and start >= 2 and tokens[start - 2].lower_ == "no")):
        return True
    if after is not None and (_CALL_SIGN.match(after.text) or after.lower_ == "news"):
        return True  # "13 WTHR Indianapolis", "8 News NOW": a station's name
    if before is not None and before.i + 1 == own[0].i and _is_number_word(before, lex) and (
            _is_number_word(own[0], lex)) and before.ent_type_ != "DATE":
        return True  # "two eighteen years old, one nineteen": an age after a count
    if _children_of(tokens, start, lex):
        return True  # "a father of three was shot": one man and his three children
    if before is not None and lemma(before) in _DIAL and own[0].text.isdigit() and len(
            own[0].text) >= 3:
        return True  # "called 911": a number dialled
    if before is not None and before.lower_ == "than" and start >= 2 and (
            tokens[start - 2].lower_ in ("younger", "older")):
        return True  # "a boy younger than 12": an age
    if last.dep_ in ("nummod", "compound") and last.head.lemma_.lower() in lex.not_counts:
        return True
    text = own[0].text
    if len(own) == 1 and text.isdigit() and len(text) == 4 and 1900 <= int(text) <= 2100:
        return True
    return _age_apposition(tokens, start, size) or _in_a_name(tokens, start, size) or \
        _in_a_list_of_ages(last) or _ages_of_people(tokens, start, size, lex)


_AGES = frozenset({"age", "ages", "aged"})


def _in_a_list_of_ages(number: Token) -> bool:
    """'Three other men, ages 25, 26, and 33': a number listed after "ages" or "aged" is an
    age, however the list is parsed."""
    token, steps = number, 0
    while token.dep_ in ("conj", "appos", "nummod", "npadvmod", "pobj", "prep") and \
            token.head != token and steps < 4:
        token, steps = token.head, steps + 1
        if token.lower_ in _AGES:
            return True
    return number.i > 0 and number.doc[number.i - 1].lower_ in _AGES


def _bare_age(token: Token) -> bool:
    return token.text.isdigit() and 0 < int(token.text) < 120


# What may join the ages of a list: "12 and 16", "one 16 and the other 17".
_AGE_LIST_WORDS = frozenset({"and", "one", "the", "other", "another"})


def _ages_of_people(tokens: list[Token], start: int, size: int, lex: Numbers) -> bool:
    """'two boys, 12 and 16', 'Three teens, 15, 16 and 17, were wounded', '3 others, 12 and
    16, wounded', 'Two teenagers, one 16 and the other 17, were injured': bare numbers listed
    (two or more, joined by commas, "and", "one … the other") and set off by a comma after
    the people they describe are those people's ages, however the list is parsed — and the
    "one" whose age follows is no count either."""
    if size != 1:
        return False
    if tokens[start].lower_ in ("one", "another") and start + 1 < len(tokens) and _bare_age(
            tokens[start + 1]):
        return _ages_of_people(tokens, start + 1, 1, lex)
    if not _bare_age(tokens[start]):
        return False
    listed, i = 1, start - 1
    while i >= 0 and (tokens[i].text == "," or tokens[i].lower_ in _AGE_LIST_WORDS
                      or _bare_age(tokens[i])):
        listed += _bare_age(tokens[i])
        i -= 1
    people = tokens[i] if i >= 0 else None
    if people is None or tokens[i + 1].text != "," or not (
            people.tag_ in ("NNS", "NNPS") and (_person_noun(people, lex)
                                                or people.lower_ == "others")):
        return False
    j = start + 1
    while j < len(tokens) and (tokens[j].text == "," or tokens[j].lower_ in _AGE_LIST_WORDS
                               or _bare_age(tokens[j])):
        listed += _bare_age(tokens[j])
        j += 1
    closed = j == len(tokens) or not tokens[j].tag_.startswith("NN")  # not "12 and 16 girls"
    return listed >= 2 and closed


def _in_a_name(tokens: list[Token], start: int, size: int) -> bool:
    """'WMC Action News 5 - Memphis', 'WHIO TV 7', 'KSLA News 12 Shreveport': a number
    that ends a capitalised name, with nothing counted after it (or only a place), is part of
    the name; so is one after a capitalised word naming a numbered thing ("Interstate 78",
    "Route 9", "Apartment 4")."""
    before = tokens[start - 1] if start > 0 else None
    after = tokens[start + size] if start + size < len(tokens) else None
    lex = numbers()
    digits = tokens[start].text[:1].isdigit()
    if before is not None and digits and (
            (before.text[:1].isupper() and before.lower_ in lex.numbered_names)
            or before.lower_ in lex.numbered_rooms):
        return True  # "Interstate 78 in Upper Saucon", "Apartment 4", "in apartment 304"
    if digits and size == 1 and _house_number(tokens, start + 1):
        return True  # "inside his 427 Wilclay Dr home", "4601 SE 79"
    if before is None or before.tag_ not in ("NNP", "NN") or not before.text[:1].isupper() or (
            before.ent_type_ in ("GPE", "LOC")):
        return False
    word = before.lower_  # a title-case verb the tagger took for a name: "ISIS Kills 12"
    if any(form in numbers().predicates for form in (word, word[:-1], word[:-2])):
        return False
    return after is None or after.is_punct or after.tag_ == "CC" or (  # "News 12 Shreveport"
        after.tag_ == "NNP" and after.ent_type_ in ("GPE", "LOC"))


def _house_number(tokens: list[Token], after: int) -> bool:
    """Does a street's name follow (a number before it is a house number): capitalised
    words and a street word within three ("427 Wilclay Dr"), or a compass point and a
    number ("4601 SE 79")?"""
    lex = numbers()
    following = tokens[after : after + 3]
    if not following or not following[0].text[:1].isupper():
        return False
    if following[0].text in lex.compass_points:
        return len(following) > 1 and following[1].text[:1].isdigit()
    for token in following:
        if token.text.rstrip(".") in lex.street_words:
            return True
        if not token.text[:1].isupper():
            return False
    return False


def aged(token: Token) -> bool:
    """Is ``token`` followed by an age set off by commas: "Boy, 14, …", "Smith, 22, …"?"""
    doc = token.doc
    return token.i + 3 < len(doc) and doc[token.i + 1].text == "," and _bare_age(
        doc[token.i + 2]) and doc[token.i + 3].text == ","


def _age_apposition(tokens: list[Token], start: int, size: int) -> bool:
    """'Boy, 11, shot by another youth, 10': a bare number set off by commas after the word it
    hangs on is that person's age, not a count."""
    own = tokens[start : start + size]
    if size != 1 or not own[0].text.isdigit() or not 0 < int(own[0].text) < 120 or start < 2:
        return False
    comma, person = tokens[start - 1], tokens[start - 2]
    after = tokens[start + 1] if start + 1 < len(tokens) else None
    return (comma.text == "," and person.is_alpha
            and (own[0].head == person or person.ent_type_ == "PERSON"  # "Treavon Lewis, 22"
                 or person.tag_ in ("NN", "NNP"))  # "shot himself and son, 10, while …"
            and (after is None or after.is_punct or after.is_space or after.is_quote))


_MODIFIERS = frozenset({"amod", "compound", "nummod", "npadvmod", "punct", "advmod"})
# Where a person stands as a participant (not inside another noun: "the man's car").
_NOMINAL = frozenset({"nsubj", "nsubjpass", "dobj", "pobj", "conj", "appos", "attr", "oprd",
                      "ROOT"})
# Determiners of one person: "the boy", "that man", "another teenager"; "no one", "every
# victim", "some residents" count no one person.
_ONE_DETERMINERS = frozenset({"the", "this", "that", "another"})
_PRONOUNS = frozenset({"he", "she", "him", "her", "himself", "herself"})  # "killed himself":
# the one who dies by their own hand is counted as ACLED and the GVA count them
# The prepositions a person governed by a casualty stands under: "the death of a 17-year-old",
# "killing three people including a child".
_PERSON_PREPOSITIONS = frozenset({"of", "including"})


def _one_person(token: Token, lex: Numbers) -> bool:
    """'a woman', 'a child', 'an elderly man', 'a 23-year-old man', 'a police officer': the
    indefinite article of a singular noun that names a person counts one (ACLED codes "a
    woman was killed" as one fatality). Between the article and the noun only what
    describes the noun may stand: adjectives, an age ("23-year-old"), a noun modifier
    ("police"), a home town ("a 16-year-old Rocky Mount boy"); "a man's car" or "a group
    of men" count nothing."""
    head = token.head
    if not (token.lower_ in ("a", "an") and token.dep_ == "det" and head.tag_ == "NN"
            and 0 < head.i - token.i <= 9 and _person_noun(head, lex)):
        return False
    between = token.doc[token.i + 1 : head.i]
    return all(t.dep_ in _MODIFIERS and head in t.ancestors and t.tag_ != "POS"
               for t in between)


def _person_noun(token: Token, lex: Numbers) -> bool:
    key = lemma(token)
    return key in lex.categories and key not in lex.collective_nouns


def _headline_noun(token: Token) -> bool:
    """A common noun — or one a title-case headline capitalised and the tagger took for a
    name ("Man killed in Akron home", "Woman Shot On South Side"), not a person's name."""
    if token.tag_ == "NN":
        return True
    if token.tag_ == "UH" and token.is_title and token.i == token.sent.start:
        return True  # "Boy wounded in shooting": a headline's first word read as "Oh"
    # (not when a number stands in its phrase: "Over 50 Jaysh Al Fateh Terrorist Killed")
    return token.tag_ == "NNP" and token.is_title and token.ent_type_ != "PERSON" and not any(
        t.tag_ == "CD" for t in token.subtree if t.i < token.i)


def _name_bounds(token: Token) -> tuple[int, int]:
    """First and last token index of the entity ``token`` is in."""
    doc = token.doc
    start = token.i
    while start > 0 and doc[start].ent_iob_ == "I":
        start -= 1
    end = token.i
    while end + 1 < len(doc) and doc[end + 1].ent_iob_ == "I":
        end += 1
    return start, end


_SUBORDINATORS = frozenset({"after", "before", "until", "since", "as", "because", "when"})


def _clause_subject(token: Token) -> bool:
    """Is this "object" of a subordinator the subject of its clause, misparsed: "after a
    4-year-old was shot", "before the man was killed"?"""
    doc = token.doc
    return token.head.lower_ in _SUBORDINATORS and token.i + 1 < len(doc) and (
        doc[token.i + 1].tag_ in ("VBD", "VBZ", "VBP", "MD"))


def _single(token: Token, lex: Numbers) -> tuple[Token, ...]:
    """The tokens of a mention that names one person by itself, when ``token`` is its head
    (else none): a singular description ("the boy", "his friend", "the 17-year-old", "a
    2-year-old"), a person's name ("Tre Edwards") or "he"/"she". The indefinite article of
    a described person counts at the article (:func:`_one_person`); a collective noun
    ("the family") or a number ("two men") is no one person."""
    doc = token.doc
    if token.i == token.sent.start and aged(token) and _person_noun(token, lex):
        return (token,)  # "Boy, 14, fatally shot in …", however the headline is parsed
    headline = (headline_participle(token.head) is not None or (
        token.head.tag_ in ("VBN", "VBD") and token.i + 1 == token.head.i
        and token.head.lower_ in triggers().headline_participles)) and (
        token.dep_ in ("compound", "intj")  # "Baby shot", "Teen Killed", "Boy wounded"
        or (token.dep_ == "amod" and token.i + 1 == token.head.i))  # "16-year-old shot"
    if (token.dep_ not in _NOMINAL and not headline) or (  # "Baby shot in DeKalb"
            token.dep_ == "pobj" and token.head.lower_ not in _PERSON_PREPOSITIONS
            and not _clause_subject(token)):
        return ()  # "in Syrias Aleppo", "near the school": a place, not a person
    if token.tag_ == "PRP" and token.lower_ in _PRONOUNS:
        return (token,)
    if _the_one_more(token):
        return tuple(doc[token.left_edge.i : token.i + 1])
    if token.ent_type_ == "PERSON" and token.tag_ == "NNP":
        start, end = _name_bounds(token)
        if start <= token.head.i <= end and token.head != token:
            return ()  # not the name's head word
        return tuple(doc[start : end + 1])
    old = age(token)
    if not (_headline_noun(token) and _person_noun(token, lex)) and not old:
        return ()
    dets = [c for c in token.children if c.dep_ == "det"]
    if any(c.dep_ == "nummod" for c in token.children) or any(
            d.lower_ not in _ONE_DETERMINERS and not (old and d.lower_ in ("a", "an"))
            for d in dets):
        return ()  # "two men", "no one", "every victim"; "a man" counts at its article
    first = token.left_edge if dets or old else next(
        (c for c in token.children if c.dep_ == "poss"), token)
    return tuple(doc[first.i : token.i + 1])


def _the_one_more(token: Token) -> bool:
    """"Another" or "the other" standing for a person of the sentence by itself, with no
    noun after it: "one man was killed and another was wounded", "one died, the other is in
    hospital" — one person more ("another man" counts at its noun)."""
    if token.dep_ not in ("nsubj", "nsubjpass", "conj", "dobj") or any(
            c.dep_ in ("nummod", "prep") for c in token.children):
        return False
    if token.lower_ == "another" and token.tag_ == "DT":
        return True
    return token.lower_ == "other" and [c.lower_ for c in token.children
                                        if c.dep_ == "det"] == ["the"]


def _self_killing(token: Token) -> tuple[Token, ...] | None:
    """One who dies by his own hand, counted by the words that say so (:func:`own_death`):
    those words, or none when the clause only aims at the death or denies it ("tried to
    kill himself", "threatened to take his own life", "did not commit suicide"); ``None``
    for any other word."""
    if not own_death(token):
        return None
    verb = verb_of(token)
    if verb.dep_ == "xcomp" or any(c.dep_ == "neg" for c in verb.children):
        return ()
    return tuple(token.doc[token.left_edge.i : token.i + 1])  # "his own life"


def counts(sentence: Span, skip: Callable[[Token], bool]) -> Iterator[Count]:
    """The counts of ``sentence``; ``skip`` says which tokens belong to times. One person
    the text names in the singular — an indefinite article of a described person, a
    singular description, a name, "he"/"she" — counts one, flagged ``single`` (only a
    casualty may be counted so: "a woman said" counts nothing)."""
    lex = numbers()
    tokens = list(sentence)
    i = 0
    while i < len(tokens):
        if (own := _self_killing(tokens[i])) is not None:
            if own:  # one killed: GVA and ACLED count the killer who kills himself
                yield Count(value=1.0, low=None, high=None, qualifier=None, first=own[0],
                            number=tokens[i], tokens=own, unit="killed", self_killing=True)
            i += 1
            continue
        if _one_person(tokens[i], lex) and not skip(tokens[i]):
            yield Count(value=1.0, low=None, high=None, qualifier=None, first=tokens[i],
                        number=tokens[i], tokens=(tokens[i],), single=True)
            i += 1
            continue
        if person := _single(tokens[i], lex):
            yield Count(value=1.0, low=None, high=None, qualifier=None, first=person[0],
                        number=tokens[i], tokens=person, single=True)
            i += 1
            continue
        if crime := _crime(tokens, i, lex):
            yield crime
            i += len(crime.tokens)
            continue
        size, value, kind = _span_number(tokens, i, lex)
        if size == 0 or any(skip(t) for t in tokens[i : i + size]) or (
                value is not None and value != int(value)) or (  # "95.7 FM": no one counted
                _not_a_count(tokens, i, size, lex, exact=kind == "exact")):
            i += max(size, 1)
            continue
        first, qualifier = _qualifier(tokens, i, lex)
        low: float | None = None
        high: float | None = None
        if kind == "vague":
            qualifier, low = "vague", value
        elif kind == "indefinite":
            qualifier = "vague"
        elif qualifier is not None and value is not None:
            bound = lex.bounds.get(qualifier)
            low = value if bound == "low" else None
            high = value if bound == "high" else None
        own = tuple(tokens[i : i + size])
        yield Count(value=value, low=low, high=high, qualifier=qualifier, first=tokens[first],
                    number=max(own, key=lambda t: _depth_rank(t, own)), tokens=own)
        i += size


def _crime(tokens: list[Token], start: int, lex: Numbers) -> Count | None:
    """A crime named by its count of victims: "a double homicide" (2 killed), "a triple
    fatal shooting" (3 killed), "a quadruple shooting" (4 hit), "a murder-suicide" (at least
    2 killed: the victim and the killer), "a fatal shooting" (at least 1 killed)."""
    first = tokens[start]
    after = [t for t in tokens[start + 1 : start + 5] if t.text != "-"]
    if first.lower_ in lex.multiples and after:
        fatal = after[0].lower_ in lex.fatal_adjectives
        noun = after[1] if fatal and len(after) > 1 else after[0]
        unit = lex.crimes.get(lemma(noun)) or lex.crimes.get(noun.lower_)
        if unit is None:
            return None
        value = float(lex.multiples[first.lower_])
        return Count(value=value, low=None, high=None, qualifier=None, first=first,
                     number=first, tokens=(first,), unit="killed" if fatal else unit)
    crime = first.head
    doc = first.doc
    negated = first.i >= 2 and doc[first.i - 1].text == "-" and doc[first.i - 2].lower_ in (
        "non", "not")  # "a non-fatal shooting"
    if first.lower_ in lex.fatal_adjectives and first.dep_ == "amod" and crime.tag_ == "NN" \
            and lex.crimes.get(lemma(crime)) and 0 < crime.i - first.i <= 4 and not (
            start > 0 and tokens[start - 1].lower_ in lex.multiples) and not negated:
        # "a fatal shooting", "the deadly homeless shelter shooting": someone was killed —
        # one at least
        return Count(value=1.0, low=1.0, high=None, qualifier="at_least", first=first,
                     number=crime, tokens=tuple(first.doc[first.i : crime.i + 1]),
                     unit="killed")
    if lex.crimes.get(lemma(first)) == "killed" and after and after[0].lower_ in lex.suicides:
        end = tokens.index(after[0], start)
        return Count(value=2.0, low=2.0, high=None, qualifier="at_least", first=first,
                     number=after[0], tokens=tuple(tokens[start : end + 1]), unit="killed")
    return None


def _depth_rank(token: Token, own: tuple[Token, ...]) -> int:
    """Prefer the token of a multi-word number whose head lies outside the number."""
    return 1 if token.head not in own else 0

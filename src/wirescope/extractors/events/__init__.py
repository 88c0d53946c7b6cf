"""Events: what happened, typed in PLOVER and ACLED, with who did it to whom, where, when,
how many, whether it happened — and who says so.

``events.rules.v1`` reads each sentence: :mod:`.triggers` finds the words that name events,
:mod:`.nesting` joins casualties to their attack and speech acts to their content,
:mod:`.factuality` reads the cues around each event, :mod:`.arguments` finds its actors,
targets, place and claim, :mod:`.classify` gives its PLOVER and ACLED types, and
:mod:`.quantities` (over :mod:`.numbers`) ties the sentence's numbers to the events, and
:mod:`.incidents` drops a war's running toll and types a weaponless casualty report by the
attack just before it. Every lexicon is data in ``wirescope/data/events``. The time is the
one :func:`wirescope.extractors.times.governing_time` finds in the event's clause or sentence;
an event with no date there inherits the document's anchor, flagged ``time_inherited`` (its
``time`` is the dateline's record, or none when the anchor is the publication date). An
event whose words name no place takes the place of the operation it happened during, of
the attack a weaponless report refers back to, or of another telling of the same incident
(:func:`.incidents.retold`), and names that event in ``place_from``.
Sentences are cut at line breaks (a headline the parser ran into the next line is its own).
"""

from __future__ import annotations

import bisect
import dataclasses
from collections.abc import Iterator, Sequence
from dataclasses import dataclass

from spacy.tokens import Doc, Token
from spacy.tokens import Span as SpacySpan

from wirescope.annotate.lexicon import lexicon as actor_lexicon
from wirescope.annotate.structure import (
    clauses,
    keyword_lists,
    link_lists,
    segments,
    site_notices,
)
from wirescope.extractors.events import quantities as qty
from wirescope.extractors.events.arguments import (
    DURING_PREPS,
    EntityIndex,
    claim_of,
    place_for,
    roles,
)
from wirescope.extractors.events.classify import Side, classify, side
from wirescope.extractors.events.factuality import factuality
from wirescope.extractors.events.incidents import (
    WEAPONS,
    Typed,
    antecedent,
    cumulative,
    refers_back,
    retold,
)
from wirescope.extractors.events.lexicon import cues, nouns, triggers
from wirescope.extractors.events.nesting import Path, absorb, merge_casualties
from wirescope.extractors.events.triggers import Mention, find, lemma
from wirescope.extractors.registry import State, register
from wirescope.extractors.times import document_anchor, governing_time
from wirescope.records import Entity, Event, Quantity, Quote, Span, TimeExpr

NAME = "events.rules.v1"
_NAME_LABELS = frozenset({"ORG", "WORK_OF_ART", "LAW", "PRODUCT"})
_STATE_TYPES = frozenset({"state forces", "government"})
_ARMED_TYPES = frozenset({"rebel group", "designated terrorist group", "militia"})


@dataclass(slots=True)
class _Draft:
    event: Event
    mention: Mention
    path: Path
    segment: int  # index of its segment (sentence or line)
    paragraph: int  # index of its paragraph (text between line breaks)
    keep: bool = True  # a cumulative toll is no event (its numbers go with it)
    inherited: bool = False  # its mode comes from an antecedent (incidents.antecedent)
    place_source: _Draft | None = None  # the antecedent whose place it takes


def entity_side(entity: Entity | None) -> Side | None:
    if entity is None:
        return None
    kind = (entity.actor_type or "").casefold()
    if entity.type == "state" or kind in _STATE_TYPES:
        return "state"
    if kind in _ARMED_TYPES:
        return "non_state"
    return None


class _Stretches:
    """Character stretches of a text (time expressions, lines of a list of links), asked
    whether an offset lies in one: sorted once, then a binary search per question."""

    def __init__(self, stretches: list[tuple[int, int]]) -> None:
        ordered = sorted(stretches)
        self._starts = [a for a, _ in ordered]
        self._ends = [b for _, b in ordered]

    def __contains__(self, offset: int) -> bool:
        i = bisect.bisect_right(self._starts, offset) - 1
        return i >= 0 and offset < self._ends[i]


class _Context:
    """What one document's events are built from."""

    def __init__(self, doc: Doc, state: State) -> None:
        self.doc, self.state = doc, state
        self.text = doc.text  # spaCy joins every token again on each ``doc.text``
        self.entities = EntityIndex(state.entities)
        self.reporting = actor_lexicon().reporting_verbs
        self.sentences = [Span(start=s.start_char, end=s.end_char) for s in doc.sents]
        self.segments = list(segments(doc))
        self._segment_starts = [s.start for s in self.segments]
        self.anchor = document_anchor(state.document, state.times)
        self.places = {(m.start, m.end) for p in state.places for m in p.mentions}
        # A page's keyword list ("Tags Syria Raqqa Aleppo …") names no event's place.
        self.keywords = [(s.start, s.end) for s in keyword_lists(self.text)]
        # Related headlines, video titles, share buttons: the page's, not the article's.
        # (read in the document's own text: the parser's may hold a title-case headline in
        # lower case, which would no longer open with the title)
        links = link_lists(state.document.text, state.document.title)
        # ... and what the site says to its reader ("Sign in using your profile").
        notices = site_notices(state.document.text)
        self._links = _Stretches([(s.start, s.end) for s in (*links, *notices)])
        self._times = _Stretches([(t.span.start, t.span.end) for t in state.times])

    def bounds(self, token: Token) -> tuple[int, int]:
        """The token range of the segment holding ``token``."""
        segment = self.segments[bisect.bisect_right(self._segment_starts, token.i) - 1]
        return segment.start, segment.end

    def clause_of(self, span: Span, sentence: SpacySpan) -> tuple[int, int]:
        """The clause-like stretch of ``sentence`` holding ``span`` (the times module's
        clause split: punctuation, quotes, subordinators)."""
        whole = Span(start=sentence.start_char, end=sentence.end_char)
        for piece in clauses(self.text, whole):
            if piece.start <= span.start < piece.end:
                return piece.start, piece.end
        return whole.start, whole.end

    def in_time(self, token: Token) -> bool:
        return token.idx in self._times

    def in_links(self, token: Token) -> bool:
        return token.idx in self._links

    def blocked(self, token: Token) -> bool:
        """Names and time expressions are no triggers ("on March 19" is no march), nor is
        anything in a list of links."""
        return self.entities.covers(token) or token.ent_type_ in _NAME_LABELS or (
            self.in_time(token)) or self.in_links(token)

    def side_of(self, token: Token) -> Side | None:
        own = self.entities.at(token)
        if own is None:
            inner = self.entities.of([token])
            own = inner[0] if inner else None
        return side(token, entity_side(own), nouns())

    def armed(self, token: Token) -> bool:
        entity = self.entities.at(token) or next(iter(self.entities.of([token])), None)
        kind = (entity.actor_type or "").casefold() if entity else ""
        return kind in _ARMED_TYPES or kind == "state forces" or (
            lemma(token) in nouns().non_state_heads)

    def territory(self, token: Token) -> bool:
        return lemma(token) in nouns().territory or any(
            s <= token.idx < e for s, e in self.places)


def _cue_lemma(quote: Quote | None) -> str | None:
    if quote is None or not quote.cue:
        return None
    word = quote.cue.split()[0].casefold()
    known = cues().warning_cues | cues().denial_cues
    return next((k for k in sorted(known, key=len, reverse=True) if word.startswith(k)), None)


def _span(mention: Mention) -> Span:
    words = [*mention.words, *mention.members]
    first, last = min(words, key=lambda t: t.i), max(words, key=lambda t: t.i)
    return Span(start=first.idx, end=last.idx + len(last.text))


def _content_root(token: Token) -> Token | None:
    """The head of the clausal complement a word stands in — what someone says, tries or
    asks ("told the FBI [she tried to talk him out of the shooting]") — or ``None``."""
    while token.head != token:
        if token.dep_ == "ccomp":
            return token
        token = token.head
    return None


def _own_clause_times(mention: Mention, times: Sequence[TimeExpr], doc: Doc
                      ) -> Sequence[TimeExpr]:
    """The times that may date an event named by a noun inside what someone says or tries:
    those of that content ("police said the shooting happened Saturday") — not the day of
    the saying around it, where the noun only names an earlier incident: "according to a
    report Tuesday, his wife told the FBI she tried to talk him out of the Orlando shooting"
    (the report's day, not the shooting's). Named by a later act ("arrested Sunday in
    connection with the shooting"), only its own phrase's. A noun elsewhere, and every
    verb, keep the governor's nearest time."""
    head = mention.head
    if head.pos_ not in ("NOUN", "PROPN"):
        return times
    # Named by a later act ("arrested Sunday in connection with the shooting"): only its own
    # phrase ("in Saturday's shooting") can date it; said of, the content it stands in.
    within = head if _later_act(head) else _content_root(head)
    if within is None:
        return times
    sentence = head.sent
    kept = []
    for time in times:
        words = doc.char_span(time.span.start, time.span.end, alignment_mode="expand")
        if words is None or not (sentence.start_char <= time.span.start < sentence.end_char) \
                or within.left_edge.i <= words.root.i <= within.right_edge.i:
            kept.append(time)
    return kept


def _later_act(noun: Token) -> bool:
    """Does an event noun name the incident a later act is about — an arrest, a charge, a
    sentence, a burial ("arrested in connection with the fatal shooting", "sentenced for
    the 2015 killing"): the verb it hangs on, through its prepositions, is one of
    ``later_acts``?"""
    token, steps = noun, 0
    while token.dep_ in ("pobj", "prep", "dobj") and steps < 5:
        token, steps = token.head, steps + 1
        if token.pos_ in ("VERB", "AUX"):
            return lemma(token) in triggers().later_acts
    return False


def _event(mention: Mention, path: Path, sentence: SpacySpan, ctx: _Context) -> Event:
    state = ctx.state
    span = _span(mention)
    quote = claim_of(span, state.quotes)
    fact = factuality(mention, path, quote, _cue_lemma(quote))
    found = roles(mention, path)
    actors = ctx.entities.of(found.agents)
    targets = [e for e in ctx.entities.of(found.patients, skip=ctx.places) if e not in actors]
    typing = classify(mention, path, found, fact, ctx.side_of, ctx.territory)
    agent_ranges = [(m.start, m.end) for e in actors for m in e.mentions]
    place = place_for(mention, path, found, state.places, ctx.clause_of(span, sentence),
                      (sentence.start_char, sentence.end_char),
                      [*agent_ranges, *ctx.keywords], ctx.text)
    governing = governing_time(span, _own_clause_times(mention, state.times, ctx.doc),
                               ctx.sentences, ctx.text, ctx.anchor)
    time = governing.time
    return Event(
        id="", document_id=state.document.id, extractor=NAME, type=typing.type,
        mode=typing.mode, acled_event_type=typing.acled_event_type,
        acled_sub_event_type=typing.acled_sub_event_type,
        actors=tuple(e.id for e in actors), targets=tuple(e.id for e in targets),
        place=place.id if place is not None else None,
        time=time.id if time is not None else None, factuality=typing.factuality,
        attributed_to=quote.id if quote is not None else None, quantities=(), span=span,
        sentence=Span(start=sentence.start_char, end=sentence.end_char),
        time_inherited=governing.inherited, via=typing.via,
    )


def _token_owners(drafts: Sequence[_Draft]) -> dict[int, int]:
    """Token index -> index of the draft whose trigger, merged predicate, frame object or
    (second) transparent governing word it is."""
    at: dict[int, int] = {}
    for index, draft in enumerate(drafts):
        m = draft.mention
        for token in (*m.words, *m.members, *m.consumed):
            at.setdefault(token.i, index)
    for index, draft in enumerate(drafts):
        for token in draft.path.words:
            at.setdefault(token.i, index)
    return at


def _quantities(doc: Doc, drafts: Sequence[_Draft], ctx: _Context) -> dict[int, list[Quantity]]:
    at = _token_owners(drafts)
    held: dict[int, list[Quantity]] = {}
    seen: set[tuple[int, int]] = set()
    heads = sorted((d.mention.head.i, i) for i, d in enumerate(drafts))
    for segment in ctx.segments:  # each segment's events: a slice of the sorted heads
        starts = heads[bisect.bisect_left(heads, (segment.start, -1)):
                       bisect.bisect_left(heads, (segment.end, -1))]
        for found in qty.find(segment, ctx.in_time, ctx.armed):
            index = qty.owner(found, at, ctx.reporting, starts, ctx.bounds(found.anchor))
            key = (found.span.start, found.span.end)
            if index is None or key in seen:
                continue
            seen.add(key)
            c = found.count
            # The same count twice in one event ("strikes kill 56 civilians … at least 56
            # civilians killed") is one group of victims, said twice.
            if any(q.value == c.value and q.unit == found.unit and q.category == found.category
                   and c.value is not None for q in held.get(index, ())):
                continue
            held.setdefault(index, []).append(Quantity(
                value=c.value, low=c.low, high=c.high, unit=found.unit,
                category=found.category, span=found.span, qualifier=c.qualifier,
            ))
    return held


def _inherit(drafts: list[_Draft]) -> None:
    """Type weaponless casualty reports and definite "the attack" by their antecedent."""
    kept = [d for d in drafts if d.keep]
    typed = [Typed(mode=d.event.mode, acled_event_type=d.event.acled_event_type,
                   acled_sub_event_type=d.event.acled_sub_event_type, source=i)
             if d.event.type == "ASSAULT" and d.event.mode in WEAPONS else None
             for i, d in enumerate(kept)]
    segments = [d.segment for d in kept]
    paragraphs = [d.paragraph for d in kept]
    for position, draft in enumerate(kept):
        event = draft.event
        if event.type != "ASSAULT" or event.mode is not None or not refers_back(draft.mention):
            continue
        found = antecedent(position, segments, paragraphs, typed)
        if found is not None:
            draft.inherited = True
            source = kept[found.source]
            if event.place is None and source.event.place is not None:
                draft.place_source = source
            draft.event = dataclasses.replace(
                event, mode=found.mode, acled_event_type=found.acled_event_type,
                acled_sub_event_type=found.acled_sub_event_type, via="antecedent")


_DURING = DURING_PREPS | {"throughout", "in"}


def _operation(draft: _Draft, owners: dict[int, _Draft]) -> _Draft | None:
    """The placed event a placeless one happened during ("captured during the offensive in
    Afghanistan", "killed in clashes in Idlib"): the object of its circumstance preposition
    (``owners``: the draft of each trigger token)."""
    if draft.event.place is not None:
        return None
    for head in draft.mention.heads:
        for prep in (c for c in head.children if c.dep_ == "prep" and c.lower_ in _DURING):
            for obj in (g for g in prep.children if g.dep_ == "pobj"):
                found = owners.get(obj.i)
                if found is not None and found is not draft and found.event.place is not None:
                    return found
    return None


def extract(doc: Doc, state: State) -> list[Event]:
    """The events of ``doc``, in text order, with ids ``ev1``, ``ev2`` …; then its tallies
    (running totals and tolls of several incidents, ``tally`` true), ids ``tl1`` …"""
    ctx = _Context(doc, state)
    drafts: list[_Draft] = []
    paragraph = 0
    for number, segment in enumerate(ctx.segments):
        if number and "\n" in ctx.text[ctx.segments[number - 1].end_char : segment.start_char]:
            paragraph += 1
        bounds = (segment.start, segment.end)

        def total(mention: Mention, bounds: tuple[int, int] = bounds) -> bool:
            return cumulative(mention, bounds)

        mentions = merge_casualties(find(segment, ctx.blocked), total)
        kept, paths = absorb(mentions, ctx.reporting, bounds)
        drafts += [_Draft(event=_event(m, paths[id(m)], segment, ctx), mention=m,
                          path=paths[id(m)], segment=number, paragraph=paragraph,
                          keep=not total(m)) for m in kept]
    _inherit(drafts)
    held = _quantities(doc, drafts, ctx)
    limit = triggers().cumulative_count
    for i, draft in enumerate(drafts):  # a nameless, weaponless toll of a war's size
        own_mode = None if draft.inherited else draft.event.mode
        if draft.mention.sense.role == "casualty" and own_mode is None and not (
                draft.event.actors) and any(
                q.unit == "killed" and (q.value or 0) >= limit
                and q.category in (None, "civilians") for q in held.get(i, ())):
            draft.keep = False
    for i, draft in enumerate(drafts):
        draft.event = dataclasses.replace(draft.event, quantities=tuple(
            sorted(held.get(i, ()), key=lambda q: q.span.start)))
    def ordered(kept: bool) -> list[_Draft]:
        return sorted((d for d in drafts if d.keep is kept),
                      key=lambda d: (d.event.span.start, d.event.span.end))

    final, tallies = ordered(True), ordered(False)
    for n, draft in enumerate(final, start=1):
        draft.event = dataclasses.replace(draft.event, id=f"ev{n}")
    for n, draft in enumerate(tallies, start=1):  # running totals: figures, no incident
        draft.event = dataclasses.replace(draft.event, id=f"tl{n}", tally=True)
    owners = {t.i: d for d in final for t in d.mention.heads}
    for draft in final:  # "An air strike hit a market in Idlib. 12 people were killed."
        source = draft.place_source or _operation(draft, owners)
        if source is not None and source.keep:  # both only ever lend to a placeless event
            draft.event = dataclasses.replace(draft.event, place=source.event.place,
                                              place_from=source.event.id)
    events = [d.event for d in final]
    starts = [s.start for s in ctx.sentences]
    sentence_of = [bisect.bisect_right(starts, e.span.start) for e in events]
    for i, j in retold(events, sentence_of).items():
        events[i] = dataclasses.replace(events[i], place=events[j].place,
                                        place_from=events[j].id)
    return events + [d.event for d in tallies]


@register(NAME, kind="events", requires=("entities", "places", "times", "quotes", "token.dep",
                                         "token.lemma", "token.tag", "token.ent_type",
                                         "doc.sents"))
def rule_events(doc: Doc, state: State) -> Iterator[Event]:
    yield from extract(doc, state)


__all__ = ["NAME", "extract", "rule_events"]

"""Text of a page that is not the article's.

*Keyword lists*: a keyword list a web page prints before the
body ("Tags Syria Raqqa Aleppo Russia United Nations human rights …"). When an article is
scraped as one run of text the list has no line of its own and runs into the first
sentence, so a parser reads "Tags Syria Raqqa Aleppo … At least 30 people were killed" as
one sentence and its keywords as the victims' places. The names in the list are topics of
the article, not where anything in it happened.

The list starts at the word ``Tags`` (or ``Tags:``) followed by a capitalised word and
ends where the body starts: at punctuation, at a function word no keyword list holds
("and", "in", "was" …), at a capitalised word that opens a sentence ("The", "At", "A", a
number word) or after :data:`MAX_WORDS` words at most.

*Link lists*: related-article headlines, video and gallery titles, share buttons — recognised
by their shape, not by any site's words: a run of at least :data:`LIST_LINES` lines (blank
lines between them allowed) each of which is a list item (opens with a list marker or a
video's running time, "+ Man shot, killed by police identified", "1:19 Sheriff gives
update") or a short line of at most :data:`LIST_WORDS` words that ends without a sentence's
closing punctuation ("St. Louis woman killed, 3 wounded by gunfire in park"). The article's
own headline, where the text opens with it, is not counted.

*Site notices*: what the page says to its reader about the site itself — "Sign in using
your profile", "Already a subscriber? Click on the button below to set up your account",
"If you do not receive the verification message within a few minutes of signing up …",
"Your browser does not support the audio element." A paragraph (a line) of at most
:data:`NOTICE_WORDS` words is one when it addresses the reader (a second-person word, or an
opening imperative) about the site's machinery (an account, a subscription, the browser:
``data/site_notices.json``). The verbs of such lines ("sign", "set up", "visit") are no
events; an article that quotes someone telling readers to email tips is no worse for it.
"""

from __future__ import annotations

import json
import re
from functools import lru_cache
from importlib import resources

from wirescope.records import Span

MAX_WORDS = 25
_START = re.compile(r"(?<![\w-])Tags:?[ \t]+(?=[A-Z])")
_WORD = re.compile(r"[^\s]+")
_STOPS = frozenset({
    "and", "or", "in", "on", "at", "by", "with", "for", "to", "from", "into", "after",
    "was", "were", "is", "are", "has", "have", "had", "be", "been", "will", "said", "says",
    "say",
    "that", "who", "which", "when", "while", "as",
})
_OPENERS = frozenset({
    "The", "A", "An", "At", "More", "Some", "This", "These", "Those", "It", "In", "On",
    "According", "Dozens", "Hundreds", "Thousands", "Several", "Many", "Two", "Three",
    "Four", "Five", "Six", "Seven", "Eight", "Nine", "Ten", "Eleven", "Twelve", "Thirteen",
    "Fourteen", "Fifteen", "Sixteen", "Seventeen", "Eighteen", "Nineteen", "Twenty",
    "Thirty", "Forty", "Fifty", "Sixty", "Seventy", "Eighty", "Ninety", "One", "Warplanes",
})
_END_PUNCT = (".", ",", ";", ":", "!", "?", '"', "“", "”")


def keyword_lists(text: str) -> list[Span]:
    """The spans of ``text`` that are keyword lists (``Tags`` and the keywords after it)."""
    found: list[Span] = []
    for start in _START.finditer(text):
        end, count = start.end(), 0
        for word in _WORD.finditer(text, start.end()):
            token = word.group()
            if token in _OPENERS or token.casefold() in _STOPS or token[0].isdigit() or (
                    count >= MAX_WORDS):
                break
            end, count = word.end(), count + 1
            if token.endswith(_END_PUNCT):
                end -= 1
                break
        if count:
            found.append(Span(start=start.start(), end=end))
    return found


LIST_LINES = 4
LIST_WORDS = 18
_LINE = re.compile(r"[^\n]+")
_MARKER = re.compile(r"^(?:[+•*·»▪►–-]\s|\d{1,2}:\d{2}\s)")
_CLOSING = (".", "!", "?", '"', "”", "’", "'", ":", ";", ")", "…")


def _list_item(line: str) -> bool:
    if _MARKER.match(line):
        return True
    return len(line.split()) <= LIST_WORDS and not line.endswith(_CLOSING)


def link_lists(text: str, title: str | None = None) -> list[Span]:
    """The lines of ``text`` that belong to a list of links (one span per line)."""
    skip = len(title.strip()) if title and title.strip() and text.startswith(
        title.strip()) else 0
    found: list[Span] = []
    run: list[Span] = []
    for match in _LINE.finditer(text, skip):
        line = match.group().strip()
        if not line:
            continue
        if _list_item(line):
            run.append(Span(start=match.start(), end=match.end()))
            continue
        if len(run) >= LIST_LINES:
            found += run
        run = []
    if len(run) >= LIST_LINES:
        found += run
    return found


NOTICE_WORDS = 60
_TOKEN = re.compile(r"[a-z][a-z'’-]*")


@lru_cache(maxsize=1)
def _notice_words() -> tuple[frozenset[str], frozenset[str], re.Pattern[str]]:
    data = json.loads(resources.files("wirescope.data").joinpath("site_notices.json")
                      .read_text(encoding="utf-8"))
    machinery = "|".join(re.escape(m) for m in sorted(data["machinery"], key=len, reverse=True))
    return (frozenset(data["reader"]), frozenset(data["openers"]),
            re.compile(rf"(?<![\w-])(?:{machinery})(?![\w-])"))


def site_notices(text: str) -> list[Span]:
    """The lines of ``text`` that are the site's notices to its reader (one span per line)."""
    reader, openers, machinery = _notice_words()
    found: list[Span] = []
    for match in _LINE.finditer(text):
        line = match.group().strip()
        lower = line.casefold().replace("’", "'")
        words = _TOKEN.findall(lower)
        if not words or len(line.split()) > NOTICE_WORDS or not machinery.search(lower):
            continue
        if words[0] in openers or any(w in reader for w in words):
            found.append(Span(start=match.start(), end=match.end()))
    return found


def inside(spans: list[Span], start: int, end: int) -> bool:
    """Does ``[start, end)`` lie inside one of ``spans``?"""
    return any(s.start <= start and end <= s.end for s in spans)

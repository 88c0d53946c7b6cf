"""Times: temporal expressions with exact spans, normalised to TIMEX3 against the
publication date (or the article's dateline), and the time that governs an event.

``grammar`` recognises, ``resolve`` normalises, ``context`` reads tense and interval cues,
``dateline`` finds the article's own date, ``govern`` picks an event's time; the extractor
``times.rules.v1`` lives in ``extractor``.
"""

from wirescope.extractors.times.extractor import NAME, extract, rule_times
from wirescope.extractors.times.govern import Anchor, Governing, document_anchor, governing_time

__all__ = [
    "NAME", "Anchor", "Governing", "document_anchor", "extract", "governing_time", "rule_times",
]

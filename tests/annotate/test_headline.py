"""A title-case headline is read as a sentence: the parser sees its common words in lower
case, the record keeps the text as written."""

from __future__ import annotations

import pytest

from wirescope.annotate.headline import as_sentence, parse_text, title_case
from wirescope.ingest.text import with_headline
from wirescope.pipeline import Pipeline
from wirescope.records import Document, DocumentRecord


@pytest.mark.parametrize(("title", "read"), [
    ("Teenager Shot In Duquesne", "teenager shot in Duquesne"),
    ("4 Women, Man Shot At Vigil In West Baltimore",
     "4 women, man shot at Vigil in West Baltimore"),
    ("Teen Accidentally Shoots Himself, Police Say",
     "teen accidentally shoots himself, Police say"),
    # a headline in capitals keeps one capital on the words it does not lower
    ("POLICE: QUADRUPLE HOMICIDE IN WAYNESVILLE", "Police: Quadruple homicide in Waynesville"),
    # months and weekdays keep their capitals: they date what happened
    ("Man Shot Dead On Sunday In March Shooting", "man shot dead on Sunday in March shooting"),
    # so do demonyms, abbreviations and names that hold a common word
    ("Iraqi Officials: Car Bomb Kills 20 In Baghdad",
     "Iraqi Officials: Car bomb kills 20 in Baghdad"),
    ("Webster Theatre Sold To Mass. Concert Promoter",
     "Webster Theatre Sold to Mass. Concert Promoter"),
    ("New School To Open In Old Town", "New School to Open in Old Town"),
])
def test_headline_title_case_read_as_a_sentence(title: str, read: str) -> None:
    assert title_case(title)
    assert as_sentence(title) == read
    assert len(as_sentence(title)) == len(title)


@pytest.mark.parametrize("title", [
    "Man shot dead in Tulsa on Sunday",  # already a sentence
    "Syria: Air strikes kill 25 in Idlib",
    "Boy Shot",  # too short to tell
])
def test_headline_in_sentence_case_is_left_alone(title: str) -> None:
    text = with_headline(title, "Police said the boy was taken to hospital.")
    assert parse_text(text, title) == text


def test_headline_only_at_the_top_of_the_text() -> None:
    """A title the text does not open with is not read into it."""
    text = "Police said a teenager was shot in Duquesne."
    assert parse_text(text, "Teenager Shot In Duquesne") == text


@pytest.mark.model
@pytest.mark.parametrize(("title", "victims"), [
    ("Teenager Shot In Duquesne", [("hit", 1.0)]),
    ("Five Shot Dead In South Shore", [("killed", 5.0)]),
    ("4 Women, Man Shot At Vigil In West Baltimore", [("hit", 4.0), ("hit", 1.0)]),
    ("Three-Year-Old Shot Multiple Times While Sitting In Car", [("hit", 1.0)]),
])
def test_headline_of_a_page_without_story_is_its_incident(
        pipeline: Pipeline, title: str, victims: list[tuple[str, float]]) -> None:
    """A paywalled page keeps only its headline: capitalised word by word, it still tells
    who was shot, and the text and its spans stay as written."""
    text = with_headline(title, "Already a subscriber? Click here to log in.")
    (record,) = pipeline.run([Document(id="t", text=text, title=title, published=None)])
    assert isinstance(record, DocumentRecord), record
    assert record.document.text == text
    lead = next(ev for ev in record.events if ev.id == record.lead_event)
    assert record.lead_via == "headline"
    assert [(q.unit, q.value) for q in lead.quantities] == victims
    assert all(q.span.surface(text)[:1].isupper() or q.span.surface(text)[:1].isdigit()
               for q in lead.quantities)  # spans read the text as written

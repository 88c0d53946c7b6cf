"""Claims: table-driven constructions on the real model, and the samples' acceptance."""

from __future__ import annotations

from pathlib import Path

import pytest

from wirescope import samples
from wirescope.pipeline import Pipeline
from wirescope.records import Document, DocumentRecord, Quote


def _run(pipeline: Pipeline, text: str) -> DocumentRecord:
    (record,) = pipeline.run([Document(id="q", text=text)])
    assert isinstance(record, DocumentRecord)
    return record


def _view(record: DocumentRecord, q: Quote) -> tuple[str, str | None, str | None, str]:
    text = record.document.text
    return q.kind, q.speaker_text, q.cue, text[q.span.start : q.span.end]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ('"We will respond to any attack," the minister said.',
         ("direct", "the minister", "said", "We will respond to any attack")),
        ('The minister said: "We will respond to any attack."',
         ("direct", "The minister", "said", "We will respond to any attack")),
        ("“We will respond to any attack,” the minister said.",
         ("direct", "the minister", "said", "We will respond to any attack")),
        ("'We will respond to any attack,' the minister said.",
         ("direct", "the minister", "said", "We will respond to any attack")),
        ("The ministry said that strikes on oil sites would continue.",
         ("indirect", "The ministry", "said", "strikes on oil sites would continue")),
        ("Strikes on oil sites will continue, the ministry said.",
         ("indirect", "the ministry", "said", "Strikes on oil sites will continue")),
        ("Sergey Rudskoy told reporters that sixty armed groups had joined the truce.",
         ("indirect", "Sergey Rudskoy", "told", "sixty armed groups had joined the truce")),
        ("Sergey Rudskoy said Friday that the truce holds in most areas.",
         ("indirect", "Sergey Rudskoy", "said", "the truce holds in most areas")),
        ("According to the Center, Al-Nusra is continuing to attack Aleppo.",
         ("according_to", "the Center", "according to",
          "Al-Nusra is continuing to attack Aleppo")),
        ("Al-Nusra is continuing to attack Aleppo, according to the monitor.",
         ("according_to", "the monitor", "according to",
          "Al-Nusra is continuing to attack Aleppo")),
        ('The envoy warned that the next round of talks "will be in question" if the truce '
         "fails.", ("mixed", "The envoy", "warned",
                    'the next round of talks "will be in question" if the truce fails')),
        ('"Shelling has decreased. Peaceful life is returning," Rudskoy said.',
         ("direct", "Rudskoy", "said", "Shelling has decreased. Peaceful life is returning")),
        ("Russia sent more jets, stressing that its aircraft will keep striking.",
         ("indirect", "Russia", "stressing", "its aircraft will keep striking")),
        ("The senator called the strike a grave mistake.",
         ("indirect", "The senator", "called", "the strike a grave mistake")),
        ("The envoy called for an independent inquiry into the attack.",
         ("indirect", "The envoy", "called", "an independent inquiry into the attack")),
        ('“We will not leave,” ― Ahmad Khalil\nThe siege went on.',
         ("direct", "Ahmad Khalil", "―", "We will not leave")),
        ("The delay follows a warning by the envoy, Staffan de Mistura, who stated that talks "
         "would stall.", ("indirect", "the envoy, Staffan de Mistura", "stated",
                            "talks would stall")),
        # a cue set off by commas, the verb parsed as a parenthetical
        ("Back in Virginia, Mr. Clarke said, he decided to take aim at coal.",
         ("indirect", "Mr. Clarke", "said",
          "Back in Virginia, Mr. Clarke said, he decided to take aim at coal")),
        # what follows the cue's comma hangs on the cue: not part of the report
        ("Strikes on oil sites will continue, the ministry said Friday, as officials met in "
         "Geneva.", ("indirect", "the ministry", "said", "Strikes on oil sites will continue")),
        # a quote resumed in the next sentence of the paragraph is the same claim
        ("“The truce holds,” he said. “Shelling has decreased.”",
         ("direct", "he", "said", "The truce holds,” he said. “Shelling has decreased.")),
        # the object with what is asked of it
        ("The senator urged supporters to monitor polling places.",
         ("indirect", "The senator", "urged", "supporters to monitor polling places")),
        # an attitude inside a report is part of the report
        ("The ministry said it believes the truce will hold.",
         ("indirect", "The ministry", "said", "it believes the truce will hold")),
        # a noun of saying with its that-clause; the possessor speaks
        ("The ministry's claim that the convoy carried weapons was false.",
         ("indirect", "The ministry", "claim", "the convoy carried weapons")),
        # a passive cue: the agent speaks, the subject is what is said
        ("The strike was reported by the monitor.",
         ("indirect", "the monitor", "reported", "The strike")),
        # ... without an agent, a claim nobody in the sentence makes
        ("Mr. Quiros was accused of using the money for personal expenses.",
         ("indirect", None, "accused",
          "Mr. Quiros was accused of using the money for personal expenses")),
        # a colon announces a quote, whatever the verb
        ("The general continued: “Sixty armed groups have joined the truce.”",
         ("direct", "The general", "continued", "Sixty armed groups have joined the truce")),
        # ... or the next paragraph
        ("Rudskoy added:\n\nSixty armed groups have joined the truce.",
         ("indirect", "Rudskoy", "added", "Sixty armed groups have joined the truce")),
        # a quote fragment parsed as the subject does not hide the speaker
        ("“The campaign is in panic mode. Full panic mode,” said Leslie Wimes, a caucus "
         "president.", ("direct", "Leslie Wimes, a caucus president", "said",
                        "The campaign is in panic mode. Full panic mode")),
        # a closing mark typed as the opening one
        ("”Fear. I am truly afraid of this war.” ― Edwin Monroy\nThe siege went on.",
         ("direct", "Edwin Monroy", "―", "Fear. I am truly afraid of this war")),
        # a that-clause parsed as a relative clause of the object; a fronted phrase is no claim
        ("In Honolulu last week, he told a meeting of leaders that few people understood the "
         "stakes.", ("indirect", "he", "told", "few people understood the stakes")),
        # an infinitive under a verb that is no cue is a claim of its own
        ("Trump took to Twitter to accuse the campaign of being duped.",
         ("indirect", "Trump", "accuse", "the campaign of being duped")),
        # ... under a cue it is that cue's content
        ("The president refused to disclose his medical records.",
         ("indirect", "The president", "refused", "to disclose his medical records")),
        # a participle after a noun or a preposition: the governing verb's subject speaks
        ("Lawyers for the senator filed papers opposing the release of the report.",
         ("indirect", "Lawyers for the senator", "opposing", "the release of the report")),
        ("Trump stopped short of calling the shooting racially motivated.",
         ("indirect", "Trump", "calling", "the shooting racially motivated")),
        # of two complement clauses, the one next to the verb is what it reports
        ("It is an unlikely scenario; the team says she will continue her march.",
         ("indirect", "the team", "says", "she will continue her march")),
        # what a verb of talking is about
        ("Chief Justice Roberts spoke of the legacy of racism.",
         ("indirect", "Chief Justice Roberts", "spoke", "the legacy of racism")),
        # an expectation nobody in the sentence holds: no speaker
        ("Obama's veto is expected to come before the deadline.",
         ("indirect", None, "expected", "Obama's veto is expected to come before the deadline")),
        # verbs coordinated with what is wanted are wanted too
        ("She wants to triple the program, grow the corps and create a reserve.",
         ("indirect", "She", "wants", "to triple the program, grow the corps and create a "
                                      "reserve")),
    ],
)
def test_quotes_constructions(pipeline: Pipeline, text: str,
                              expected: tuple[str, str | None, str | None, str]) -> None:
    record = _run(pipeline, text)
    assert [_view(record, q) for q in record.quotes] == [expected]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a named speaker quoted inside another claim keeps a claim of their own
        ("The ministry said Rudskoy told reporters that the truce holds.",
         [("indirect", "The ministry", "said", "Rudskoy told reporters that the truce holds"),
          ("indirect", "Rudskoy", "told", "the truce holds")]),
        # a second cue coordinated with the first ends the first one's content
        ("Trump said he would order a review of the defenses and warned against hackers.",
         [("indirect", "Trump", "said", "he would order a review of the defenses"),
          ("indirect", "Trump", "warned", "against hackers")]),
        # a participle after the complement is the speaker's, not the report's
        ("The minister said the truce would hold, citing a drop in shelling.",
         [("indirect", "The minister", "said", "the truce would hold"),
          ("indirect", "The minister", "citing", "a drop in shelling")]),
    ],
)
def test_quotes_constructions_several(pipeline: Pipeline, text: str,
                                      expected: list[tuple[str, str, str, str]]) -> None:
    record = _run(pipeline, text)
    assert [_view(record, q) for q in record.quotes] == expected


@pytest.mark.parametrize(
    ("text", "polarity", "strength"),
    [
        ("The ministry denied that its jets struck the hospital.", "deny", "claim"),
        ("Activists claimed that twelve civilians were killed in the raid.", "assert", "claim"),
        ("The army confirmed that the town was retaken on Sunday.", "assert", "confirm"),
        ("The agency reported that the convoy reached Aleppo.", "assert", "report"),
    ],
)
def test_quotes_cue_polarity_and_strength(pipeline: Pipeline, text: str, polarity: str,
                                          strength: str) -> None:
    (quote,) = _run(pipeline, text).quotes
    assert (quote.polarity, quote.strength) == (polarity, strength)


@pytest.mark.parametrize(
    "text",
    [
        "Russian jets struck oil sites near Raqqa on Friday.",
        "Units of the so-called 'moderate opposition' could be nearby.",
        "The Russian Reconciliation Center proposed a 72-hour ceasefire.",
        '"Unbalanced quote with no cue at all.',
        "He said.",
        "Sergey Rudskoy briefed reporters.",  # the one spoken to is not what is said
        "The minister spoke to reporters in Geneva.",
        "The group, known as the White Helmets, rescued six people.",  # a name, no claim
    ],
)
def test_quotes_none_in_own_voice_or_without_content(pipeline: Pipeline, text: str) -> None:
    assert _run(pipeline, text).quotes == ()


def test_quotes_unbalanced_marks_do_not_crash(pipeline: Pipeline) -> None:
    record = _run(pipeline, '"We will respond, the minister said. ”Stray marks” « here.')
    for q in record.quotes:
        assert 0 <= q.span.start < q.span.end <= len(record.document.text)


def test_quotes_pronoun_speaker_resolves_to_entity(pipeline: Pipeline) -> None:
    record = _run(pipeline, 'Sergey Rudskoy briefed reporters. "Turkish artillery continues '
                            'shelling border settlements," he said.')
    (quote,) = record.quotes
    assert quote.speaker == "kb-sergei-rudskoy" and quote.speaker_text == "he"
    assert quote.speaker_span is not None
    assert record.document.text[quote.speaker_span.start : quote.speaker_span.end] == "he"


def test_quotes_quoted_paragraph_continues_speaker(pipeline: Pipeline) -> None:
    text = ('"The truce holds in most areas," Sergey Rudskoy said.\n'
            '"Sixty armed groups have accepted the ceasefire conditions."')
    first, second = _run(pipeline, text).quotes
    assert second.kind == "direct" and second.cue is None
    assert second.speaker == first.speaker == "kb-sergei-rudskoy"


def _sample(pipeline: Pipeline, doc_id: str) -> DocumentRecord:
    (document,) = [d for d in samples.load() if d.id == doc_id]
    (record,) = pipeline.run([document])
    assert isinstance(record, DocumentRecord)
    return record


def test_quotes_sample_002_rudskoy_speaks(pipeline: Pipeline, samples_dir: Path) -> None:
    record = _sample(pipeline, "002_78a8e296ec90cd12")
    speakers = {q.speaker for q in record.quotes}
    assert speakers == {"kb-sergei-rudskoy"}
    assert len(record.quotes) >= 12
    texts = {q.speaker_text for q in record.quotes}
    for expected in ("he", "him", "the General Staff chief", "the head of the Russian General "
                     "Staff", "the chief of the Russian General Staff"):
        assert expected in texts, expected


def test_quotes_sample_000_who_says_what(pipeline: Pipeline, samples_dir: Path) -> None:
    record = _sample(pipeline, "000_8dde5e3359083d7f")
    text = record.document.text

    def speaker_of(words: str) -> str | None:
        (quote,) = [q for q in record.quotes if words in text[q.span.start : q.span.end]]
        return quote.speaker

    assert speaker_of("28,000 (35 percent)") == "kb-evgeny-lukyanov"
    minister = speaker_of("Starting May 25")
    assert minister is not None and minister.startswith("desc-")
    assert speaker_of("conducting joint missions") == minister
    assert speaker_of("will be in question") == "kb-staffan-de-mistura"

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
        # a quote right after the sentence closed by the cue of an indirect report
        ("The truce may not hold much longer, the minister said. “Armed groups keep shelling "
         "the corridors every night.”",
         ("mixed", "the minister", "said", "The truce may not hold much longer, the minister "
          "said. “Armed groups keep shelling the corridors every night.")),
        # what a colon after the reported clause opens is reported too
        ("The general said the army lacks one thing: shells for the artillery on the northern "
         "front.", ("indirect", "The general", "said", "the army lacks one thing: shells for "
                    "the artillery on the northern front")),
        # ... not after a plain object
        ("Analysts described familiar tactics: lowering expectations and intimidating critics.",
         ("indirect", "Analysts", "described", "familiar tactics")),
        # the examples closing the sentence belong to what is reported
        ("The ministry condemned the strikes, including the raid on the hospital in Idlib.",
         ("indirect", "The ministry", "condemned",
          "the strikes, including the raid on the hospital in Idlib")),
        # a warning issued reports what it warns of
        ("The army issued a warning that the strikes would continue.",
         ("indirect", "The army", "issued", "the strikes would continue")),
        # naming who did it, grading a claim
        ("Police identified the gunman as a former soldier.",
         ("indirect", "Police", "identified", "the gunman as a former soldier")),
        ("The monitor rated the claim as false.",
         ("indirect", "The monitor", "rated", "the claim as false")),
        # a concession or a time closing the report is the writer's
        ("The army said the town was retaken, although fighting continued in the suburbs.",
         ("indirect", "The army", "said", "the town was retaken")),
        ("The latest test, North Korea said, was its biggest yet, although it may take days to "
         "measure its power.", ("indirect", "North Korea", "said",
                                "The latest test, North Korea said, was its biggest yet")),
        ("The minister said the corridors would reopen, after the shelling of the convoy on "
         "Monday.", ("indirect", "The minister", "said", "the corridors would reopen")),
        # a liking is a position taken; persuading reports what was urged
        ("Trump loves the idea of a deal with Moscow.",
         ("indirect", "Trump", "loves", "the idea of a deal with Moscow")),
        ("The senator persuaded colleagues to back the sanctions bill.",
         ("indirect", "The senator", "persuaded", "colleagues to back the sanctions bill")),
        # one content found through two cues is the finite verb's claim
        ('"We will never leave this land to the invaders," the general told the crowd, '
         "reciting the words of an old poem.",
         ("direct", "the general", "told", "We will never leave this land to the invaders")),
        ('"I see no details about who is left out of the truce," she said after reading the '
         "ministry statement.",
         ("direct", "she", "said", "I see no details about who is left out of the truce")),
        # a ruling, a link drawn, words a sign reads are claims too
        ("The court ruled that the detentions were unlawful.",
         ("indirect", "The court", "ruled", "the detentions were unlawful")),
        ("Officials linked the bombing to the Islamic State.",
         ("indirect", "Officials", "linked", "the bombing to the Islamic State")),
        ('The banner read: "No more war."', ("direct", "The banner", "read", "No more war")),
        ("According to the Center, Al-Nusra is continuing to attack Aleppo.",
         ("according_to", "the Center", "according to",
          "Al-Nusra is continuing to attack Aleppo")),
        ("Al-Nusra is continuing to attack Aleppo, according to the monitor.",
         ("according_to", "the monitor", "according to",
          "Al-Nusra is continuing to attack Aleppo")),
        # the source runs to the comma; a clause before the phrase is what it says
        ("According to conservative talk radio host Rush Limbaugh, the move reeks of fear and "
         "desperation.", ("according_to", "conservative talk radio host Rush Limbaugh",
                          "according to", "the move reeks of fear and desperation")),
        ("The top 1 percent would see their incomes go up by 19.9 percent, according to the Tax "
         "Foundation, more than twice what it projected for the middle.",
         ("according_to", "the Tax Foundation", "according to",
          "The top 1 percent would see their incomes go up by 19.9 percent")),
        # ... set off inside the sentence, it reports the whole sentence
        ("In the northern city of Aleppo, according to the monitor, strikes continued "
         "overnight.", ("according_to", "the monitor", "according to",
                        "In the northern city of Aleppo, according to the monitor, strikes "
                        "continued overnight")),
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
        # ... what stands before the cue is not what it names
        ("Wednesday, he called for increased defense spending.",
         ("indirect", "he", "called", "increased defense spending")),
        ('“We will not leave,” ― Ahmad Khalil\nThe siege went on.',
         ("direct", "Ahmad Khalil", "―", "We will not leave")),
        # the pronoun of a relative clause set off by a comma stays with what it refers to
        ("The delay follows a warning by the envoy, Staffan de Mistura, who stated that talks "
         "would stall.", ("indirect", "the envoy, Staffan de Mistura, who", "stated",
                            "talks would stall")),
        # ... that of a restrictive one does not
        ("She met an architect who said he was never paid for his work.",
         ("indirect", "an architect", "said", "he was never paid for his work")),
        # a cue set off by commas, the verb parsed as a parenthetical
        ("Back in Virginia, Mr. Clarke said, he decided to take aim at coal.",
         ("indirect", "Mr. Clarke", "said",
          "Back in Virginia, Mr. Clarke said, he decided to take aim at coal")),
        # what follows the cue's comma hangs on the cue: not part of the report
        ("Strikes on oil sites will continue, the ministry said Friday, as officials met in "
         "Geneva.", ("indirect", "the ministry", "said", "Strikes on oil sites will continue")),
        # of two subjects, the one next to the verb speaks (not the headline's label)
        ("The Latest: Trump urges supporters to monitor polling places.\n\nWASHINGTON (AP) — "
         "The Republican spoke.",
         ("indirect", "Trump", "urges", "supporters to monitor polling places")),
        # a quote opening with "That" keeps it (only a lower-case complementizer goes)
        ("Trump boasted, “That makes me smart.”",
         ("direct", "Trump", "boasted", "That makes me smart")),
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
        # a noun of stance with what it holds, spoken by its possessor
        ("The government's determination to develop nuclear missiles alarmed its neighbours.",
         ("indirect", "The government", "determination", "to develop nuclear missiles")),
        ("His obsession with trade deals is well known.",
         ("indirect", "His", "obsession", "trade deals")),
        # a verb of saying misparsed as a noun: the name before it speaks
        ("But Trump claims that he should be the exception.",
         ("indirect", "Trump", "claims", "he should be the exception")),
        # what a cue is about
        ("Trump commented on the death of Crutcher.",
         ("indirect", "Trump", "commented", "on the death of Crutcher")),
        # a lemma the tagger got wrong ("hopes" → "hop")
        ("Mr. Clarke hopes to offset the emissions with pollution credits.",
         ("indirect", "Mr. Clarke", "hopes", "to offset the emissions with pollution credits")),
        # a verb of seeing or rating makes a claim with "as"
        ("Critics see the reauthorization as an opportunity to fix problems.",
         ("indirect", "Critics", "see", "the reauthorization as an opportunity to fix problems")),
        ("PolitiFact rated 32% of Republican claims as false.",
         ("indirect", "PolitiFact", "rated", "32% of Republican claims as false")),
        # an attitude said with an adjective: the subject holds it
        ("Many Democrats are afraid that turnout may be low.",
         ("indirect", "Many Democrats", "afraid", "turnout may be low")),
        ("Republicans weren't too concerned about this shift in strategy.",
         ("indirect", "Republicans", "concerned", "this shift in strategy")),
        ("He is ready to move on.", ("indirect", "He", "ready", "to move on")),
        # ... "it's clear that …": nobody in the sentence
        ("It is clear that the talks have stalled.",
         ("indirect", None, "clear", "the talks have stalled")),
        # a feeling expressed about something: that something is what is said
        ("Voting rights advocates expressed deep concern about the policy.",
         ("indirect", "Voting rights advocates", "expressed", "the policy")),
        # a noun of saying inside a report is part of it
        ("The senator said Trump's comments about women were offensive.",
         ("indirect", "The senator", "said", "Trump's comments about women were offensive")),
        # "as X put it": the rest of the sentence is X's
        ("As Ms. Simonyan put it, RT is providing a perspective you won't get elsewhere.",
         ("indirect", "Ms. Simonyan", "put",
          "RT is providing a perspective you won't get elsewhere")),
        ("The primary requirement is a lawful source of income, as a Homeland Security memo put "
         "it.", ("indirect", "a Homeland Security memo", "put",
                 "The primary requirement is a lawful source of income")),
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
        # the headline's label says what follows its colon
        ("Poll: Clinton and Trump in dead heat heading into first debate.\nThe race is close.",
         ("direct", "Poll", ":", "Clinton and Trump in dead heat heading into first debate")),
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
        # a subject the parse lost, right before the cue
        ("That is a small fraction of the minimum $20 million experts say it costs to run "
         "statewide.", ("indirect", "experts", "say", "it costs to run statewide")),
        # ... past an apposition and an adverb
        ("Marc Morial, the chief executive of the League, forcefully told a young woman that "
         "this is not the first generation to be frustrated.",
         ("indirect", "Marc Morial, the chief executive of the League", "told",
          "this is not the first generation to be frustrated")),
        # a participle's speaker is the governing verb's subject, passive or not
        ("After saying her foot was swollen, she was whisked to the hospital.",
         ("indirect", "she", "saying", "her foot was swollen")),
        ("Rakeyia Scott can be heard yelling that her husband was unarmed.",
         ("indirect", "Rakeyia Scott", "yelling", "her husband was unarmed")),
        # the subject of "be able to" speaks
        ("The race is close, so he won't be able to brag about his polling advantage.",
         ("indirect", "he", "brag", "about his polling advantage")),
        # verbs of comparing, expecting and judging take a stance
        ("Mr. Schultz likened RT to the BBC.",
         ("indirect", "Mr. Schultz", "likened", "RT to the BBC")),
        ("No one expected a full 90 minutes of policy discussion.",
         ("indirect", "No one", "expected", "a full 90 minutes of policy discussion")),
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
        # ... a description saying something there is part of the outer claim
        ("The ministry said officials told reporters that the truce holds.",
         [("indirect", "The ministry", "said", "officials told reporters that the truce holds")]),
        # a second cue coordinated with the first ends the first one's content
        ("Trump said he would order a review of the defenses and warned against hackers.",
         [("indirect", "Trump", "said", "he would order a review of the defenses"),
          ("indirect", "Trump", "warned", "against hackers")]),
        # the one asked is not the one who asks
        ("Asked to describe the device, O'Neill said he would not go into that.",
         [("indirect", None, "Asked", "to describe the device"),
          ("indirect", "O'Neill", "said", "he would not go into that")]),
        # a quote resumed after a participle hung on its cue is one claim; the participle
        # keeps its own
        ("“We will not retreat from the city,” said Rudskoy, speaking of the Aleppo front. "
         "“Our forces hold every position.”",
         [("direct", "Rudskoy", "said", "We will not retreat from the city,” said Rudskoy, "
           "speaking of the Aleppo front. “Our forces hold every position."),
          ("indirect", "Rudskoy", "speaking", "the Aleppo front")]),
        # ... unless the participle introduces the second part
        ("“We will not retreat from the city,” Rudskoy said, adding later, “Our forces hold "
         "every position.”",
         [("direct", "Rudskoy", "said", "We will not retreat from the city"),
          ("direct", "Rudskoy", "adding", "Our forces hold every position")]),
        # a participle after the complement is the speaker's, not the report's
        ("The minister said the truce would hold, citing a drop in shelling.",
         [("indirect", "The minister", "said", "the truce would hold"),
          ("indirect", "The minister", "citing", "a drop in shelling")]),
    ],
)
def test_quotes_constructions_several(pipeline: Pipeline, text: str,
                                      expected: list[tuple[str, str | None, str, str]]) -> None:
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
        # a noun of stance with no possessor: whose, the text does not say
        "The senator faced criticism for failing to act.",
        # ... and none without it
        "We saw the convoy near the border.",
        # a thing handled is not what is said
        "The senator disclosed his tax returns.",
        "Many families find themselves in debt.",
        "The ministry issued a statement.",
        "The senator revealed his tax returns.",
        # a participle used as a preposition
        "Women held 25 percent of top jobs, compared with 32 percent in government.",
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

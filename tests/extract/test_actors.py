"""Actors: canonical entities across spellings, titles, pronouns and descriptions (real model)."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from wirescope import samples
from wirescope.config import Settings
from wirescope.pipeline import Pipeline
from wirescope.records import Document, DocumentRecord, Entity


def _extract(pipeline: Pipeline, text: str, doc_id: str = "t") -> DocumentRecord:
    (record,) = pipeline.run([Document(id=doc_id, text=text)])
    assert isinstance(record, DocumentRecord)
    return record


def _owner(record: DocumentRecord, surface: str, occurrence: int = 0) -> Entity | None:
    """The entity one of whose mentions is the ``occurrence``-th ``surface`` in the text."""
    text = record.document.text
    found = list(re.finditer(rf"(?<!\w){re.escape(surface)}(?!\w)", text))
    start = found[occurrence].start()
    for entity in record.entities:
        if any(m.start == start and m.end == start + len(surface) for m in entity.mentions):
            return entity
    return None


def _id(record: DocumentRecord, surface: str, occurrence: int = 0) -> str | None:
    entity = _owner(record, surface, occurrence)
    return entity.id if entity else None


@pytest.mark.parametrize(
    ("text", "surface", "expected"),
    [
        ("DAESH fighters attacked the town.", "DAESH", "kb-islamic-state"),
        ("Fighters of ISIL attacked the town.", "ISIL", "kb-islamic-state"),
        ("The Islamic State group claimed the attack.", "Islamic State group", "kb-islamic-state"),
        ("Jabhat al-Nusra fighters shelled the area.", "Jabhat al-Nusra", "kb-al-nusra"),
        ("The Nusra Front denied it.", "Nusra Front", "kb-al-nusra"),
        ("Al-Nusra refused the truce.", "Al-Nusra", "kb-al-nusra"),
        ("The Syrian Observatory for Human Rights reported the deaths.",
         "Syrian Observatory for Human Rights", "kb-sohr"),
        ("Staffan de Mistura said talks would resume.", "Staffan de Mistura",
         "kb-staffan-de-mistura"),
        ("The YPG said it repelled the attack.", "YPG", "kb-ypg"),
    ],
)
def test_actors_aliases_resolve_to_canonical(pipeline: Pipeline, text: str, surface: str,
                                             expected: str) -> None:
    assert _id(_extract(pipeline, text), surface) == expected


@pytest.mark.parametrize(
    ("text", "variants"),
    [
        ("Sergay Rudskoy said the truce holds. Sergey Rudskoy added that strikes continue.",
         ["Sergay Rudskoy", "Sergey Rudskoy"]),
        ("Yevgeny Lukyanov said so. Evgeny Lukyanov repeated it.",
         ["Yevgeny Lukyanov", "Evgeny Lukyanov"]),
        ("Ahmad Khalilov said the convoy left. Ahmed Khalilov added that it was shelled.",
         ["Ahmad Khalilov", "Ahmed Khalilov"]),
        ("Colonel Hassan Barakat said the road was open. The road stays open, Barakat said.",
         ["Hassan Barakat", "Barakat#1"]),
    ],
)
def test_actors_misspellings_and_surnames_are_one_person(pipeline: Pipeline, text: str,
                                                         variants: list[str]) -> None:
    record = _extract(pipeline, text)
    ids = {_id(record, v.split("#")[0], int(v.split("#")[1]) if "#" in v else 0)
           for v in variants}
    assert len(ids) == 1 and None not in ids


@pytest.mark.parametrize(
    ("text", "pronoun", "antecedent"),
    [
        ('Sergey Rudskoy spoke in Moscow. "The truce holds," he said.', "he", "Sergey Rudskoy"),
        ("Staffan de Mistura met the delegations. According to him, talks resume in June.",
         "him", "Staffan de Mistura"),
        ("Evgeny Lukyanov gave figures. The Russian minister warned of strikes. He said "
         "joint missions help.", "He", "The Russian minister"),
    ],
)
def test_actors_reporting_pronouns_resolve(pipeline: Pipeline, text: str, pronoun: str,
                                           antecedent: str) -> None:
    record = _extract(pipeline, text)
    owner = _owner(record, pronoun)
    assert owner is not None and owner is _owner(record, antecedent)


def test_actors_unreported_pronoun_left_alone(pipeline: Pipeline) -> None:
    record = _extract(pipeline, "Sergey Rudskoy arrived. He was tired after the flight.")
    assert _owner(record, "He") is None


@pytest.mark.parametrize(
    ("text", "description", "holder"),
    [
        ("Head of the Russian General Staff Lt. Gen. Sergey Rudskoy spoke. Later the General "
         "Staff chief said the truce holds.", "the General Staff chief", "Sergey Rudskoy"),
        ("Sergey Rudskoy said the road is open. Turkish artillery continues shelling, the head "
         "of the Russian General Staff said.", "the head of the Russian General Staff",
         "Sergey Rudskoy"),
        ("Sergei Lavrov met Kerry. The Russian foreign minister said the talks went well.",
         "The Russian foreign minister", "Sergei Lavrov"),
    ],
)
def test_actors_descriptions_resolve_to_role_holder(pipeline: Pipeline, text: str,
                                                    description: str, holder: str) -> None:
    record = _extract(pipeline, text)
    owner = _owner(record, description)
    assert owner is not None and owner is _owner(record, holder)


def test_actors_description_without_holder_kept_as_itself(pipeline: Pipeline) -> None:
    record = _extract(pipeline, "Evgeny Lukyanov gave figures. The Russian minister warned of "
                                "strikes.")
    owner = _owner(record, "The Russian minister")
    assert owner is not None and owner is not _owner(record, "Evgeny Lukyanov")
    assert owner.id.startswith("desc-") and owner.name == "Russian minister"
    assert owner.role == "Russian minister" and owner.type == "person"


@pytest.mark.parametrize(
    ("text", "surface", "expected"),
    [
        ("Washington's negative response angered Moscow.", "Washington", "kb-us-government"),
        ("Moscow offered to deliver joint airstrikes.", "Moscow", "kb-russia-government"),
        ("Russia called on Washington to use its influence.", "Washington", "kb-us-government"),
        ("The talks were held in Washington last week.", "Washington", None),
        ("Trucks are arriving in Syria from Turkey.", "Syria", None),
        ("Smuggling routes to Turkey were hit.", "Turkey", None),
        # A country in apposition to a place says where the place is.
        ("He was killed in Aleppo, Syria on Friday.", "Syria", None),
        ("A bomb exploded in Kabul, Afghanistan, killing 12.", "Afghanistan", None),
        ("Russia, Iran and Turkey agreed on the zones.", "Iran", "kb-iran-government"),
        ("Russian warplanes struck oil sites.", "Russian warplanes", "kb-russia-aerospace-forces"),
        ("American partners have not taken decisive steps.", "American", "kb-us-government"),
    ],
)
def test_actors_metonymy_actor_not_place(pipeline: Pipeline, text: str, surface: str,
                                         expected: str | None) -> None:
    assert _id(_extract(pipeline, text), surface) == expected


@pytest.mark.parametrize(
    ("text", "toponyms"),
    [
        ("Militant groups managed to take over al-Eis, Khan Tuman and Zerba.",
         ["al-Eis", "Khan Tuman", "Zerba"]),
        ("Militants continue to attack Sheikh Maqsood and Zahraa neighborhoods.",
         ["Sheikh Maqsood", "Zahraa"]),
        ("A ceasefire starts in areas of Eastern Ghouta and Darayya.",
         ["Eastern Ghouta", "Darayya"]),
        # A place noun by its surface when its lemma differs; apposition to a place noun.
        ("He was shot on the outskirts of Karachi on April 18.", ["Karachi"]),
        ("Protesters demonstrated in the capital Baku on Saturday.", ["Baku"]),
        ("Fighters were killed as clashes continue in the vicinity of Kobane.", ["Kobane"]),
        # The place fought over.
        ("Hundreds were killed in the fight for Hasakeh.", ["Hasakeh"]),
        # A city NER calls GPE in an actor position is no state (only countries and the
        # knowledge base's capitals stand for governments).
        ("Militants were killed near the cities of Deir ez-Zor and Raqqa local media "
         "reported on Monday.", ["Deir ez-Zor"]),
        # A list of well-known places whose commas were stripped is no person.
        ("Five were killed in terrorist attacks in Aleppo Hama Damascus and its Countryside.",
         ["Aleppo", "Hama"]),
    ],
)
def test_actors_toponyms_misread_by_ner_are_not_actors(pipeline: Pipeline, text: str,
                                                        toponyms: list[str]) -> None:
    record = _extract(pipeline, text)
    assert [t for t in toponyms if _owner(record, t) is not None] == []


@pytest.mark.parametrize(
    ("text", "surface", "expected"),
    [
        # "the regime" is the Syrian government where the article names Syria ...
        ("Scores of civilians were killed in Syria after regime airstrikes hit Aleppo.",
         "regime", "kb-syria-government"),
        ("The regime dropped barrel bombs on Douma, the Syrian Observatory said.",
         "The regime", "kb-syria-government"),
        ("Damascus denied the report. The regime said its jets hit only militants.",
         "The regime", "kb-syria-government"),
        ("At least seven Syrian children were killed in regime shelling of a rebel-held area "
         "outside Damascus on Tuesday.", "regime", "kb-syria-government"),
        # ... and nobody's where it does not, after a name or nationality, or as another thing
        ("Twenty people were killed by regime airstrikes.", "regime", None),
        ("Syria's ally, the Iranian regime, said it would help.", "regime", None),
        ("Regime change in Syria was discussed in Geneva.", "Regime", None),
        ("Syria faces a tighter sanctions regime from Monday.", "regime", None),
    ],
)
def test_actors_context_alias_needs_its_country(pipeline: Pipeline, text: str, surface: str,
                                                expected: str | None) -> None:
    assert _id(_extract(pipeline, text), surface) == expected


def test_actors_user_knowledge_base_extends_and_adds(tmp_path: Path) -> None:
    extra = tmp_path / "mine.json"
    extra.write_text(json.dumps({"actors": [
        {"id": "liwa-al-quds", "name": "Liwa al-Quds", "type": "armed_group",
         "actor_type": "militia", "aliases": ["Quds Brigade"], "country": "SY"},
        {"id": "islamic-state", "aliases": ["Tanzim al-Dawla"]},
    ]}))
    pipeline = Pipeline.from_settings(Settings().with_(actor_files=(extra,)))
    record = _extract(pipeline, "The Quds Brigade fought Tanzim al-Dawla near the airport.")
    quds = _owner(record, "Quds Brigade")
    assert quds is not None and (quds.id, quds.actor_type, quds.country) == (
        "kb-liwa-al-quds", "militia", "SY")
    assert _id(record, "Tanzim al-Dawla") == "kb-islamic-state"


def test_actors_same_id_across_documents(pipeline: Pipeline) -> None:
    one = _extract(pipeline, "DAESH attacked. Ahmad Khalilov said so.", "a")
    two = _extract(pipeline, "ISIS retreated, Ahmad Khalilov said.", "b")
    assert _id(one, "DAESH") == _id(two, "ISIS") == "kb-islamic-state"
    assert _id(one, "Ahmad Khalilov") == _id(two, "Ahmad Khalilov") is not None


def test_actors_every_mention_span_is_true(pipeline: Pipeline, samples_dir: Path) -> None:
    for record in pipeline.run(samples.load()):
        assert isinstance(record, DocumentRecord)
        for entity in record.entities:
            assert entity.mentions and entity.extractor == "entities.actors.v1"
            for m in entity.mentions:
                assert record.document.text[m.start : m.end].strip() == \
                    record.document.text[m.start : m.end]


def _sample(pipeline: Pipeline, doc_id: str) -> DocumentRecord:
    (document,) = [d for d in samples.load() if d.id == doc_id]
    (record,) = pipeline.run([document])
    assert isinstance(record, DocumentRecord)
    return record


def test_actors_sample_002_rudskoy_is_one_entity(pipeline: Pipeline, samples_dir: Path) -> None:
    record = _sample(pipeline, "002_78a8e296ec90cd12")
    text = record.document.text
    (rudskoy,) = [e for e in record.entities if e.id == "kb-sergei-rudskoy"]
    surfaces = [text[m.start : m.end] for m in rudskoy.mentions]
    for expected in ("Sergey Rudskoy", "Sergei Rudskoy", "Sergay Rudskoy", "Rudskoy", "him",
                     "he", "the head of the Russian General Staff", "the General Staff chief",
                     "the chief of the Russian General Staff"):
        assert expected in surfaces, expected
    assert surfaces.count("he") == 2
    names = [e.name for e in record.entities if e.type == "person"]
    assert names == ["Sergei Rudskoy"], "no other person, description or misread toponym"


def test_actors_sample_000_groups_and_minister(pipeline: Pipeline, samples_dir: Path) -> None:
    record = _sample(pipeline, "000_8dde5e3359083d7f")
    by_id = {e.id: e for e in record.entities}
    text = record.document.text
    isis = {text[m.start : m.end] for m in by_id["kb-islamic-state"].mentions}
    assert isis == {"DAESH", "IS", "ISIS", "ISIL"}
    nusra = {text[m.start : m.end] for m in by_id["kb-al-nusra"].mentions}
    assert nusra == {"Al-Nusra", "Al-Nusra Front"}
    minister = _owner(record, "the Russian minister")
    assert minister is not None and minister.id != "kb-evgeny-lukyanov"
    assert _owner(record, "He") is minister


@pytest.mark.parametrize(
    ("text", "person", "state"),
    [
        # A country's name that opens a person's name is the person's, not the state's.
        ("Israel Katz said the strikes would continue.", "Israel Katz", "Israel"),
        ("Jordan Peterson met Syrian officials.", "Jordan Peterson", "Jordan"),
    ],
)
def test_actors_state_name_opening_a_person_name_is_the_person(
        pipeline: Pipeline, text: str, person: str, state: str) -> None:
    record = _extract(pipeline, text)
    owner = _owner(record, person)
    assert owner is not None and owner.type == "person"
    assert _owner(record, state) is None


@pytest.mark.parametrize(
    ("text", "surface", "expected"),
    [
        ("Israel said the strikes would continue.", "Israel", "kb-israel-government"),
        ("Jordan's king met Syrian officials.", "Jordan", "kb-jordan-government"),
    ],
)
def test_actors_state_alone_stays_the_state(pipeline: Pipeline, text: str, surface: str,
                                            expected: str) -> None:
    assert _id(_extract(pipeline, text), surface) == expected


@pytest.mark.parametrize(("spans", "expected"), [
    # one name in two groups coreference kept apart: one entity, every mention
    ([[(39, 52), (76, 80)], [(336, 349), (1283, 1289)]], [(39, 52), (76, 80), (336, 349),
                                                          (1283, 1289)]),
    ([[(5, 9)], [(5, 9)]], [(5, 9)]),
    ([[(5, 9)]], [(5, 9)]),
])
def test_actors_one_entity_per_id(spans: list[list[tuple[int, int]]],
                                  expected: list[tuple[int, int]]) -> None:
    from wirescope.extractors.actors import _merged
    from wirescope.records import Span

    found = [Entity(id="ent-1", document_id="d", extractor="x", name="Kyle Harley",
                    type="person", actor_type=None,
                    mentions=tuple(Span(start=a, end=b) for a, b in group))
             for group in spans]
    other = Entity(id="ent-2", document_id="d", extractor="x", name="Dan Ruiz", type="person",
                   actor_type=None, mentions=(Span(start=60, end=68),))
    (merged, *rest) = _merged([*found, other])
    assert [(m.start, m.end) for m in merged.mentions] == expected
    assert [e.id for e in rest] == ["ent-2"]


@pytest.mark.parametrize(("labels", "expected"), [
    (["PERSON", "GPE", "PERSON"], "PERSON"),  # the most common NER label
    (["GPE", "PERSON"], "GPE"),  # a tie: the first given, never a set's order
    (["PERSON", "GPE"], "PERSON"),
    (["ORG", "PERSON", "PERSON", "ORG"], "ORG"),
])
def test_actors_cluster_label_is_the_most_common_first_on_a_tie(labels: list[str],
                                                                expected: str) -> None:
    from wirescope.extractors.actors.coref import Cluster
    from wirescope.extractors.actors.mentions import Mention

    mentions = [Mention(start=10 * i, end=10 * i + 5, kind="name", label=label)
                for i, label in enumerate(labels)]
    assert Cluster(key="k", mentions=mentions).label == expected

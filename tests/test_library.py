"""wirescope as a library: one call per article, a store queried like the API, a spaCy
component, and plugins (extractors, knowledge) installed as packages."""

from __future__ import annotations

import sys
import textwrap
from collections.abc import Iterator
from pathlib import Path

import pytest
import spacy

import wirescope
from wirescope import plugins, signature
from wirescope.config import Settings
from wirescope.errors import StoreError
from wirescope.extractors import registry
from wirescope.extractors.actors import kb
from wirescope.records import DocumentRecord, Failure

SHELLING = "Rebels shelled Aleppo on Friday, killing at least 12 civilians, the Syrian " \
           "Observatory said."
HOMS = "Government forces shelled a market in Homs on Monday, killing five people, SANA " \
       "reported."


def test_library_extract_one_article_with_its_day() -> None:
    record = wirescope.extract(SHELLING, published="2016-05-27")
    assert isinstance(record, DocumentRecord)
    assert record.document.published is not None
    (event,) = [e for e in record.events if e.type == "ASSAULT"]
    assert event.acled_sub_event_type == "Shelling/artillery/missile attack"
    (killed,) = event.quantities
    assert (killed.value, killed.unit, killed.span.surface(SHELLING)) == (
        12, "killed", "at least 12 civilians")
    (friday,) = record.times
    assert friday.value == "2016-05-27"  # the Friday of the publication week
    assert wirescope.extract(SHELLING).document.id == record.document.id  # from the text


def test_library_extract_failure_names_the_stage() -> None:
    @registry.register("events.always_fails.v1", kind="events")
    def broken(doc: object, state: object) -> list[object]:
        raise RuntimeError("boom")

    settings = Settings().with_(extractors=(*Settings().extractors[:-1],
                                            "events.always_fails.v1"))
    try:
        with pytest.raises(wirescope.ExtractionFailed) as caught:
            wirescope.extract(SHELLING, settings=settings)
    finally:
        registry._REGISTRY.pop("events.always_fails.v1")
    assert caught.value.failure.stage == "events.always_fails.v1"
    assert "boom" in str(caught.value)


def test_library_store_queries_like_the_api(tmp_path: Path) -> None:
    with wirescope.open_store(tmp_path / "w.db") as store:
        report = store.ingest([wirescope.document(SHELLING, published="2016-05-27"), HOMS])
        assert (report.stored, report.failures) == (2, [])
        shelled = store.events(sub_type="Shelling/artillery/missile attack")
        assert {store.sentence(e) for e in shelled} == {SHELLING, HOMS}
        assert [store.sentence(e) for e in store.events(place="Homs")] == [HOMS]
        assert [store.sentence(e) for e in store.events(actor="Syrian Arab Army")] == [HOMS]
        (claim,) = store.claims(speaker="Syrian Observatory")
        assert claim.speaker == "kb-sohr"
        incidents = store.incidents()
        assert len(incidents) == 2
        assert {i.killed.best for i in incidents if i.killed} == {12, 5}
        assert store.incident(incidents[0].id) == incidents[0]
        assert [hit.id for hit in store.search("Homs")] == [wirescope.document(HOMS).id]
        assert len(list(store.documents())) == 2


def test_library_store_to_read_must_exist(tmp_path: Path) -> None:
    with pytest.raises(StoreError, match="no store at"):
        wirescope.open_store(tmp_path / "nope.db", create=False)
    assert not (tmp_path / "nope.db").exists()


def test_library_import_is_light() -> None:
    import subprocess

    probe = "import sys, wirescope; print('spacy' in sys.modules, wirescope.__version__)"
    out = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True,
                         check=True).stdout.split()
    assert out == ["False", wirescope.__version__]


def test_library_spacy_component_fills_doc_extension() -> None:
    nlp = spacy.load(Settings().model)
    nlp.add_pipe("wirescope")  # found through the spacy_factories entry point
    doc = nlp(SHELLING)
    record = doc._.wirescope
    assert isinstance(record, DocumentRecord)
    assert [e.acled_sub_event_type for e in record.events] == [
        "Shelling/artillery/missile attack"]
    assert record.document.text == SHELLING


# -- plugins -----------------------------------------------------------------------------------

@pytest.fixture()
def installed_plugin(tmp_path: Path) -> Iterator[Path]:
    """A package installed on sys.path (its dist-info declares the entry points): an extractor
    module and an actor file."""
    (tmp_path / "demo_plugin.py").write_text(textwrap.dedent('''
        from pathlib import Path
        from wirescope.extractors import register

        @register("entities.demo_plugin.v1", kind="entities")
        def nothing(doc, state):
            return []

        def actor_files():
            return [Path(__file__).with_name("demo_actors.json")]
    '''), encoding="utf-8")
    (tmp_path / "demo_actors.json").write_text(
        '{"actors": [{"id": "zorblax-brigade", "name": "Zorblax Brigade", "type": '
        '"armed_group", "actor_type": "rebel group", "aliases": ["Zorblax Brigade", '
        '"the Zorblax"]}]}', encoding="utf-8")
    info = tmp_path / "demo_plugin-0.3.dist-info"
    info.mkdir()
    (info / "METADATA").write_text("Metadata-Version: 2.1\nName: demo-plugin\nVersion: 0.3\n",
                                   encoding="utf-8")
    (info / "entry_points.txt").write_text(
        "[wirescope.extractors]\ndemo = demo_plugin\n\n"
        "[wirescope.actors]\ndemo = demo_plugin:actor_files\n", encoding="utf-8")
    sys.path.insert(0, str(tmp_path))
    plugins.installed.cache_clear()
    kb.load.cache_clear()
    registry._PLUGINS_LOADED.clear()
    try:
        yield tmp_path
    finally:
        sys.path.remove(str(tmp_path))
        sys.modules.pop("demo_plugin", None)
        registry._REGISTRY.pop("entities.demo_plugin.v1", None)
        plugins.installed.cache_clear()
        kb.load.cache_clear()


def test_plugins_extractors_and_actors_come_from_entry_points(installed_plugin: Path) -> None:
    assert "entities.demo_plugin.v1" in registry.names()
    found = kb.load().lookup("the Zorblax")
    assert found is not None and found.id == "zorblax-brigade"
    assert "extractors:demo=demo-plugin@0.3" in plugins.installed()
    meta = {"lang": "en", "name": "x", "version": "1"}
    assert "actors:demo=demo-plugin@0.3" in signature.signature(meta, (), Settings())


def test_plugins_broken_one_is_named(installed_plugin: Path) -> None:
    (installed_plugin / "demo_plugin.py").write_text("raise ImportError('no numpy here')\n",
                                                     encoding="utf-8")
    with pytest.raises(Exception, match=r"demo-plugin 0\.3"):
        registry.names()


def test_plugins_none_installed_changes_nothing() -> None:
    assert isinstance(plugins.installed(), tuple)
    assert not isinstance(wirescope.extract("Nothing happened."), Failure)


def test_an_organisations_claims_include_its_spokespeoples(tmp_path: Path) -> None:
    """Filtering claims (and events) by an organisation finds what its director or
    spokesman says — in Python and over the API."""
    from fastapi.testclient import TestClient

    from wirescope.serve.api import Server, create_app

    said = ("Rami Abdel Rahman, the director of the Syrian Observatory for Human Rights, said "
            "12 people were killed in an air strike on Aleppo.")
    other = "Rami Abdel Rahman, a farmer, said the bakery in Homs was shelled."
    db = tmp_path / "w.db"
    with wirescope.open_store(db) as store:
        store.ingest([said, other])
        (claim,) = store.claims(speaker="Syrian Observatory")
        record = store.document(claim.document_id)
        assert record is not None
        (speaker,) = [e for e in record.entities if e.id == claim.speaker]
        assert (speaker.name, speaker.speaks_for) == ("Rami Abdel Rahman", "kb-sohr")
        assert [store.sentence(e) for e in store.events(speaker="kb-sohr")] == [said]
    client = TestClient(create_app(Server(db=db)), base_url="http://localhost")
    items = client.get("/api/claims", params={"speaker": "kb-sohr"}).json()["items"]
    assert [c["document_id"] for c in items] == [wirescope.document(said).id]

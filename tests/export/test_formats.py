"""Exports coders load directly: ACLED rows (pandas, ACLED's codebook), GeoJSON (valid),
Parquet (reads back equal), Datasette (serves the store, tables linked by foreign keys)."""

from __future__ import annotations

import asyncio
import dataclasses
import io
import json
from pathlib import Path
from typing import Any

import pandas as pd
import pyarrow.parquet as pq
import pytest
from click.testing import CliRunner

from tests.extract.test_events_lexicon import ACLED as CODEBOOK  # ACLED's event types
from tests.factories import full_record
from wirescope.cli.main import cli
from wirescope.export import acled, parquet
from wirescope.records import Event, Quantity, Span, TimeExpr
from wirescope.store import SQLiteStore

FIXTURE = Path(__file__).parents[1] / "fixtures" / "aleppo_market.jsonl"

DISORDER = {"Political violence", "Demonstrations", "Strategic developments"}


def run(db: Path, *args: str) -> str:
    result = CliRunner().invoke(cli, ["--db", str(db), "export", *args],
                                catch_exceptions=False)
    assert result.exit_code == 0, result.output
    return result.stdout


@pytest.fixture(scope="module")
def db(tmp_path_factory: pytest.TempPathFactory, samples_dir: Path) -> Path:
    """The demo store, with five reports of one market bombing."""
    path = tmp_path_factory.mktemp("formats") / "demo.db"
    runner = CliRunner()
    assert runner.invoke(cli, ["demo", "--db", str(path)]).exit_code == 0
    assert runner.invoke(cli, ["--db", str(path), "ingest", str(FIXTURE)]).exit_code == 0
    return path


@pytest.mark.parametrize("table", ["events", "incidents"])
def test_acled_csv_loads_with_pandas_in_acled_codes(db: Path, table: str) -> None:
    frame = pd.read_csv(io.StringIO(run(db, "--format", "acled", "--table", table)))
    assert len(frame) >= 5
    assert list(frame.columns[:len(acled.ACLED_COLUMNS)]) == list(acled.ACLED_COLUMNS)
    typed = frame[frame["event_type"].notna()]
    for kind, sub in zip(typed["event_type"], typed["sub_event_type"], strict=True):
        assert sub in CODEBOOK[kind], (kind, sub)
    assert set(typed["disorder_type"]) <= DISORDER
    assert set(frame["time_precision"]) <= {1, 2, 3}
    assert set(frame["geo_precision"].dropna()) <= {1, 2, 3}
    for column in ("inter1", "inter2"):
        assert set(frame[column].dropna()) <= set(range(1, 9))
    both = frame.dropna(subset=["inter1", "inter2"])
    assert all(row.interaction == 10 * min(row.inter1, row.inter2) + max(
        row.inter1, row.inter2) for row in both.itertuples())
    assert frame["fatalities"].dtype.kind == "i" and (frame["fatalities"] >= 0).all()
    dated = frame.dropna(subset=["event_date"])
    assert len(dated) and all(
        int(y) == int(d[:4]) for y, d in zip(dated["year"], dated["event_date"], strict=True))
    assert frame["latitude"].dropna().between(-90, 90).all()


def test_acled_incident_rows_give_the_conservative_toll(db: Path) -> None:
    frame = pd.read_csv(io.StringIO(run(db, "--format", "acled", "--table", "incidents")))
    market = frame[frame["reports"].str.contains("aleppo-sana", na=False)].iloc[0]
    assert market["documents"] >= 4 and market["grade"] == "contested"
    assert market["fatalities"] == market["fatalities_low"] <= market["fatalities_high"]
    assert market["civilian_targeting"] != "Civilian targeting" or market["inter2"] == 7
    assert "market" in market["notes"].lower()


def _event(*counts: tuple[float | None, float | None, str | None], via: str | None = None,
           ) -> Event:
    return Event(
        id="ev1", document_id="d", extractor="events.test.v1", type="ASSAULT", mode=None,
        acled_event_type="Violence against civilians", acled_sub_event_type="Attack",
        actors=(), targets=(), place=None, time=None, factuality="asserted",
        attributed_to=None, span=Span(start=0, end=1), via=via,
        quantities=tuple(Quantity(value=v, low=low, high=None, unit="killed", category=None,
                                  span=Span(start=0, end=1), qualifier=q)
                         for v, low, q in counts))


@pytest.mark.parametrize(
    ("counts", "expected"),
    [
        ([], 0),                                                     # none reported
        ([(12, 12, "at_least")], 12),                                # "at least 12"
        ([(None, 100, "more_than")], 100),                           # "more than 100"
        ([(12, None, "vague")], 12),                                 # "dozens" (ACLED: 12)
        ([(12, None, None), (5, None, None)], 12),                   # "12, including 5 …"
        ([(20, None, "up_to")], 20),                                 # "up to 20"
    ],
)
def test_acled_fatalities_conservative_rule(counts: list[Any], expected: int) -> None:
    assert acled.fatalities(_event(*counts)) == expected


@pytest.mark.parametrize(
    ("first", "second", "expected"),
    [(1, 7, 17), (7, 1, 17), (8, 2, 28), (2, None, 20), (None, 6, 60), (None, None, "")],
)
def test_acled_interaction_lower_code_first(first: int | None, second: int | None,
                                            expected: int | str) -> None:
    assert acled.interaction(first, second) == expected


@pytest.mark.parametrize(
    ("precision", "source", "expected"),
    [("day", "time", 1), ("week", "time", 2), ("month", "time", 3), ("year", "time", 3),
     (None, "publication", 2), (None, "inherited", 2), (None, None, 3)],
)
def test_acled_time_precision(precision: str | None, source: str | None,
                              expected: int) -> None:
    time = None if precision is None else TimeExpr(
        id="t", document_id="d", extractor="times.test.v1", text="x", span=Span(start=0, end=1),
        value=None, start=None, end=None, precision=precision)  # type: ignore[arg-type]
    assert acled.time_precision(time, source) == expected


def test_acled_rows_skip_what_did_not_happen() -> None:
    record = full_record()
    threatened = dataclasses.replace(record.events[0], factuality="threatened")
    rows = list(acled.event_rows([dataclasses.replace(record, events=(threatened,))]))
    assert rows == []
    (row,) = acled.event_rows([dataclasses.replace(record, events=record.events[:1])])
    assert (row["actor2"], row["inter2"], row["civilian_targeting"]) == (
        "Civilians (Syria)", 7, "Civilian targeting")  # the counted victims are civilians
    assert (row["event_date"], row["time_precision"], row["fatalities"]) == (
        "2016-05-27", 1, 12)


@pytest.mark.parametrize("table", ["events", "incidents"])
def test_geojson_is_a_valid_feature_collection(db: Path, table: str) -> None:
    from geojson_pydantic import FeatureCollection

    data = json.loads(run(db, "--format", "geojson", "--table", table))
    parsed = FeatureCollection.model_validate(data)
    points = [f for f in parsed.features if f.geometry is not None]
    assert len(points) >= 3
    for feature in data["features"]:
        if feature["geometry"]:
            lon, lat = feature["geometry"]["coordinates"]
            assert (lat, lon) == (feature["properties"]["latitude"],
                                  feature["properties"]["longitude"])


def test_parquet_tables_read_back_equal(db: Path, tmp_path: Path) -> None:
    folder = tmp_path / "pq"
    result = CliRunner().invoke(cli, ["--db", str(db), "export", "--format", "parquet", "-o",
                                      str(folder)])
    assert result.exit_code == 0, result.output
    store = SQLiteStore.open(db, create=False)
    try:
        records, incidents = list(store.records()), list(store.incidents())
    finally:
        store.close()
    for table in parquet.TABLES:
        read = pq.read_table(folder / f"{table}.parquet")
        expected = ([parquet.row(i) for i in incidents] if table == "incidents"
                    else parquet.rows(records, table))
        assert read.num_rows == len(expected) > 0, table
        assert read.to_pylist() == expected, table
    events = pd.read_parquet(folder / "events.parquet")
    assert events["span"].iloc[0].keys() == {"start", "end"}
    documents = pd.read_parquet(folder / "documents.parquet")
    assert str(documents["published"].dropna().iloc[0]) == "2016-05-27"


def test_datasette_serves_the_store_with_linked_tables(db: Path, tmp_path: Path) -> None:
    from datasette.app import Datasette

    meta = json.loads(run(db, "--format", "datasette"))
    columns = meta["databases"][db.stem]["tables"]["events"]["columns"]
    assert "rule or lexicon entry" in columns["via"]

    async def fetch() -> Any:
        ds = Datasette([str(db)], metadata=meta)
        events = await ds.client.get(
            f"/{db.stem}/events.json?_shape=objects&_labels=on&place_key__notblank=1")
        return events.json()

    events = asyncio.run(fetch())
    rows = events["rows"]
    assert rows
    place, document = rows[0]["place_key"], rows[0]["document_id"]
    assert place["value"] == f"{document['value']}/{rows[0]['place']}"
    assert place["label"] and not place["label"].startswith(document["value"])  # its name
    assert "label" in document  # (the title, when the document has one)


def test_acled_inter_codes_come_from_the_users_knowledge_too(tmp_path: Path) -> None:
    """An actor of the user's knowledge file is coded with its own inter code (a political
    militia, 3), not its actor type's (a rebel group, 2)."""
    actors = tmp_path / "actors.json"
    actors.write_text(json.dumps({"actors": [{
        "id": "zorblax-brigade", "name": "Zorblax Brigade", "type": "armed_group",
        "actor_type": "rebel group", "acled_inter": 3, "aliases": ["Zorblax Brigade"]}]}),
        encoding="utf-8")
    record = full_record()
    event = dataclasses.replace(record.events[0], actors=("kb-zorblax-brigade",))
    brigade = dataclasses.replace(record.entities[0], id="kb-zorblax-brigade",
                                  name="Zorblax Brigade", actor_type="rebel group")
    record = dataclasses.replace(record, events=(event,), entities=(brigade,))
    (plain,) = acled.event_rows([record])
    (known,) = acled.event_rows([record], (actors,))
    assert (plain["inter1"], known["inter1"]) == (2, 3)
    assert known["interaction"] == 37  # against the civilians it killed

"""Shared fixtures. The spaCy model is a package dependency, so tests that need it run in CI."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest
from spacy.language import Language

from wirescope import samples
from wirescope.annotate.nlp import load_model
from wirescope.config import Settings
from wirescope.pipeline import Pipeline
from wirescope.store import SQLiteStore, open_store
from wirescope.store.postgres import scratch_database

# A PostgreSQL server the store tests may use (each test makes a database of its own in it):
# `make test` starts one (scripts/postgres.sh) and sets this; CI also sets
# WIRESCOPE_REQUIRE_POSTGRES, so that they fail there instead of skipping.
POSTGRES_ENV = "WIRESCOPE_TEST_POSTGRES"


@pytest.fixture(scope="session")
def nlp() -> Language:
    return load_model(Settings().model)


@pytest.fixture(scope="session")
def pipeline() -> Pipeline:
    return Pipeline.from_settings(Settings())


@pytest.fixture(scope="session")
def samples_dir() -> Path:
    folder = samples.find_folder()
    if folder is None or not folder.is_dir():
        pytest.skip("sample articles absent: ../shared/samples not beside the checkout "
                    "and WIRESCOPE_SAMPLES unset")
    return folder


@pytest.fixture()
def store(tmp_path: Path) -> SQLiteStore:
    opened = SQLiteStore.open(tmp_path / "test.db")
    yield opened
    opened.close()


@pytest.fixture(scope="session")
def postgres_server() -> str:
    url = os.environ.get(POSTGRES_ENV)
    if not url:
        if os.environ.get("WIRESCOPE_REQUIRE_POSTGRES"):
            pytest.fail(f"{POSTGRES_ENV} unset: the PostgreSQL store tests must run here")
        pytest.skip(f"no PostgreSQL server: set {POSTGRES_ENV}=postgresql://user@host:port/db "
                    "(`make test` starts one with scripts/postgres.sh)")
    return url


def fresh_database(server: str) -> Iterator[str]:
    """A new, empty database on the server (dropped afterwards): its URL."""
    with scratch_database(server, "wirescope_test") as url:
        yield url


@pytest.fixture(params=["sqlite", "postgresql"])
def db_url(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    """Where a store lives, once for each backend: a SQLite file, a PostgreSQL database."""
    if request.param == "sqlite":
        yield str(tmp_path / "test.db")
    else:
        yield from fresh_database(request.getfixturevalue("postgres_server"))


@pytest.fixture()
def any_store(db_url: str) -> Iterator[SQLiteStore]:
    """A new store on each backend."""
    opened = open_store(db_url)
    yield opened
    opened.close()

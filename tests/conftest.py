"""Shared fixtures. The spaCy model is a package dependency, so tests that need it run in CI."""

from __future__ import annotations

from pathlib import Path

import pytest
from spacy.language import Language

from wirescope import samples
from wirescope.annotate.nlp import load_model
from wirescope.config import Settings
from wirescope.pipeline import Pipeline
from wirescope.store import SQLiteStore


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

"""FA-KES spot check: articles of different outlets about one Syrian incident (the same day,
governorate and civilian toll in FA-KES's labels) end up in one incident, and three such
incidents stay three. Reads ``../shared/eval``; skipped when it is absent."""

from __future__ import annotations

import pytest

from wirescope.evaluate.load.fakes import load
from wirescope.evaluate.locate import find_folder
from wirescope.evaluate.run import as_corpus
from wirescope.evaluate.score.incidents import predicted_cluster
from wirescope.pipeline import Pipeline
from wirescope.records import DocumentRecord

# (FA-KES unit ids): two outlets' reports of one incident each
SAME = [
    # 19 April 2017, Aleppo, 6 civilians: "Six Killed in Aleppo Bombing as Evacuation of 4
    # Syrian Towns Resumes" (Asharq al-Awsat) and "Dozens of Casualties in Syria's Aleppo
    # Bomb Blast" (al-Manar)
    ("fakes-1918150028", "fakes-1926478982"),
    # 24 October 2016, Idlib, 16: "Heavy Syrian regime bombing in Idlib kills civilians"
    # (al-Araby) and "16 dead in heavy bombardment on Syria's Idlib: Monitor" (Ahram)
    ("fakes-1923102894", "fakes-1923848285"),
    # 6 September 2016, Aleppo: two SANA reports of the same rocket attacks
    ("fakes-1926478916", "fakes-1926478984"),
]


@pytest.mark.model
def test_fakes_reports_of_one_incident_are_one_incident(pipeline: Pipeline) -> None:
    folder = find_folder()
    if folder is None or not (folder / "fakes" / "fakes_dev.csv").is_file():
        pytest.skip("evaluation data absent: ../shared/eval/fakes not beside the checkout "
                    "and WIRESCOPE_EVAL unset")
    items = {i.document.id: i for i in load(folder / "fakes" / "fakes_dev.csv")}
    documents = [items[d].document for pair in SAME for d in pair]
    records = list(pipeline.run(documents))
    assert all(isinstance(r, DocumentRecord) for r in records)
    stored, _, failures = as_corpus(r for r in records if isinstance(r, DocumentRecord))
    assert not failures
    clusters = [{predicted_cluster(stored[d]) for d in pair} for pair in SAME]
    assert all(len(c) == 1 for c in clusters)  # each incident's reports linked
    assert len(set.union(*clusters)) == len(SAME)  # and the incidents kept apart

"""Who speaks for whom (``speaks_for``): each row a phrasing of a person speaking for an
organisation, or of one who does not."""

from __future__ import annotations

import pytest

from wirescope.pipeline import Pipeline
from wirescope.records import Document, DocumentRecord


@pytest.mark.parametrize(
    ("text", "person", "organisation"),
    [
        # the organisation's name, the role, the person
        ("Syrian Observatory for Human Rights director Rami Abdel Rahman said 12 people "
         "were killed.", "Rami Abdel Rahman", "kb-sohr"),
        ("Hezbollah leader Hassan Nasrallah said the group would fight on.",
         "Hassan Nasrallah", "kb-hezbollah"),
        # the person, then "a spokesman for" the organisation
        ("Steve Warren, a spokesman for the US-led coalition, said the raid killed 15.",
         "Steve Warren", "kb-us-led-coalition"),
        # "a spokesman for" the organisation, then the person with a rank
        ("A spokesman for the US-led coalition, Colonel Steve Warren, said the raid killed 15.",
         "Steve Warren", "kb-us-led-coalition"),
        # a role the knowledge base gives (Konashenkov: spokesman of the Defence Ministry)
        ("The Russian Defence Ministry denied the report. Igor Konashenkov said the strikes "
         "hit oil trucks.", "Igor Konashenkov", "kb-russia-defense-ministry"),
        ("Igor Konashenkov, a spokesman for the Russian Defence Ministry, said the strikes hit "
         "trucks.", "Igor Konashenkov", "kb-russia-defense-ministry"),
        # a description of the person that names the organisation
        ("Twelve people were killed in Aleppo, said Rami Abdel Rahman, head of the Syrian "
         "Observatory for Human Rights.", "Rami Abdel Rahman", "kb-sohr"),
        # no role joins them
        ("John Smith, a farmer from Aleppo, said the shelling went on all night.",
         "John Smith", None),
        ("Rami Abdel Rahman met Hezbollah officials in Beirut, the agency said.",
         "Rami Abdel Rahman", None),
        ("Hezbollah fighters shelled the town. Hassan Diab, a doctor, said five died.",
         "Hassan Diab", None),
    ],
)
def test_speaks_for(pipeline: Pipeline, text: str, person: str,
                    organisation: str | None) -> None:
    (record,) = pipeline.run([Document(id="d", text=text)])
    assert isinstance(record, DocumentRecord)
    (found,) = [e for e in record.entities if e.name == person]
    assert found.speaks_for == organisation
    if organisation is not None:
        assert organisation in {e.id for e in record.entities}

from __future__ import annotations

from pathlib import Path

from wirescope.evaluate.load.geovirus import load
from wirescope.evaluate.load.toponyms import Toponym

# Offsets one-based, as in the distributed file.
XML = """<articles>
    <article>
        <source>https://en.wikinews.org/wiki/X</source>
        <text>Hogs culled in Pandi, Bulacan.</text>
        <locations>
            <location><name>Pandi</name><start>16</start><end>21</end>
                <lat>14.87</lat><lon>120.95</lon><page>p</page></location>
            <location><name>Bulacan</name><altName>B</altName><start>23</start><end>30</end>
                <lat>15</lat><lon>121.08</lon><page>p</page></location>
        </locations>
    </article>
    <!--<article><text></text></article>-->
</articles>
"""


def test_geovirus_load_realigns_one_based_offsets(tmp_path: Path) -> None:
    path = tmp_path / "GeoVirus.xml"
    path.write_text(XML, "utf-8")
    (item,) = load(path)
    assert item.document.id == "geovirus-0001"
    assert item.document.url == "https://en.wikinews.org/wiki/X"
    assert item.toponyms == (
        Toponym(span=(15, 20), name="Pandi", lat=14.87, lon=120.95),
        Toponym(span=(22, 29), name="Bulacan", lat=15.0, lon=121.08),
    )
    assert item.unaligned == 0

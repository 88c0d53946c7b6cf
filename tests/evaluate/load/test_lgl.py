from __future__ import annotations

import datetime as dt
from pathlib import Path

from wirescope.evaluate.load.lgl import load
from wirescope.evaluate.load.toponyms import Toponym

XML = """<?xml version="1.0" encoding="utf-8"?>
<articles>
  <article docid="40450848">
    <title>Fire</title>
    <domain>thetowntalk.com</domain>
    <url>http://example.org/a</url>
    <dltime>2009-03-20 12:24:52.002364-05</dltime>
    <text><![CDATA[Alexandria woman charged. Camp Lejeune and Rapides Parish.]]></text>
    <toponyms count="3">
      <toponym><start>0</start><end>10</end><phrase>Alexandria</phrase>
        <gaztag geonameid="4314550"><name>Alexandria</name>
          <lat>31.3113</lat><lon>-92.4451</lon></gaztag></toponym>
      <toponym><start>26</start><end>38</end><phrase>Camp Lejeune</phrase></toponym>
      <toponym><start>0</start><end>4</end><phrase>Rapides Parish</phrase></toponym>
    </toponyms>
  </article>
</articles>
"""


def test_lgl_load_reads_toponyms_with_and_without_coordinates(tmp_path: Path) -> None:
    path = tmp_path / "lgl.xml"
    path.write_text(XML, "utf-8")
    (item,) = load(path)
    assert item.document.id == "lgl-40450848"
    assert item.document.published == dt.date(2009, 3, 20)
    assert item.toponyms == (
        Toponym(span=(0, 10), name="Alexandria", lat=31.3113, lon=-92.4451),
        Toponym(span=(26, 38), name="Camp Lejeune", lat=None, lon=None),
    )
    assert item.unaligned == 1  # Rapides Parish does not sit at 0-4
    assert not item.toponyms[1].located

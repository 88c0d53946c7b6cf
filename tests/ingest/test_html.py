from __future__ import annotations

import datetime as dt

from wirescope.errors import NO_TEXT_EXTRACTED
from wirescope.ingest import IngestOptions, read_bytes
from wirescope.records import Document, Failure

PAGE = """<html><head><title>Strikes near Aleppo</title>
<meta property="article:published_time" content="2016-05-27T10:00:00Z"></head>
<body><nav>Home | World | Sport</nav><article><h1>Strikes near Aleppo</h1>
<p>Russian warplanes struck oil smuggling routes near Aleppo on Friday, the defence ministry
said in a statement released to reporters in Moscow.</p>
<p>The ministry said that the strikes would continue until the smuggling stopped entirely.</p>
</article><footer>Copyright 2016</footer></body></html>"""


def test_html_main_text_and_metadata() -> None:
    (doc,) = read_bytes(PAGE.encode(), "page.html", "html", IngestOptions())
    assert isinstance(doc, Document)
    assert "Russian warplanes struck" in doc.text
    assert "Copyright" not in doc.text and "Sport" not in doc.text
    assert doc.title == "Strikes near Aleppo"
    assert doc.published == dt.date(2016, 5, 27)


def test_html_without_article_is_failure() -> None:
    (item,) = read_bytes(b"<html><body><div></div></body></html>", "x.html", "html",
                         IngestOptions())
    assert isinstance(item, Failure)
    assert item.code == NO_TEXT_EXTRACTED and item.origin == "x.html"

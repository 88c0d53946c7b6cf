"""Import GeoNames dump files into a gazetteer index.

Recognised by their columns (names as on the GeoNames download server):

* a *geoname* table — ``allCountries.txt`` or one country's file such as ``SY.txt``: 19
  tab-separated columns (geonameid, name, asciiname, alternatenames, latitude, longitude,
  feature class, feature code, country code, cc2, admin1 … admin4, population, …);
* ``alternateNamesV2.txt`` (or ``alternateNames.txt``): alternateNameId, geonameid,
  isolanguage, alternate name, …; names are attached to places already in the index, so
  import the geoname file first; links, postal codes and airport codes are skipped;
* ``admin1CodesASCII.txt``: ``CC.CODE``, name, ascii name, geonameid.

Only populated places, administrative divisions, areas and spots (classes P, A, L, S, T, H,
V, R, U) are kept; alternate names in non-Latin scripts are skipped (the text is English).
A ``.zip`` holding one such file is read directly.
"""

from __future__ import annotations

import io
import zipfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import IO, Literal

from wirescope.errors import SourceError
from wirescope.gazetteer.index import Index
from wirescope.gazetteer.model import Entry, kind_of
from wirescope.gazetteer.names import is_latin

DumpKind = Literal["geonames", "alternate_names", "admin1"]
_SKIP_LANGUAGES = frozenset({"link", "post", "iata", "icao", "faac", "fr_1793", "unlc",
                             "wkdt", "tcid"})


@contextmanager
def _open(path: Path) -> Iterator[IO[str]]:
    if path.suffix == ".zip":
        with zipfile.ZipFile(path) as archive:
            members = [n for n in archive.namelist() if n.endswith(".txt")
                       and not n.lower().startswith("readme")]
            if not members:
                raise SourceError(f"{path} holds no .txt dump")
            with archive.open(members[0]) as raw:
                yield io.TextIOWrapper(raw, encoding="utf-8")
    else:
        with path.open(encoding="utf-8") as handle:
            yield handle


def detect(path: Path) -> DumpKind:
    """What kind of GeoNames dump ``path`` is, from its first data line."""
    with _open(path) as handle:
        for line in handle:
            if line.startswith("#") or not line.strip():
                continue
            columns = line.rstrip("\n").split("\t")
            if len(columns) >= 19:
                return "geonames"
            if len(columns) >= 4 and "." in columns[0] and columns[3].isdigit():
                return "admin1"
            if len(columns) >= 4 and columns[0].isdigit() and columns[1].isdigit():
                return "alternate_names"
            break
    raise SourceError(f"{path} is not a GeoNames dump wirescope knows",
                      hint="give allCountries.txt, a country file (SY.txt), "
                      "alternateNamesV2.txt or admin1CodesASCII.txt")


def _geonames(handle: IO[str], source: str) -> Iterator[tuple[Entry, tuple[str, ...]]]:
    for line in handle:
        c = line.rstrip("\n").split("\t")
        if len(c) < 19:
            continue
        kind = kind_of(c[6], c[7])
        if kind is None:
            continue
        try:
            entry = Entry(id=int(c[0]), name=c[1], lat=float(c[4]), lon=float(c[5]),
                          country_code=c[8] or None, admin1_code=c[10] or None, kind=kind,
                          population=int(c[14] or 0), source=source)
        except ValueError:
            continue
        alternates = tuple(n for n in c[3].split(",") if n and is_latin(n))
        yield entry, (c[2], *alternates)


def _alternate_names(handle: IO[str]) -> Iterator[tuple[int, str]]:
    for line in handle:
        c = line.rstrip("\n").split("\t")
        if len(c) < 4 or c[2] in _SKIP_LANGUAGES or not c[1].isdigit():
            continue
        if is_latin(c[3]):
            yield int(c[1]), c[3]


def _admin1(handle: IO[str]) -> Iterator[tuple[str, str, str]]:
    for line in handle:
        c = line.rstrip("\n").split("\t")
        if len(c) >= 3 and "." in c[0]:
            cc, code = c[0].split(".", 1)
            yield cc, code, c[2] or c[1]


def import_dump(path: Path, index: Index) -> tuple[DumpKind, int]:
    """Import one dump file into ``index``; returns its kind and how many rows were added."""
    if not path.is_file():
        raise SourceError(f"cannot read {path}: no such file")
    kind = detect(path)
    with _open(path) as handle:
        if kind == "geonames":
            count = index.add(_geonames(handle, f"import:{path.name}"))
        elif kind == "alternate_names":
            count = index.add_names(_alternate_names(handle))
        else:
            rows = list(_admin1(handle))
            index.add_admin1(rows)
            count = len(rows)
    index.finish()
    return kind, count

"""GeoNames dump import, the index, and the ``wirescope gazetteer`` commands (small dumps
written by the tests in GeoNames' column layout)."""

from __future__ import annotations

from pathlib import Path

import click
import pytest
from click.testing import CliRunner

from wirescope.cli.gazetteer import gazetteer
from wirescope.errors import SourceError
from wirescope.gazetteer import open_gazetteer
from wirescope.gazetteer.geonames import detect, import_dump
from wirescope.gazetteer.index import Index


def _row(gid: int, name: str, alternates: str, lat: float, lon: float, fclass: str,
         fcode: str, cc: str, admin1: str, population: int) -> str:
    columns = [str(gid), name, name, alternates, str(lat), str(lon), fclass, fcode, cc, "",
               admin1, "", "", "", str(population), "", "300", "Asia/Damascus", "2020-01-01"]
    return "\t".join(columns)


COUNTRY_FILE = "\n".join([
    _row(9000001, "Khān Ţūmān", "Khan Touman,خان طومان", 36.1, 37.0, "P", "PPL", "SY", "09", 2781),
    _row(9000002, "Tall Rif‘at", "Tal Rifaat", 36.47, 37.1, "P", "PPL", "SY", "09", 20000),
    _row(9000003, "Some Canal", "", 36.0, 37.0, "H", "CNL", "SY", "09", 0),
    _row(9000004, "Old Village", "", 36.0, 37.0, "P", "PPLH", "SY", "09", 0),
]) + "\n"
ALTERNATES = "\n".join([
    "1\t9000001\ten\tKhan Tuman\t1\t\t\t\t\t",
    "2\t9000001\tlink\thttps://example.org/Khan_Tuman\t\t\t\t\t\t",
    "3\t9000002\ten\tTell Rifaat\t\t\t\t\t\t",
    "4\t12345\ten\tNowhere Known\t\t\t\t\t\t",
]) + "\n"
ADMIN1 = "SY.09\tAleppo\tAleppo\t170062\n"


@pytest.fixture()
def dumps(tmp_path: Path) -> dict[str, Path]:
    files = {"SY.txt": COUNTRY_FILE, "alternateNamesV2.txt": ALTERNATES,
             "admin1CodesASCII.txt": ADMIN1}
    for name, content in files.items():
        (tmp_path / name).write_text(content, encoding="utf-8")
    return {name: tmp_path / name for name in files}


@pytest.mark.parametrize(
    ("name", "kind"),
    [("SY.txt", "geonames"), ("alternateNamesV2.txt", "alternate_names"),
     ("admin1CodesASCII.txt", "admin1")],
)
def test_geonames_detects_dump_kind(dumps: dict[str, Path], name: str, kind: str) -> None:
    assert detect(dumps[name]) == kind


def test_geonames_rejects_an_unknown_file(tmp_path: Path) -> None:
    other = tmp_path / "notes.txt"
    other.write_text("hello\tworld\n", encoding="utf-8")
    with pytest.raises(SourceError, match="not a GeoNames dump"):
        detect(other)


def test_geonames_import_keeps_places_and_names(dumps: dict[str, Path], tmp_path: Path) -> None:
    index = Index(tmp_path / "imported.sqlite", write=True)
    assert import_dump(dumps["SY.txt"], index) == ("geonames", 3)  # PPLH is dropped
    assert import_dump(dumps["alternateNamesV2.txt"], index)[0] == "alternate_names"
    import_dump(dumps["admin1CodesASCII.txt"], index)
    found = {e.id: (e, exact) for e, exact in index.lookup("khan tuman", "kn tmn")}
    entry, exact = found[9000001]
    assert exact and entry.kind == "town" and entry.admin1_code == "09"
    assert entry.source == "import:SY.txt"
    assert index.lookup("tell rifaat", "tl rft")  # from alternateNamesV2
    assert not index.lookup("nowhere known", "nwr knwn")  # names of unknown places skipped
    assert index.admin1_names()[("SY", "09")] == "Aleppo"
    index.close()


def test_geonames_imported_index_is_read_first(dumps: dict[str, Path], tmp_path: Path) -> None:
    user = tmp_path / "imported.sqlite"
    index = Index(user, write=True)
    import_dump(dumps["SY.txt"], index)
    index.close()
    default = tmp_path / "default.sqlite"
    Index(default, write=True).finish()
    gaz = open_gazetteer(default, user)
    (candidate,) = [c for c in gaz.lookup("Khan Touman") if c.entry.id == 9000001]
    assert candidate.exact and candidate.entry.name == "Khān Ţūmān"


def test_geonames_cli_import_and_lookup(dumps: dict[str, Path], tmp_path: Path) -> None:
    runner = CliRunner()
    target = tmp_path / "cli.sqlite"
    result = runner.invoke(gazetteer, ["import", str(dumps["SY.txt"]),
                                       str(dumps["alternateNamesV2.txt"]), "--index", str(target)])
    assert result.exit_code == 0, result.output
    assert "geonames rows" in result.output and str(target) in result.output
    assert Index(target).count() == 3


def test_geonames_cli_documents_its_commands() -> None:
    ctx = click.Context(gazetteer)
    assert {"import", "lookup", "info"} <= set(gazetteer.list_commands(ctx))
    for name in ("import", "lookup", "info"):
        command = gazetteer.get_command(ctx, name)
        assert command is not None and command.help

"""``wirescope gazetteer``: the place gazetteer — import GeoNames dumps, look names up.

A thin shell over :mod:`wirescope.gazetteer`. The default gazetteer (GeoNames cities of 500+
people, countries and admin-1/admin-2 regions, from PyPI packages) is built on first use;
``import`` adds full GeoNames dumps for village-level coverage to the index at
``--index`` (default ``$WIRESCOPE_GAZETTEER`` or ``~/.local/share/wirescope/gazetteer.sqlite``),
which the place extractor then reads first.
"""

from __future__ import annotations

import time
from pathlib import Path

import click

from wirescope import gazetteer as gaz
from wirescope.gazetteer import build
from wirescope.gazetteer.geonames import import_dump
from wirescope.gazetteer.index import Index

_INDEX = click.option("--index", "index_path", type=click.Path(dir_okay=False, path_type=Path),
                      default=None, help="Imported index file (default: $WIRESCOPE_GAZETTEER "
                      "or ~/.local/share/wirescope/gazetteer.sqlite).")


@click.group()
def gazetteer() -> None:
    """The place gazetteer: import GeoNames dumps, look names up."""


@gazetteer.command("import")
@click.argument("files", nargs=-1, required=True,
                type=click.Path(exists=True, dir_okay=False, path_type=Path))
@_INDEX
def import_(files: tuple[Path, ...], index_path: Path | None) -> None:
    """Import GeoNames dumps: allCountries.txt or a country file (SY.txt), then
    alternateNamesV2.txt and admin1CodesASCII.txt (.zip works too). Give the geoname file
    before the alternate names, which attach to places already imported."""
    target = index_path or gaz.user_path()
    index = Index(target, write=True)
    try:
        for path in files:
            started = time.perf_counter()
            kind, count = import_dump(path, index)
            click.echo(f"{path.name}: {count} {kind} rows in {time.perf_counter() - started:.1f} s",
                       err=True)
    finally:
        index.close()
    gaz.load.cache_clear()
    click.echo(f"index {target}")


@gazetteer.command("lookup")
@click.argument("name")
@_INDEX
@click.option("--limit", type=click.IntRange(min=1), default=10, show_default=True)
def lookup(name: str, index_path: Path | None, limit: int) -> None:
    """Candidate places for NAME (exact names first, then transliteration variants)."""
    found = gaz.load(index_path).lookup(name)
    ranked = sorted(found, key=lambda c: (not c.exact, -c.entry.population))
    for c in ranked[:limit]:
        e = c.entry
        click.echo(f"{e.geonameid or '-'}\t{e.name}\t{e.kind}\t{e.country_code or '-'}\t"
                   f"{e.admin1_code or '-'}\t{e.lat}\t{e.lon}\t{e.population}\t"
                   f"{'exact' if c.exact else 'variant'}\t{e.source}")
    if not ranked:
        click.echo(f"no place named {name!r}", err=True)


@gazetteer.command("info")
@_INDEX
def info(index_path: Path | None) -> None:
    """Where the indexes are, and how many places each holds."""
    default = build.ensure()
    click.echo(f"default\t{default}\t{Index(default).count()} places")
    user = index_path or gaz.user_path()
    if user.exists():
        click.echo(f"imported\t{user}\t{Index(user).count()} places")
    else:
        click.echo(f"imported\t{user}\t(none: run `wirescope gazetteer import FILE`)")

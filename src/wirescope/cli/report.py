"""``wirescope report``: a situation report on a place and period (HTML, Markdown or PDF)."""

from __future__ import annotations

from pathlib import Path

import click

from wirescope.config import Settings
from wirescope.serve.report import brief, reader_link, to_html, to_markdown, to_pdf
from wirescope.store import open_store
from wirescope.store.queries import IncidentFilter, resolved


@click.command()
@click.option("--place", default=None, help="Place name or admin-1 region (any alias).")
@click.option("--from", "date_from", default=None, metavar="YYYY-MM-DD")
@click.option("--to", "date_to", default=None, metavar="YYYY-MM-DD")
@click.option("--actor", default=None, help="An actor of the incidents (any alias).")
@click.option("-o", "--output", type=click.Path(dir_okay=False, path_type=Path),
              required=True, help="brief.html, brief.md or brief.pdf")
@click.option("--base-url", default="http://127.0.0.1:8000/", show_default=True,
              help="Where `wirescope serve` runs: each citation links to its sentence there.")
@click.pass_context
def report(ctx: click.Context, place: str | None, date_from: str | None,
           date_to: str | None, actor: str | None, output: Path, base_url: str) -> None:
    """Write a brief on the incidents of a place and period: summary, map, timeline, main
    incidents with their cited claims, contradictions and running figures."""
    settings: Settings = ctx.obj
    store = open_store(settings.db, create=False)
    try:
        flt = resolved(IncidentFilter(place=place, date_from=date_from, date_to=date_to,
                                      actor=actor), settings.actor_files)
        found = brief(store, flt)
    finally:
        store.close()
    link = reader_link(base_url)
    suffix = output.suffix.lower()
    if suffix == ".md":
        output.write_text(to_markdown(found, link), encoding="utf-8")
    elif suffix == ".pdf":
        to_pdf(to_html(found, link), output)
    else:
        output.write_text(to_html(found, link), encoding="utf-8")
    click.echo(f"{output}: {len(found.incidents)} incidents, {len(found.series)} series")

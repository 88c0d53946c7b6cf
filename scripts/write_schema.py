"""Write the shipped JSON Schema of the contract from the record declarations.

    .venv/bin/python scripts/write_schema.py

Run it after changing a record's declaration (``tests/export/test_contract.py`` fails until the
shipped file matches)."""

from __future__ import annotations

import sys
from importlib import resources

from wirescope.export.contract import SCHEMA_FILE, schema_text


def main() -> None:
    target = resources.files("wirescope.schema").joinpath(SCHEMA_FILE)
    with resources.as_file(target) as path:
        path.write_text(schema_text(), encoding="utf-8")
    sys.stdout.write(f"wrote {target}\n")


if __name__ == "__main__":
    main()

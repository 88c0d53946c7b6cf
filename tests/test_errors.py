"""Error codes are stable names: no two mean the same code."""

from __future__ import annotations

import re

from wirescope import errors


def test_errors_each_code_names_one_thing() -> None:
    codes = {name: value for name, value in vars(errors).items()
             if name.isupper() and isinstance(value, str) and re.fullmatch(r"W\d{3}", value)}
    assert len(codes) >= 20
    seen: dict[str, str] = {}
    for name, code in codes.items():
        assert code not in seen, f"{name} and {seen[code]} share {code}"
        seen[code] = name

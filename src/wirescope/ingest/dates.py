"""Strict publication-date parsing: ISO 8601, or exactly the format the user names."""

from __future__ import annotations

import datetime as dt
import re

from wirescope.errors import BAD_DATE, InputError

_ISO = re.compile(
    r"^(\d{4})-(\d{2})-(\d{2})"
    r"(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?$"
)


def parse_published(value: object, date_format: str | None = None) -> dt.date | None:
    """Parse a publication date; ``None``/blank means unknown. Anything else unparseable raises.

    Without ``date_format`` only ISO dates (``2016-05-27``, optionally with a time) are accepted;
    there is no guessing between day-first and month-first.
    """
    if value is None:
        return None
    text = str(value).strip()
    if not text:
        return None
    try:
        if date_format:
            return dt.datetime.strptime(text, date_format).date()
        match = _ISO.match(text)
        if match:
            return dt.date(int(match[1]), int(match[2]), int(match[3]))
    except ValueError as exc:
        raise InputError(
            f"publication date {text!r} does not match {date_format or 'ISO 8601'}: {exc}",
            hint="give --date-format (a strptime pattern such as %m/%d/%y) or fix the value",
            code=BAD_DATE,
        ) from exc
    raise InputError(
        f"publication date {text!r} is not an ISO date (YYYY-MM-DD)",
        hint="give --date-format (a strptime pattern such as %m/%d/%y) or fix the value",
        code=BAD_DATE,
    )

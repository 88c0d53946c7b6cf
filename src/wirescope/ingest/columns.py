"""Which column or key of a table holds which document field."""

from __future__ import annotations

from dataclasses import dataclass, fields, replace

from wirescope.errors import BAD_MAPPING, UsageError


@dataclass(frozen=True, slots=True, kw_only=True)
class ColumnMap:
    id: str = "id"
    title: str = "title"
    source: str = "source"
    url: str = "url"
    published: str = "published"
    text: str = "text"
    date_format: str | None = None

    def with_overrides(self, pairs: tuple[str, ...]) -> ColumnMap:
        """Apply ``field=column`` overrides, e.g. ``text=article_content``."""
        names = {f.name for f in fields(self)} - {"date_format"}
        changes: dict[str, str] = {}
        for pair in pairs:
            key, sep, column = pair.partition("=")
            if not sep or key not in names or not column:
                raise UsageError(
                    f"bad column mapping {pair!r}",
                    hint=f"write FIELD=COLUMN with FIELD one of {', '.join(sorted(names))}",
                    code=BAD_MAPPING,
                )
            changes[key] = column
        return replace(self, **changes)


# Known corpora, by name. FA-KES: Abu Salem et al. 2019 (dates are M/D/YY).
PRESETS: dict[str, ColumnMap] = {
    "default": ColumnMap(),
    "fakes": ColumnMap(
        id="unit_id",
        title="article_title",
        text="article_content",
        source="source",
        published="date",
        date_format="%m/%d/%y",
    ),
}


def preset(name: str) -> ColumnMap:
    try:
        return PRESETS[name]
    except KeyError:
        raise UsageError(
            f"unknown column preset {name!r}",
            hint=f"use one of {', '.join(sorted(PRESETS))} or map columns with --column",
            code=BAD_MAPPING,
        ) from None


def detect(header: set[str], chosen: ColumnMap) -> ColumnMap:
    """If the chosen mapping has no text column in ``header``, pick the preset that fits."""
    if chosen.text in header:
        return chosen
    for candidate in PRESETS.values():
        if candidate.text in header and candidate.id in header:
            return candidate
    return chosen

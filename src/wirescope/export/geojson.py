"""Events and incidents as GeoJSON (RFC 7946): a FeatureCollection of points, each with its
ACLED row (:mod:`wirescope.export.acled`) as properties. What has no coordinates stays in the
collection with a ``null`` geometry, as RFC 7946 allows, so that nothing is lost."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

Json = dict[str, Any]


def feature(row: Json) -> Json:
    lat, lon = row.get("latitude"), row.get("longitude")
    point = None if lat in (None, "") or lon in (None, "") else {
        "type": "Point", "coordinates": [float(lon), float(lat)]}
    return {"type": "Feature", "id": row.get("event_id_cnty"), "geometry": point,
            "properties": {k: (None if v == "" else v) for k, v in row.items()}}


def collection(rows: Iterable[Json]) -> Json:
    return {"type": "FeatureCollection", "features": [feature(r) for r in rows]}

"""Distances on the Earth, for the place resolver and the geocoding scores alike."""

from __future__ import annotations

import math

EARTH_RADIUS_KM = 6371.0088  # the mean radius (IUGG)


def distance_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance (haversine)."""
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    h = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * EARTH_RADIUS_KM * math.asin(min(1.0, math.sqrt(h)))


def within(lat1: float | None, lon1: float | None, lat2: float | None, lon2: float | None,
           km: float) -> bool:
    """Are both points known and at most ``km`` apart?"""
    if lat1 is None or lon1 is None or lat2 is None or lon2 is None:
        return False
    return distance_km(lat1, lon1, lat2, lon2) <= km

"""Distances and places for the help finder: haversine distance and US ZIP code centroids.

Plain Python (no Django). ZIP codes resolve offline through the ``zipcodes`` package, whose
wheel embeds the whole US ZIP code table (nothing is downloaded at run time).
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass

__all__ = [
    "EARTH_RADIUS_KM",
    "KM_PER_MILE",
    "Place",
    "haversine_km",
    "km_to_unit",
    "lookup_us_zip",
    "unit_to_km",
]

#: Mean Earth radius (IUGG), the usual choice for haversine distances.
EARTH_RADIUS_KM = 6371.0088
#: The international mile.
KM_PER_MILE = 1.609344
ZIP_RE = re.compile(r"^[0-9]{5}$")


@dataclass(frozen=True)
class Place:
    """A point readers search from: its coordinates and how to describe it."""

    latitude: float
    longitude: float
    label: str


def haversine_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance in kilometres between two points given in decimal degrees."""
    phi1, phi2 = math.radians(lat1), math.radians(lat2)
    dphi = math.radians(lat2 - lat1)
    dlambda = math.radians(lon2 - lon1)
    a = math.sin(dphi / 2) ** 2 + math.cos(phi1) * math.cos(phi2) * math.sin(dlambda / 2) ** 2
    return 2 * EARTH_RADIUS_KM * math.asin(min(1.0, math.sqrt(a)))


def unit_to_km(value: float, unit: str) -> float:
    """Convert a distance in ``mi`` or ``km`` to kilometres."""
    return value * KM_PER_MILE if unit == "mi" else value


def km_to_unit(km: float, unit: str) -> float:
    """Convert kilometres to ``mi`` or ``km``."""
    return km / KM_PER_MILE if unit == "mi" else km


def lookup_us_zip(code: str) -> Place | None:
    """The centroid of a five-digit US ZIP code, or None when it is not a known ZIP code."""
    code = code.strip()
    if not ZIP_RE.match(code):
        return None
    import zipcodes  # the table loads on first use (about 1 s), so only when asked

    matches = zipcodes.matching(code)
    if not matches:
        return None
    row = matches[0]
    return Place(
        latitude=float(row["lat"]),
        longitude=float(row["long"]),
        label=f"ZIP {code} ({row['city']}, {row['state']})",
    )

"""Distances and places for the help finder: haversine distance and US ZIP code centroids.

Plain Python (no Django). ZIP codes resolve offline through the ``zipcodes`` package, whose
wheel embeds the whole US ZIP code table (nothing is downloaded at run time).
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import TypeVar

__all__ = [
    "EARTH_RADIUS_KM",
    "KM_PER_MILE",
    "Place",
    "haversine_km",
    "km_to_unit",
    "lookup_us_zip",
    "unit_to_km",
    "within_radius",
]

T = TypeVar("T")

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

    matches = zipcodes.matching(code)  # type: ignore[no-untyped-call]
    if not matches:
        return None
    row = matches[0]
    return Place(
        latitude=float(row["lat"]),
        longitude=float(row["long"]),
        label=f"ZIP {code} ({row['city']}, {row['state']})",
    )


def within_radius(
    origin: Place,
    items: Iterable[T],
    radius_km: float,
    position: Callable[[T], tuple[float, float] | None],
) -> list[tuple[float, T]]:
    """The items within ``radius_km`` of ``origin``, nearest first, with their distances.

    Args:
        origin: where the reader searches from.
        items: anything with a position.
        radius_km: the search radius in kilometres (inclusive).
        position: returns an item's (latitude, longitude), or None to leave it out.

    Returns:
        (distance in km, item) pairs sorted by distance; ties keep the input order.
    """
    found: list[tuple[float, T]] = []
    for item in items:
        point = position(item)
        if point is None:
            continue
        distance = haversine_km(origin.latitude, origin.longitude, point[0], point[1])
        if distance <= radius_km:
            found.append((distance, item))
    found.sort(key=lambda pair: pair[0])
    return found

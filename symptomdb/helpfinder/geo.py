"""Distances and places for the help finder: haversine distance, and US places (a ZIP code,
or a town or city with or without its state) as points.

Plain Python (no Django). Places resolve offline through the ``zipcodes`` package, whose
wheel embeds the whole US ZIP code table (nothing is downloaded at run time): a ZIP code is
its centroid, a town the mean of its ZIP codes' centroids.
"""

from __future__ import annotations

import math
import re
from collections import defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from functools import cache
from typing import Any, TypeVar

__all__ = [
    "EARTH_RADIUS_KM",
    "KM_PER_MILE",
    "Place",
    "PlaceLookup",
    "haversine_km",
    "km_to_unit",
    "lookup_us_place",
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


# The states' and territories' names, so "Austin, Texas" works as well as "Austin, TX".
STATE_CODES = {
    "alabama": "AL", "alaska": "AK", "arizona": "AZ", "arkansas": "AR", "california": "CA",
    "colorado": "CO", "connecticut": "CT", "delaware": "DE", "district of columbia": "DC",
    "florida": "FL", "georgia": "GA", "hawaii": "HI", "idaho": "ID", "illinois": "IL",
    "indiana": "IN", "iowa": "IA", "kansas": "KS", "kentucky": "KY", "louisiana": "LA",
    "maine": "ME", "maryland": "MD", "massachusetts": "MA", "michigan": "MI",
    "minnesota": "MN", "mississippi": "MS", "missouri": "MO", "montana": "MT",
    "nebraska": "NE", "nevada": "NV", "new hampshire": "NH", "new jersey": "NJ",
    "new mexico": "NM", "new york": "NY", "north carolina": "NC", "north dakota": "ND",
    "ohio": "OH", "oklahoma": "OK", "oregon": "OR", "pennsylvania": "PA",
    "rhode island": "RI", "south carolina": "SC", "south dakota": "SD", "tennessee": "TN",
    "texas": "TX", "utah": "UT", "vermont": "VT", "virginia": "VA", "washington": "WA",
    "west virginia": "WV", "wisconsin": "WI", "wyoming": "WY", "puerto rico": "PR",
    "guam": "GU", "u.s. virgin islands": "VI", "american samoa": "AS",
}  # fmt: skip


@dataclass(frozen=True)
class PlaceLookup:
    """What a reader's place resolved to.

    Attributes:
        place: the point to search from, or None.
        states: when a town's name alone matches towns in several states, their codes (the
            reader is asked which); empty otherwise.
    """

    place: Place | None
    states: tuple[str, ...] = ()


@cache
def _towns() -> dict[tuple[str, str], list[tuple[float, float]]]:
    """(town, state) → the centroids of its ZIP codes (active standard ones where it has any)."""
    import zipcodes  # the table loads on first use (about 1 s), so only when asked

    rows: list[dict[str, Any]] = zipcodes.list_all()  # type: ignore[no-untyped-call]
    towns: dict[tuple[str, str], list[tuple[float, float]]] = defaultdict(list)
    standard: set[tuple[str, str]] = set()
    for row in rows:
        key = (str(row["city"]).casefold(), str(row["state"]))
        is_standard = row.get("zip_code_type") == "STANDARD" and row.get("active", True)
        if is_standard and key not in standard:
            standard.add(key)
            towns[key] = []  # PO boxes and unique ZIPs give way to the town's streets
        if is_standard or key not in standard:
            towns[key].append((float(row["lat"]), float(row["long"])))
    return dict(towns)


def _state_code(text: str) -> str | None:
    text = text.strip().rstrip(".")
    if len(text) == 2 and text.isalpha():
        return text.upper()
    return STATE_CODES.get(text.casefold())


def lookup_us_place(text: str) -> PlaceLookup:
    """A US ZIP code ("10001"), or a town or city with or without its state ("Austin, TX",
    "Austin Texas", "Boise"), as a point: a ZIP code's centroid, a town's mean of its ZIP
    codes' centroids.

    Returns:
        ``PlaceLookup(place)``; ``PlaceLookup(None, states)`` when a town's name alone is
        in several states (e.g. Springfield); ``PlaceLookup(None)`` when nothing matches.
    """
    text = " ".join(text.split())
    if ZIP_RE.match(text):
        return PlaceLookup(lookup_us_zip(text))
    towns = _towns()
    candidates: list[tuple[str, str | None]] = [(text, None)]
    if "," in text:
        before, _, after = text.rpartition(",")
        candidates.insert(0, (before.strip(), _state_code(after)))
    else:
        # "Austin TX", "Santa Fe New Mexico", "Washington District of Columbia"
        words = text.split(" ")
        for cut in (1, 2, 3):
            if len(words) > cut and (code := _state_code(" ".join(words[-cut:]))):
                candidates.insert(0, (" ".join(words[:-cut]), code))
    for town, state in candidates:
        name = town.casefold()
        if state is not None:
            points = towns.get((name, state))
            if points:
                return PlaceLookup(_mean_place(points, f"{town.title()}, {state}"))
            continue
        states = sorted(s for (n, s) in towns if n == name)
        if len(states) == 1:
            points = towns[(name, states[0])]
            return PlaceLookup(_mean_place(points, f"{town.title()}, {states[0]}"))
        if states:
            return PlaceLookup(None, tuple(states))
    return PlaceLookup(None)


def _mean_place(points: list[tuple[float, float]], label: str) -> Place:
    latitude = sum(p[0] for p in points) / len(points)
    longitude = sum(p[1] for p in points) / len(points)
    return Place(round(latitude, 4), round(longitude, 4), label)


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

"""The provider directory file: its controlled lists and a CSV reader that checks every row.

A directory CSV has one provider per row (columns in ``COLUMNS``; see docs/operators.md).
``parse_provider_csv`` checks every row before anything is written and reports each problem
with its row number and column, so an operator fixes a file in one pass. Plain Python: no
Django, so the rules can be tested alone and reused by the import command.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import re
from collections.abc import Iterable
from dataclasses import dataclass

from symptomdb.errors import ProviderFileError, ProviderFileInvalid
from symptomdb.field_rules import SOURCE_URL_MAX, length_problem, web_address_problem

__all__ = [
    "COLUMNS",
    "KINDS",
    "LANGUAGES",
    "REFERRAL_CHOICES",
    "REQUIRED_COLUMNS",
    "SPECIALTIES",
    "ProviderRecord",
    "check_row",
    "label_of",
    "parse_provider_csv",
]

KINDS: tuple[tuple[str, str], ...] = (
    ("therapist", "Therapist"),
    ("clinic", "Clinic"),
    ("programme", "Programme"),
    ("hospital", "Hospital"),
    ("support-group", "Support group"),
    ("helpline", "Helpline"),
    ("directory", "Directory"),
)

SPECIALTIES: tuple[tuple[str, str], ...] = (
    ("self-harm", "Self-harm"),
    ("suicide-prevention", "Suicide prevention"),
    ("dbt", "DBT (dialectical behaviour therapy)"),
    ("cbt", "CBT (cognitive behavioural therapy)"),
    ("eating-disorders", "Eating disorders"),
    ("trauma", "Trauma"),
    ("ptsd", "PTSD"),
    ("depression", "Depression"),
    ("anxiety", "Anxiety"),
    ("bpd", "Borderline personality disorder"),
    ("substance-use", "Alcohol and drug use"),
)

# ISO 639 codes (639-1 where one exists; ``ase`` is American Sign Language, ISO 639-3).
LANGUAGES: tuple[tuple[str, str], ...] = (
    ("en", "English"),
    ("es", "Spanish"),
    ("zh", "Chinese"),
    ("vi", "Vietnamese"),
    ("tl", "Tagalog"),
    ("ko", "Korean"),
    ("ar", "Arabic"),
    ("fr", "French"),
    ("ht", "Haitian Creole"),
    ("ru", "Russian"),
    ("pt", "Portuguese"),
    ("de", "German"),
    ("pl", "Polish"),
    ("hi", "Hindi"),
    ("ase", "American Sign Language"),
)

REFERRAL_CHOICES: tuple[tuple[str, str], ...] = (
    ("yes", "Referral needed"),
    ("no", "No referral needed"),
    ("unknown", "Referral: not known"),
)

COLUMNS: tuple[str, ...] = (
    "key",
    "kind",
    "name",
    "specialties",
    "address",
    "postal_code",
    "country",
    "latitude",
    "longitude",
    "languages",
    "cost_notes",
    "referral_needed",
    "phone",
    "website",
    "source_url",
    "verified_on",
    "is_sample",
)
# The longest value each text column may hold: the Provider model's max_length is read
# from here, so a file that passes its check always imports.
COLUMN_MAX: dict[str, int] = {
    "key": 100,
    "name": 200,
    "specialties": 300,
    "postal_code": 20,
    "languages": 200,
    "phone": 50,
    "website": SOURCE_URL_MAX,
    "source_url": SOURCE_URL_MAX,
}
# Stored joined by "; ", and checked so by _RowChecker.many.
LIST_COLUMNS = frozenset({"specialties", "languages"})
REQUIRED_COLUMNS: tuple[str, ...] = ("key", "kind", "name", "country", "source_url", "is_sample")

KEY_RE = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
COUNTRY_RE = re.compile(r"^[A-Z]{2}$")
US_ZIP_RE = re.compile(r"^[0-9]{5}$")
TRUE_WORDS = {"true", "yes", "1"}
FALSE_WORDS = {"false", "no", "0"}

_KIND_IDS = frozenset(k for k, _ in KINDS)
_SPECIALTY_IDS = frozenset(s for s, _ in SPECIALTIES)
_LANGUAGE_IDS = frozenset(code for code, _ in LANGUAGES)
_REFERRAL_IDS = frozenset(r for r, _ in REFERRAL_CHOICES)


@dataclass(frozen=True)
class ProviderRecord:
    """One checked row of a directory file.

    ``address`` empty means the service is online or by phone only; then ``latitude`` and
    ``longitude`` are None.
    """

    key: str
    kind: str
    name: str
    country: str
    source_url: str
    is_sample: bool
    specialties: tuple[str, ...] = ()
    address: str = ""
    postal_code: str = ""
    latitude: float | None = None
    longitude: float | None = None
    languages: tuple[str, ...] = ()
    cost_notes: str = ""
    referral_needed: str = "unknown"
    phone: str = ""
    website: str = ""
    verified_on: dt.date | None = None
    row: int = 0

    @property
    def online_only(self) -> bool:
        """True for services without a street address (online or phone only)."""
        return not self.address


class _RowChecker:
    """Reads one row's cells, collecting problems against the row number and column."""

    def __init__(self, path: str, row_number: int, cells: dict[str, str]) -> None:
        self.path = path
        self.row = row_number
        self.cells = cells
        self.errors: list[ProviderFileError] = []

    def add(self, column: str, problem: str) -> None:
        self.errors.append(ProviderFileError(self.path, self.row, column, problem))

    def text(self, column: str) -> str:
        return (self.cells.get(column) or "").strip()

    def choice(self, column: str, allowed: frozenset[str], default: str = "") -> str:
        value = self.text(column).lower() or default
        if value and value not in allowed:
            self.add(column, f"{value!r} is not one of: {', '.join(sorted(allowed))}")
        return value

    def many(self, column: str, allowed: frozenset[str], lower: bool = True) -> tuple[str, ...]:
        values = []
        for part in self.text(column).split(";"):
            value = part.strip().lower() if lower else part.strip()
            if not value:
                continue
            if value not in allowed:
                self.add(
                    column,
                    f"{value!r} is not in the list; use {', '.join(sorted(allowed))}, "
                    "separated by ';'",
                )
            elif value not in values:
                values.append(value)
        if column in COLUMN_MAX and (
            problem := length_problem("; ".join(values), COLUMN_MAX[column])
        ):
            self.add(column, problem)
        return tuple(values)

    def number(self, column: str, low: float, high: float) -> float | None:
        raw = self.text(column)
        if not raw:
            return None
        try:
            value = float(raw)
        except ValueError:
            self.add(column, f"{raw!r} is not a number in decimal degrees")
            return None
        if not low <= value <= high:
            self.add(column, f"{value} is outside {low}…{high}")
            return None
        return value

    def url(self, column: str) -> str:
        value = self.text(column)
        problem = web_address_problem(value, SOURCE_URL_MAX) if value else None
        if problem is not None:
            self.add(column, problem)
        return value

    def flag(self, column: str) -> bool:
        value = self.text(column).lower()
        if value in TRUE_WORDS:
            return True
        if value not in FALSE_WORDS:
            self.add(column, f"expected true or false, got {value!r}")
        return False

    def date(self, column: str, today: dt.date) -> dt.date | None:
        raw = self.text(column)
        if not raw:
            return None
        try:
            value = dt.date.fromisoformat(raw)
        except ValueError:
            self.add(column, f"{raw!r} is not a date written YYYY-MM-DD")
            return None
        if value > today:
            self.add(column, f"{raw} is in the future; use the date the entry was checked")
        return value


def _record(checker: _RowChecker, today: dt.date) -> ProviderRecord:
    for column, limit in COLUMN_MAX.items():
        if column not in LIST_COLUMNS and (problem := length_problem(checker.text(column), limit)):
            checker.add(column, problem)
    for column in REQUIRED_COLUMNS:
        if not checker.text(column):
            checker.add(column, "required; the cell is empty")
    key = checker.text("key")
    if key and not KEY_RE.match(key):
        checker.add("key", f"{key!r} must be lowercase letters, digits and hyphens")
    country = checker.text("country").upper()
    if country and not COUNTRY_RE.match(country):
        checker.add("country", f"{country!r} is not a two-letter ISO country code like US")
    address = checker.text("address")
    postal_code = checker.text("postal_code")
    latitude = checker.number("latitude", -90, 90)
    longitude = checker.number("longitude", -180, 180)
    if address and (latitude is None or longitude is None):
        for column, value in (("latitude", latitude), ("longitude", longitude)):
            if value is None and not checker.text(column):
                checker.add(column, "required when the row has an address (for distances)")
    if not address and (checker.text("latitude") or checker.text("longitude")):
        checker.add("address", "a row with coordinates needs its address (or clear both)")
    if country == "US" and postal_code and not US_ZIP_RE.match(postal_code):
        checker.add("postal_code", f"{postal_code!r} is not a five-digit US ZIP code")
    phone = checker.text("phone")
    website = checker.url("website")
    if not address and not phone and not website:
        checker.add("phone", "an online or phone-only service needs a phone number or website")
    return ProviderRecord(
        key=key,
        kind=checker.choice("kind", _KIND_IDS),
        name=checker.text("name"),
        country=country,
        source_url=checker.url("source_url"),
        is_sample=checker.flag("is_sample"),
        specialties=checker.many("specialties", _SPECIALTY_IDS),
        address=address,
        postal_code=postal_code,
        latitude=latitude if address else None,
        longitude=longitude if address else None,
        languages=checker.many("languages", _LANGUAGE_IDS),
        cost_notes=checker.text("cost_notes"),
        referral_needed=checker.choice("referral_needed", _REFERRAL_IDS, default="unknown"),
        phone=phone,
        website=website,
        verified_on=checker.date("verified_on", today),
        row=checker.row,
    )


def check_row(
    cells: dict[str, str], path: str, row: int, today: dt.date
) -> tuple[ProviderRecord, list[ProviderFileError]]:
    """Check one provider given as column → cell text (a CSV row, or an editor's form).

    Returns:
        The record (meaningful only when the list of problems is empty) and the problems.
    """
    checker = _RowChecker(path, row, cells)
    return _record(checker, today), checker.errors


def parse_provider_csv(text: str, path: str, today: dt.date) -> list[ProviderRecord]:
    """Check every row of a directory CSV and return the providers in file order.

    Args:
        text: the file's content (UTF-8, a header row naming the columns).
        path: shown in error messages.
        today: the date against which ``verified_on`` "in the future" is judged.

    Raises:
        ProviderFileInvalid: with one ``ProviderFileError`` per problem, each naming the
            row (the header is row 1) and the column.
    """
    reader = csv.DictReader(io.StringIO(text.removeprefix("\ufeff")))
    header = [name.strip() for name in (reader.fieldnames or [])]
    errors: list[ProviderFileError] = []
    if not header:
        raise ProviderFileInvalid([ProviderFileError(path, 1, None, "the file has no header row")])
    reader.fieldnames = header
    unknown = [name for name in header if name not in COLUMNS]
    for name in unknown:
        errors.append(
            ProviderFileError(path, 1, name, f"unknown column; known columns: {', '.join(COLUMNS)}")
        )
    for name in REQUIRED_COLUMNS:
        if name not in header:
            errors.append(ProviderFileError(path, 1, name, "required column is missing"))
    if errors:
        raise ProviderFileInvalid(errors)
    records: list[ProviderRecord] = []
    seen: dict[str, int] = {}
    for row_number, cells in enumerate(reader, start=2):
        if None in cells:
            errors.append(
                ProviderFileError(path, row_number, None, "more cells than header columns")
            )
        if not any((v or "").strip() for k, v in cells.items() if k is not None):
            continue  # a blank line
        record, problems = check_row({k: v for k, v in cells.items() if k}, path, row_number, today)
        errors.extend(problems)
        if record.key in seen:
            errors.append(
                ProviderFileError(
                    path,
                    row_number,
                    "key",
                    f"{record.key!r} is also used on row {seen[record.key]}",
                )
            )
        seen.setdefault(record.key, row_number)
        records.append(record)
    if errors:
        raise ProviderFileInvalid(errors)
    return records


def label_of(choices: Iterable[tuple[str, str]], value: str) -> str:
    """The readable label of a value in one of the lists above (the value if unlisted)."""
    return dict(choices).get(value, value)

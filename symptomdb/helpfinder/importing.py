"""Write checked directory rows into the database: one transaction, updating by ``key``."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from django.db import transaction

from symptomdb.helpfinder.directory import ProviderRecord, parse_provider_csv
from symptomdb.helpfinder.models import Provider

DATA_DIR = Path(__file__).with_name("data")
#: Shipped with the package and added by ``symptomdb setup`` when missing: real national
#: helplines and directories.
NATIONAL_SERVICES = DATA_DIR / "national_services.csv"
#: Invented sample providers (clearly labelled), added by ``setup`` and shown to readers only
#: on a demonstration site (``SYMPTOMDB_DEMO_DATA=1``).
SAMPLE_PROVIDERS = DATA_DIR / "sample_providers.csv"
SHIPPED_FILES = (NATIONAL_SERVICES, SAMPLE_PROVIDERS)


def shipped_files(demo_data: bool) -> tuple[Path, ...]:
    """The shipped directory files ``setup`` adds: the samples only with demo data on."""
    return SHIPPED_FILES if demo_data else (NATIONAL_SERVICES,)


@dataclass
class ProviderImportReport:
    """What an import did, by key."""

    created: list[str] = field(default_factory=list)
    updated: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)
    skipped: list[str] = field(default_factory=list)


def read_provider_file(path: Path, today: dt.date) -> list[ProviderRecord]:
    """Read and check a directory CSV.

    Raises:
        ProviderFileInvalid: every problem, by row and column.
        OSError, UnicodeDecodeError: the file cannot be read as UTF-8 text.
    """
    return parse_provider_csv(path.read_text(encoding="utf-8"), str(path), today)


def import_providers(
    records: Sequence[ProviderRecord],
    *,
    missing_only: bool = False,
    track: Callable[[Iterable[ProviderRecord]], Iterable[ProviderRecord]] = lambda rows: rows,
) -> ProviderImportReport:
    """Create or update providers by key, all in one transaction.

    Args:
        records: rows already checked by ``parse_provider_csv``.
        missing_only: add providers whose key is new; leave existing ones as they are
            (``symptomdb setup`` uses this so editors' changes are kept).
        track: wraps the rows for a progress display (the command passes tqdm).
    """
    report = ProviderImportReport()
    with transaction.atomic():
        existing = {p.key: p for p in Provider.objects.filter(key__in=[r.key for r in records])}
        for record in track(records):
            provider = existing.get(record.key)
            if provider is not None and missing_only:
                report.skipped.append(record.key)
                continue
            target = provider or Provider()
            before = target.as_cells() if provider is not None else None
            target.apply_record(record)
            if before is not None and before == target.as_cells():
                report.unchanged.append(record.key)
                continue
            target.save()
            (report.updated if provider is not None else report.created).append(record.key)
    return report

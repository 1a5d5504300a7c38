"""Importing a providers CSV: every row checked first, errors by row and column, all or nothing."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from django.core.exceptions import ValidationError
from django.core.management import call_command
from django.core.management.base import CommandError

from symptomdb.errors import ProviderFileInvalid
from symptomdb.helpfinder.directory import COLUMNS, parse_provider_csv
from symptomdb.helpfinder.importing import NATIONAL_SERVICES, SAMPLE_PROVIDERS
from symptomdb.helpfinder.models import Provider
from tests.conftest import TODAY

HEADER = ",".join(COLUMNS)
GOOD_ROWS = [
    "test-clinic,clinic,Test Clinic,self-harm;dbt,1 Test Road,10001,US,40.75,-74.0,en;es,"
    "Sliding scale,no,(555) 010-0199,https://example.org/clinic,https://example.org/src,2026-11-01,true",
    "test-line,helpline,Test Line,suicide-prevention,,,US,,,en,Free,no,988,,https://example.org/line,,false",
]


def write_csv(tmp_path: Path, rows: list[str], name: str = "providers.csv") -> Path:
    path = tmp_path / name
    path.write_text("\n".join([HEADER, *rows]) + "\n", encoding="utf-8")
    return path


@pytest.mark.django_db
def test_good_file_creates_providers_with_every_field(tmp_path: Path) -> None:
    call_command("import_providers", str(write_csv(tmp_path, GOOD_ROWS)))
    clinic = Provider.objects.get(key="test-clinic")
    assert clinic.kind == "clinic"
    assert clinic.specialty_list == ["self-harm", "dbt"]
    assert clinic.language_names == ["English", "Spanish"]
    assert (clinic.latitude, clinic.longitude) == (40.75, -74.0)
    assert clinic.verified_on == dt.date(2026, 11, 1)
    assert clinic.is_sample and not clinic.online_only
    line = Provider.objects.get(key="test-line")
    assert line.online_only and line.latitude is None and line.tel_href == "tel:988"


@pytest.mark.django_db
def test_reimport_updates_by_key_instead_of_duplicating(tmp_path: Path) -> None:
    call_command("import_providers", str(write_csv(tmp_path, GOOD_ROWS)))
    changed = [GOOD_ROWS[0].replace("Test Clinic", "Renamed Clinic"), GOOD_ROWS[1]]
    call_command("import_providers", str(write_csv(tmp_path, changed, "again.csv")))
    assert Provider.objects.count() == 2
    assert Provider.objects.get(key="test-clinic").name == "Renamed Clinic"


@pytest.mark.django_db
def test_bad_file_names_row_and_column_of_every_problem_and_writes_nothing(
    tmp_path: Path,
) -> None:
    call_command("import_providers", str(write_csv(tmp_path, GOOD_ROWS)))
    before = list(Provider.objects.order_by("key").values())
    bad = [
        GOOD_ROWS[0].replace("Test Clinic", "Changed Clinic"),  # would update if written
        "new-one,therapist,New One,self-harm,,,US,,,en,,,,,https://example.org/x,,false",
        "third,shop,Third,magic,2 Road,ABCDE,US,95,-74,xx,,maybe,,notaurl,https://e.org/y,,true",
    ]
    with pytest.raises(CommandError) as caught:
        call_command("import_providers", str(write_csv(tmp_path, bad, "bad.csv")))
    message = str(caught.value)
    assert "bad.csv, row 3, column `phone`: an online or phone-only service needs" in message
    assert "row 4, column `kind`: 'shop' is not one of" in message
    assert "row 4, column `specialties`: 'magic' is not in the list" in message
    assert "row 4, column `latitude`: 95.0 is outside -90…90" in message
    assert "row 4, column `postal_code`: 'ABCDE' is not a five-digit US ZIP code" in message
    assert "row 4, column `languages`" in message and "row 4, column `website`" in message
    assert "row 4, column `referral_needed`" in message
    assert list(Provider.objects.order_by("key").values()) == before


def test_missing_required_column_is_named_on_the_header_row() -> None:
    with pytest.raises(ProviderFileInvalid) as caught:
        parse_provider_csv("key,kind,name\nx,clinic,X\n", "p.csv", TODAY)
    assert "p.csv, row 1, column `source_url`: required column is missing" in str(caught.value)


def test_duplicate_key_names_both_rows() -> None:
    with pytest.raises(ProviderFileInvalid) as caught:
        parse_provider_csv("\n".join([HEADER, GOOD_ROWS[1], GOOD_ROWS[1]]), "p.csv", TODAY)
    assert "row 3, column `key`: 'test-line' is also used on row 2" in str(caught.value)


def test_an_address_needs_coordinates() -> None:
    row = GOOD_ROWS[0].replace("40.75,-74.0", ",")
    with pytest.raises(ProviderFileInvalid) as caught:
        parse_provider_csv("\n".join([HEADER, row]), "p.csv", TODAY)
    assert "row 2, column `latitude`: required when the row has an address" in str(caught.value)


def test_shipped_files_are_valid_and_sample_rows_say_so() -> None:
    sample, national = (
        parse_provider_csv(path.read_text(encoding="utf-8"), str(path), TODAY)
        for path in (SAMPLE_PROVIDERS, NATIONAL_SERVICES)
    )
    assert sample and all(r.is_sample and "(sample)" in r.name for r in sample)
    assert all(r.phone.startswith("(555) 01") for r in sample)  # numbers reserved for fiction
    assert national and not any(r.is_sample for r in national)
    assert all(r.source_url.startswith("https://") and r.verified_on is None for r in national)
    names = {r.name for r in national}
    assert "988 Suicide & Crisis Lifeline" in names and "SAMHSA National Helpline" in names


@pytest.mark.django_db
def test_editor_changes_are_checked_by_the_same_rules() -> None:
    provider = Provider(
        key="x",
        kind="clinic",
        name="X",
        country="US",
        source_url="https://example.org/",
        address="1 Road",
        specialties="self-harm; astrology",
    )
    with pytest.raises(ValidationError) as caught:
        provider.full_clean()
    assert "latitude" in caught.value.message_dict
    assert "astrology" in " ".join(caught.value.message_dict["specialties"])


def test_a_value_longer_than_its_database_column_is_a_row_and_column_error() -> None:
    # Each once passed the check and failed the import ("value too long" on PostgreSQL).
    row = GOOD_ROWS[0].replace("Test Clinic", "T" * 201).replace("(555) 010-0199", "5" * 51)
    row = row.replace("self-harm;dbt", ";".join(["self-harm", "dbt"] * 40))
    with pytest.raises(ProviderFileInvalid) as caught:
        parse_provider_csv("\n".join([HEADER, row]), "p.csv", TODAY)
    message = str(caught.value)
    assert "row 2, column `name`: is 201 characters; keep it to 200" in message
    assert "row 2, column `phone`: is 51 characters; keep it to 50" in message
    assert "column `specialties`" not in message  # repeated entries are stored once


def test_provider_columns_hold_what_the_file_check_allows() -> None:
    from symptomdb.helpfinder.directory import COLUMN_MAX

    for column, limit in COLUMN_MAX.items():
        assert Provider._meta.get_field(column).max_length == limit, column

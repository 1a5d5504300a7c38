"""Fixtures for the API tests: a site with the starter topics and a few MedQuAD records."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from django.core.management import call_command

from symptomdb.importers.topic_markdown import TopicDocument
from tests.collections.test_import_medquad import small_tree


@pytest.fixture
def site_with_medquad(loaded_site: list[TopicDocument], tmp_path: Path) -> list[TopicDocument]:
    """The starter topics plus two small MedQuAD documents about hiccups (one withheld)."""
    call_command(
        "import_medquad", str(small_tree(tmp_path)), stdout=io.StringIO(), stderr=io.StringIO()
    )
    return loaded_site

"""Shared behaviour of the topic-file commands: read a directory, report errors plainly."""

from __future__ import annotations

from pathlib import Path

from django.core.management.base import CommandError

from symptomdb.errors import TopicFilesInvalid
from symptomdb.importers.topic_markdown import TopicDocument, read_topic_tree
from symptomdb.topics.loading import today


def read_documents(directory: str) -> list[TopicDocument]:
    """Parse a directory of topic files and its translation folders (``es/``), or raise
    ``CommandError`` listing every problem."""
    try:
        return read_topic_tree(Path(directory), today())
    except TopicFilesInvalid as exc:
        raise CommandError(str(exc)) from None

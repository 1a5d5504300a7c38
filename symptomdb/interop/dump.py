"""The data dump: published topics as JSON Lines, and back.

Line 1 is a header (format, format version, generator, export time, licence note); every
other line is one topic: a ``TopicDocument`` as JSON (every field, sections, people,
references, codes) plus its licence and provenance. Reading checks a dump with the same
rules as topic files (it renders each topic as a topic file and parses that), so a dump
and a directory of topic files can never disagree about what is valid.

Plain Python: no Django.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterable, Iterator
from typing import Any

from symptomdb.errors import DumpFileError, DumpFileInvalid, TopicFilesInvalid
from symptomdb.importers.topic_markdown import (
    PersonRecord,
    Provenance,
    SectionRecord,
    TopicDocument,
    TreatmentItem,
    parse_topic_markdown,
    render_topic_markdown,
)

__all__ = ["DUMP_FORMAT", "DUMP_VERSION", "dump_lines", "read_dump", "topic_record"]

DUMP_FORMAT = "symptomdb-topics-dump"
DUMP_VERSION = 1
LICENCE_NOTE = (
    "Each topic line carries its own licence and provenance; reuse must follow the licence "
    "of each topic (the starter topics are CC BY 4.0: credit the authors and source)."
)


def _people(people: Iterable[PersonRecord]) -> list[dict[str, str]]:
    return [
        {"name": p.name, "credentials": p.credentials, "affiliation": p.affiliation} for p in people
    ]


def topic_record(doc: TopicDocument, url: str = "") -> dict[str, Any]:
    """One topic as the JSON object of a dump line."""
    return {
        "type": "topic",
        "slug": doc.slug,
        "url": url,
        "title": doc.title,
        "summary": doc.summary,
        "synonyms": list(doc.synonyms),
        "search_terms": list(doc.search_terms),
        "category": doc.category,
        "sensitive": doc.sensitive,
        "status": doc.status,
        "codes": doc.codes_dict(),
        "created": doc.created.isoformat(),
        "updated": doc.updated.isoformat(),
        "reviewed": doc.reviewed.isoformat() if doc.reviewed else None,
        "next_review_due": doc.next_review_due.isoformat(),
        "authors": _people(doc.authors),
        "reviewers": _people(doc.reviewers),
        "related": list(doc.related),
        "licence": doc.provenance.licence,
        "provenance": {
            "organisation": doc.provenance.organisation,
            "url": doc.provenance.url,
            "licence": doc.provenance.licence,
        },
        "references": [dict(r) for r in doc.references],
        "sections": [
            {
                "kind": s.kind,
                "heading": s.heading,
                "audience": s.audience,
                "body": s.body,
                "items": [
                    {"item_type": i.item_type, "name": i.name, "description": i.description}
                    for i in s.items
                ],
            }
            for s in doc.sections
        ],
    }


def dump_lines(
    topics: Iterable[tuple[TopicDocument, str]], generator: str, now: dt.datetime
) -> Iterator[str]:
    """The dump, line by line (no newlines): the header, then one line per (topic, URL)."""
    topics = list(topics)
    header = {
        "type": "header",
        "format": DUMP_FORMAT,
        "format_version": DUMP_VERSION,
        "generator": generator,
        "exported_at": now.isoformat(timespec="seconds"),
        "topics": len(topics),
        "licence": LICENCE_NOTE,
    }
    yield json.dumps(header, ensure_ascii=False, sort_keys=True)
    for doc, url in topics:
        yield json.dumps(topic_record(doc, url), ensure_ascii=False, sort_keys=True)


class _Fields:
    """Typed access to a JSON object's fields; problems are collected with the field name."""

    def __init__(self, path: str, line: int, errors: list[DumpFileError]) -> None:
        self.path, self.line, self.errors = path, line, errors

    def add(self, name: str | None, problem: str) -> None:
        self.errors.append(DumpFileError(self.path, self.line, name, problem))

    def text(self, obj: dict[str, Any], key: str, where: str, required: bool = True) -> str:
        value = obj.get(key)
        if value is None and not required:
            return ""
        if not isinstance(value, str):
            self.add(where, f"expected text, got {type(value).__name__}")
            return ""
        return value

    def items(self, obj: dict[str, Any], key: str, where: str) -> list[Any]:
        value = obj.get(key, [])
        if not isinstance(value, list):
            self.add(where, "expected a list")
            return []
        return value

    def mapping(self, value: Any, where: str) -> dict[str, Any]:
        if not isinstance(value, dict):
            self.add(where, "expected an object")
            return {}
        return value

    def date(self, obj: dict[str, Any], key: str, required: bool = True) -> dt.date | None:
        value = obj.get(key)
        if value is None and not required:
            return None
        try:
            return dt.date.fromisoformat(str(value))
        except ValueError:
            self.add(key, f"expected a date written YYYY-MM-DD, got {value!r}")
            return None


def _document(obj: dict[str, Any], f: _Fields) -> TopicDocument | None:
    before = len(f.errors)

    def people(key: str) -> tuple[PersonRecord, ...]:
        out = []
        for i, raw in enumerate(f.items(obj, key, key)):
            p = f.mapping(raw, f"{key}.{i}")
            out.append(
                PersonRecord(
                    f.text(p, "name", f"{key}.{i}.name"),
                    f.text(p, "credentials", f"{key}.{i}.credentials", required=False),
                    f.text(p, "affiliation", f"{key}.{i}.affiliation", required=False),
                )
            )
        return tuple(out)

    sections = []
    for i, raw in enumerate(f.items(obj, "sections", "sections")):
        s = f.mapping(raw, f"sections.{i}")
        items = []
        for j, raw_item in enumerate(f.items(s, "items", f"sections.{i}.items")):
            it = f.mapping(raw_item, f"sections.{i}.items.{j}")
            where = f"sections.{i}.items.{j}"
            items.append(
                TreatmentItem(
                    f.text(it, "item_type", f"{where}.item_type"),
                    f.text(it, "name", f"{where}.name"),
                    f.text(it, "description", f"{where}.description"),
                )
            )
        sections.append(
            SectionRecord(
                f.text(s, "kind", f"sections.{i}.kind"),
                f.text(s, "heading", f"sections.{i}.heading"),
                f.text(s, "body", f"sections.{i}.body", required=False),
                tuple(items),
                f.text(s, "audience", f"sections.{i}.audience", required=False),
            )
        )
    codes_raw = f.mapping(obj.get("codes", {}), "codes")
    codes = []
    for system, values in codes_raw.items():
        if not isinstance(values, list) or not all(isinstance(v, str) for v in values):
            f.add(f"codes.{system}", "expected a list of codes written as text")
            continue
        codes.append((str(system), tuple(values)))
    prov = f.mapping(obj.get("provenance"), "provenance")
    references = []
    for i, ref in enumerate(f.items(obj, "references", "references")):
        references.append(f.mapping(ref, f"references.{i}"))
    sensitive = obj.get("sensitive", False)
    if not isinstance(sensitive, bool):
        f.add("sensitive", "expected true or false")
    related = [str(s) for s in f.items(obj, "related", "related")]
    synonyms = [str(s) for s in f.items(obj, "synonyms", "synonyms")]
    search_terms = [str(s) for s in f.items(obj, "search_terms", "search_terms")]
    created, updated = f.date(obj, "created"), f.date(obj, "updated")
    next_due, reviewed = f.date(obj, "next_review_due"), f.date(obj, "reviewed", required=False)
    doc_fields = {
        "slug": f.text(obj, "slug", "slug"),
        "title": f.text(obj, "title", "title"),
        "summary": f.text(obj, "summary", "summary"),
        "category": f.text(obj, "category", "category"),
        "status": f.text(obj, "status", "status"),
    }
    authors, reviewers = people("authors"), people("reviewers")
    provenance = Provenance(
        f.text(prov, "organisation", "provenance.organisation"),
        f.text(prov, "licence", "provenance.licence"),
        f.text(prov, "url", "provenance.url", required=False),
    )
    if len(f.errors) > before or created is None or updated is None or next_due is None:
        return None
    return TopicDocument(
        **doc_fields,
        created=created,
        updated=updated,
        next_review_due=next_due,
        authors=authors,
        provenance=provenance,
        synonyms=tuple(synonyms),
        search_terms=tuple(search_terms),
        sensitive=bool(sensitive),
        codes=tuple(codes),
        reviewed=reviewed,
        reviewers=reviewers,
        related=tuple(related),
        references=tuple(references),
        sections=tuple(sections),
    )


def read_dump(text: str, path: str, today: dt.date) -> list[TopicDocument]:
    """Read and check a dump; return its topics in file order.

    Each topic is checked as a topic file would be (codes, dates, citations, sections…).

    Raises:
        DumpFileInvalid: every problem, each naming the line and the field.
    """
    errors: list[DumpFileError] = []
    lines = text.splitlines()
    if not lines:
        raise DumpFileInvalid([DumpFileError(path, 1, None, "the file is empty")])
    documents: list[TopicDocument] = []
    seen: dict[str, int] = {}
    for number, raw in enumerate(lines, start=1):
        if not raw.strip():
            continue
        try:
            obj = json.loads(raw)
        except json.JSONDecodeError as exc:
            errors.append(DumpFileError(path, number, None, f"not valid JSON ({exc.msg})"))
            continue
        if not isinstance(obj, dict):
            errors.append(DumpFileError(path, number, None, "expected a JSON object"))
            continue
        if number == 1:
            if obj.get("format") != DUMP_FORMAT:
                errors.append(
                    DumpFileError(path, 1, "format", f"expected {DUMP_FORMAT!r}: not a dump")
                )
            elif obj.get("format_version") != DUMP_VERSION:
                errors.append(
                    DumpFileError(
                        path,
                        1,
                        "format_version",
                        f"version {obj.get('format_version')!r} is not supported "
                        f"(this symptomdb reads version {DUMP_VERSION})",
                    )
                )
            continue
        if obj.get("type") != "topic":
            errors.append(DumpFileError(path, number, "type", 'expected "topic"'))
            continue
        doc = _document(obj, _Fields(path, number, errors))
        if doc is None:
            continue
        try:
            # The topic-file rules, applied to the topic rendered as a topic file.
            checked = parse_topic_markdown(render_topic_markdown(doc), f"{doc.slug}.md", today)
        except TopicFilesInvalid as exc:
            errors.extend(DumpFileError(path, number, e.field, e.problem) for e in exc.errors)
            continue
        if checked.slug in seen:
            errors.append(
                DumpFileError(path, number, "slug", f"also used on line {seen[checked.slug]}")
            )
        seen.setdefault(checked.slug, number)
        documents.append(checked)
    if errors:
        raise DumpFileInvalid(errors)
    return documents

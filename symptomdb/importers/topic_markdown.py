"""Topic files: Markdown with YAML front matter, parsed into plain dataclasses and written back.

The format is described for editors in ``docs/editors/topic-files.md``. Parsing collects
every problem it can find and reports each with the file, the line and the field, so an
editor can fix a file in one pass. ``render_topic_markdown`` is the inverse of
``parse_topic_markdown``: parse → render → parse gives an equal ``TopicDocument``.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from symptomdb.errors import TopicFileError, TopicFilesInvalid
from symptomdb.field_rules import (
    AFFILIATION_MAX,
    CODE_MAX,
    CREDENTIALS_MAX,
    HEADING_MAX,
    ITEM_NAME_MAX,
    LICENCE_MAX,
    ORGANISATION_MAX,
    PERSON_NAME_MAX,
    REFERENCE_KEY_MAX,
    SLUG_MAX,
    SOURCE_URL_MAX,
    SUMMARY_MAX,
    TITLE_MAX,
    length_problem,
    web_address_problem,
)
from symptomdb.vocabulary import (
    AUDIENCE_IDS,
    CATEGORY_IDS,
    CODE_SYSTEM_IDS,
    SECTION_KIND_IDS,
    STATUSES,
    TREATMENT_ITEM_TYPE_IDS,
)
from symptomdb.vocabulary.icd10cm import ICD10CM_RE, code_set_release, is_icd10cm_code

__all__ = [
    "DEFAULT_LOCALE",
    "LOCALES",
    "PersonRecord",
    "Provenance",
    "SectionRecord",
    "TopicDocument",
    "TreatmentItem",
    "parse_topic_markdown",
    "read_topic_dir",
    "read_topic_tree",
    "render_topic_markdown",
]

SLUG_RE = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
REFERENCE_ID_RE = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_.:-]*$")
HEADING_RE = re.compile(r"^(#{1,6})[ \t]+(.*?)[ \t]*(?:\{([^{}]*)\})?[ \t]*$")
# What a heading declares inside its braces: `{kind=helping-others audience=parents-carers}`.
ATTRIBUTES_RE = re.compile(r"[ \t]*(?:\w+[ \t]*=[ \t]*[\w-]*[ \t]*)+")
ATTRIBUTE_RE = re.compile(r"(\w+)[ \t]*=[ \t]*([\w-]*)")
SECTION_ATTRIBUTES = ("kind", "audience")
CITATION_GROUP_RE = re.compile(r"\[(@[^\]]*)\]")
CITATION_KEY_RE = re.compile(r"@([A-Za-z0-9][A-Za-z0-9_.:-]*)")
HTML_TAG_RE = re.compile(r"<!--|</?[A-Za-z][A-Za-z0-9-]*(?:\s[^<>]*)?/?>")
UMLS_CUI_RE = re.compile(r"^C[0-9]{7}$")
# A SNOMED CT concept id (SCTID): 6 to 18 digits, no leading zero.
SNOMEDCT_ID_RE = re.compile(r"^[1-9][0-9]{5,17}$")
MAX_SUMMARY = SUMMARY_MAX
# The languages topics are written in: English first (every translation is of an English
# topic), then the translations' languages (docs/editors/translations.md).
LOCALES = ("en", "es")
DEFAULT_LOCALE = LOCALES[0]

# CSL 1.0.2 item types (https://docs.citationstyles.org/en/stable/specification.html#appendix-iii-types).
CSL_TYPES = frozenset(
    [
        "article",
        "article-journal",
        "article-magazine",
        "article-newspaper",
        "bill",
        "book",
        "broadcast",
        "chapter",
        "classic",
        "collection",
        "dataset",
        "document",
        "entry",
        "entry-dictionary",
        "entry-encyclopedia",
        "event",
        "figure",
        "graphic",
        "hearing",
        "interview",
        "legal_case",
        "legislation",
        "manuscript",
        "map",
        "motion_picture",
        "musical_score",
        "pamphlet",
        "paper-conference",
        "patent",
        "performance",
        "periodical",
        "personal_communication",
        "post",
        "post-weblog",
        "regulation",
        "report",
        "review",
        "review-book",
        "software",
        "song",
        "speech",
        "standard",
        "thesis",
        "treaty",
        "webpage",
    ]
)

FRONT_MATTER_FIELDS = (
    "slug",
    "title",
    "summary",
    "synonyms",
    "search_terms",
    "category",
    "sensitive",
    "codes",
    "status",
    "created",
    "updated",
    "reviewed",
    "next_review_due",
    "authors",
    "reviewers",
    "related",
    "provenance",
    "references",
    "locale",
    "translation_of",
)
REQUIRED_FIELDS = (
    "slug",
    "title",
    "summary",
    "category",
    "status",
    "created",
    "updated",
    "next_review_due",
    "authors",
    "provenance",
)


@dataclass(frozen=True)
class PersonRecord:
    """An author or reviewer as written in a topic file."""

    name: str
    credentials: str = ""
    affiliation: str = ""


@dataclass(frozen=True)
class Provenance:
    """Where a topic's content comes from and under which licence."""

    organisation: str
    licence: str
    url: str = ""


@dataclass(frozen=True)
class TreatmentItem:
    """One structured treatment option inside a treatment section."""

    item_type: str
    name: str
    description: str


@dataclass(frozen=True)
class SectionRecord:
    """A typed part of a topic: its kind, heading, Markdown body and treatment items.

    ``audience`` names who the section is written for (``young-people``,
    ``parents-carers``, ``teachers-schools``); empty: everyone.
    """

    kind: str
    heading: str
    body: str
    items: tuple[TreatmentItem, ...] = ()
    audience: str = ""


@dataclass(frozen=True)
class TopicDocument:
    """Everything a topic file holds, as plain data."""

    slug: str
    title: str
    summary: str
    category: str
    status: str
    created: dt.date
    updated: dt.date
    next_review_due: dt.date
    authors: tuple[PersonRecord, ...]
    provenance: Provenance
    synonyms: tuple[str, ...] = ()
    # How readers ask about the topic without naming it ("cut myself"): matched as names
    # when answering, never shown as the topic's other names.
    search_terms: tuple[str, ...] = ()
    sensitive: bool = False
    codes: tuple[tuple[str, tuple[str, ...]], ...] = ()
    reviewed: dt.date | None = None
    reviewers: tuple[PersonRecord, ...] = ()
    related: tuple[str, ...] = ()
    references: tuple[dict[str, Any], ...] = ()
    sections: tuple[SectionRecord, ...] = field(default=())
    locale: str = DEFAULT_LOCALE
    translation_of: str = ""

    def codes_dict(self) -> dict[str, list[str]]:
        """Return the codes as a plain mapping of system to codes."""
        return {system: list(values) for system, values in self.codes}


class _Collector:
    """Gathers errors for one file so a run reports them all at once."""

    def __init__(self, path: str) -> None:
        self.path = path
        self.errors: list[TopicFileError] = []

    def add(self, line: int | None, field_name: str | None, problem: str) -> None:
        self.errors.append(TopicFileError(self.path, line, field_name, problem))


def _node_lines(node: yaml.Node, offset: int) -> dict[str, int]:
    """Map dotted field paths (``references.2.title``) to 1-based file lines."""
    lines: dict[str, int] = {}

    def walk(n: yaml.Node, prefix: str) -> None:
        if isinstance(n, yaml.MappingNode):
            for key_node, value_node in n.value:
                key = str(key_node.value)
                path = f"{prefix}.{key}" if prefix else key
                lines[path] = key_node.start_mark.line + offset
                walk(value_node, path)
        elif isinstance(n, yaml.SequenceNode):
            for index, item in enumerate(n.value):
                path = f"{prefix}.{index}"
                lines[path] = item.start_mark.line + offset
                walk(item, path)

    walk(node, "")
    return lines


def _split_front_matter(text: str, errors: _Collector) -> tuple[str, list[str], int] | None:
    """Return (front matter text, body lines, first body line number) or None on error."""
    lines = text.splitlines()
    if not lines or lines[0].strip() != "---":
        errors.add(1, None, "the file must start with a line '---' opening the YAML front matter")
        return None
    for index in range(1, len(lines)):
        if lines[index].strip() == "---":
            return "\n".join(lines[1:index]), lines[index + 1 :], index + 2
    errors.add(1, None, "the YAML front matter is not closed: add a line '---' after it")
    return None


def _date(
    value: Any, name: str, line: int | None, errors: _Collector, today: dt.date
) -> dt.date | None:
    if isinstance(value, dt.datetime):
        value = value.date()
    if not isinstance(value, dt.date):
        errors.add(line, name, f"expected a date written YYYY-MM-DD, got {value!r}")
        return None
    if value > today and name != "next_review_due":
        errors.add(
            line, name, f"date {value.isoformat()} is in the future; use the date it happened"
        )
    return value


def _text(
    value: Any,
    name: str,
    line: int | None,
    errors: _Collector,
    required: bool,
    max_length: int | None = None,
) -> str:
    if value is None:
        value = ""
    if not isinstance(value, str):
        errors.add(line, name, f"expected text, got {type(value).__name__} {value!r}")
        return ""
    stripped = value.strip()
    if required and not stripped:
        errors.add(line, name, "must not be empty")
    if max_length is not None and (problem := length_problem(stripped, max_length)):
        errors.add(line, name, problem)
    return stripped


def _people(
    value: Any, name: str, lines: dict[str, int], errors: _Collector
) -> tuple[PersonRecord, ...]:
    if value is None:
        return ()
    if not isinstance(value, list):
        errors.add(
            lines.get(name), name, "expected a list of people (name, credentials, affiliation)"
        )
        return ()
    people: list[PersonRecord] = []
    for index, entry in enumerate(value):
        path = f"{name}.{index}"
        if not isinstance(entry, dict):
            errors.add(
                lines.get(path), path, "expected a mapping with name, credentials, affiliation"
            )
            continue
        unknown = set(entry) - {"name", "credentials", "affiliation"}
        if unknown:
            errors.add(
                lines.get(path),
                path,
                f"unknown key(s) {sorted(unknown)}; use name, credentials, affiliation",
            )
        people.append(
            PersonRecord(
                name=_text(
                    entry.get("name"),
                    f"{path}.name",
                    lines.get(path),
                    errors,
                    True,
                    PERSON_NAME_MAX,
                ),
                credentials=_text(
                    entry.get("credentials"),
                    f"{path}.credentials",
                    lines.get(path),
                    errors,
                    False,
                    CREDENTIALS_MAX,
                ),
                affiliation=_text(
                    entry.get("affiliation"),
                    f"{path}.affiliation",
                    lines.get(path),
                    errors,
                    False,
                    AFFILIATION_MAX,
                ),
            )
        )
    return tuple(people)


def _is_json_value(value: Any) -> bool:
    if value is None or isinstance(value, str | int | float | bool):
        return True
    if isinstance(value, list):
        return all(_is_json_value(v) for v in value)
    if isinstance(value, dict):
        return all(isinstance(k, str) and _is_json_value(v) for k, v in value.items())
    return False


def _references(
    value: Any, lines: dict[str, int], errors: _Collector
) -> tuple[dict[str, Any], ...]:
    if value is None:
        return ()
    if not isinstance(value, list):
        errors.add(lines.get("references"), "references", "expected a list of CSL-JSON items")
        return ()
    refs: list[dict[str, Any]] = []
    seen: set[str] = set()
    for index, item in enumerate(value):
        path = f"references.{index}"
        line = lines.get(path)
        if not isinstance(item, dict):
            errors.add(line, path, "expected a CSL-JSON item (a mapping with id, type, title)")
            continue
        ref_id = item.get("id")
        if not isinstance(ref_id, str) or not REFERENCE_ID_RE.match(ref_id):
            errors.add(
                lines.get(f"{path}.id", line),
                f"{path}.id",
                "every reference needs an `id` of letters, digits and . _ : - (used as [@id])",
            )
        elif problem := length_problem(ref_id, REFERENCE_KEY_MAX):
            errors.add(lines.get(f"{path}.id", line), f"{path}.id", problem)
        elif ref_id in seen:
            errors.add(
                lines.get(f"{path}.id", line), f"{path}.id", f"duplicate reference id {ref_id!r}"
            )
        else:
            seen.add(ref_id)
        title = item.get("title")
        if not isinstance(title, str) or not title.strip():
            errors.add(
                lines.get(f"{path}.title", line),
                f"{path}.title",
                "every reference needs a `title` so readers can find the source",
            )
        ref_type = item.get("type")
        if ref_type not in CSL_TYPES:
            errors.add(
                lines.get(f"{path}.type", line),
                f"{path}.type",
                f"expected a CSL item type such as report, article-journal or webpage, got {ref_type!r}",
            )
        url = item.get("URL")
        if url is not None:
            problem = web_address_problem(url) if isinstance(url, str) else "expected text"
            if problem is not None:
                errors.add(lines.get(f"{path}.URL", line), f"{path}.URL", problem)
        for key, field_value in item.items():
            if not _is_json_value(field_value):
                errors.add(
                    lines.get(f"{path}.{key}", line),
                    f"{path}.{key}",
                    "CSL-JSON values are text, numbers, lists and mappings; write dates as "
                    "{date-parts: [[YYYY, M, D]]}",
                )
        refs.append(dict(item))
    return tuple(refs)


def _codes(
    value: Any, lines: dict[str, int], errors: _Collector
) -> tuple[tuple[str, tuple[str, ...]], ...]:
    if value is None:
        return ()
    if not isinstance(value, dict):
        errors.add(
            lines.get("codes"), "codes", "expected a mapping of code system to a list of codes"
        )
        return ()
    out: list[tuple[str, tuple[str, ...]]] = []
    for system, codes in value.items():
        path = f"codes.{system}"
        line = lines.get(path)
        if system not in CODE_SYSTEM_IDS:
            errors.add(line, path, f"unknown code system; use one of {sorted(CODE_SYSTEM_IDS)}")
            continue
        if isinstance(codes, str):
            codes = [codes]
        if not isinstance(codes, list) or not all(isinstance(c, str) for c in codes):
            errors.add(line, path, "expected a list of codes written as text")
            continue
        for code in codes:
            if problem := length_problem(code, CODE_MAX):
                errors.add(line, path, f"{code[:20]!r}… {problem}")
            elif system == "icd10cm" and not ICD10CM_RE.match(code):
                errors.add(line, path, f"{code!r} is not an ICD-10-CM code (like R45.88)")
            elif system == "icd10cm" and not is_icd10cm_code(code):
                errors.add(
                    line,
                    path,
                    f"{code!r} is not in the ICD-10-CM code set ({code_set_release()} release); "
                    "check it against the ICD-10-CM tabular list",
                )
            if system == "snomedct" and not SNOMEDCT_ID_RE.match(code):
                errors.add(line, path, f"{code!r} is not a SNOMED CT concept id (6-18 digits)")
            if system == "umls" and not UMLS_CUI_RE.match(code):
                errors.add(line, path, f"{code!r} is not a UMLS CUI (like C0000000)")
        out.append((system, tuple(codes)))
    return tuple(out)


def _parse_body(
    body_lines: list[str], first_line: int, reference_ids: set[str], errors: _Collector
) -> tuple[SectionRecord, ...]:
    sections: list[SectionRecord] = []
    current: dict[str, Any] | None = None
    item: dict[str, Any] | None = None
    in_fence = False

    def close_item() -> None:
        nonlocal item
        if item is not None and current is not None:
            current["items"].append(
                TreatmentItem(item["type"], item["name"], "\n".join(item["lines"]).strip())
            )
            if not "\n".join(item["lines"]).strip():
                errors.add(
                    item["line"],
                    "body",
                    f"treatment item {item['name']!r} needs a short description",
                )
        item = None

    def close_section() -> None:
        nonlocal current
        close_item()
        if current is not None:
            body = "\n".join(current["lines"]).strip()
            if not body and not current["items"]:
                errors.add(current["line"], "body", f"section {current['heading']!r} is empty")
            sections.append(
                SectionRecord(
                    current["kind"],
                    current["heading"],
                    body,
                    tuple(current["items"]),
                    current["audience"],
                )
            )
        current = None

    for offset, raw in enumerate(body_lines):
        line_no = first_line + offset
        if raw.lstrip().startswith(("```", "~~~")):
            in_fence = not in_fence
        match = None if in_fence else HEADING_RE.match(raw)
        if match:
            level = len(match.group(1))
            heading = match.group(2).strip()
            declared = match.group(3)
            attributes: dict[str, str] = {}
            if declared is not None and ATTRIBUTES_RE.fullmatch(declared):
                attributes = dict(ATTRIBUTE_RE.findall(declared))
            elif declared is not None:
                # Not `{name=value …}`: the braces are part of the heading's text.
                heading = f"{heading} {{{declared}}}".strip()
            if level == 1:
                errors.add(
                    line_no,
                    "body",
                    "level-1 headings are not allowed; the title is in front matter",
                )
                continue
            if level == 2:
                close_section()
                kind = attributes.get("kind")
                unknown = sorted(set(attributes) - set(SECTION_ATTRIBUTES))
                if unknown and kind is not None:
                    errors.add(
                        line_no,
                        "body",
                        f"unknown section attribute(s) {unknown}; a section heading declares "
                        "kind= and, optionally, audience=",
                    )
                audience = attributes.get("audience", "")
                if audience and audience not in AUDIENCE_IDS:
                    errors.add(
                        line_no,
                        "audience",
                        f"unknown audience {audience!r}; use one of: {', '.join(sorted(AUDIENCE_IDS))}, "
                        "or leave audience= out for a section for everyone",
                    )
                if kind is None:
                    errors.add(
                        line_no,
                        "body",
                        f"section heading {heading!r} must declare its kind, e.g. '## {heading} {{kind=causes}}'",
                    )
                    kind = "information"
                elif kind not in SECTION_KIND_IDS:
                    errors.add(
                        line_no,
                        "kind",
                        f"unknown section kind {kind!r}; use one of: {', '.join(sorted(SECTION_KIND_IDS))}",
                    )
                if not heading:
                    errors.add(line_no, "body", "section heading text is empty")
                elif problem := length_problem(heading, HEADING_MAX):
                    errors.add(line_no, "body", f"section heading {problem}")
                current = {
                    "kind": kind,
                    "heading": heading,
                    "lines": [],
                    "items": [],
                    "line": line_no,
                    "audience": audience,
                }
                continue
            if level == 3:
                if current is None or current["kind"] != "treatment":
                    errors.add(
                        line_no,
                        "body",
                        "level-3 headings are only for items inside a treatment section",
                    )
                    continue
                close_item()
                item_type = attributes.get("item")
                if item_type is not None and set(attributes) != {"item"}:
                    errors.add(
                        line_no,
                        "item",
                        f"treatment item {heading!r} declares only {{item=TYPE}}; an audience "
                        "belongs to the whole section",
                    )
                if item_type not in TREATMENT_ITEM_TYPE_IDS:
                    errors.add(
                        line_no,
                        "item",
                        f"treatment item {heading!r} needs {{item=TYPE}} with TYPE one of: "
                        f"{', '.join(sorted(TREATMENT_ITEM_TYPE_IDS))}",
                    )
                    item_type = "therapy"
                if problem := length_problem(heading, ITEM_NAME_MAX):
                    errors.add(line_no, "body", f"treatment item name {problem}")
                item = {"type": item_type, "name": heading, "lines": [], "line": line_no}
                continue
            errors.add(
                line_no, "body", "use only level-2 (section) and level-3 (treatment item) headings"
            )
            continue
        if HTML_TAG_RE.search(raw):
            errors.add(line_no, "body", "raw HTML is not allowed; use Markdown")
        for group in CITATION_GROUP_RE.findall(raw):
            for key in CITATION_KEY_RE.findall(group):
                if key not in reference_ids:
                    errors.add(
                        line_no,
                        "body",
                        f"citation [@{key}] matches no reference id in `references`",
                    )
        if item is not None:
            item["lines"].append(raw)
        elif current is not None:
            current["lines"].append(raw)
        elif raw.strip():
            errors.add(
                line_no, "body", "text before the first section; start with '## Heading {kind=…}'"
            )
    close_section()
    if not sections:
        errors.add(first_line, "body", "a topic needs at least one section ('## Heading {kind=…}')")
    return tuple(sections)


def parse_topic_markdown(text: str, path: str, today: dt.date) -> TopicDocument:
    """Parse one topic file.

    Args:
        text: the file's content.
        path: shown in error messages.
        today: the date against which "in the future" is judged (injected for tests).

    Returns:
        The topic as a ``TopicDocument``.

    Raises:
        TopicFilesInvalid: with one ``TopicFileError`` per problem found.
    """
    errors = _Collector(path)
    split = _split_front_matter(text, errors)
    if split is None:
        raise TopicFilesInvalid(errors.errors)
    front, body_lines, body_first_line = split
    try:
        loader = yaml.SafeLoader(front)
        try:
            node = loader.get_single_node()
            data = loader.construct_document(node) if node is not None else None
        finally:
            loader.dispose()
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        line = mark.line + 2 if mark is not None else 1
        problem = getattr(exc, "problem", None) or str(exc)
        errors.add(line, None, f"malformed YAML front matter: {problem}")
        raise TopicFilesInvalid(errors.errors) from None
    if node is None or not isinstance(data, dict):
        errors.add(2, None, "the front matter must be a YAML mapping of fields")
        raise TopicFilesInvalid(errors.errors)
    lines = _node_lines(node, offset=2)

    for key in data:
        if key not in FRONT_MATTER_FIELDS:
            errors.add(
                lines.get(str(key)),
                str(key),
                f"unknown field; known fields: {', '.join(FRONT_MATTER_FIELDS)}",
            )
    for key in REQUIRED_FIELDS:
        if data.get(key) in (None, "", []):
            errors.add(2, key, "required field is missing")

    def line_of(name: str) -> int | None:
        return lines.get(name)

    slug = _text(data.get("slug"), "slug", line_of("slug"), errors, False, SLUG_MAX)
    if slug and not SLUG_RE.match(slug):
        errors.add(
            line_of("slug"),
            "slug",
            f"{slug!r} is not a slug: use lowercase letters, digits and hyphens",
        )
    expected_name = Path(path).stem
    if slug and SLUG_RE.match(slug) and expected_name != slug and Path(path).suffix == ".md":
        errors.add(line_of("slug"), "slug", f"the file must be named {slug}.md to match its slug")
    title = _text(data.get("title"), "title", line_of("title"), errors, False, TITLE_MAX)
    summary = _text(data.get("summary"), "summary", line_of("summary"), errors, False)
    if len(summary) > MAX_SUMMARY:
        errors.add(
            line_of("summary"), "summary", f"is {len(summary)} characters; keep it to {MAX_SUMMARY}"
        )

    locale = _text(data.get("locale", DEFAULT_LOCALE), "locale", line_of("locale"), errors, True)
    if locale and locale not in LOCALES:
        errors.add(
            line_of("locale"), "locale", f"unknown language {locale!r}; use one of {list(LOCALES)}"
        )
    translation_of = _text(
        data.get("translation_of"), "translation_of", line_of("translation_of"), errors, False
    )
    if locale == DEFAULT_LOCALE and translation_of:
        errors.add(
            line_of("translation_of"),
            "translation_of",
            f"only a translation names its English topic; add `locale:` (one of {list(LOCALES[1:])})",
        )
    elif locale != DEFAULT_LOCALE and not translation_of:
        errors.add(
            line_of("locale") or 2,
            "translation_of",
            "a translation needs `translation_of:` with the slug of the English topic",
        )
    elif translation_of and not SLUG_RE.match(translation_of):
        errors.add(
            line_of("translation_of"), "translation_of", f"{translation_of!r} is not a topic slug"
        )
    expected_dir = Path(path).parent.name
    if Path(path).suffix == ".md" and expected_dir in LOCALES[1:] and expected_dir != locale:
        errors.add(
            line_of("locale") or 2,
            "locale",
            f"files in the {expected_dir}/ folder are {expected_dir!r} translations; "
            f"add `locale: {expected_dir}`",
        )

    synonyms_raw = data.get("synonyms") or []
    if not isinstance(synonyms_raw, list) or not all(
        isinstance(s, str) and s.strip() for s in synonyms_raw
    ):
        errors.add(line_of("synonyms"), "synonyms", "expected a list of non-empty strings")
        synonyms_raw = []
    terms_raw = data.get("search_terms") or []
    if not isinstance(terms_raw, list) or not all(
        isinstance(s, str) and s.strip() for s in terms_raw
    ):
        errors.add(line_of("search_terms"), "search_terms", "expected a list of non-empty strings")
        terms_raw = []
    category = _text(data.get("category"), "category", line_of("category"), errors, False)
    if category and category not in CATEGORY_IDS:
        errors.add(
            line_of("category"),
            "category",
            f"unknown category {category!r}; use one of {sorted(CATEGORY_IDS)}",
        )
    sensitive = data.get("sensitive", False)
    if not isinstance(sensitive, bool):
        errors.add(line_of("sensitive"), "sensitive", "expected true or false")
        sensitive = bool(sensitive)
    status = _text(data.get("status"), "status", line_of("status"), errors, False)
    if status and status not in STATUSES:
        errors.add(line_of("status"), "status", f"expected one of {list(STATUSES)}, got {status!r}")

    created = (
        _date(data.get("created"), "created", line_of("created"), errors, today)
        if "created" in data
        else None
    )
    updated = (
        _date(data.get("updated"), "updated", line_of("updated"), errors, today)
        if "updated" in data
        else None
    )
    next_due = (
        _date(
            data.get("next_review_due"),
            "next_review_due",
            line_of("next_review_due"),
            errors,
            today,
        )
        if "next_review_due" in data
        else None
    )
    reviewed = (
        _date(data.get("reviewed"), "reviewed", line_of("reviewed"), errors, today)
        if data.get("reviewed") is not None
        else None
    )
    if created and updated and updated < created:
        errors.add(line_of("updated"), "updated", "is before `created`")
    if reviewed and created and reviewed < created:
        errors.add(line_of("reviewed"), "reviewed", "is before `created`")

    authors = _people(data.get("authors"), "authors", lines, errors)
    reviewers = _people(data.get("reviewers"), "reviewers", lines, errors)
    if reviewed and not reviewers:
        errors.add(
            line_of("reviewed"), "reviewed", "a review date needs the reviewer in `reviewers`"
        )
    if reviewers and not reviewed:
        errors.add(
            line_of("reviewers"),
            "reviewers",
            "reviewers are listed but `reviewed` (the date) is missing",
        )

    related_raw = data.get("related") or []
    if not isinstance(related_raw, list) or not all(
        isinstance(s, str) and SLUG_RE.match(s) for s in related_raw
    ):
        errors.add(line_of("related"), "related", "expected a list of topic slugs")
        related_raw = []
    elif slug in related_raw:
        errors.add(line_of("related"), "related", "a topic cannot be related to itself")

    provenance = Provenance("", "")
    prov_raw = data.get("provenance")
    if prov_raw is not None:
        if not isinstance(prov_raw, dict):
            errors.add(
                line_of("provenance"),
                "provenance",
                "expected a mapping with organisation, licence, url",
            )
        else:
            unknown = set(prov_raw) - {"organisation", "licence", "url"}
            if unknown:
                errors.add(line_of("provenance"), "provenance", f"unknown key(s) {sorted(unknown)}")
            provenance = Provenance(
                organisation=_text(
                    prov_raw.get("organisation"),
                    "provenance.organisation",
                    lines.get("provenance.organisation", line_of("provenance")),
                    errors,
                    True,
                    ORGANISATION_MAX,
                ),
                licence=_text(
                    prov_raw.get("licence"),
                    "provenance.licence",
                    lines.get("provenance.licence", line_of("provenance")),
                    errors,
                    True,
                    LICENCE_MAX,
                ),
                url=_text(
                    prov_raw.get("url"),
                    "provenance.url",
                    lines.get("provenance.url", line_of("provenance")),
                    errors,
                    False,
                ),
            )
            if provenance.url and (problem := web_address_problem(provenance.url, SOURCE_URL_MAX)):
                errors.add(
                    lines.get("provenance.url", line_of("provenance")), "provenance.url", problem
                )

    codes = _codes(data.get("codes"), lines, errors)
    references = _references(data.get("references"), lines, errors)
    reference_ids = {str(r.get("id")) for r in references}
    sections = _parse_body(body_lines, body_first_line, reference_ids, errors)

    if errors.errors:
        raise TopicFilesInvalid(errors.errors)
    assert created and updated and next_due  # guaranteed by the required-field checks above
    return TopicDocument(
        slug=slug,
        title=title,
        summary=summary,
        category=category,
        status=status,
        created=created,
        updated=updated,
        next_review_due=next_due,
        authors=authors,
        provenance=provenance,
        synonyms=tuple(s.strip() for s in synonyms_raw),
        search_terms=tuple(s.strip() for s in terms_raw),
        sensitive=sensitive,
        codes=codes,
        reviewed=reviewed,
        reviewers=reviewers,
        related=tuple(related_raw),
        references=references,
        sections=sections,
        locale=locale,
        translation_of=translation_of,
    )


def read_topic_dir(directory: Path, today: dt.date) -> list[TopicDocument]:
    """Parse every ``*.md`` file in ``directory`` (sorted by name).

    Returns:
        The documents, in file-name order.

    Raises:
        TopicFilesInvalid: listing every problem in every file, including duplicate slugs
            and missing directories.
    """
    if not directory.is_dir():
        raise TopicFilesInvalid(
            [TopicFileError(str(directory), None, None, "is not a directory of topic files")]
        )
    documents: list[TopicDocument] = []
    errors: list[TopicFileError] = []
    files = sorted(directory.glob("*.md"))
    if not files:
        errors.append(TopicFileError(str(directory), None, None, "holds no *.md topic files"))
    for path in files:
        try:
            documents.append(
                parse_topic_markdown(path.read_text(encoding="utf-8"), str(path), today)
            )
        except TopicFilesInvalid as exc:
            errors.extend(exc.errors)
        except UnicodeDecodeError as exc:
            errors.append(
                TopicFileError(str(path), None, None, f"is not UTF-8 text ({exc.reason})")
            )
    seen: dict[str, str] = {}
    for doc, path in zip(documents, files, strict=False):
        if doc.slug in seen:
            errors.append(
                TopicFileError(
                    str(path), None, "slug", f"slug {doc.slug!r} is also used by {seen[doc.slug]}"
                )
            )
        seen[doc.slug] = str(path)
    if errors:
        raise TopicFilesInvalid(errors)
    return documents


def read_topic_tree(directory: Path, today: dt.date) -> list[TopicDocument]:
    """Parse ``directory`` and its translation folders (``es/`` …), English first.

    Returns:
        The English documents, then each translation folder's, in file-name order.

    Raises:
        TopicFilesInvalid: listing every problem in every file, including a slug used in
            two folders.
    """
    documents: list[TopicDocument] = []
    errors: list[TopicFileError] = []
    folders = [directory] + [
        directory / code for code in LOCALES[1:] if (directory / code).is_dir()
    ]
    for folder in folders:
        try:
            documents.extend(read_topic_dir(folder, today))
        except TopicFilesInvalid as exc:
            errors.extend(exc.errors)
    seen: dict[str, str] = {}
    for doc in documents:
        if doc.slug in seen and seen[doc.slug] != doc.locale:
            errors.append(
                TopicFileError(
                    f"{doc.locale}/{doc.slug}.md",
                    None,
                    "slug",
                    f"slug {doc.slug!r} is also used by a topic in {seen[doc.slug]!r}; "
                    "slugs are the URL and must differ between languages",
                )
            )
        seen.setdefault(doc.slug, doc.locale)
    if errors:
        raise TopicFilesInvalid(errors)
    return documents


def _people_yaml(people: Iterable[PersonRecord]) -> list[dict[str, str]]:
    return [
        {"name": p.name, "credentials": p.credentials, "affiliation": p.affiliation} for p in people
    ]


class _Dumper(yaml.SafeDumper):
    """Indents lists under their key, as people write YAML by hand."""

    def increase_indent(self, flow: bool = False, indentless: bool = False) -> None:
        super().increase_indent(flow, False)


def render_topic_markdown(doc: TopicDocument) -> str:
    """Write a ``TopicDocument`` as a topic file (the inverse of ``parse_topic_markdown``)."""
    front: dict[str, Any] = {
        "slug": doc.slug,
        "title": doc.title,
        "summary": doc.summary,
        "synonyms": list(doc.synonyms),
        **({"search_terms": list(doc.search_terms)} if doc.search_terms else {}),
        "category": doc.category,
        "sensitive": doc.sensitive,
        "codes": doc.codes_dict(),
        "status": doc.status,
        "created": doc.created,
        "updated": doc.updated,
        "reviewed": doc.reviewed,
        "next_review_due": doc.next_review_due,
        "authors": _people_yaml(doc.authors),
        "reviewers": _people_yaml(doc.reviewers),
        "related": list(doc.related),
        "provenance": {
            "organisation": doc.provenance.organisation,
            "url": doc.provenance.url,
            "licence": doc.provenance.licence,
        },
        "references": [dict(r) for r in doc.references],
    }
    if doc.locale != DEFAULT_LOCALE:
        # English files keep their form; a translation says what it translates, up front.
        front = {"locale": doc.locale, "translation_of": doc.translation_of, **front}
    out = [
        "---",
        yaml.dump(front, Dumper=_Dumper, sort_keys=False, allow_unicode=True, width=100).rstrip(),
        "---",
        "",
    ]
    for section in doc.sections:
        audience = f" audience={section.audience}" if section.audience else ""
        out.append(f"## {section.heading} {{kind={section.kind}{audience}}}")
        out.append("")
        if section.body:
            out.append(section.body)
            out.append("")
        for item in section.items:
            out.append(f"### {item.name} {{item={item.item_type}}}")
            out.append("")
            out.append(item.description)
            out.append("")
    return "\n".join(out).rstrip() + "\n"

"""HL7 Context-Aware Knowledge Retrieval (Infobutton): read a request, match topics, answer.

Requests use the URL parameters of the HL7 Infobutton URL-based implementation guide, as
MedlinePlus Connect accepts them (``mainSearchCriteria.v.cs`` / ``.v.c`` / ``.v.dn``,
``informationRecipient.languageCode.c``, ``age.v.v`` / ``age.v.u``,
``administrativeGenderCode.c``, ``knowledgeResponseType``). Responses are an Atom feed
(``text/xml``) or the same feed as JSON in MedlinePlus Connect's shape
(``application/json``: ``feed.entry[]`` with ``title``, ``link``, ``summary``).

Plain Python: no Django. The Django view (``views.py``) passes published topics in as
``TopicSummary`` values and writes out what this module returns.
"""

from __future__ import annotations

import datetime as dt
import json
import math
import re
import xml.etree.ElementTree as ET
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field

from symptomdb.errors import InfobuttonRequestError
from symptomdb.vocabulary.icd10cm import ICD10CM_OID, ICD10CM_RE, icd10cm_parents

__all__ = [
    "CODE_SYSTEMS",
    "RESPONSE_TYPES",
    "SNOMEDCT_OID",
    "InfobuttonRequest",
    "TopicMatch",
    "TopicSummary",
    "atom_feed",
    "json_feed",
    "match_topics",
    "parse_request",
]

#: The HL7 OID of SNOMED CT.
SNOMEDCT_OID = "2.16.840.1.113883.6.96"
#: Code system OID → the code system id topics use (symptomdb.vocabulary.CODE_SYSTEMS).
CODE_SYSTEMS: dict[str, str] = {ICD10CM_OID: "icd10cm", SNOMEDCT_OID: "snomedct"}
CODE_SYSTEM_NAMES = {"icd10cm": "ICD-10-CM", "snomedct": "SNOMED CT"}
#: knowledgeResponseType → media type of the response. MedlinePlus Connect answers XML
#: when the parameter is absent, and so do we.
RESPONSE_TYPES: dict[str, str] = {
    "text/xml": "application/atom+xml; charset=utf-8",
    "application/json": "application/json",
}
AGE_UNITS = {
    "a": "years",
    "mo": "months",
    "wk": "weeks",
    "d": "days",
    "h": "hours",
    "min": "minutes",
}
ATOM_NS = "http://www.w3.org/2005/Atom"
FEED_TITLE = "symptomdb Infobutton"
# Characters XML 1.0 cannot hold (https://www.w3.org/TR/xml/#charsets): C0 controls but tab,
# newline and carriage return, lone surrogates, U+FFFE and U+FFFF. ElementTree writes them
# anyway, giving a feed no XML parser accepts.
_NOT_XML = re.compile("[^\t\n\r\x20-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")


@dataclass(frozen=True)
class InfobuttonRequest:
    """A checked Infobutton request."""

    system: str  # "icd10cm" or "snomedct"
    system_oid: str
    code: str
    display_name: str = ""
    language: str = "en"
    gender: str = ""
    age: str = ""  # "15 years", as given
    response_type: str = "text/xml"


@dataclass(frozen=True)
class TopicSummary:
    """What the response needs to know about one published topic."""

    slug: str
    title: str
    summary: str
    url: str  # absolute
    updated: dt.date
    codes: tuple[tuple[str, str], ...]  # (system, code)
    language: str = "en"
    sensitive: bool = False
    reviewed: dt.date | None = None  # the recorded medical review; None: not reviewed


def _review_term(topic: TopicSummary) -> str:
    # An EHR shows clinicians whether a clinician checked the page, as the page itself does.
    return f"reviewed {topic.reviewed.isoformat()}" if topic.reviewed else "not reviewed"


@dataclass(frozen=True)
class TopicMatch:
    """A topic that answers the request, and the code it was found by."""

    topic: TopicSummary
    matched_code: str
    exact: bool


# The longest value read from any one parameter; a display name such as "Suicidal ideation"
# is the longest a caller sends.
MAX_PARAMETER = 300


@dataclass
class _Params:
    values: Mapping[str, str]
    seen: list[str] = field(default_factory=list)

    def get(self, name: str) -> str:
        value = self.values.get(name) or ""
        if len(value) > MAX_PARAMETER:
            # Refused before any work: no Infobutton parameter is anywhere near this long.
            raise InfobuttonRequestError(
                name, f"{len(value):,} characters long; at most {MAX_PARAMETER} are read"
            )
        return value.strip()


def parse_request(params: Mapping[str, str]) -> InfobuttonRequest:
    """Check the URL parameters of an Infobutton request.

    Raises:
        InfobuttonRequestError: naming the parameter that is missing or not understood.
    """
    for name, value in params.items():
        if _NOT_XML.search(name) or _NOT_XML.search(value):
            raise InfobuttonRequestError(
                name if not _NOT_XML.search(name) else repr(name),
                "contains a control character (or U+FFFE/U+FFFF) that XML cannot carry; remove it",
            )
    p = _Params(params)
    oid = p.get("mainSearchCriteria.v.cs")
    if not oid:
        raise InfobuttonRequestError(
            "mainSearchCriteria.v.cs",
            f"required: the code system OID, {ICD10CM_OID} (ICD-10-CM) or "
            f"{SNOMEDCT_OID} (SNOMED CT)",
        )
    if oid not in CODE_SYSTEMS:
        raise InfobuttonRequestError(
            "mainSearchCriteria.v.cs",
            f"code system {oid!r} is not supported; use {ICD10CM_OID} (ICD-10-CM) or "
            f"{SNOMEDCT_OID} (SNOMED CT)",
        )
    system = CODE_SYSTEMS[oid]
    code = p.get("mainSearchCriteria.v.c").upper()
    if not code:
        raise InfobuttonRequestError(
            "mainSearchCriteria.v.c", "required: the problem code, e.g. R45.88"
        )
    if system == "icd10cm" and not ICD10CM_RE.match(code):
        raise InfobuttonRequestError(
            "mainSearchCriteria.v.c",
            f"{code!r} is not written as an ICD-10-CM code (a letter, two characters, "
            "then a dot and up to four more, e.g. R45.88)",
        )
    if system == "snomedct" and not code.isdigit():
        raise InfobuttonRequestError(
            "mainSearchCriteria.v.c", f"{code!r} is not a SNOMED CT concept id (digits only)"
        )
    response_type = p.get("knowledgeResponseType") or "text/xml"
    if response_type not in RESPONSE_TYPES:
        raise InfobuttonRequestError(
            "knowledgeResponseType",
            f"{response_type!r} is not supported; use text/xml (Atom) or application/json",
        )
    age = ""
    age_value, age_unit = p.get("age.v.v"), p.get("age.v.u")
    if age_value:
        try:
            number = float(age_value)
        except ValueError:
            raise InfobuttonRequestError("age.v.v", f"{age_value!r} is not a number") from None
        if not math.isfinite(number) or number < 0 or number > 150:
            raise InfobuttonRequestError("age.v.v", f"{age_value} is not an age")
        unit = age_unit or "a"
        if unit not in AGE_UNITS:
            raise InfobuttonRequestError(
                "age.v.u", f"{unit!r} is not a UCUM age unit; use one of {sorted(AGE_UNITS)}"
            )
        age = f"{age_value} {AGE_UNITS[unit]}"
    language = (
        p.get("informationRecipient.languageCode.c")
        or p.get("patientPerson.languageCode.c")
        or "en"
    )
    return InfobuttonRequest(
        system=system,
        system_oid=oid,
        code=code,
        display_name=p.get("mainSearchCriteria.v.dn"),
        language=language.lower(),
        gender=(
            p.get("patientPerson.administrativeGenderCode.c") or p.get("administrativeGenderCode.c")
        ).upper(),
        age=age,
        response_type=response_type,
    )


def match_topics(request: InfobuttonRequest, topics: Iterable[TopicSummary]) -> list[TopicMatch]:
    """Topics carrying the requested code, then those carrying one of its parent codes
    (ICD-10-CM: R45.88 → R45.8 → R45 → block R40-R46), nearest first; each topic once.

    SNOMED CT codes match exactly only (no hierarchy ships with symptomdb).
    """
    topics = list(topics)
    wanted = [request.code]
    if request.system == "icd10cm":
        wanted += icd10cm_parents(request.code)
    matches: list[TopicMatch] = []
    seen: set[str] = set()
    for level, code in enumerate(wanted):
        for topic in sorted(topics, key=lambda t: t.title.lower()):
            if topic.slug in seen:
                continue
            if (request.system, code) in topic.codes:
                matches.append(TopicMatch(topic=topic, matched_code=code, exact=level == 0))
                seen.add(topic.slug)
    return matches


def _subtitle(request: InfobuttonRequest, count: int) -> str:
    name = CODE_SYSTEM_NAMES[request.system]
    shown = f" ({request.display_name})" if request.display_name else ""
    return f"{count} topic{'s' if count != 1 else ''} for {name} {request.code}{shown}"


def _categories(request: InfobuttonRequest) -> list[tuple[str, str]]:
    pairs = [
        ("mainSearchCriteria.v.c", request.code),
        ("mainSearchCriteria.v.cs", request.system_oid),
        ("informationRecipient.languageCode.c", request.language),
    ]
    if request.display_name:
        pairs.append(("mainSearchCriteria.v.dn", request.display_name))
    if request.gender:
        pairs.append(("patientPerson.administrativeGenderCode.c", request.gender))
    if request.age:
        pairs.append(("age", request.age))
    return pairs


def _entry_id(topic: TopicSummary) -> str:
    return f"{topic.url}#infobutton"


def json_feed(
    request: InfobuttonRequest, matches: list[TopicMatch], base_url: str, now: dt.datetime
) -> str:
    """The response as JSON in MedlinePlus Connect's shape (``feed.entry[]``)."""
    feed = {
        "feed": {
            "base": base_url,
            "lang": request.language,
            "title": {"_value": FEED_TITLE, "type": "text"},
            "subtitle": {"_value": _subtitle(request, len(matches)), "type": "text"},
            "updated": {"_value": now.isoformat(timespec="seconds")},
            "id": {"_value": f"{base_url}infobutton/?code={request.code}"},
            "author": {"name": {"_value": "symptomdb"}, "uri": {"_value": base_url}},
            "category": [{"scheme": s, "term": t} for s, t in _categories(request)],
            "entry": [
                {
                    "lang": m.topic.language,
                    "title": {"_value": m.topic.title, "type": "text"},
                    "link": [{"href": m.topic.url, "rel": "alternate", "title": m.topic.title}],
                    "id": {"_value": _entry_id(m.topic)},
                    "updated": {"_value": m.topic.updated.isoformat()},
                    "summary": {"_value": m.topic.summary, "type": "text"},
                    "category": [
                        {"scheme": "matched-code", "term": m.matched_code},
                        {"scheme": "match", "term": "exact" if m.exact else "parent"},
                        {"scheme": "medical-review", "term": _review_term(m.topic)},
                    ],
                }
                for m in matches
            ],
        }
    }
    return json.dumps(feed, ensure_ascii=False, indent=2)


def atom_feed(
    request: InfobuttonRequest, matches: list[TopicMatch], base_url: str, now: dt.datetime
) -> str:
    """The response as an Atom 1.0 feed (RFC 4287), one entry per topic."""
    ET.register_namespace("", ATOM_NS)

    def sub(parent: ET.Element, tag: str, text: str | None = None, **attrs: str) -> ET.Element:
        # Topic text comes from editors; what XML cannot hold is dropped, not written.
        clean = {key: _NOT_XML.sub("", value) for key, value in attrs.items()}
        element = ET.SubElement(parent, f"{{{ATOM_NS}}}{tag}", clean)
        if text is not None:
            element.text = _NOT_XML.sub("", text)
        return element

    feed = ET.Element(
        f"{{{ATOM_NS}}}feed", {"{http://www.w3.org/XML/1998/namespace}lang": request.language}
    )
    sub(feed, "title", FEED_TITLE, type="text")
    sub(feed, "subtitle", _subtitle(request, len(matches)), type="text")
    sub(feed, "id", f"{base_url}infobutton/?code={request.code}")
    sub(feed, "updated", now.isoformat(timespec="seconds"))
    author = sub(feed, "author")
    sub(author, "name", "symptomdb")
    sub(author, "uri", base_url)
    for scheme, term in _categories(request):
        sub(feed, "category", scheme=scheme, term=term)
    for m in matches:
        entry = sub(
            feed, "entry", **{"{http://www.w3.org/XML/1998/namespace}lang": m.topic.language}
        )
        sub(entry, "title", m.topic.title, type="text")
        sub(entry, "link", href=m.topic.url, rel="alternate", title=m.topic.title)
        sub(entry, "id", _entry_id(m.topic))
        sub(entry, "updated", f"{m.topic.updated.isoformat()}T00:00:00Z")
        sub(entry, "summary", m.topic.summary, type="text")
        sub(entry, "category", scheme="matched-code", term=m.matched_code)
        sub(entry, "category", scheme="match", term="exact" if m.exact else "parent")
        sub(entry, "category", scheme="medical-review", term=_review_term(m.topic))
    return ET.tostring(feed, encoding="unicode", xml_declaration=True)

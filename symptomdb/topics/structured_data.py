"""schema.org ``MedicalWebPage`` JSON-LD for a topic page, as plain dicts (no Django).

Search engines and health apps read it to know what the page is about, who wrote and
reviewed it and what it cites. A reviewer and a review date appear only when a real review
is recorded (https://schema.org/MedicalWebPage, https://schema.org/MedicalCondition).
"""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass
from typing import Any

# Our collective byline is a group, not a person; every other name is a person's.
COLLECTIVE_AUTHORS = frozenset({"symptomdb contributors"})

# The codes' systems as schema.org's MedicalCode.codingSystem spells them.
_CODING_SYSTEMS = {"UMLS CUI": "UMLS"}


@dataclass(frozen=True)
class PersonFacts:
    """An author or reviewer as shown on the page."""

    name: str
    credentials: str = ""
    affiliation: str = ""


def _agent(person: PersonFacts) -> dict[str, Any]:
    if person.name in COLLECTIVE_AUTHORS:
        return {"@type": "Organization", "name": person.name}
    agent: dict[str, Any] = {"@type": "Person", "name": person.name}
    if person.credentials:
        agent["honorificSuffix"] = person.credentials
    if person.affiliation:
        agent["affiliation"] = {"@type": "Organization", "name": person.affiliation}
    return agent


def medical_web_page(
    *,
    title: str,
    url: str,
    summary: str,
    synonyms: list[str],
    codes: list[tuple[str, str]],
    authors: list[PersonFacts],
    reviewers: list[PersonFacts],
    reviewed_on: dt.date | None,
    updated_on: dt.date,
    created_on: dt.date,
    references: list[dict[str, Any]],
    licence: str,
) -> dict[str, Any]:
    """The JSON-LD object for one topic page.

    Args:
        codes: (system label, code) pairs, e.g. ("ICD-10-CM", "R45.88").
        reviewers: recorded medical reviewers; with ``reviewed_on`` they give ``reviewedBy``
            and ``lastReviewed``; without both, neither is claimed.
        references: the page's references as CSL-JSON items.

    Returns:
        A dict ready for ``json.dumps``.
    """
    about: dict[str, Any] = {"@type": "MedicalCondition", "name": title}
    if synonyms:
        about["alternateName"] = synonyms
    if codes:
        about["code"] = [
            {
                "@type": "MedicalCode",
                "codingSystem": _CODING_SYSTEMS.get(system, system),
                "codeValue": code,
            }
            for system, code in codes
        ]
    data: dict[str, Any] = {
        "@context": "https://schema.org",
        "@type": "MedicalWebPage",
        "name": title,
        "headline": title,
        "description": summary,
        "url": url,
        "inLanguage": "en",
        "about": about,
        "author": [_agent(a) for a in authors],
        "publisher": {"@type": "Organization", "name": "symptomdb"},
        "datePublished": created_on.isoformat(),
        "dateModified": updated_on.isoformat(),
        "license": licence,
        "citation": [_creative_work(ref) for ref in references],
    }
    if reviewers and reviewed_on is not None:
        data["reviewedBy"] = [_agent(r) for r in reviewers]
        data["lastReviewed"] = reviewed_on.isoformat()
    return data


def _creative_work(csl: dict[str, Any]) -> dict[str, Any]:
    work: dict[str, Any] = {"@type": "CreativeWork", "name": str(csl.get("title", ""))}
    if csl.get("URL"):
        work["url"] = csl["URL"]
    elif csl.get("DOI"):
        work["url"] = f"https://doi.org/{csl['DOI']}"
    names = [
        p.get("literal") or " ".join(x for x in (p.get("given"), p.get("family")) if x)
        for p in csl.get("author") or []
    ]
    if names:
        work["author"] = [n for n in names if n]
    parts = (csl.get("issued") or {}).get("date-parts") or [[]]
    if parts and parts[0]:
        work["datePublished"] = "-".join(
            f"{p:02d}" if i else str(p) for i, p in enumerate(int(x) for x in parts[0])
        )
    return work


def script_json(data: dict[str, Any]) -> str:
    """JSON safe to place inside a ``<script type="application/ld+json">`` element.

    ``<``, ``>`` and ``&`` are written as \\u escapes (as Django's ``json_script`` does), so
    no text in the data can close the element.
    """
    text = json.dumps(data, ensure_ascii=False, sort_keys=False)
    return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")

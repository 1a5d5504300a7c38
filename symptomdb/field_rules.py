"""What stored fields may hold: lengths and web addresses, in plain Python (no Django).

The models take their ``max_length`` and URL validator from here, and the topic-file,
dump and provider-file parsers check with the same rules, so a file that passes
``check-topics`` always loads: the database can refuse nothing the parser let through.
``tests/test_field_rules.py`` holds the models to these numbers and this URL rule to
Django's own ``URLValidator``.
"""

from __future__ import annotations

import ipaddress
import re
from urllib.parse import urlsplit

__all__ = [
    "AFFILIATION_MAX",
    "CODE_MAX",
    "CREDENTIALS_MAX",
    "HEADING_MAX",
    "ITEM_NAME_MAX",
    "LICENCE_MAX",
    "ORGANISATION_MAX",
    "PERSON_NAME_MAX",
    "REFERENCE_KEY_MAX",
    "SLUG_MAX",
    "SOURCE_URL_MAX",
    "SUMMARY_MAX",
    "TITLE_MAX",
    "WEB_ADDRESS_MAX",
    "length_problem",
    "web_address_problem",
]

# Wagtail's own Page fields.
TITLE_MAX = 255
SLUG_MAX = 255
# Our models (symptomdb/topics/models.py, symptomdb/topics/blocks.py).
SUMMARY_MAX = 400
ORGANISATION_MAX = 200
LICENCE_MAX = 100
SOURCE_URL_MAX = 200
PERSON_NAME_MAX = 200
CREDENTIALS_MAX = 200
AFFILIATION_MAX = 300
REFERENCE_KEY_MAX = 100
HEADING_MAX = 200
ITEM_NAME_MAX = 200
CODE_MAX = 40
# Django's URLValidator refuses longer addresses whatever the field.
WEB_ADDRESS_MAX = 2048

WEB_SCHEMES = ("http", "https")
_CONTROL_OR_SPACE = re.compile(r"[\x00-\x20\x7f-\x9f\s]")
_LABEL = re.compile(r"^(?!-)[a-z0-9\u00a1-\uffff-]{1,63}(?<!-)$", re.IGNORECASE)
_TOP_LEVEL = re.compile(r"^(?:[a-z\u00a1-\uffff]{2,63}|xn--[a-z0-9]{1,59})$", re.IGNORECASE)


def length_problem(value: str, max_length: int) -> str | None:
    """``"is N characters; keep it to M"`` when ``value`` is too long for its field, else None."""
    if len(value) > max_length:
        return f"is {len(value)} characters; keep it to {max_length}"
    return None


def _host_problem(host: str) -> str | None:
    if host == "localhost":
        return None
    try:
        ipaddress.ip_address(host)
        return None
    except ValueError:
        pass
    labels = host.rstrip(".").split(".")
    if (
        len(host) > 253
        or len(labels) < 2
        or not all(_LABEL.match(label) for label in labels)
        or not _TOP_LEVEL.match(labels[-1])
    ):
        return f"{host!r} is not a host name like example.org"
    return None


def web_address_problem(value: str, max_length: int = WEB_ADDRESS_MAX) -> str | None:
    """What is wrong with ``value`` as a web address we store and serve to readers and API
    clients, or None when it is fine.

    Only ``http://`` and ``https://`` addresses with a host name: a ``javascript:`` or
    ``data:`` address runs when clicked, and API clients show what we give them as it is.
    """
    if problem := length_problem(value, min(max_length, WEB_ADDRESS_MAX)):
        return problem
    if _CONTROL_OR_SPACE.search(value):
        return "contains a space or control character; write spaces as %20"
    try:
        parts = urlsplit(value)
        port = parts.port
    except ValueError as exc:
        return f"is not a web address ({exc})"
    if parts.scheme.lower() not in WEB_SCHEMES or not value.lower().startswith(
        tuple(f"{scheme}://" for scheme in WEB_SCHEMES)
    ):
        return f"{value[:40]!r} is not a web address: it must start with http:// or https://"
    host = parts.hostname or ""
    if not host:
        return "has no host name after http(s)://"
    if port is not None and not 0 < port <= 65535:
        return f"port {port} is out of range"
    return _host_problem(host)

"""Django validators over the plain-Python rules of :mod:`symptomdb.field_rules`."""

from __future__ import annotations

from django.core.exceptions import ValidationError

from symptomdb.field_rules import web_address_problem


def validate_web_address(value: str) -> None:
    """Refuse anything but an ``http(s)`` address with a host (see ``web_address_problem``).

    Raises:
        ValidationError: saying what is wrong.
    """
    problem = web_address_problem(value)
    if problem is not None:
        raise ValidationError(f"Web address {value[:60]!r}: {problem}.", code="invalid_web_address")

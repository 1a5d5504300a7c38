"""GET /api/v1/crisis-resources: the shipped crisis lines, by country, with their sources."""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest
from ninja import Field, Query, Router, Schema
from pydantic import field_validator
from pydantic_core import PydanticCustomError

from symptomdb.api.caching import cache_publicly
from symptomdb.api.errors import ErrorOut
from symptomdb.api.safety import ServiceOut
from symptomdb.safety.crisis_lines import CountryResources, load_crisis_resources
from symptomdb.safety.serialise import service_to_dict

router = Router(tags=["safety"])

# The lines come from a data file that changes only when the site is upgraded.
CRISIS_MAX_AGE = 3600
COUNTRY_CODES: tuple[str, ...] = tuple(c.code for c in load_crisis_resources().countries)


def _known_codes_schema(schema: dict[str, Any]) -> None:
    # A query parameter is never JSON null: document a plain string limited to our codes.
    schema.pop("anyOf", None)
    schema.update({"type": "string", "enum": list(COUNTRY_CODES)})


class CrisisResourcesParams(Schema):
    country: str | None = Field(
        default=None,
        description="ISO 3166 alpha-2 code the reader chose (case does not matter). Leave out "
        "for every country.",
        json_schema_extra=_known_codes_schema,
    )

    @field_validator("country", mode="before")
    @classmethod
    def _known_country(cls, value: Any) -> Any:
        if value is None:
            return None
        code = str(value).strip().upper()
        if code not in COUNTRY_CODES:
            raise PydanticCustomError(
                "unknown_country",
                "no crisis lines are listed for {value}; use one of {codes}, or leave it out "
                "for every country and the international fallback",
                {"value": repr(str(value)[:20]), "codes": ", ".join(COUNTRY_CODES)},
            )
        return code


class CountryResourcesOut(Schema):
    code: str = Field(description="ISO 3166 alpha-2, or INTL for the international fallback.")
    name: str
    emergency_number: str
    services: list[ServiceOut]


class CrisisResourcesOut(Schema):
    countries: list[CountryResourcesOut] = Field(
        description="Every listed country, or only the one asked for."
    )
    fallback: CountryResourcesOut = Field(
        description="International services for readers whose country is not listed."
    )


def country_to_dict(country: CountryResources) -> dict[str, Any]:
    """A country's emergency number and services as JSON-ready data."""
    return {
        "code": country.code,
        "name": country.name,
        "emergency_number": country.emergency,
        "services": [service_to_dict(s) for s in country.services],
    }


@router.get(
    "/crisis-resources",
    response={200: CrisisResourcesOut, 422: ErrorOut},
    summary="Crisis lines by country",
)
@cache_publicly(CRISIS_MAX_AGE)
def crisis_resources(request: HttpRequest, params: Query[CrisisResourcesParams]) -> dict[str, Any]:
    """Emergency numbers and crisis lines, each with its source and the date it was last
    checked against that source (``verified_on``; null: not yet checked — say so)."""
    directory = load_crisis_resources()
    countries = [c for c in directory.countries if params.country in (None, c.code)]
    return {
        "countries": [country_to_dict(c) for c in countries],
        "fallback": country_to_dict(directory.fallback),
    }

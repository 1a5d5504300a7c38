"""The help finder: the readers' search form and the search over the provider directory.

Filtering and distance sorting run in Python over the directory (hundreds or a few thousand
rows); the distance itself is ``geo.haversine_km``.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any
from urllib.parse import urlencode

from django import forms
from django.conf import settings
from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy as _
from django_stubs_ext import StrPromise

from symptomdb.helpfinder.directory import KINDS, LANGUAGES, SPECIALTIES
from symptomdb.helpfinder.geo import (
    Place,
    km_to_unit,
    lookup_us_place,
    unit_to_km,
    within_radius,
)
from symptomdb.helpfinder.models import Provider

MAX_RADIUS = 500
DEFAULT_RADIUS = 25
UNITS = (("mi", _("miles")), ("km", _("kilometres")))

# Topics whose readers most often need a particular kind of specialist; the topic page
# links to the finder filtered by it (see finder_url_for_topic).
TOPIC_SPECIALTIES: dict[str, str] = {
    "self-injury": "self-harm",
    "suicidal-thoughts": "suicide-prevention",
    "eating-disorders": "eating-disorders",
    "depression": "depression",
    "anxiety": "anxiety",
    "post-traumatic-stress-disorder": "ptsd",
    "borderline-personality-disorder": "bpd",
}
FINDER_CATEGORIES = frozenset({"mental-health", "behaviour"})


def finder_url_for_topic(slug: str, category: str) -> str | None:
    """The finder link for a topic: filtered by its specialty, plain for other mental-health
    topics, None for topics the directory does not cover."""
    specialty = TOPIC_SPECIALTIES.get(slug)
    if specialty:
        return f"/help/find/?{urlencode({'specialty': specialty})}"
    if category in FINDER_CATEGORIES:
        return "/help/find/"
    return None


def _with_any(
    label: StrPromise, choices: tuple[tuple[str, str], ...]
) -> list[tuple[str, str | StrPromise]]:
    """The choices, translated when shown, after "any" (no filter)."""
    return [("", label), *((code, _(name)) for code, name in choices)]


class FinderForm(forms.Form):
    """Where (a US town or ZIP code; latitude and longitude as an advanced option), how far,
    and what kind of help."""

    where = forms.CharField(
        label=_("Town, city or ZIP code"),
        required=False,
        max_length=80,
        # Readers outside the US see first that the directory is for places in the US
        # (a five-digit postcode from elsewhere would find a US ZIP code of the same digits).
        help_text=_(
            "The directory covers the United States: a town and state, like Austin, TX, "
            "or a ZIP code, like 10001."
        ),
    )
    _place: Place | None = None  # set by clean_where
    lat = forms.FloatField(label=_("Latitude"), required=False, min_value=-90, max_value=90)
    lon = forms.FloatField(label=_("Longitude"), required=False, min_value=-180, max_value=180)
    radius = forms.FloatField(
        label=_("Within"),
        required=False,
        min_value=0.1,
        max_value=MAX_RADIUS,
        help_text=format_lazy(_("A distance up to {radius}."), radius=MAX_RADIUS),
    )
    unit = forms.ChoiceField(label=_("Unit"), choices=UNITS, required=False)
    kind = forms.ChoiceField(
        label=_("Type of help"), choices=_with_any(_("Any type"), KINDS), required=False
    )
    specialty = forms.ChoiceField(
        label=_("Specialty"), choices=_with_any(_("Any specialty"), SPECIALTIES), required=False
    )
    language = forms.ChoiceField(
        label=_("Language"), choices=_with_any(_("Any language"), LANGUAGES), required=False
    )

    def full_clean(self) -> None:
        """Validate, then point each field with an error at its message (for screen readers)."""
        super().full_clean()
        for name in self.errors:
            if name in self.fields:
                bound = self[name]
                described = [f"{bound.auto_id}_error"]
                if self.fields[name].help_text:
                    described.insert(0, f"{bound.auto_id}_helptext")
                self.fields[name].widget.attrs["aria-describedby"] = " ".join(described)

    def clean_where(self) -> str:
        value = " ".join(str(self.cleaned_data.get("where") or "").split())
        if not value:
            return value
        found = lookup_us_place(value)
        if found.states:
            raise forms.ValidationError(
                _("%(place)s is in several states (%(states)s): add the state, like %(example)s.")
                % {
                    "place": value,
                    "states": ", ".join(found.states),
                    "example": f"{value}, {found.states[0]}",
                }
            )
        if found.place is None:
            raise forms.ValidationError(
                _(
                    "%(place)r is not a US town or ZIP code we know; try the town and state, "
                    "like Austin, TX, or five digits, like 10001."
                )
                % {"place": value}
            )
        self._place = found.place
        return value

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        lat, lon = data.get("lat"), data.get("lon")
        if not data.get("where") and (lat is None) != (lon is None):
            missing = "lon" if lon is None else "lat"
            if missing not in self.errors:
                self.add_error(missing, _("Give both latitude and longitude, or a place."))
        return data

    def place(self) -> Place | None:
        """The place searched from (call after ``is_valid()``), or None when none was given."""
        data = self.cleaned_data
        if data.get("where"):
            return self._place
        if data.get("lat") is not None and data.get("lon") is not None:
            return Place(data["lat"], data["lon"], f"{data['lat']:.4f}, {data['lon']:.4f}")
        return None


@dataclass(frozen=True)
class NearbyProvider:
    """A provider with an address and its distance from the place searched from."""

    provider: Provider
    distance: float
    unit: str


@dataclass
class FinderResults:
    """What the finder page shows: nearby providers by distance, and remote services; on a
    demonstration site (``SYMPTOMDB_DEMO_DATA``), the invented samples apart, shown last.

    Attributes:
        samples_nearby, samples_online: invented sample providers, the same way; always
            empty unless demo data is on.
    """

    place: Place | None
    radius: float
    unit: str
    nearby: list[NearbyProvider] = field(default_factory=list)
    online: list[Provider] = field(default_factory=list)
    samples_nearby: list[NearbyProvider] = field(default_factory=list)
    samples_online: list[Provider] = field(default_factory=list)

    @property
    def has_samples(self) -> bool:
        """Whether any sample provider is listed."""
        return bool(self.samples_nearby or self.samples_online)


def _matches(provider: Provider, kind: str, specialty: str, language: str) -> bool:
    return (
        (not kind or provider.kind == kind)
        and (not specialty or specialty in provider.specialty_list)
        and (not language or language in provider.language_list)
    )


def find_providers(form: FinderForm) -> FinderResults:
    """Search the directory with a valid form: providers within the radius sorted by
    distance, and online/phone-only services matching the same filters. Sample providers
    are left out unless ``SYMPTOMDB_DEMO_DATA`` is on, and then kept apart, so a reader
    never takes an invented entry for a real one."""
    data = form.cleaned_data
    unit = data.get("unit") or "mi"
    radius = data.get("radius") or DEFAULT_RADIUS
    kind, specialty, language = data.get("kind"), data.get("specialty"), data.get("language")
    rows = Provider.objects.order_by("name")
    if not settings.SYMPTOMDB_DEMO_DATA:
        rows = rows.filter(is_sample=False)
    providers = [p for p in rows if _matches(p, kind or "", specialty or "", language or "")]
    results = FinderResults(place=form.place(), radius=radius, unit=unit)
    real = [p for p in providers if not p.is_sample]
    samples = [p for p in providers if p.is_sample]
    results.online = [p for p in real if p.online_only]
    results.samples_online = [p for p in samples if p.online_only]
    if results.place is not None:
        results.nearby = _nearby(results.place, real, radius, unit)
        results.samples_nearby = _nearby(results.place, samples, radius, unit)
    return results


def _nearby(
    place: Place, providers: list[Provider], radius: float, unit: str
) -> list[NearbyProvider]:
    found = within_radius(
        place,
        [p for p in providers if not p.online_only],
        unit_to_km(radius, unit),
        lambda p: (
            (p.latitude, p.longitude)
            if p.latitude is not None and p.longitude is not None
            else None
        ),
    )
    return [NearbyProvider(provider, km_to_unit(km, unit), unit) for km, provider in found]

"""Template tags for the readers' tools: the quick-exit address, links to the safety plan."""

from __future__ import annotations

from django import template
from django.conf import settings
from django.urls import reverse
from django.utils.http import urlencode

register = template.Library()

# A neutral page that says nothing about health. Operators may set their own
# (SYMPTOMDB_QUICK_EXIT_URL, docs/privacy.md); it must be another site, never ours.
DEFAULT_QUICK_EXIT_URL = "https://www.bbc.co.uk/weather"


@register.simple_tag
def quick_exit_url() -> str:
    """Where quick exit goes: ``settings.SYMPTOMDB_QUICK_EXIT_URL`` or BBC Weather."""
    return str(getattr(settings, "SYMPTOMDB_QUICK_EXIT_URL", "") or DEFAULT_QUICK_EXIT_URL)


@register.simple_tag
def safety_plan_href(topic: str = "", country: str = "") -> str:
    """The safety plan's address, with the topic whose coping ideas it should suggest and
    the country whose crisis lines it should print, when given."""
    query = {name: value for name, value in (("topic", topic), ("country", country)) if value}
    return reverse("safety-plan") + (f"?{urlencode(query)}" if query else "")

"""The "Find help near you" page (``/help/find/``): a GET form that works without JavaScript."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from symptomdb.helpfinder.finder import FinderForm, find_providers


def find_help(request: HttpRequest) -> HttpResponse:
    """Show the search form and, once a search is made, the results (400 on a bad search)."""
    query = request.GET.copy()
    if query.get("zip") and not query.get("where"):
        query["where"] = query.get("zip", "")  # links made before the finder took place names
    searched = any(query.get(name) for name in FinderForm.base_fields)
    form = FinderForm(query if searched else None)
    results = find_providers(form) if searched and form.is_valid() else None
    if not searched:
        # No search yet: the national helplines and directories are still worth showing.
        blank = FinderForm({})
        blank.is_valid()
        results = find_providers(blank)
    status = 400 if searched and not form.is_valid() else 200
    return render(
        request,
        "helpfinder/find.html",
        {
            "form": form,
            "searched": searched,
            "results": results,
        },
        status=status,
    )

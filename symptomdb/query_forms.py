"""The ask and search boxes: sent by POST, answered at a GET address whenever it fits.

A question may be 2,000 characters long. In a URL each character outside ASCII becomes
six to twelve bytes (UTF-8, percent-encoded), so 1,300 characters of Cyrillic or Chinese
made a request line over gunicorn's limit (4,094 bytes, its default; proxies in front
commonly allow 8 KB) and the reader got "414 URI Too Long". gunicorn will not go above
8,190 bytes except by removing the limit altogether, which would let one request line fill
a worker's memory. So the boxes POST, and the view answers with ``303 See Other`` to the
usual ``?q=`` address when that address fits — the page a reader can reload, bookmark,
share and go back to, as before — and answers the POST itself when it does not.
"""

from __future__ import annotations

from django.http import HttpRequest, HttpResponseRedirect, QueryDict

__all__ = ["MAX_URL_BYTES", "query_params", "see_other"]

# Below gunicorn's default limit_request_line (4,094 bytes), leaving room for the method,
# the HTTP version and a language prefix.
MAX_URL_BYTES = 3_900


def query_params(request: HttpRequest) -> QueryDict:
    """The box's fields: from the POST body for a box sent by POST, else from the URL."""
    return request.POST if request.method == "POST" else request.GET


def see_other(request: HttpRequest, params: dict[str, str]) -> HttpResponseRedirect | None:
    """For a POST, a ``303 See Other`` to this page with ``params`` in its URL, when that URL
    fits under ``MAX_URL_BYTES``; None otherwise (answer the POST itself)."""
    if request.method != "POST":
        return None
    query = QueryDict(mutable=True)
    query.update({name: value for name, value in params.items() if value})
    address = f"{request.path}?{query.urlencode()}"
    if len(address.encode()) > MAX_URL_BYTES:
        return None
    response = HttpResponseRedirect(address)
    response.status_code = 303
    return response

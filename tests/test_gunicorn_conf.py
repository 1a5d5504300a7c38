"""The site as gunicorn serves it (symptomdb/gunicorn_conf.py): long questions in any script
are answered, and gunicorn's own log names no client and quotes no question."""

from __future__ import annotations

import socket
import urllib.parse
import urllib.request
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from tests.conftest import serve_site

# 1,300 characters of Russian: about 14 KB as a URL, over any request line limit.
LONG_RUSSIAN = ("Почему у меня болит голова по утрам и что мне делать? " * 25)[:1300].strip()


@pytest.fixture(scope="module")
def served(
    tmp_path_factory: pytest.TempPathFactory, fresh_database: Callable[[Path], dict[str, str]]
) -> Iterator[tuple[str, Path]]:
    env = fresh_database(tmp_path_factory.mktemp("served-site"))
    # The configuration `make run` serves with, workers and all: that is what is tested.
    with serve_site(env, workers=None) as (url, log_path):
        yield url, log_path


def send_from_the_box(url: str, path: str, fields: dict[str, str]) -> tuple[int, str, str]:
    """POST the box's fields as a browser does; returns status, final URL and page."""
    body = urllib.parse.urlencode(fields).encode()
    with urllib.request.urlopen(f"{url}{path}", data=body, timeout=60) as response:
        return response.status, response.geturl(), response.read().decode()


def test_a_long_question_in_a_non_latin_script_is_answered(served: tuple[str, Path]) -> None:
    url, log_path = served
    home = urllib.request.urlopen(f"{url}/", timeout=30).read().decode()
    assert '<form method="post" action="/ask/"' in home
    status, final, html = send_from_the_box(url, "/ask/", {"q": LONG_RUSSIAN})
    assert status == 200, log_path.read_text()
    assert final == f"{url}/ask/"  # answered at once: no URL could hold it
    assert "<title>Your question — symptomdb</title>" in html  # asked, and answered
    assert f'value="{LONG_RUSSIAN}"' in html  # the whole question, back in the box
    # A question that fits in a URL gets the usual address, to reload, keep or share.
    status, final, html = send_from_the_box(
        url, "/ask/", {"q": "Почему болит голова?", "country": "GB"}
    )
    assert status == 200
    assert (
        final
        == f"{url}/ask/?q=%D0%9F%D0%BE%D1%87%D0%B5%D0%BC%D1%83+%D0%B1%D0%BE%D0%BB%D0%B8%D1%82+%D0%B3%D0%BE%D0%BB%D0%BE%D0%B2%D0%B0%3F&country=GB"
    )
    # The search box too (500 characters of Chinese would be 4.5 KB as a URL).
    status, final, html = send_from_the_box(url, "/search/", {"q": "头痛" * 250})
    assert (status, final) == (200, f"{url}/search/")
    assert "头痛头痛" in html


def test_the_api_search_takes_its_longest_query_in_any_script(served: tuple[str, Path]) -> None:
    url, log_path = served
    # 500 characters (the API's most) of Chinese and of four-byte characters: 4,500 and
    # 6,000 bytes in the request line.
    for query in ("头痛" * 250, "\U0001f9e0" * 500):
        address = f"{url}/api/v1/search?q={urllib.parse.quote(query)}"
        with urllib.request.urlopen(address, timeout=60) as response:
            assert response.status == 200, log_path.read_text()
            assert response.headers["Content-Type"].startswith("application/json")


def test_gunicorn_logs_no_client_address_or_question(served: tuple[str, Path]) -> None:
    url, log_path = served
    host, port = urllib.parse.urlsplit(url).netloc.split(":")
    with socket.create_connection((host, int(port)), timeout=30) as conn:
        # Not HTTP gunicorn can parse: a space inside the target.
        conn.sendall(b"GET /ask/?q=my private words HTTP/1.1\r\nHost: x\r\n\r\n")
        reply = conn.recv(1024)
    assert reply.startswith(b"HTTP/1.1 400")
    log = log_path.read_text()
    assert "Invalid request" in log
    assert "ip=" not in log and "private" not in log

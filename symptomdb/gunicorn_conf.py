"""gunicorn settings for serving symptomdb (``gunicorn -c python:symptomdb.gunicorn_conf``).

One place for them: ``make run``, the browser tests' live server and ``bench/load.py`` all
load this module, so what is measured is what is served. The address comes from
``--bind`` on the command line. Figures behind the choices: docs/operators.md, Performance.
"""

import logging
import re

from gunicorn.glogging import Logger

# Two cores: one process per core, each with a few threads. Threads let a process wait on
# a slow client or the database while another request runs, and keep connections alive;
# each process holds its own answering index in memory, so fewer processes use less
# memory than more sync workers would. Override with GUNICORN_CMD_ARGS="--workers 4 …"
# on a larger machine (about one process per core).
workers = 2
threads = 4
worker_class = "gthread"

# The access log keeps method, path (without the query string: ``/ask/?q=`` holds a
# reader's health question, which is never logged), status and size; no client address.
accesslog = "-"
access_log_format = '%(t)s "%(m)s %(U)s" %(s)s %(b)s'

# gunicorn's own error log names the client ("Invalid request from ip=…") and may quote the
# request line with its query string ("Error handling request GET /ask/?q=…"); neither may
# be written (docs/operators.md, "Logs").
#
# The request line may be 8,190 bytes (gunicorn's most; its default is 4,094): the API's
# search takes up to 500 characters in its query string, which in any script is at most
# 6,000 bytes once percent-encoded (4 bytes a character, 3 characters a byte), and 500
# characters of Chinese (4,500 bytes) got "414 URI Too Long" at the default. The ask and
# search boxes POST longer text (symptomdb/query_forms.py).
limit_request_line = 8190
_CLIENT = re.compile(r" from ip=\S*?: ")
# What gunicorn quotes from a request it could not parse: any part of the request line,
# which may hold a question (its words split at the spaces).
_QUOTED = re.compile(r"'[^'\n]*'|\"[^\"\n]*\"")
_QUERY = re.compile(r"\?\S*")


def without_client_or_query(record: logging.LogRecord) -> bool:
    """Rewrite a gunicorn error-log record without the client's address, quoted parts of
    a request, or query strings (keeps the record)."""
    message = _CLIENT.sub(": ", record.getMessage())
    record.msg = _QUERY.sub("?…", _QUOTED.sub("'…'", message))
    record.args = None
    return True


class PrivateLogger(Logger):  # type: ignore[misc]  # gunicorn ships no type hints
    """gunicorn's logger, whose error log names no client and quotes no query string."""

    def setup(self, cfg: object) -> None:
        super().setup(cfg)
        if without_client_or_query not in self.error_log.filters:
            self.error_log.addFilter(without_client_or_query)


logger_class = PrivateLogger


def post_worker_init(worker: object) -> None:
    """Build the answering index before the worker takes requests (once per worker), so no
    reader's question waits for it; if the database is not ready, the first question will."""
    from django.db import DatabaseError, connections
    from django.urls import get_resolver

    from symptomdb.answers.building import get_answer_index
    from symptomdb.readability import reading_level
    from symptomdb.safety.crisis_model import load_model

    # The crisis model and its classifier too, so the first reader's text is screened at speed.
    load_model()
    # What a worker's first request would otherwise load itself (measured with a fleet's
    # freshly started server: 1.4 s for its first topic in the API): every view module, and
    # textstat's pronouncing dictionary (1.5 s) and hyphenation rules for reading levels.
    get_resolver().url_patterns  # noqa: B018 - importing them is the point
    reading_level("A sentence to load the dictionary.", "en")
    reading_level("Una frase para cargar las reglas.", "es")
    try:
        get_answer_index()
    except DatabaseError:
        pass
    finally:
        connections.close_all()


def command(bind: str, workers: int | None = None) -> list[str]:
    """The command line that serves symptomdb with these settings on ``bind`` (host:port):
    the same for the fleet's app servers, the tests' live servers and the benchmarks."""
    import sys

    argv = [sys.executable, "-m", "gunicorn", "symptomdb.wsgi:application"]
    argv += ["--config", "python:symptomdb.gunicorn_conf", "--bind", bind]
    return argv + (["--workers", str(workers)] if workers is not None else [])

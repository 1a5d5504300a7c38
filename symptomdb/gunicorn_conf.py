"""gunicorn settings for serving symptomdb (``gunicorn -c python:symptomdb.gunicorn_conf``).

One place for them: ``make run``, the browser tests' live server and ``bench/load.py`` all
load this module, so what is measured is what is served. The address comes from
``--bind`` on the command line. Figures behind the choices: docs/operators.md, Performance.
"""

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


def post_worker_init(worker: object) -> None:
    """Build the answering index before the worker takes requests (once per worker), so no
    reader's question waits for it; if the database is not ready, the first question will."""
    from django.db import DatabaseError, connections

    from symptomdb.answers.building import get_answer_index
    from symptomdb.safety.crisis_model import load_model

    # The crisis model and its encoder too, so the first reader's text is screened at speed.
    load_model()
    try:
        get_answer_index()
    except DatabaseError:
        pass
    finally:
        connections.close_all()

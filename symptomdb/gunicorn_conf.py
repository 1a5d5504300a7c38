"""gunicorn settings for serving symptomdb (``gunicorn -c python:symptomdb.gunicorn_conf``).

One place for them: ``make run``, the browser tests' live server and ``bench/load.py`` all
load this module, so what is measured is what is served. The address comes from
``--bind`` on the command line. Figures behind the choices: docs/operators.md, Performance.
"""

workers = 3
worker_class = "sync"

# The access log keeps method, path (without the query string: ``/ask/?q=`` holds a
# reader's health question, which is never logged), status and size; no client address.
accesslog = "-"
access_log_format = '%(t)s "%(m)s %(U)s" %(s)s %(b)s'


def post_worker_init(worker: object) -> None:
    """Build the answering index before the worker takes requests (once per worker), so no
    reader's question waits for it; if the database is not ready, the first question will."""
    from django.db import DatabaseError, connections

    from symptomdb.answers.building import get_answer_index

    try:
        get_answer_index()
    except DatabaseError:
        pass
    finally:
        connections.close_all()

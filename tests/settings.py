"""Test settings: the real settings, with a throwaway data directory and static files served
straight from the package (no collectstatic)."""

import os
import tempfile

os.environ.setdefault("SYMPTOMDB_DATA_DIR", tempfile.mkdtemp(prefix="symptomdb-test-"))
# Under pytest-xdist each worker (gw0, gw1, …) gets a data directory of its own inside the
# run's, so workers never share a vector cache, page cache or secret key file. Child
# processes inherit the worker's directory (it already ends with the worker's name).
os.environ["SYMPTOMDB_DATA_DIR"] = (
    os.path.join(os.environ["SYMPTOMDB_DATA_DIR"], os.environ["PYTEST_XDIST_WORKER"])
    if os.environ.get("PYTEST_XDIST_WORKER")
    and os.path.basename(os.environ["SYMPTOMDB_DATA_DIR"].rstrip("/"))
    != os.environ["PYTEST_XDIST_WORKER"]
    else os.environ["SYMPTOMDB_DATA_DIR"]
)

from symptomdb.settings import *  # noqa: F403
from symptomdb.settings import CACHES, STATIC_ROOT, STORAGES

os.makedirs(STATIC_ROOT, exist_ok=True)
STORAGES = {
    **STORAGES,
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
WHITENOISE_USE_FINDERS = True
# Tests create users; a fast hasher keeps them quick (production uses Django's default).
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
# Each test has its own database but the data directory is shared; cached pages would leak
# between tests. tests/caching/ turns the page cache on where it is the subject.
CACHES = {**CACHES, "pages": {"BACKEND": "django.core.cache.backends.dummy.DummyCache"}}
# Many tests screen text from one client; the rate limit has its own test
# (tests/api/test_screen_api.py), which sets a low rate.
SYMPTOMDB_SCREEN_RATE = "100000/m"
# A test that publishes a topic and asks at once expects the new index in that request; the
# background rebuild (the default) has its own test (tests/answering/test_index_rebuild.py).
SYMPTOMDB_REBUILD_IN_BACKGROUND = False

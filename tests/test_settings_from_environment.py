"""Every symptomdb setting comes from its environment variable and is in the operators'
guide; with SYMPTOMDB_HTTPS=1 Django's deployment check finds nothing to warn about."""

from __future__ import annotations

import json
import os
import re
import secrets
import subprocess
import sys
from pathlib import Path

from django.http import HttpResponse
from django.test import override_settings

from symptomdb import settings as site_settings
from symptomdb.community.reader import COOKIE_NAME, remember_reader

ROOT = Path(__file__).resolve().parent.parent

# Each setting, a value an operator might give its variable, and the setting it should make.
FROM_ENVIRONMENT = {
    "SYMPTOMDB_DATA_DIR": ("/srv/symptomdb-data", None),
    "SYMPTOMDB_PAGE_CACHE": ("off", None),
    "SYMPTOMDB_SCREEN_RATE": ("5/s", "5/s"),
    "SYMPTOMDB_PROXIES": ("2", 2),
    "SYMPTOMDB_HTTPS": ("1", True),
    "SYMPTOMDB_REBUILD_IN_BACKGROUND": ("0", False),
    "SYMPTOMDB_SEMANTIC": ("off", False),
    "SYMPTOMDB_DEMO_DATA": ("1", True),
    "SYMPTOMDB_QUICK_EXIT_URL": ("https://example.org/weather", "https://example.org/weather"),
    "SYMPTOMDB_LINT_BLOCKING": (
        "method-detail, lethality-detail",
        ["method-detail", "lethality-detail"],
    ),
    "SYMPTOMDB_ADMIN_CSP": ('{"default-src": ["\'self\'"]}', {"default-src": ["'self'"]}),
    "SYMPTOMDB_READING_GRADE_TARGET": ("6.5", 6.5),
    "SYMPTOMDB_CACHE_URL": ("redis://10.0.0.5:6379/2", "redis://10.0.0.5:6379/2"),
    "SYMPTOMDB_INDEX_DIR": ("/srv/shared/symptomdb-index", "/srv/shared/symptomdb-index"),
}


def symptomdb_settings() -> set[str]:
    """Every SYMPTOMDB_* setting: defined in settings.py or read by the code."""
    names = {n for n in dir(site_settings) if n.startswith("SYMPTOMDB_")}
    for path in (ROOT / "symptomdb").rglob("*.py"):
        names |= set(re.findall(r"settings\W+(SYMPTOMDB_[A-Z_]+)", path.read_text()))
    return names | {"SYMPTOMDB_DATA_DIR", "SYMPTOMDB_PAGE_CACHE"}


def run_settings(env: dict[str, str]) -> dict[str, object]:
    code = (
        "import json, symptomdb.settings as s; "
        "print(json.dumps({n: getattr(s, n) for n in dir(s) if n.isupper()}, default=str))"
    )
    result = subprocess.run(
        [sys.executable, "-c", code],
        capture_output=True,
        text=True,
        env={**os.environ, **env},
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    values: dict[str, object] = json.loads(result.stdout)
    return values


def test_every_symptomdb_setting_is_a_row_of_the_operators_table() -> None:
    guide = (ROOT / "docs" / "operators.md").read_text()
    missing = [n for n in sorted(symptomdb_settings()) if f"| `{n}` |" not in guide]
    assert missing == [], "add a row to the settings table of docs/operators.md"


def test_every_symptomdb_setting_takes_its_environment_variable(tmp_path: Path) -> None:
    assert symptomdb_settings() == set(FROM_ENVIRONMENT)
    env = {name: value for name, (value, _) in FROM_ENVIRONMENT.items()}
    env["SYMPTOMDB_DATA_DIR"] = str(tmp_path)
    env["SECRET_KEY"] = secrets.token_urlsafe(50)  # fleet mode (SYMPTOMDB_CACHE_URL) needs one
    values = run_settings(env)
    assert {n: values[n] for n, (_, want) in FROM_ENVIRONMENT.items() if want is not None} == {
        n: want for n, (_, want) in FROM_ENVIRONMENT.items() if want is not None
    }
    assert values["DATA_DIR"] == str(tmp_path.resolve())
    assert "DummyCache" in str(values["CACHES"])


def test_deployment_check_is_clean_when_served_over_https(tmp_path: Path) -> None:
    env = {
        **os.environ,
        "SYMPTOMDB_HTTPS": "1",
        "SECRET_KEY": secrets.token_urlsafe(60),
        "ALLOWED_HOSTS": "symptomdb.example.org",
        "SYMPTOMDB_DATA_DIR": str(tmp_path),
        "DJANGO_SETTINGS_MODULE": "symptomdb.settings",
    }
    # Set by tests/conftest.py for Playwright; a deployment never has it.
    env.pop("DEBUG", None)
    env.pop("DJANGO_ALLOW_ASYNC_UNSAFE", None)
    result = subprocess.run(
        [sys.executable, "-m", "django", "check", "--deploy", "--fail-level", "WARNING"],
        capture_output=True,
        text=True,
        env=env,
        timeout=300,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout


@override_settings(SESSION_COOKIE_SECURE=True)
def test_the_reader_cookie_is_sent_only_over_https_when_the_site_is() -> None:
    response = HttpResponse()
    remember_reader(response, "a-reader")
    cookie = response.cookies[COOKIE_NAME]
    assert cookie["secure"] is True and cookie["httponly"] is True


def import_settings(env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    """Import the settings in a fresh interpreter with ``env`` as its whole environment, as
    a server starting with it would."""
    return subprocess.run(
        [sys.executable, "-c", "import symptomdb.settings"],
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
    )


def test_a_reading_grade_target_that_is_not_a_school_grade_stops_the_site(tmp_path: Path) -> None:
    result = import_settings(
        {
            **os.environ,
            "SYMPTOMDB_DATA_DIR": str(tmp_path),
            "SYMPTOMDB_READING_GRADE_TARGET": "eighth",
        }
    )
    assert result.returncode != 0
    assert (
        "environment variable SYMPTOMDB_READING_GRADE_TARGET='eighth': use a school grade "
        "from 1 to 18, such as 8"
    ) in result.stderr


def test_several_app_servers_share_every_cache_in_redis(tmp_path: Path) -> None:
    values = run_settings(
        {
            "SYMPTOMDB_DATA_DIR": str(tmp_path),
            "SYMPTOMDB_CACHE_URL": "redis://127.0.0.1:6379/0",
            "SECRET_KEY": "the same key on every server",
        }
    )
    caches = str(values["CACHES"])
    for alias in ("default", "pages", "community"):
        assert f"'KEY_PREFIX': 'symptomdb:{alias}'" in caches
    assert caches.count("django.core.cache.backends.redis.RedisCache") == 3
    assert "FileBasedCache" not in caches and "LocMemCache" not in caches
    assert "'CONN_HEALTH_CHECKS': True" in str(values["DATABASES"])
    assert not (tmp_path / "secret_key").exists()


def test_several_app_servers_refuse_to_start_without_an_explicit_secret_key(
    tmp_path: Path,
) -> None:
    env = {**os.environ, "SYMPTOMDB_DATA_DIR": str(tmp_path)}
    env.pop("SECRET_KEY", None)
    (tmp_path / "secret_key").write_text("a key this one server generated earlier")
    result = import_settings({**env, "SYMPTOMDB_CACHE_URL": "redis://127.0.0.1:6379/0"})
    assert result.returncode != 0
    assert "ImproperlyConfigured" in result.stderr
    assert "the environment variable SECRET_KEY is not" in result.stderr


def test_a_cache_url_that_is_not_redis_stops_the_site(tmp_path: Path) -> None:
    result = import_settings(
        {
            **os.environ,
            "SYMPTOMDB_DATA_DIR": str(tmp_path),
            "SECRET_KEY": "k",
            "SYMPTOMDB_CACHE_URL": "memcached://127.0.0.1:11211",
        }
    )
    assert result.returncode != 0
    assert "environment variable SYMPTOMDB_CACHE_URL='memcached://127.0.0.1:11211'" in result.stderr

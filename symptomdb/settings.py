"""Django settings for symptomdb.

Everything an operator may change comes from the environment, each setting documented in
the table of docs/operators.md (tests/test_settings_from_environment.py checks both).
"""

from __future__ import annotations

import json
import os
import secrets
from pathlib import Path
from typing import Any

import dj_database_url
from django.core.exceptions import ImproperlyConfigured

_TRUE, _FALSE = {"1", "true", "yes", "on"}, {"0", "false", "no", "off", ""}


def _env_flag(name: str, default: bool) -> bool:
    """An on/off environment variable; anything but 1/true/yes/on or 0/false/no/off is refused."""
    raw = os.environ.get(name)
    if raw is None:
        return default
    if raw.strip().lower() in _TRUE:
        return True
    if raw.strip().lower() in _FALSE:
        return False
    raise ImproperlyConfigured(f"environment variable {name}={raw!r}: use 1 (on) or 0 (off)")


def _env_json(name: str, default: Any) -> Any:
    """A JSON environment variable, or ``default`` when it is unset."""
    raw = os.environ.get(name)
    if not raw:
        return default
    try:
        return json.loads(raw)
    except json.JSONDecodeError as exc:
        raise ImproperlyConfigured(f"environment variable {name}: not JSON ({exc})") from None


def _env_grade(name: str, default: float) -> float:
    """A school grade from 1 to 18 from the environment, or ``default`` when it is unset."""
    raw = os.environ.get(name)
    if raw is None or not raw.strip():
        return default
    try:
        grade = float(raw)
    except ValueError:
        grade = -1.0
    if not 1 <= grade <= 18:
        raise ImproperlyConfigured(
            f"environment variable {name}={raw!r}: use a school grade from 1 to 18, such as 8"
        )
    return grade


PACKAGE_DIR = Path(__file__).resolve().parent
DATA_DIR = Path(os.environ.get("SYMPTOMDB_DATA_DIR", Path.cwd() / "var")).resolve()


# Fleet mode (docs/operators.md, "Several app servers"): a Redis URL here makes every cache
# (pages, rate limits, sign-in throttles, the page generation) shared by every app server.
SYMPTOMDB_CACHE_URL = os.environ.get("SYMPTOMDB_CACHE_URL", "").strip()
if SYMPTOMDB_CACHE_URL and not SYMPTOMDB_CACHE_URL.startswith(("redis://", "rediss://", "unix://")):
    raise ImproperlyConfigured(
        f"environment variable SYMPTOMDB_CACHE_URL={SYMPTOMDB_CACHE_URL!r}: use a Redis URL, "
        "such as redis://10.0.0.5:6379/0 (rediss:// for TLS, unix:///path/redis.sock)"
    )
FLEET_MODE = bool(SYMPTOMDB_CACHE_URL)


def _secret_key() -> str:
    """Use SECRET_KEY from the environment, else one generated once and kept in DATA_DIR.

    Raises:
        ImproperlyConfigured: in fleet mode without SECRET_KEY: each server would generate a
            key of its own, and refuse the form tokens and sessions the others signed.
    """
    if os.environ.get("SECRET_KEY"):
        return os.environ["SECRET_KEY"]
    if FLEET_MODE:
        raise ImproperlyConfigured(
            "SYMPTOMDB_CACHE_URL is set (several app servers), but the environment variable "
            "SECRET_KEY is not: set SECRET_KEY to the same long random value on every app "
            "server (e.g. python -c 'import secrets; print(secrets.token_urlsafe(50))'), "
            "or each would sign form tokens that the others refuse."
        )
    key_file = DATA_DIR / "secret_key"
    if key_file.exists():
        return key_file.read_text().strip()
    DATA_DIR.mkdir(parents=True, exist_ok=True)
    key = secrets.token_urlsafe(50)
    key_file.write_text(key)
    key_file.chmod(0o600)
    return key


SECRET_KEY = _secret_key()
DEBUG = _env_flag("DEBUG", False)
ALLOWED_HOSTS = [
    h.strip()
    for h in os.environ.get("ALLOWED_HOSTS", "127.0.0.1,localhost,[::1]").split(",")
    if h.strip()
]

INSTALLED_APPS = [
    "symptomdb.topics",
    "symptomdb.helpfinder",
    "symptomdb.api",
    "symptomdb.collections",
    "symptomdb.answers",
    "symptomdb.caching",
    "symptomdb.community",
    "symptomdb.tools",
    # Login throttling (see AXES_* below).
    "axes",
    # Spanish translations of pages: the admin's "Translate" action (docs/editors/translations.md).
    "wagtail_localize",
    "wagtail_localize.locales",
    "wagtail.contrib.forms",
    "wagtail.contrib.redirects",
    "wagtail.contrib.settings",
    "wagtail.embeds",
    "wagtail.sites",
    "wagtail.users",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail",
    "modelcluster",
    "taggit",
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    # Lets /api/v1/docs serve Swagger UI from our own static files instead of a CDN.
    "ninja",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "symptomdb.content_security.SiteCSPMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "symptomdb.caching.PageCacheMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    # The language comes from the URL only (/es/… is Spanish, everything else English;
    # see symptomdb/urls.py), never from a cookie or the browser, so cached pages are safe.
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    # A publish or workflow approval the safe-messaging lint refuses: the reviewer is sent
    # back to the editor with the lint's sentences, never a server error.
    "symptomdb.topics.publish_guard.PublishBlockedMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
    # The admin's sign-in and forms need the Origin header (symptomdb/community/accounts.py).
    "symptomdb.community.accounts.AdminReferrerPolicyMiddleware",
    # Last, as django-axes requires: turns a lockout into a 429 page.
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "symptomdb.urls"
WSGI_APPLICATION = "symptomdb.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [PACKAGE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "symptomdb.helpfinder.context.help_links",
            ],
        },
    },
]

DATABASES = {
    "default": dj_database_url.parse(
        os.environ.get("DATABASE_URL", f"sqlite:///{DATA_DIR / 'symptomdb.sqlite3'}"),
        conn_max_age=60,
    )
}
if FLEET_MODE:
    # A kept connection may have died with a database restart or failover: check it at the
    # start of each request rather than fail the request that finds out.
    DATABASES["default"]["CONN_HEALTH_CHECKS"] = True
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # WAL lets readers go on while an editor writes; busy timeout waits out short locks.
    DATABASES["default"]["OPTIONS"] = {
        "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
        "transaction_mode": "IMMEDIATE",
        "timeout": 20,
    }
    DATABASES["default"]["CONN_MAX_AGE"] = 0

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# The page cache (symptomdb/caching/): files under the data directory, so every gunicorn
# worker and every command (publishing from the CLI) share pages and their invalidation.
# SYMPTOMDB_PAGE_CACHE=off turns it off. See docs/operators.md, "Performance".
CACHES: dict[str, dict[str, Any]] = {
    "default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"},
    "pages": {
        "BACKEND": "django.core.cache.backends.filebased.FileBasedCache",
        "LOCATION": str(DATA_DIR / "page-cache"),
        "TIMEOUT": 3600,
        "OPTIONS": {"MAX_ENTRIES": 2000},
    },
    # Login throttling and the comment rate limit, in a database table (created by
    # `migrate`), so every gunicorn worker counts together; django-axes refuses file and
    # per-process caches. Keys are hashes and expire (15 minutes for sign-in): nothing
    # names a person or an IP address in clear.
    "community": {
        "BACKEND": "django.core.cache.backends.db.DatabaseCache",
        "LOCATION": "symptomdb_throttle_cache",
        "TIMEOUT": 3600,
    },
}
if FLEET_MODE:
    # Several app servers: every cache in one Redis (Django's own backend), so pages, their
    # generation, rate limits and sign-in throttles are the same whichever server answers.
    # Short socket timeouts: a Redis that is down or stalled costs a request at most a
    # quarter of a second per call (no retries), never a worker held for seconds; the page
    # cache then serves uncached (symptomdb/caching/middleware.py). Each alias keeps its
    # keys under a prefix of its own, so they never collide in the one database.
    _REDIS_OPTIONS = {"socket_connect_timeout": 0.25, "socket_timeout": 0.25}
    CACHES = {
        alias: {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": SYMPTOMDB_CACHE_URL,
            "KEY_PREFIX": f"symptomdb:{alias}",
            "TIMEOUT": timeout,
            "OPTIONS": _REDIS_OPTIONS,
        }
        for alias, timeout in (("default", 300), ("pages", 3600), ("community", 3600))
    }
if not _env_flag("SYMPTOMDB_PAGE_CACHE", True):
    CACHES["pages"] = {"BACKEND": "django.core.cache.backends.dummy.DummyCache"}

# Accounts (docs/editors/review-and-moderation.md). Argon2 first: new and changed passwords
# are hashed with it; older hashes still verify and are upgraded at the next sign-in.
PASSWORD_HASHERS = [
    "django.contrib.auth.hashers.Argon2PasswordHasher",
    "django.contrib.auth.hashers.PBKDF2PasswordHasher",
    "django.contrib.auth.hashers.PBKDF2SHA1PasswordHasher",
    "django.contrib.auth.hashers.ScryptPasswordHasher",
]
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    # Any usernames: 20 failures from one client in 15 minutes (symptomdb.community.accounts).
    "symptomdb.community.accounts.ClientSignInLimitBackend",
    "django.contrib.auth.backends.ModelBackend",
]
# django-axes: lock a username tried from one client after 5 failures, for 15 minutes.
# The cache handler keeps counts in CACHES["community"] under hashed keys and writes
# nothing to the database, so no IP address is stored; log lines name no one
# (symptomdb.community.accounts.anonymous_client_str).
AXES_HANDLER = "axes.handlers.cache.AxesCacheHandler"
AXES_CACHE = "community"
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_FAILURE_LIMIT = 5
AXES_COOLOFF_TIME = 0.25  # hours
AXES_RESET_ON_SUCCESS = True
AXES_VERBOSE = False
AXES_CLIENT_STR_CALLABLE = "symptomdb.community.accounts.anonymous_client_str"
AXES_LOCKOUT_TEMPLATE = "community/locked_out.html"

# E-mail (password reset from the admin's sign-in page): printed to the console unless
# EMAIL_HOST is set, then sent by SMTP. See docs/operators.md.
EMAIL_BACKEND = os.environ.get(
    "EMAIL_BACKEND",
    "django.core.mail.backends.smtp.EmailBackend"
    if os.environ.get("EMAIL_HOST")
    else "django.core.mail.backends.console.EmailBackend",
)
EMAIL_HOST = os.environ.get("EMAIL_HOST", "localhost")
EMAIL_PORT = int(os.environ.get("EMAIL_PORT", "587"))
EMAIL_HOST_USER = os.environ.get("EMAIL_HOST_USER", "")
EMAIL_HOST_PASSWORD = os.environ.get("EMAIL_HOST_PASSWORD", "")
EMAIL_USE_TLS = os.environ.get("EMAIL_USE_TLS", "true").lower() in {"1", "true", "yes"}
DEFAULT_FROM_EMAIL = os.environ.get("DEFAULT_FROM_EMAIL", "symptomdb <noreply@localhost>")
WAGTAILADMIN_NOTIFICATION_FROM_EMAIL = DEFAULT_FROM_EMAIL
WAGTAIL_PASSWORD_RESET_ENABLED = True

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {
        "NAME": "django.contrib.auth.password_validation.MinimumLengthValidator",
        "OPTIONS": {"min_length": 12},
    },
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

LANGUAGE_CODE = "en"
TIME_ZONE = "UTC"
USE_I18N = True
# English and Spanish (docs/editors/translations.md). Spanish pages are Wagtail translations
# of the English ones, under /es/; the interface strings are in symptomdb/locale/.
LANGUAGES = [("en", "English"), ("es", "Español")]
WAGTAIL_I18N_ENABLED = True
WAGTAIL_CONTENT_LANGUAGES = LANGUAGES
LOCALE_PATHS = [PACKAGE_DIR / "locale"]
# Dates on readers' pages use DATE_FORMAT: "24 November 2026", "24 de noviembre de 2026".
FORMAT_MODULE_PATH = ["symptomdb.formats"]
USE_TZ = True

STATIC_URL = "/static/"
STATICFILES_DIRS = [PACKAGE_DIR / "static"]
STATIC_ROOT = DATA_DIR / "static"
MEDIA_URL = "/media/"
MEDIA_ROOT = DATA_DIR / "media"
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}

WAGTAIL_SITE_NAME = "symptomdb"
WAGTAILADMIN_BASE_URL = os.environ.get("WAGTAILADMIN_BASE_URL", "http://127.0.0.1:8000")
WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "wagtail.search.backends.database"}}
WAGTAIL_WORKFLOW_ENABLED = True
# Approving a review publishes it; approvers need no publish permission (see the module).
WAGTAIL_FINISH_WORKFLOW_ACTION = "symptomdb.community.workflow.publish_approved"
WAGTAILDOCS_EXTENSIONS = ["csv", "pdf", "txt"]

# Readers' pages: nothing from other origins, no inline script or style (the JSON-LD block
# is data, not script, and is allowed). /admin/ gets SYMPTOMDB_ADMIN_CSP (see
# symptomdb/content_security.py and docs/operators.md).
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "script-src": ["'self'"],
        "style-src": ["'self'"],
        "img-src": ["'self'", "data:"],
        "frame-ancestors": ["'none'"],
        "base-uri": ["'none'"],
        "form-action": ["'self'"],
        "object-src": ["'none'"],
        # The offline worker of the safety plan and coping toolkit (/sw.js, ours only).
        "worker-src": ["'self'"],
    }
}
SYMPTOMDB_ADMIN_CSP = _env_json(
    "SYMPTOMDB_ADMIN_CSP",
    {
        "default-src": ["'self'"],
        "script-src": ["'self'", "'unsafe-inline'"],
        "style-src": ["'self'", "'unsafe-inline'"],
        "img-src": ["'self'", "data:", "blob:"],
        "frame-ancestors": ["'self'"],
        "base-uri": ["'self'"],
        "form-action": ["'self'"],
        "object-src": ["'none'"],
    },
)
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "no-referrer"
X_FRAME_OPTIONS = "DENY"
SESSION_COOKIE_HTTPONLY = True
CSRF_COOKIE_HTTPONLY = False

# HTTPS (docs/operators.md, "HTTPS"). Behind a proxy that ends TLS, SYMPTOMDB_PROXIES=N
# makes Django trust the proxy's X-Forwarded-Proto, so it knows a request came over HTTPS
# (without that, the redirect to HTTPS below would loop). SYMPTOMDB_HTTPS=1 turns on
# every protection `check --deploy` asks for: redirect to HTTPS, HSTS for a year (this host
# and its subdomains, preload allowed), and cookies (session, CSRF, reader) sent only over
# HTTPS.
SYMPTOMDB_HTTPS = _env_flag("SYMPTOMDB_HTTPS", False)
SYMPTOMDB_PROXIES = int(os.environ.get("SYMPTOMDB_PROXIES", "0"))
if SYMPTOMDB_PROXIES:
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
if SYMPTOMDB_HTTPS:
    SECURE_SSL_REDIRECT = True
    SECURE_HSTS_SECONDS = 365 * 24 * 3600
    SECURE_HSTS_INCLUDE_SUBDOMAINS = True
    SECURE_HSTS_PRELOAD = True
    SESSION_COOKIE_SECURE = True
    CSRF_COOKIE_SECURE = True

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": "WARNING"},
}

# The crisis screen over the API costs CPU: this many requests per client, e.g. "30/m"
# (SYMPTOMDB_SCREEN_RATE). Clients are told apart by address, kept only as a keyed hash in
# the cache; behind N proxies set SYMPTOMDB_PROXIES=N so X-Forwarded-For is read, never
# otherwise. See docs/api.md, "Limits".
SYMPTOMDB_SCREEN_RATE = os.environ.get("SYMPTOMDB_SCREEN_RATE", "30/m")
NINJA_NUM_PROXIES = SYMPTOMDB_PROXIES

# Answering (docs/operators.md, "Answering"). After a publish or an import, the answering
# index is rebuilt in a background thread while readers are answered from the previous one.
SYMPTOMDB_REBUILD_IN_BACKGROUND = _env_flag("SYMPTOMDB_REBUILD_IN_BACKGROUND", True)
# Where passage vectors are kept (`symptomdb build-index` writes them, every worker
# memory-maps them). Several app servers point this at one shared folder, so content is
# encoded once, by whichever server sees it first, and every server loads the same files.
SYMPTOMDB_INDEX_DIR = Path(os.environ.get("SYMPTOMDB_INDEX_DIR") or DATA_DIR / "cache").resolve()
# Semantic (MiniLM) ranking next to BM25; off answers lexically only.
SYMPTOMDB_SEMANTIC = _env_flag("SYMPTOMDB_SEMANTIC", True)
# Where quick exit sends a reader (docs/privacy.md): another site that says nothing about
# health; empty means BBC Weather (symptomdb/tools/templatetags/tools.py).
SYMPTOMDB_QUICK_EXIT_URL = os.environ.get("SYMPTOMDB_QUICK_EXIT_URL", "")
# The school grade topic sections should read at or below (docs/editors/README.md, "Reading
# level"): a section above it is a warning in the admin, from lint-content and in the API,
# never a block.
SYMPTOMDB_READING_GRADE_TARGET = _env_grade("SYMPTOMDB_READING_GRADE_TARGET", 8.0)

# The help finder's invented sample providers (docs/operators.md, "The help finder's provider
# directory"): off, readers see only real services and `setup` does not add the samples; on
# (a demonstration site), they are added, labelled, and listed after the real services.
SYMPTOMDB_DEMO_DATA = _env_flag("SYMPTOMDB_DEMO_DATA", False)
# Safe-messaging rules that block publishing, comma-separated rule ids; unset keeps the
# default set (docs/safety.md).
SYMPTOMDB_LINT_BLOCKING = (
    [r.strip() for r in os.environ["SYMPTOMDB_LINT_BLOCKING"].split(",") if r.strip()]
    if "SYMPTOMDB_LINT_BLOCKING" in os.environ
    else None
)

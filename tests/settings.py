"""Test settings: the real settings, with static files served straight from the package."""

from symptomdb.settings import *  # noqa: F403
from symptomdb.settings import STORAGES

STORAGES = {**STORAGES, "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"}}
WHITENOISE_USE_FINDERS = True
# Tests create users; a fast hasher keeps them quick (production uses Django's default).
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]

"""WSGI entry point (gunicorn serves ``symptomdb.wsgi:application``)."""

import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "symptomdb.settings")
application = get_wsgi_application()

"""WSGI entry point for gunicorn (`ordito serve`)."""

import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "ordito.settings")
application = get_wsgi_application()

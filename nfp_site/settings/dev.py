"""`make run`: a single machine, SQLite by default, emails on the console."""

from .base import *  # noqa: F403
from .base import env

DEBUG = env.flag("DJANGO_DEBUG", True)
SECRET_KEY = env.text("DJANGO_SECRET_KEY", "dev-only-not-secret")  # noqa: S105
ALLOWED_HOSTS = env.words("ALLOWED_HOSTS", ["127.0.0.1", "localhost"])
# Emails go through the outbox and the worker, and end on the worker's console.
NFP_EMAIL_DELIVERY_BACKEND = env.text(
    "EMAIL_BACKEND", "django.core.mail.backends.console.EmailBackend"
)
NFP_ALLOW_DEMO_CONTENT = True

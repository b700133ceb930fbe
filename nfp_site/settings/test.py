"""The test suite: fast hashing, local memory cache and email, immediate tasks."""

from .base import *  # noqa: F403

DEBUG = False
SECRET_KEY = "test-only-not-secret"  # noqa: S105
ALLOWED_HOSTS = ["testserver", "localhost", "127.0.0.1"]
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
SESSION_ENGINE = "django.contrib.sessions.backends.db"
# Through the outbox (settings.base), delivered at once into mail.outbox.
NFP_EMAIL_DELIVERY_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
WAGTAILADMIN_BASE_URL = "http://testserver"
NFP_ALLOW_DEMO_CONTENT = True
NFP_LOG_LEVEL = "WARNING"
LOGGING["root"]["level"] = NFP_LOG_LEVEL  # noqa: F405
LOGGING["loggers"]["django"]["level"] = "WARNING"  # noqa: F405

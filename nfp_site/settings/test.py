"""The test suite: fast hashing, local memory cache and email, immediate tasks."""

from .base import *  # noqa: F403

DEBUG = False
SECRET_KEY = "test-only-not-secret"  # noqa: S105
ALLOWED_HOSTS = ["testserver", "localhost", "127.0.0.1"]
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
# Never culled as the local memory cache culls a third of its entries past 300: a sweep of
# the whole site (the query budgets) would otherwise lose the site's root paths or network
# roots at random, and a page's measured cost with them, which Redis in production does not.
CACHES = {
    "default": {
        "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
        "OPTIONS": {"MAX_ENTRIES": 100_000},
    }
}
SESSION_ENGINE = "django.contrib.sessions.backends.db"
# Through the outbox (settings.base), delivered at once into mail.outbox.
NFP_EMAIL_DELIVERY_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
WAGTAILADMIN_BASE_URL = "http://testserver"
NFP_ALLOW_DEMO_CONTENT = True
NFP_LOG_LEVEL = "WARNING"
LOGGING["root"]["level"] = NFP_LOG_LEVEL  # noqa: F405
LOGGING["loggers"]["django"]["level"] = "WARNING"  # noqa: F405

"""Production: every secret from the environment, no defaults for them."""

from operations.sentry import init_sentry

from .base import *  # noqa: F403
from .base import LOGGING, STORAGES, env

DEBUG = False
SECRET_KEY = env.required("DJANGO_SECRET_KEY")
ALLOWED_HOSTS = env.words("ALLOWED_HOSTS", [])
CSRF_TRUSTED_ORIGINS = env.words("CSRF_TRUSTED_ORIGINS", [])
STORAGES["staticfiles"]["BACKEND"] = "whitenoise.storage.CompressedManifestStaticFilesStorage"

SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_SSL_REDIRECT = env.flag("SECURE_SSL_REDIRECT", True)
SECURE_HSTS_SECONDS = env.integer("SECURE_HSTS_SECONDS", 31_536_000)
SECURE_HSTS_INCLUDE_SUBDOMAINS = True
SECURE_HSTS_PRELOAD = True
SESSION_COOKIE_SECURE = True
CSRF_COOKIE_SECURE = True
NFP_ALLOW_DEMO_CONTENT = False

# Structured logs (JSON lines on stdout), a line per request.
LOGGING["handlers"]["stdout"]["formatter"] = env.text("NFP_LOG_FORMAT", "json")
LOGGING["loggers"]["operations.requests"]["level"] = env.text("NFP_REQUEST_LOG_LEVEL", "INFO")

# Error reports to Sentry only when SENTRY_DSN is set (the SDK is not loaded otherwise).
SENTRY_DSN = env.text("SENTRY_DSN")
if SENTRY_DSN:
    init_sentry(
        SENTRY_DSN,
        environment=env.text("SENTRY_ENVIRONMENT", "production"),
        traces_sample_rate=float(env.text("SENTRY_TRACES_SAMPLE_RATE", "0")),
    )

"""Production: every secret from the environment, no defaults for them."""

from nfp_site.operations.sentry import init_sentry

from .base import *  # noqa: F403
from .base import DATABASES, LOGGING, STORAGES, env

DEBUG = False
SECRET_KEY = env.required("DJANGO_SECRET_KEY")
ALLOWED_HOSTS = env.words("ALLOWED_HOSTS", [])
CSRF_TRUSTED_ORIGINS = env.words("CSRF_TRUSTED_ORIGINS", [])
STORAGES["staticfiles"]["BACKEND"] = "whitenoise.storage.CompressedManifestStaticFilesStorage"
# Database connections are kept between requests (opening one costs more than most pages),
# checked before each request reuses one (settings.base: conn_health_checks).
DATABASES["default"]["CONN_MAX_AGE"] = env.integer("DATABASE_CONN_MAX_AGE", 600)

SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_SSL_REDIRECT = env.flag("SECURE_SSL_REDIRECT", True)
SECURE_HSTS_SECONDS = env.integer("SECURE_HSTS_SECONDS", 31_536_000)
SECURE_HSTS_INCLUDE_SUBDOMAINS = True
SECURE_HSTS_PRELOAD = True
# Off only for a trial over plain http://localhost (deploy/production.env.example).
SESSION_COOKIE_SECURE = env.flag("SESSION_COOKIE_SECURE", True)
CSRF_COOKIE_SECURE = env.flag("CSRF_COOKIE_SECURE", True)
NFP_ALLOW_DEMO_CONTENT = False

# Uploads in S3-compatible object storage when a bucket is named (compose.yaml). The bucket
# stays private: documents are streamed by the access-checked view (serve_view), images
# get signed URLs.
NFP_S3_BUCKET = env.text("NFP_S3_BUCKET")
if NFP_S3_BUCKET:
    STORAGES["default"] = {
        "BACKEND": "storages.backends.s3.S3Storage",
        "OPTIONS": {
            "bucket_name": NFP_S3_BUCKET,
            "endpoint_url": env.text("NFP_S3_ENDPOINT_URL"),
            "region_name": env.text("NFP_S3_REGION"),
            "access_key": env.required("NFP_S3_ACCESS_KEY_ID"),
            "secret_key": env.required("NFP_S3_SECRET_ACCESS_KEY"),
            "default_acl": None,
            "querystring_auth": True,
            "querystring_expire": env.integer("NFP_S3_URL_SECONDS", 3600),
            "file_overwrite": False,
        },
    }

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

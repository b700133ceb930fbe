"""Settings shared by every environment. Deployment facts come from `env`."""

from pathlib import Path

import dj_database_url
from django.utils.translation import gettext_lazy as _

from . import env

PROJECT_DIR = Path(__file__).resolve().parent.parent
BASE_DIR = PROJECT_DIR.parent

INSTALLED_APPS = [
    "home",
    "network_pages",
    # community first: meetings and information pages take its comments mixin.
    "network_pages.community",
    "network_pages.meetings",
    "network_pages.information",
    "network_pages.publication_drafts",
    "network_pages.search",
    "network_pages.decisions",
    "network_pages.date_polls",
    "network_pages.library",
    "workflows",
    "nfp_site.operations",
    "django_tasks_db",
    "wagtail_localize",
    "wagtail_localize.locales",
    "wagtail.contrib.redirects",
    "wagtail.contrib.settings",
    "wagtail.contrib.routable_page",
    "wagtail.embeds",
    "wagtail.sites",
    # Wagtail's user editor, with account stewardship (network_pages/admin/stewardship.py).
    "network_pages.admin.users_app.StewardedUsersConfig",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail",
    "modelcluster",
    "taggit",
    "django_filters",
    "django_otp",
    "django_otp.plugins.otp_totp",
    "django_otp.plugins.otp_static",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.sitemaps",
    "csp",
]

MIDDLEWARE = [
    "nfp_site.operations.middleware.RequestIdMiddleware",
    "django.middleware.security.SecurityMiddleware",
    # The French addresses with the English slugs, before anything reads a page (issue 15).
    "network_pages.area_addresses.OldFrenchAddressesMiddleware",
    "network_pages.security.ContentSecurityPolicyMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "nfp_site.operations.middleware.MaintenanceModeMiddleware",
    # Before CSRF and authentication: a cached public page costs neither, nor any query;
    # after maintenance mode, which answers 503 for everything (home.page_cache).
    "home.page_cache.PublicPageCacheMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    # django-otp's, reading the device with SQL compiled once (issue 17).
    "network_pages.middleware.VerifiedDeviceMiddleware",
    "nfp_site.operations.middleware.UserIdLogMiddleware",
    "network_pages.security.SessionLifetimeMiddleware",
    "network_pages.middleware.AdminRequiresVerifiedSessionMiddleware",
    # A network approver's admin: the pages they review (issue 13).
    "workflows.approver_admin.ReviewOnlyAdminMiddleware",
    "network_pages.middleware.PrivateResponsesMiddleware",
    "network_pages.middleware.RestrictionsReadOnceMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
]

ROOT_URLCONF = "nfp_site.urls"
WSGI_APPLICATION = "nfp_site.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
            ],
            # French « 1er » in the `date` filter (nfp_site/dates.py).
            "builtins": ["nfp_site.dates"],
        },
    },
]

DATABASES = {
    "default": dj_database_url.parse(
        env.text("DATABASE_URL", f"sqlite:///{BASE_DIR / 'db.sqlite3'}"),
        conn_max_age=env.integer("DATABASE_CONN_MAX_AGE", 0),
        # A kept connection that the server closed meanwhile is replaced, not used.
        conn_health_checks=True,
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql":
    # Parameters sent beside the query, not written into it by psycopg in Python: ~5 % less
    # CPU a request at network size, where the access rule's lists of ids are long (issue
    # 17, BENCHMARKS.md). The whole suite runs this way on PostgreSQL.
    DATABASES["default"].setdefault("OPTIONS", {})["server_side_binding"] = True
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

REDIS_URL = env.text("REDIS_URL")
if REDIS_URL:
    # Shared by every instance; when Redis is down the site carries on (nfp_site.operations.cache).
    CACHES = {
        "default": {
            "BACKEND": "nfp_site.operations.cache.ResilientRedisCache",
            "LOCATION": REDIS_URL,
            "KEY_PREFIX": env.text("NFP_CACHE_KEY_PREFIX", ""),
        }
    }
    # Read from Redis, kept in the database: a Redis outage signs nobody out.
    SESSION_ENGINE = "django.contrib.sessions.backends.cached_db"
else:
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {
        "NAME": "django.contrib.auth.password_validation.MinimumLengthValidator",
        "OPTIONS": {"min_length": 12},
    },
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

# Two official languages of the Council of Europe, for the interface and the content.
LANGUAGE_CODE = "en"
LANGUAGES = [("en", _("English")), ("fr", _("French"))]
WAGTAIL_CONTENT_LANGUAGES = LANGUAGES
WAGTAIL_I18N_ENABLED = True
WAGTAILLOCALIZE_SYNC_LIVE_STATUS_ON_TRANSLATE = False
LOCALE_PATHS = [BASE_DIR / "locale"]
TIME_ZONE = "Europe/Paris"
# One style of date per language (nfp_site/formats/): "2 December 2026, 14:30".
FORMAT_MODULE_PATH = ["nfp_site.formats"]
USE_I18N = True
USE_TZ = True

STATIC_URL = "/static/"
STATIC_ROOT = BASE_DIR / "static"
MEDIA_URL = "/media/"
MEDIA_ROOT = Path(env.text("MEDIA_ROOT", str(BASE_DIR / "media")))
STORAGES = {
    # A failed write leaves no partial file (disk full, read-only).
    "default": {"BACKEND": "nfp_site.operations.storage.CleanFileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
DATA_UPLOAD_MAX_NUMBER_FIELDS = 10_000

# Every email goes to the outbox (nfp_site.operations.outbox) in the transaction of the work that
# caused it; the worker delivers it through NFP_EMAIL_DELIVERY_BACKEND, with retries.
EMAIL_BACKEND = "nfp_site.operations.email_backend.OutboxBackend"
NFP_EMAIL_DELIVERY_BACKEND = env.text(
    "EMAIL_BACKEND", "django.core.mail.backends.smtp.EmailBackend"
)
EMAIL_HOST = env.text("EMAIL_HOST", "localhost")
EMAIL_PORT = env.integer("EMAIL_PORT", 25)
EMAIL_HOST_USER = env.text("EMAIL_HOST_USER", "")
EMAIL_HOST_PASSWORD = env.text("EMAIL_HOST_PASSWORD", "")
EMAIL_USE_TLS = env.flag("EMAIL_USE_TLS")
# Seconds an SMTP server may take to answer before the attempt counts as failed.
EMAIL_TIMEOUT = env.integer("EMAIL_TIMEOUT", 10)
DEFAULT_FROM_EMAIL = env.text("DEFAULT_FROM_EMAIL", "nfp-site <noreply@localhost>")
SERVER_EMAIL = DEFAULT_FROM_EMAIL
# A failing email is tried again with growing delays for that long, then left to the DMR.
NFP_EMAIL_GIVE_UP_AFTER_HOURS = env.integer("NFP_EMAIL_GIVE_UP_AFTER_HOURS", 48)

# Background work: django-tasks' database backend, run by `manage.py run_worker`.
TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
# A task "running" longer than this was left by a worker that died: it runs again.
NFP_TASK_STALE_AFTER_MINUTES = env.integer("NFP_TASK_STALE_AFTER_MINUTES", 30)
# Daily jobs the worker runs (local time, TIME_ZONE); "" leaves one to cron.
NFP_DAILY_JOBS = {
    "send_request_reminders": env.text("NFP_REMINDERS_AT", "06:00"),
    "send_digests": env.text("NFP_DIGESTS_AT", "07:00"),
    "send_action_point_reminders": env.text("NFP_ACTION_REMINDERS_AT", "06:15"),
    # Finished task results older than 14 days (django-tasks-db).
    "prune_db_task_results": env.text("NFP_PRUNE_TASKS_AT", "03:30"),
}
NFP_WORKER_RUNS_SCHEDULE = env.flag("NFP_WORKER_RUNS_SCHEDULE", True)

# Public pages served to anonymous visitors from the cache (home.page_cache): how long the
# cache and a CDN keep them (s-maxage), and how long a browser does (max-age). 0: no caching.
NFP_PUBLIC_CACHE_SECONDS = env.integer("NFP_PUBLIC_CACHE_SECONDS", 600)
NFP_PUBLIC_BROWSER_CACHE_SECONDS = env.integer("NFP_PUBLIC_BROWSER_CACHE_SECONDS", 60)
# A member's calendar feed, kept per reader between polls (network_pages/meetings/feed_cache.py;
# every change to what it shows starts afresh). 0: written on every request.
NFP_CALENDAR_FEED_CACHE_SECONDS = env.integer("NFP_CALENDAR_FEED_CACHE_SECONDS", 3600)
# The documents a reader may download, kept between their searches (network_pages/search/
# document_cache.py; every change to what decides them starts afresh). 0: decided every time.
NFP_SEARCH_DOCUMENTS_CACHE_SECONDS = env.integer("NFP_SEARCH_DOCUMENTS_CACHE_SECONDS", 3600)
# A CDN in front of the site: publishing purges the changed pages, their listings, the
# sitemap and the feeds (home.cdn_purge) through Wagtail's frontend cache module, with one
# HTTP PURGE per URL to this address. Nothing is purged when it is not set.
NFP_FRONTEND_CACHE_PURGE_URL = env.text("NFP_FRONTEND_CACHE_PURGE_URL")
WAGTAILFRONTENDCACHE = (
    {
        "default": {
            "BACKEND": "wagtail.contrib.frontend_cache.backends.HTTPBackend",
            "LOCATION": NFP_FRONTEND_CACHE_PURGE_URL,
        }
    }
    if NFP_FRONTEND_CACHE_PURGE_URL
    else {}
)

# Translated: the admin names the network in its reader's language (issue 15).
WAGTAIL_SITE_NAME = _("Network of Focal Points on Migration")
WAGTAILADMIN_BASE_URL = env.text("WAGTAILADMIN_BASE_URL", "http://127.0.0.1:8000")
# Wagtail's database backend; on PostgreSQL, with English and French stemming.
WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "nfp_site.search_backend"}}
# Confidential files are documents; they are always served through Django so that
# the access rule runs, never straight from storage.
WAGTAILDOCS_SERVE_METHOD = "serve_view"
WAGTAILDOCS_EXTENSIONS = ["csv", "docx", "odt", "pdf", "pptx", "rtf", "txt", "xlsx"]
WAGTAILDOCS_MAX_UPLOAD_SIZE = 20 * 1024 * 1024
WAGTAIL_WORKFLOW_REQUIRE_REAPPROVAL_ON_EDIT = True
WAGTAIL_PASSWORD_RESET_ENABLED = False
# One email address per person, changed with a confirmation in My account (or by the DMR,
# audited): the admin's own account page does not change it.
WAGTAIL_EMAIL_MANAGEMENT_ENABLED = False

# Sign-in: password, then a one-time password (TOTP or a backup code), site and admin alike.
LOGIN_URL = "accounts:login"
# Django's password check and permissions, in fewer queries (issue 17). Django's own backend
# stays listed: sessions opened before are recorded under its name.
AUTHENTICATION_BACKENDS = [
    "network_pages.user_backend.UserWithProfilesBackend",
    "django.contrib.auth.backends.ModelBackend",
]
LOGIN_REDIRECT_URL = "/"
WAGTAILADMIN_LOGIN_URL = "accounts:login"
WAGTAIL_FRONTEND_LOGIN_URL = "accounts:login"
OTP_TOTP_ISSUER = "NFP Migration"
# Reverse proxies in front of the app: the client address for rate limits is taken
# that many hops back in X-Forwarded-For (0: REMOTE_ADDR).
NFP_TRUSTED_PROXY_COUNT = env.integer("NFP_TRUSTED_PROXY_COUNT", 0)
OTP_TOTP_THROTTLE_FACTOR = 1
OTP_STATIC_THROTTLE_FACTOR = 1

# Signed-in sessions: idle and absolute lifetimes (network_pages.security).
NFP_SESSION_IDLE_MINUTES = env.integer("NFP_SESSION_IDLE_MINUTES", 60)
NFP_SESSION_MAX_HOURS = env.integer("NFP_SESSION_MAX_HOURS", 12)
SESSION_COOKIE_AGE = NFP_SESSION_MAX_HOURS * 3600

# No inline script on the site; the admin's looser policy is in network_pages.security.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "script-src": ["'self'"],
        "style-src": ["'self'"],
        "img-src": ["'self'", "data:"],
        "font-src": ["'self'"],
        "connect-src": ["'self'"],
        "frame-ancestors": ["'none'"],
        "form-action": ["'self'"],
        "base-uri": ["'self'"],
        "object-src": ["'none'"],
    }
}

# Admin avatars: Wagtail's own default picture. Gravatar would send a hash of every
# member's email address to a third party, and the CSP (rightly) blocks its images.
WAGTAIL_GRAVATAR_PROVIDER_URL = None

# Uploads: size and pixel caps; documents are always downloaded, never rendered inline.
WAGTAILIMAGES_MAX_UPLOAD_SIZE = 10 * 1024 * 1024
WAGTAILIMAGES_MAX_IMAGE_PIXELS = 40_000_000
WAGTAILDOCS_INLINE_CONTENT_TYPES: list[str] = []
WAGTAILDOCS_DOCUMENT_FORM_BASE = "network_pages.uploads.CheckedDocumentForm"
WAGTAILIMAGES_IMAGE_FORM_BASE = "network_pages.uploads.PublicImageForm"

SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
CSRF_COOKIE_SAMESITE = "Lax"

# Logs on stdout: every line carries the request id and the user id
# (nfp_site.operations.log_context);
# errors come with their traceback. "json" (production) or "plain" (development).
NFP_LOG_FORMAT = env.text("NFP_LOG_FORMAT", "plain")
NFP_LOG_LEVEL = env.text("NFP_LOG_LEVEL", "INFO")
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "filters": {"context": {"()": "nfp_site.operations.log_context.ContextFilter"}},
    "formatters": {
        "json": {"()": "nfp_site.operations.log_format.JsonFormatter"},
        "plain": {"format": "%(asctime)s %(levelname)s %(name)s: %(message)s"},
    },
    "handlers": {
        "stdout": {
            "class": "logging.StreamHandler",
            "stream": "ext://sys.stdout",
            "filters": ["context"],
            "formatter": NFP_LOG_FORMAT,
        }
    },
    "root": {"handlers": ["stdout"], "level": NFP_LOG_LEVEL},
    "loggers": {
        # Request lines are for production's log collector; development has runserver's own.
        "operations.requests": {"level": env.text("NFP_REQUEST_LOG_LEVEL", "WARNING")},
        "django": {"handlers": ["stdout"], "level": "INFO", "propagate": False},
    },
}

# /healthz (nfp_site.operations.health) and maintenance mode (nfp_site.operations.maintenance).
NFP_HEALTH_MAX_QUEUE_AGE_SECONDS = env.integer("NFP_HEALTH_MAX_QUEUE_AGE_SECONDS", 300)
NFP_HEALTH_MIN_FREE_MB = env.integer("NFP_HEALTH_MIN_FREE_MB", 200)
NFP_MAINTENANCE_FILE = env.text("NFP_MAINTENANCE_FILE", str(BASE_DIR / "maintenance.on"))

# Information requests: automatic reminders this many days before the deadline.
NFP_REQUEST_REMINDER_DAYS = env.integer("NFP_REQUEST_REMINDER_DAYS", 7)

# `seed_demo` (demo content and accounts with known passwords) runs only where this is True.
NFP_ALLOW_DEMO_CONTENT = False

# Joint approval (workflows app)
# 3.3: what the network and the DMR approve jointly moves into the public section.
WAGTAIL_FINISH_WORKFLOW_ACTION = "workflows.finish.move_into_public_section"
WORKFLOWS_PUBLIC_DESTINATION = "home.public_section.public_parent_for"
WORKFLOWS_MAY_VIEW_PAGE = "network_pages.access.user_may_view_page"
WORKFLOWS_RESTRICTED_LINK_CHECK = "network_pages.publication_drafts.policies.is_restricted"
WORKFLOWS_RECIPIENT_LANGUAGE = "network_pages.publication_drafts.policies.recipient_language"

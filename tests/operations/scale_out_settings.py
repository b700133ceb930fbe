"""Production settings for the processes that the scale-out tests start (gunicorn, the
worker), with plain static files: collecting them is not what these tests are about."""

from nfp_site.settings.production import *  # noqa: F403
from nfp_site.settings.production import STORAGES

STORAGES["staticfiles"] = {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"}
# The test process stores its accounts' passwords with the test suite's fast hasher.
PASSWORD_HASHERS = [
    "django.contrib.auth.hashers.PBKDF2PasswordHasher",
    "django.contrib.auth.hashers.MD5PasswordHasher",
]

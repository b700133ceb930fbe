import pytest

from tests.smtp_support import SmtpSink

SMTP_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
DATABASE_TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}


@pytest.fixture
def smtp(settings):
    """A real SMTP server on this machine, which the outbox delivers to."""
    sink = SmtpSink().start()
    settings.NFP_EMAIL_DELIVERY_BACKEND = SMTP_BACKEND
    settings.EMAIL_HOST, settings.EMAIL_PORT = "127.0.0.1", sink.port
    settings.EMAIL_TIMEOUT = 2
    yield sink
    sink.stop()


@pytest.fixture
def database_tasks(settings):
    """Tasks wait in the database for a worker, as in production."""
    settings.TASKS = DATABASE_TASKS

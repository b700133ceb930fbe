"""EMAIL_BACKEND: every `EmailMessage.send()` of the project, Wagtail and Django goes to
the outbox (`nfp_site.operations.outbox.queue`) instead of straight to the mail server."""

from django.core.mail.backends.base import BaseEmailBackend

from . import outbox


class OutboxBackend(BaseEmailBackend):
    def send_messages(self, email_messages) -> int:
        count = 0
        for message in email_messages:
            if not message.recipients():
                continue
            message.message()  # refuse a malformed message now, in the caller's request
            outbox.queue(message)
            count += 1
        return count

"""An email as JSON, and back: what the outbox stores between queueing and delivery.

Every part a Django `EmailMessage` carries survives the trip (subject, body, addresses,
headers, HTML alternatives, attachments, MIME parts such as a calendar invitation), so
that the delivered email is the one that was queued.
"""

import base64
from email import policy
from email.header import Header
from email.message import Message
from email.mime.base import MIMEBase
from email.parser import Parser
from typing import Any

from django.core.mail import EmailMessage, EmailMultiAlternatives


class StoredPart(MIMEBase):
    """A MIME part read back from its text (the parser fills headers and payload)."""

    def __init__(self, policy=policy.compat32):  # noqa: D107 - the parser's factory
        Message.__init__(self, policy=policy)


class OutgoingMessage(EmailMultiAlternatives):
    """An email as delivered. A subject with non-ASCII characters (any French one) is
    encoded knowing its header name, so that its first encoded word stays on the
    "Subject:" line: Django's own encoding folds it onto the next line, and mail clients
    then show the subject starting with a space."""

    def message(self, *args, **kwargs):
        message = super().message(*args, **kwargs)
        subject = str(self.subject)
        if not subject.isascii():
            del message["Subject"]
            # Message.__setitem__ itself: Django's would encode the header again, folded.
            Message.__setitem__(
                message, "Subject", Header(subject, self.encoding or "utf-8", "Subject")
            )
        return message


def _attachment_to_json(attachment) -> dict[str, Any]:
    if isinstance(attachment, MIMEBase):
        return {"mime": attachment.as_string()}
    filename, content, mimetype = attachment
    if isinstance(content, bytes):
        return {
            "filename": filename,
            "base64": base64.b64encode(content).decode("ascii"),
            "mimetype": mimetype,
        }
    return {"filename": filename, "text": content, "mimetype": mimetype}


def _attachment_from_json(data: dict[str, Any]):
    if "mime" in data:
        return Parser(_class=StoredPart).parsestr(data["mime"])
    if "base64" in data:
        return (data["filename"], base64.b64decode(data["base64"]), data["mimetype"])
    return (data["filename"], data["text"], data["mimetype"])


def to_json(message: EmailMessage) -> dict[str, Any]:
    return {
        "subject": str(message.subject),
        "body": str(message.body),
        "from_email": message.from_email,
        "to": list(message.to),
        "cc": list(message.cc),
        "bcc": list(message.bcc),
        "reply_to": list(message.reply_to),
        "headers": {str(key): str(value) for key, value in message.extra_headers.items()},
        "content_subtype": message.content_subtype,
        "mixed_subtype": message.mixed_subtype,
        "encoding": message.encoding,
        "alternatives": [
            [str(content), mimetype] for content, mimetype in getattr(message, "alternatives", [])
        ],
        "attachments": [_attachment_to_json(attachment) for attachment in message.attachments],
    }


def from_json(data: dict[str, Any]) -> OutgoingMessage:
    message = OutgoingMessage(
        subject=data["subject"],
        body=data["body"],
        from_email=data["from_email"],
        to=data["to"],
        cc=data["cc"],
        bcc=data["bcc"],
        reply_to=data["reply_to"],
        headers=data["headers"],
        alternatives=[tuple(alternative) for alternative in data["alternatives"]],
    )
    message.content_subtype = data["content_subtype"]
    message.mixed_subtype = data["mixed_subtype"]
    message.encoding = data["encoding"]
    for attachment in data["attachments"]:
        message.attachments.append(_attachment_from_json(attachment))
    return message


def all_recipients(message: EmailMessage) -> list[str]:
    return [str(address) for address in message.recipients()]

"""Structured logs: one JSON object per line on stdout (production's LOGGING).

Only known fields are written: the message, the logger, the level, the request and user
ids, a few operational fields, and the traceback of an error. Never a request body,
headers, cookies or email content; secret tokens in paths (calendar feeds, invitations,
email address confirmations) are masked.
"""

import json
import logging
import re
from datetime import UTC, datetime

FIELDS = (
    "request_id",
    "user_id",
    "method",
    "path",
    "status_code",
    "duration_ms",
    "email_id",
    "purpose",
    "task_id",
    "worker_id",
)
SECRET_IN_PATH = re.compile(r"(/calendar/|/invitation/|/email/confirm/)[^/\s?]+")
QUERY = re.compile(r"\?\S*")


def redact(text: str) -> str:
    return QUERY.sub("?…", SECRET_IN_PATH.sub(r"\1[hidden]", text))


class JsonFormatter(logging.Formatter):
    def format(self, record: logging.LogRecord) -> str:
        entry = {
            "time": datetime.fromtimestamp(record.created, UTC).isoformat(timespec="milliseconds"),
            "level": record.levelname,
            "logger": record.name,
            "message": redact(record.getMessage()),
        }
        for name in FIELDS:
            value = getattr(record, name, None)
            if value is not None:
                entry[name] = redact(value) if isinstance(value, str) else value
        if record.exc_info:
            entry["exception"] = self.formatException(record.exc_info)
        return json.dumps(entry, ensure_ascii=False, default=str)

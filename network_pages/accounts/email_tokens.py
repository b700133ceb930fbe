"""The link that confirms a new email address (issue 16): signed, valid for a day, once.

Nothing is stored when the link is sent: the token carries the account, the new address,
when it was issued and a fingerprint of the account's password hash and current address.
So the link stops working when

* it is older than `LIFETIME` (the signature's timestamp);
* the password or the email address changed since it was sent (the fingerprint no longer
  matches), which also makes it single use: confirming changes the address;
* the address was changed after it was issued, even back to the same one (the audit
  trail's record of each change is checked), so an old link cannot be replayed.
"""

import time
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from enum import Enum

from django.contrib.auth import get_user_model
from django.contrib.contenttypes.models import ContentType
from django.core import signing
from django.utils.crypto import constant_time_compare, salted_hmac
from wagtail.models import ModelLogEntry

from network_pages import audit

SALT = "network_pages.accounts.email_change"
LIFETIME = timedelta(hours=24)


class Problem(Enum):
    INVALID = "invalid"  # altered, truncated, or for another account
    EXPIRED = "expired"
    SUPERSEDED = "superseded"  # used, or the password or address changed since


class TokenRefused(Exception):
    def __init__(self, problem: Problem) -> None:
        super().__init__(problem.value)
        self.problem = problem


@dataclass(frozen=True)
class EmailChange:
    new_email: str
    issued_at: datetime


def _fingerprint(user) -> str:
    value = f"{user.pk}|{user.password}|{(user.email or '').casefold()}"
    return salted_hmac(SALT, value, algorithm="sha256").hexdigest()[:32]


def make_token(user, new_email: str) -> str:
    payload = {"u": user.pk, "e": new_email, "f": _fingerprint(user), "t": round(time.time(), 3)}
    return signing.dumps(payload, salt=SALT, compress=True)


def _changed_since(user, issued_at: datetime) -> bool:
    return ModelLogEntry.objects.filter(
        content_type=ContentType.objects.get_for_model(get_user_model()),
        object_id=str(user.pk),
        action=audit.EMAIL_CHANGED,
        timestamp__gte=issued_at,
    ).exists()


def read_token(token: str, user) -> EmailChange:
    """The change `token` asks for, if `user` (the signed-in account) may still confirm it."""
    try:
        payload = signing.loads(token, salt=SALT, max_age=LIFETIME)
    except signing.SignatureExpired as error:
        raise TokenRefused(Problem.EXPIRED) from error
    except signing.BadSignature as error:
        raise TokenRefused(Problem.INVALID) from error
    if not isinstance(payload, dict) or payload.get("u") != user.pk:
        raise TokenRefused(Problem.INVALID)
    if not constant_time_compare(str(payload.get("f", "")), _fingerprint(user)):
        raise TokenRefused(Problem.SUPERSEDED)
    issued_at = datetime.fromtimestamp(float(payload["t"]), tz=UTC)
    if _changed_since(user, issued_at):
        raise TokenRefused(Problem.SUPERSEDED)
    return EmailChange(new_email=str(payload["e"]), issued_at=issued_at)

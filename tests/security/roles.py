"""The kinds of visitor the confidentiality matrix sends to every URL."""

from enum import StrEnum

from django.test import Client

from tests.conftest import sign_in


class Role(StrEnum):
    ANONYMOUS = "anonymous"
    PASSWORD_ONLY = "password-only"  # the French Focal Point, before the one-time code
    NON_MEMBER = "verified non-member"
    GUEST = "guest of meeting A"  # invited to meeting A only
    OTHER_STATE = "Focal Point of Germany"
    FOCAL_POINT = "Focal Point of France"
    DMR = "DMR Secretariat"


EVERYONE = frozenset(Role)
NOBODY: frozenset[Role] = frozenset()
MEMBERS = frozenset({Role.OTHER_STATE, Role.FOCAL_POINT, Role.DMR})
# What the signed-in roles have in common that an anonymous visitor lacks: a session.
SIGNED_IN = EVERYONE - {Role.ANONYMOUS}


def client_for(role: Role, users: dict[Role, object]) -> Client:
    """A fresh client, signed in (and verified, except password-only) as `role`."""
    client = Client()
    if role is Role.ANONYMOUS:
        return client
    return sign_in(client, users[role], verified=role is not Role.PASSWORD_ONLY)

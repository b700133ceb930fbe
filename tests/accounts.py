"""The test accounts that tests/conftest.py's fixtures give, made the same way everywhere.

Module data (tests/module_data.py) may make an account inside the module's transaction
before a test's fixture asks for it: `account` then finds it, so that a test gets the same
account whether the module's data was built or not."""

from django.contrib.auth.models import User

from network_pages import roles
from network_pages.factories import make_member

PASSWORD = "correct horse battery staple"  # noqa: S105 - test accounts only

ACCOUNTS: dict[str, dict] = {
    "fp_fr": {"groups": (roles.FOCAL_POINTS,), "state": "FR"},
    "fp_de": {"groups": (roles.FOCAL_POINTS,), "state": "DE"},
    "approver": {"groups": (roles.FOCAL_POINTS, roles.NETWORK_APPROVERS), "state": "IT"},
    "dmr": {"groups": (roles.DMR_SECRETARIAT,), "state": None},
    "guest": {"groups": (roles.GUESTS,), "state": None},
}


def make_account(username: str) -> User:
    """A new account `username` (one of ACCOUNTS), with the test password."""
    return make_member(username, password=PASSWORD, **ACCOUNTS[username])


def account(username: str) -> User:
    """The account `username`: found if module data made it, else made for this test."""
    return User.objects.filter(username=username).first() or make_account(username)

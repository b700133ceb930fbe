from django.core.exceptions import ValidationError


class ApprovalRefused(ValidationError):
    """An approval that the joint-approval rules do not allow; nothing was recorded."""


class NoPublicDestination(Exception):
    """The project has no public place for this page (raised by the destination callable)."""

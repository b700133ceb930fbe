"""Sent when the outbox learns the outcome of an email, for features that record it
(e.g. a convocation's deliveries). Arguments: `email` (an `OutboundEmail`)."""

from django.dispatch import Signal

email_sent = Signal()
email_failed = Signal()

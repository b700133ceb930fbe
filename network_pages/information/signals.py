"""Signal receivers, connected in `apps.py`: they only hand over to `announcements`."""

from . import announcements


def announce_after_publish(sender, instance, revision=None, **kwargs) -> None:
    publisher = revision.user if revision is not None else None
    announcements.after_publish(instance, publisher=publisher)

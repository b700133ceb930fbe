"""Signal receivers, connected in `apps.py`: they only hand over to `announcements`."""

from . import announcements


def announce_after_publish(sender, instance, **kwargs) -> None:
    announcements.after_publish(instance)

from django.db import models


def next_number(model: type[models.Model], meeting_id: int) -> int:
    """The next number in a meeting's sequence: decisions and action points are numbered
    per meeting, in the order they are recorded, and a number is never reused."""
    last = model.objects.filter(meeting_id=meeting_id).aggregate(last=models.Max("number"))
    return (last["last"] or 0) + 1

"""What waits for a Focal Point on the network home: requests their state has not answered."""

from django.utils.translation import gettext

from network_pages.community.activity import PendingTask, ReaderUrls

from . import rules
from .models import InformationRequestPage
from .models.response import Response


def requests_awaiting_answer(user) -> list[PendingTask]:
    """Open requests (deadline not passed) without a submitted response from the user's state."""
    state = rules.represented_state(user)
    if state is None:
        return []
    submitted = Response.objects.filter(
        member_state=state, status=Response.Status.SUBMITTED
    ).values("request_id")
    waiting = list(
        InformationRequestPage.objects.live()
        .filter(
            alias_of__isnull=True,
            status=InformationRequestPage.Status.OPEN,
            deadline__gte=rules.today(),
        )
        .exclude(pk__in=submitted)
        .order_by("deadline")
    )
    urls = ReaderUrls().map(waiting)
    return [
        PendingTask(
            label=gettext("Answer the information request"),
            title=page.title,
            url=urls.get(page.pk, ""),
            due=page.deadline,
        )
        for page in waiting
    ]

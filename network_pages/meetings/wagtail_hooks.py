"""Wiring only: admin views, menus, dashboard panel, page buttons and log actions."""

from django.shortcuts import redirect
from django.urls import path, reverse
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.widgets.button import Button

from network_pages import access, roles
from network_pages.community import activity
from network_pages.community.state_record import STATE_RECORD_HOOK
from network_pages.community.worklists import WORK_LISTS_HOOK
from network_pages.meetings import (
    admin_views,
    agenda,
    convocation,
    document_owners,
    pending,
    worklists,
)
from network_pages.meetings.dashboard import MeetingsPanel
from network_pages.meetings.models import MeetingIndexPage, MeetingPage
from network_pages.meetings.state_record import meetings_record
from network_pages.meetings.viewsets import SUGGESTIONS, MeetingsViewSetGroup
from network_pages.models import NetworkHomePage


@hooks.register("register_admin_urls")
def register_meeting_admin_urls():
    return [
        path(
            "meetings/<int:page_id>/convocation/",
            admin_views.ConvocationView.as_view(),
            name="meetings_convocation",
        ),
        path(
            "meetings/<int:page_id>/attendance/",
            admin_views.AttendanceView.as_view(),
            name="meetings_attendance",
        ),
        path(
            "meetings/<int:page_id>/attendance.csv",
            admin_views.attendance_csv,
            name="meetings_attendance_csv",
        ),
    ]


@hooks.register("register_admin_viewset")
def register_meetings_menu():
    return MeetingsViewSetGroup()


def meeting_buttons(page, user, priority: int):
    if page.specific_class is not MeetingPage or not access.is_dmr(user):
        return
    source_id = page.alias_of_id or page.pk
    yield Button(
        _("Convocation"),
        reverse("meetings_convocation", args=(source_id,)),
        icon_name="mail",
        priority=priority,
    )
    yield Button(
        _("Attendance"),
        reverse("meetings_attendance", args=(source_id,)),
        icon_name="group",
        priority=priority + 1,
    )
    yield Button(
        _("Agenda suggestions"),
        f"{reverse(f'{SUGGESTIONS}:index')}?meeting={source_id}",
        icon_name="list-ul",
        priority=priority + 2,
    )


@hooks.register("register_page_header_buttons")
def meeting_header_buttons(page, user, view_name, next_url=None):
    yield from meeting_buttons(page, user, priority=12)


@hooks.register("register_page_listing_more_buttons")
def meeting_listing_buttons(page, user, next_url=None):
    yield from meeting_buttons(page, user, priority=12)


@hooks.register("construct_homepage_panels")
def add_meetings_panel(request, panels):
    if access.is_dmr(request.user):
        panels.append(MeetingsPanel())


@hooks.register(activity.PENDING_TASKS_HOOK)
def meetings_awaiting_attendance(user) -> list[activity.PendingTask]:
    """On the network home: the meetings the member has not answered for yet."""
    meetings = pending.meetings_awaiting_answer(user)
    links = activity.ReaderUrls().map(meetings)
    return [
        activity.PendingTask(
            label=gettext("Tell the DMR whether you attend"),
            title=meeting.title,
            url=f"{links[meeting.pk]}#attendance",
            due=convocation.opening_day(meeting),
        )
        for meeting in meetings
    ]


@hooks.register("register_log_actions")
def register_meeting_log_actions(actions):
    actions.register_action(convocation.SEND_ACTION, _("Send convocation"), _("Convocation sent"))
    actions.register_action(
        agenda.ACCEPT_ACTION, _("Accept agenda suggestion"), _("Agenda suggestion accepted")
    )
    actions.register_action(
        agenda.DECLINE_ACTION, _("Decline agenda suggestion"), _("Agenda suggestion declined")
    )


hooks.register(access.DOCUMENT_OWNERS_HOOK, document_owners.listed_owners)
hooks.register(access.DOCUMENT_OWNERS_HOOK, document_owners.minutes_owners)
hooks.register(WORK_LISTS_HOOK, worklists.meeting_work_lists)
hooks.register(STATE_RECORD_HOOK, meetings_record)


@hooks.register("before_serve_page", order=-110)
def guests_start_on_their_meetings(page, request, serve_args, serve_kwargs):
    """1.2: a guest sees only the meetings they are invited to. The network home and the
    meetings index lead them to "Your meetings" instead of refusing them."""
    if not isinstance(page, NetworkHomePage | MeetingIndexPage):
        return None
    user = request.user
    if not (access.is_verified(user) and not access.is_member(user)):
        return None
    if roles.GUESTS not in access.group_names_of(user):
        return None
    if serve_args or serve_kwargs or request.path != page.get_url(request):
        # A path below it that leads nowhere answers as any restricted page (no existence
        # oracle, issue 13): only the page itself leads a guest to their meetings.
        return None
    access.mark_restricted(request)
    return access.make_private(redirect("meetings:your_meetings"))

"""Wiring only: the DMR's responses view in the admin and the rule for draft documents."""

from django.urls import path
from wagtail import hooks

from network_pages import access
from network_pages.community.activity import PENDING_TASKS_HOOK

from . import document_access, pending
from .models import InformationRequestPage
from .views.admin import URL_NAME, RequestResponsesMenuItem, RequestResponsesView


@hooks.register("register_admin_urls")
def register_request_responses_url():
    return [
        path(
            "information/requests/<int:page_id>/responses/",
            RequestResponsesView.as_view(),
            name=URL_NAME,
        )
    ]


def _responses_button(page):
    if page.specific_class and issubclass(page.specific_class, InformationRequestPage):
        yield RequestResponsesMenuItem(page=page)


@hooks.register("register_page_header_buttons")
def request_responses_header_button(page, user, view_name, next_url=None):
    yield from _responses_button(page)


@hooks.register("register_page_listing_more_buttons")
def request_responses_listing_button(page, user, next_url=None):
    yield from _responses_button(page)


hooks.register(access.DOCUMENT_OWNERS_HOOK, document_access.response_owners)
hooks.register(access.DOCUMENT_OWNERS_HOOK, document_access.item_owners)


hooks.register(PENDING_TASKS_HOOK, pending.requests_awaiting_answer)

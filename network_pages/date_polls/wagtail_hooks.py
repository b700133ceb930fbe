"""Wiring only: the admin menu of the date polls."""

from wagtail import hooks

from .viewsets import DatePollViewSet


@hooks.register("register_admin_viewset")
def register_date_polls_menu():
    return DatePollViewSet()

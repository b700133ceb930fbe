"""Wagtail's users app with the project's user editor (account stewardship, 3.3)."""

from wagtail.users.apps import WagtailUsersAppConfig


class StewardedUsersConfig(WagtailUsersAppConfig):
    user_viewset = "network_pages.admin.stewardship.StewardedUserViewSet"

"""What the plugin asks of the project, read from settings (every `WORKFLOWS_*` key).

The plugin imports no project app: the project tells it, by dotted paths, where an approved
page goes, who may see a draft, which links are restricted and in which language to write
to someone. Settings are read on every call, so that tests may override them.
"""

from collections.abc import Callable
from typing import Any

from django.conf import settings
from django.utils.module_loading import import_string

DEFAULTS: dict[str, str | None] = {
    # callable(page) -> the public parent page, or None to publish the page where it is
    "WORKFLOWS_PUBLIC_DESTINATION": None,
    # callable(user, page) -> bool: may this user see this (draft) page?
    "WORKFLOWS_MAY_VIEW_PAGE": "workflows.policies.user_may_view_page",
    # callable(obj) -> bool: is this linked page or document restricted?
    "WORKFLOWS_RESTRICTED_LINK_CHECK": "workflows.policies.is_restricted",
    # callable(user) -> language code for the emails this user receives
    "WORKFLOWS_RECIPIENT_LANGUAGE": "workflows.policies.recipient_language",
}


def _setting_callable(name: str) -> Callable[..., Any] | None:
    path = getattr(settings, name, DEFAULTS[name])
    if path is None:
        return None
    return path if callable(path) else import_string(path)


def public_destination() -> Callable[..., Any] | None:
    return _setting_callable("WORKFLOWS_PUBLIC_DESTINATION")


def may_view_page(user, page) -> bool:
    return bool(_setting_callable("WORKFLOWS_MAY_VIEW_PAGE")(user, page))


def is_restricted(obj) -> bool:
    return bool(_setting_callable("WORKFLOWS_RESTRICTED_LINK_CHECK")(obj))


def recipient_language(user) -> str:
    return _setting_callable("WORKFLOWS_RECIPIENT_LANGUAGE")(user) or settings.LANGUAGE_CODE

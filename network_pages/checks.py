from django.core import checks
from django.db import DatabaseError
from django.utils.translation import gettext as _

from network_pages.network_area import unrestricted_network_roots


@checks.register(checks.Tags.security, checks.Tags.database)
def network_area_is_restricted(app_configs, databases=None, **kwargs) -> list[checks.CheckMessage]:
    """3.1: the network area is never public. Runs with `check --database default`."""
    if not databases:
        return []
    try:
        public_roots = unrestricted_network_roots()
    except DatabaseError:
        return []  # not migrated yet
    return [
        checks.Error(
            _("The network area root “%(title)s” (id %(id)s) has no members-only restriction.")
            % {"title": root.title, "id": root.pk},
            hint=_("Run `manage.py setup_site` to restore it."),
            obj=root,
            id="network_pages.E001",
        )
        for root in public_roots
    ]

"""The network's groups named in the reader's language in the admin (issue 15).

Group names are rows ("DMR Secretariat", `roles.py`), written once in English; the catalogue
translates them, so a French-speaking DMR member reads "Secrétariat de la DMR" in the user
editor and the users listing's filter."""

from django.contrib.auth.models import Group
from django.utils.translation import gettext
from wagtail.users.views.users import UserFilterSet


def translated_group_name(group: Group) -> str:
    # The names are msgids of the catalogue (roles.py); any other name is shown as it is.
    return gettext(group.name)


class TranslatedGroupsUserFilterSet(UserFilterSet):
    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.filters["group"].field.label_from_instance = translated_group_name

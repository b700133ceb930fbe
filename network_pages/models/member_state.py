from django.db import models
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from nfp_site.prepared_sql import prepared_objects


class MemberState(models.Model):
    """A member state of the Council of Europe (1.1), named in both official languages."""

    code = models.CharField(
        _("ISO code"), max_length=2, unique=True, help_text=_("ISO 3166-1 alpha-2")
    )
    name_en = models.CharField(_("name in English"), max_length=100, unique=True)
    name_fr = models.CharField(_("name in French"), max_length=100, unique=True)

    class Meta:
        ordering = ["name_en"]
        verbose_name = _("member state")
        verbose_name_plural = _("member states")

    def __str__(self) -> str:
        return self.name

    @property
    def name(self) -> str:
        return name_in_language(self.name_en, self.name_fr)


def name_in_language(name_en: str, name_fr: str) -> str:
    """A state's name in the active language (French for French, else English), for a
    state read as a row as for a `MemberState`."""
    return name_fr if (get_language() or "en").startswith("fr") else name_en


def every_member_state() -> list[MemberState]:
    """Every member state (a list's filter, the directory's blocks): the query compiled once
    per process (prepared_sql); new instances at each call."""
    return prepared_objects("member_states.all", MemberState.objects.all)

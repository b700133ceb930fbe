"""Forms of the members' directory: search (3.2) and a state's national network (3.4)."""

from collections.abc import Iterable

from django import forms
from django.utils.safestring import SafeString
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from network_pages.directory import collation_key
from network_pages.models.member_state import MemberState
from network_pages.models.national_network import NationalNetworkOrganisation
from nfp_site import fragments
from nfp_site.plain_select import PlainSelect


def _by_name(choice: tuple[str, str]) -> str:
    return collation_key(choice[1])


class DirectorySearchForm(forms.Form):
    """Read from the query string; a field that does not validate is left out of the search."""

    q = forms.CharField(
        label=_("Name or institution"),
        required=False,
        max_length=100,
        strip=True,
        widget=forms.TextInput(attrs={"type": "search"}),
    )
    state = forms.ChoiceField(label=_("Member state"), required=False, widget=PlainSelect)

    def __init__(self, data, *, states: Iterable[MemberState]) -> None:
        super().__init__(data)
        self.fields["state"].choices = [
            ("", _("All member states")),
            *sorted(((state.code, state.name) for state in states), key=_by_name),
        ]

    @classmethod
    def query_of(cls, data) -> str:
        """The search's words alone, as the form reads them, before the form is made (the
        member states it offers are read with their counts for these words)."""
        try:
            return cls.base_fields["q"].clean((data or {}).get("q", ""))
        except forms.ValidationError:
            return ""

    def kept_html(self) -> SafeString:
        """`{{ form }}`, kept for the process while nothing is searched (the directory as
        it opens, and its pages): then the markup is written from the language, the member
        states offered and the (empty) values alone, all in the key. A search is written
        each time: its words would make a key per search."""
        q, state = self.data.get("q"), self.data.get("state")
        if q or state:
            return self.render()
        choices = tuple(self.fields["state"].choices)
        key = ("directory-search", get_language(), self.is_bound, q, state, choices)
        return fragments.kept(key, self.render)

    def filters(self) -> dict[str, str]:
        self.is_valid()
        cleaned = getattr(self, "cleaned_data", {})
        return {"state_code": cleaned.get("state", ""), "query": cleaned.get("q", "")}


DUPLICATE_NAME = _("The national network of %(state)s already lists an organisation of this name.")


class NationalNetworkOrganisationForm(forms.ModelForm):
    """An organisation of one state's national network; the state comes from the URL."""

    website = forms.URLField(
        label=_("Website"),
        required=False,
        max_length=200,
        assume_scheme="https",
        help_text=_("For example https://www.example.org"),
    )

    class Meta:
        model = NationalNetworkOrganisation
        fields = ["name", "kind", "contact_name", "contact_email", "website"]

    def __init__(self, *args, member_state: MemberState, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.member_state = member_state
        self.instance.member_state = member_state

    def clean_name(self) -> str:
        name = self.cleaned_data["name"].strip()
        taken = NationalNetworkOrganisation.objects.filter(
            member_state=self.member_state, name__iexact=name
        ).exclude(pk=self.instance.pk)
        if taken.exists():
            raise forms.ValidationError(
                DUPLICATE_NAME, code="duplicate_name", params={"state": self.member_state.name}
            )
        return name

    def add_duplicate_name_error(self) -> None:
        """For a duplicate the database caught (two people saving at once)."""
        self.add_error(
            "name",
            forms.ValidationError(
                DUPLICATE_NAME, code="duplicate_name", params={"state": self.member_state.name}
            ),
        )

"""The library's forms: a new document, a new version of one, the filters of a library,
and the DMR's upload policy. Files are checked as everywhere on the site
(`information.forms.validate_document`: type, size, content)."""

from collections.abc import Iterable

from django import forms
from django.conf import settings
from django.utils.safestring import SafeString
from django.utils.text import format_lazy
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _
from taggit.utils import parse_tags

from network_pages.directory import collation_key
from network_pages.information.forms import validate_document
from network_pages.models import MemberState
from nfp_site import fragments
from nfp_site.plain_select import PlainSelect

from .models import Language

MAX_TAGS = 10


def file_field() -> forms.FileField:
    return forms.FileField(
        label=_("File"),
        validators=[validate_document],
        help_text=format_lazy(
            _("Accepted: {types}. The file stays within the library's readers."),
            types=", ".join(settings.WAGTAILDOCS_EXTENSIONS),
        ),
    )


def language_field() -> forms.ChoiceField:
    return forms.ChoiceField(
        label=_("Language of the file"), choices=Language.choices, widget=forms.RadioSelect
    )


def note_field() -> forms.CharField:
    return forms.CharField(
        label=_("Note on this version (optional)"),
        required=False,
        max_length=500,
        help_text=_("What changed, or where the file comes from."),
    )


class VersionForm(forms.Form):
    """A new file for an entry: a new version in its language (the older ones are kept), or
    the first file in another language (a language version)."""

    language = language_field()
    file = file_field()
    note = note_field()


def version_form_html(form: VersionForm) -> SafeString:
    """`{{ form }}`. Empty, it is the same for every reader in the same language (its
    fields, labels and choices are fixed: nothing read from the reader or the database):
    written once per process for each language (issue 17: through Django's form templates
    it cost the DMR's entry page a quarter of its time). A form sent back with its errors
    is written each time."""
    if form.is_bound or type(form) is not VersionForm or form.prefix or form.auto_id != "id_%s":
        return SafeString(str(form))
    return fragments.kept(("library.version_form", get_language()), lambda: SafeString(str(form)))


class EntryForm(VersionForm):
    """A new document of a library, with its first file."""

    title = forms.CharField(label=_("Title"), max_length=255)
    description = forms.CharField(
        label=_("Description (optional)"),
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 4}),
    )
    date = forms.DateField(
        label=_("Date of the document"),
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
    )
    member_state = forms.ModelChoiceField(
        label=_("Author member state (optional)"),
        queryset=MemberState.objects.all(),
        required=False,
        to_field_name="code",
    )
    tags = forms.CharField(
        label=_("Tags (optional)"),
        required=False,
        max_length=500,
        help_text=_("Separated by commas, e.g. “Meeting reports, Digitalisation”."),
    )

    field_order = ["title", "description", "date", "member_state", "tags", "language", "file"]

    def clean_tags(self) -> list[str]:
        tags = [tag[:100] for tag in parse_tags(self.cleaned_data.get("tags", ""))]
        if len(tags) > MAX_TAGS:
            raise forms.ValidationError(
                _("At most %(limit)d tags."), code="too_many_tags", params={"limit": MAX_TAGS}
            )
        return tags


class LibraryFilterForm(forms.Form):
    """Browse a library by tag, language and author state."""

    # Selects written without the template engine: they list every tag and state.
    tag = forms.ChoiceField(label=_("Tag"), required=False, widget=PlainSelect)
    language = forms.ChoiceField(
        label=_("Language"),
        required=False,
        widget=PlainSelect,
        choices=[("", _("All languages")), *Language.choices],
    )
    state = forms.ChoiceField(label=_("Member state"), required=False, widget=PlainSelect)

    def __init__(self, data, *, tags: Iterable, states: Iterable[MemberState]) -> None:
        super().__init__(data)
        self.fields["tag"].choices = [
            ("", _("All tags")),
            *sorted(((t.slug, t.name) for t in tags), key=lambda c: collation_key(c[1])),
        ]
        self.fields["state"].choices = [
            ("", _("All member states")),
            *sorted(((s.code, s.name) for s in states), key=lambda c: collation_key(c[1])),
        ]

    def filters(self) -> dict:
        if not self.is_valid():
            return {}
        return {name: value for name, value in self.cleaned_data.items() if value}

    def fields_html(self) -> SafeString:
        """`{% for field in form %}<p>{{ field.label_tag }} {{ field }}</p>{% endfor %}`, as a
        library's page writes its filters (issue 17: through Django's form templates, ~1 ms
        of the page). Kept for the process while nothing is filtered: then it is written
        from the active language, the (empty) values and the choices alone (the library's
        tags, the member states, the languages), all in the key. Filtered, written each
        time (its values would make a key per filter)."""

        def write() -> SafeString:
            return SafeString("".join(f"<p>{field.label_tag()} {field}</p>" for field in self))

        values = tuple(self.data.get(name) for name in self.fields)
        if type(self) is not LibraryFilterForm or any(values):
            return write()
        choices = tuple(tuple(field.choices) for field in self.fields.values())
        key = ("library.filter_fields", get_language(), self.is_bound, values, choices)
        return fragments.kept(key, write)


class UploadPolicyForm(forms.Form):
    focal_points_may_upload = forms.BooleanField(
        label=_("Focal Points may add documents to this library"), required=False
    )


class DateInput(forms.DateInput):
    input_type = "date"


class AllLibrariesFilterForm(LibraryFilterForm):
    """Browse every library one may read: by library (all of one kind, or one meeting's or
    group's), then as in one library, and by the document's date. Only the libraries the
    reader may read are offered (`places.readable_libraries`)."""

    NETWORK, MEETINGS, GROUPS = "network", "meetings", "groups"

    library = forms.ChoiceField(label=_("Library"), required=False, widget=PlainSelect)
    date_from = forms.DateField(label=_("From"), required=False, widget=DateInput)
    date_to = forms.DateField(label=_("Until"), required=False, widget=DateInput)

    field_order = ["library", "tag", "language", "state", "date_from", "date_to"]

    def __init__(self, data, *, readable, tags: Iterable, states: Iterable[MemberState]) -> None:
        super().__init__(data, tags=tags, states=states)
        kinds = [("", _("All libraries"))]
        if readable.network:
            kinds.append((self.NETWORK, _("Library of the network")))
        if readable.meetings:
            kinds.append((self.MEETINGS, _("All meetings' libraries")))
        if readable.groups:
            kinds.append((self.GROUPS, _("All thematic groups' libraries")))
        choices = list(kinds)
        if readable.meetings:
            choices.append(
                (
                    _("Meetings"),
                    [(f"meeting-{lib.page.pk}", lib.page.title) for lib in readable.meetings],
                )
            )
        if readable.groups:
            choices.append(
                (
                    _("Thematic groups"),
                    [(f"group-{lib.page.pk}", lib.page.title) for lib in readable.groups],
                )
            )
        self.fields["library"].choices = choices

    def clean(self) -> dict:
        cleaned = super().clean()
        start, end = cleaned.get("date_from"), cleaned.get("date_to")
        if start and end and end < start:
            self.add_error("date_to", _("The end of the period comes before its start."))
        return cleaned


class MoveEntryForm(forms.Form):
    """The DMR moves an entry, with all its files, to another library."""

    # A select written without the template engine: it lists every meeting and group.
    target = forms.ChoiceField(label=_("Move to"), widget=PlainSelect)

    def __init__(self, data=None, *, targets: Iterable) -> None:
        """`targets`: the libraries offered (`places.MoveTarget`), `kind` "network",
        "meeting" or "group"."""
        super().__init__(data)
        self.targets = {target.key: target for target in targets}
        by_kind: dict[str, list] = {"network": [], "meeting": [], "group": []}
        for key, target in self.targets.items():
            by_kind[str(target.kind)].append((key, target.title))
        self.fields["target"].choices = [
            *by_kind["network"],
            *([(_("Meetings"), by_kind["meeting"])] if by_kind["meeting"] else []),
            *([(_("Thematic groups"), by_kind["group"])] if by_kind["group"] else []),
        ]

    def chosen(self):
        """The library chosen (`places.Library`), or None if its page is gone meanwhile."""
        return self.targets[self.cleaned_data["target"]].library()

    def field_html(self) -> SafeString:
        """`{{ form.target.label_tag }} {{ form.target }}`, as the entry's page writes it.
        Empty, it depends on the language and the libraries offered alone (their keys and
        titles, in order, are the key): written once per process for each (issue 17: every
        meeting and group of the network is an option)."""
        field = self["target"]
        if self.is_bound:
            return SafeString(f"{field.label_tag()} {field}")
        offered = tuple((key, target.title) for key, target in self.targets.items())
        return fragments.kept(
            ("library.move_field", get_language(), offered),
            lambda: SafeString(f"{field.label_tag()} {field}"),
        )

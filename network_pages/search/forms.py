from collections.abc import Sequence

from django import forms
from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.utils.choices import BaseChoiceIterator
from django.utils.translation import gettext_lazy as _

from network_pages.community.models import ThematicGroupPage
from network_pages.meetings.models import MeetingPage
from network_pages.models import MemberState
from nfp_site.plain_label import PlainLabels
from nfp_site.plain_select import PlainSelect

from .models import SearchEntry
from .readers import ListedPage

MAX_QUERY_LENGTH = 200


class DateInput(forms.DateInput):
    input_type = "date"


class ReadInOneQuery(forms.models.ModelChoiceIterator):
    """The choices read by one plain query. Django's own iterator reads them through a
    server-side cursor on PostgreSQL (DECLARE, FETCH and CLOSE, and outside a transaction a
    cursor WITH HOLD that the database materialises first): some 10 ms of the database for
    46 member states, at every search."""

    def __iter__(self):
        if self.field.empty_label is not None:
            yield ("", self.field.empty_label)
        for obj in self.queryset:
            yield self.choice(obj)


class Offered(BaseChoiceIterator):
    """Choices written as Django normalises them, `(value, label)` pairs, taken as they are:
    a list is normalised again by the field and then by its widget, pair by pair (~1 ms of
    every search at network size, for its ~120 meetings and groups)."""

    def __init__(self, choices: list[tuple]) -> None:
        self.choices = choices

    def __iter__(self):
        return iter(self.choices)


class MemberStateChoiceField(forms.ModelChoiceField):
    iterator = ReadInOneQuery

    def label_from_instance(self, obj: MemberState) -> str:
        return obj.name


class NetworkSearchForm(PlainLabels):
    """The query and its filters (GET): kind, member state, language, dates."""

    q = forms.CharField(label=_("Search the network area"), max_length=MAX_QUERY_LENGTH)
    kind = forms.ChoiceField(
        label=_("Kind"),
        required=False,
        choices=[("", _("All kinds")), *SearchEntry.Kind.choices],
        widget=PlainSelect,
    )
    state = MemberStateChoiceField(
        label=_("Member state"),
        required=False,
        queryset=MemberState.objects.all(),
        to_field_name="code",
        empty_label=_("All member states"),
        widget=PlainSelect,
    )
    language = forms.ChoiceField(
        label=_("Language"),
        required=False,
        choices=[("", _("All languages")), *settings.LANGUAGES],
        widget=PlainSelect,
    )
    meeting = forms.TypedChoiceField(
        label=_("Meeting"), required=False, coerce=int, empty_value=None, widget=PlainSelect
    )
    group = forms.TypedChoiceField(
        label=_("Thematic group"), required=False, coerce=int, empty_value=None, widget=PlainSelect
    )
    date_from = forms.DateField(label=_("From"), required=False, widget=DateInput)
    date_to = forms.DateField(label=_("Until"), required=False, widget=DateInput)

    def __init__(self, *args, readable_pages: Sequence[ListedPage] = (), **kwargs) -> None:
        """Only the meetings and groups the reader may open are offered (a guest never
        learns the title of a meeting they are not invited to): `readable_pages` is
        `readers.Reader.pages`, already read."""
        super().__init__(*args, **kwargs)
        meeting_type = ContentType.objects.get_for_model(MeetingPage).pk
        group_type = ContentType.objects.get_for_model(ThematicGroupPage).pk
        meetings = [page for page in readable_pages if page.content_type_id == meeting_type]
        meetings.sort(key=lambda page: (page.opening is not None, page.opening), reverse=True)
        self.groups = {
            page.pk: page for page in readable_pages if page.content_type_id == group_type
        }
        self.readable_pages = readable_pages
        self.fields["meeting"].choices = Offered(
            [("", _("All meetings")), *((page.pk, page.title) for page in meetings)]
        )
        self.fields["group"].choices = Offered(
            [
                ("", _("All thematic groups")),
                *(
                    (page.pk, page.title)
                    for page in sorted(self.groups.values(), key=lambda page: page.title)
                ),
            ]
        )

    def clean_q(self) -> str:
        return " ".join(self.cleaned_data["q"].split())

    def clean(self) -> dict:
        cleaned = super().clean()
        start, end = cleaned.get("date_from"), cleaned.get("date_to")
        if start and end and end < start:
            self.add_error("date_to", _("The end of the period comes before its start."))
        group = self.groups.get(cleaned.get("group"))
        if group is not None:
            # The group's page and its workspace (the updates right below it).
            cleaned["group_page_ids"] = [
                page.pk
                for page in self.readable_pages
                if page.path.startswith(group.path) and page.depth <= group.depth + 1
            ]
        return cleaned

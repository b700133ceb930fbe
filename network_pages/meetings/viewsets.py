"""The "Meetings" menu of the Wagtail admin: the DMR's holidays (the working-day calendar of
4.1) and the agenda suggestions to decide on (4.4). Permissions are the Django model
permissions this app's data migration gives the DMR Secretariat."""

import django_filters
from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.ui.menus import MenuItem
from wagtail.admin.views import generic
from wagtail.admin.viewsets.base import ViewSetGroup
from wagtail.admin.viewsets.model import ModelViewSet

from network_pages import access
from network_pages.meetings.admin_views import AcceptSuggestionView, DeclineSuggestionView
from network_pages.meetings.models import AgendaSuggestion, Holiday, MeetingPage

SUGGESTIONS = "agenda_suggestions"


class HolidayViewSet(ModelViewSet):
    """4.1: days that are not working days, besides weekends."""

    model = Holiday
    name = "holidays"
    url_prefix = "meetings/holidays"
    icon = "date"
    form_fields = ["date", "name"]
    list_display = ["date", "name"]
    search_fields = ["name"]
    ordering = "-date"
    list_per_page = 50
    copy_view_enabled = False


class AgendaSuggestionFilterSet(WagtailFilterSet):
    meeting = django_filters.ModelChoiceFilter(
        label=_("Meeting"),
        queryset=MeetingPage.objects.filter(alias_of__isnull=True).order_by("-opening"),
    )

    class Meta:
        model = AgendaSuggestion
        fields = ["meeting", "status", "member_state"]


class AgendaSuggestionIndexView(generic.IndexView):
    accept_url_name = None
    decline_url_name = None

    def get_base_queryset(self):
        return super().get_base_queryset().select_related("meeting", "member_state")

    def get_list_more_buttons(self, instance):
        buttons = super().get_list_more_buttons(instance)
        if instance.is_pending and access.is_dmr(self.request.user):
            buttons.append(
                MenuItem(
                    _("Accept"),
                    url=reverse(self.accept_url_name, args=(instance.pk,)),
                    icon_name="tick",
                    priority=5,
                )
            )
            buttons.append(
                MenuItem(
                    _("Decline"),
                    url=reverse(self.decline_url_name, args=(instance.pk,)),
                    icon_name="cross",
                    priority=6,
                )
            )
        return buttons


class AgendaSuggestionViewSet(ModelViewSet):
    """4.4: the member states' suggestions; the DMR accepts or declines each."""

    model = AgendaSuggestion
    name = SUGGESTIONS
    url_prefix = "meetings/agenda-suggestions"
    icon = "list-ul"
    index_view_class = AgendaSuggestionIndexView
    form_fields = ["title", "rationale"]
    list_display = ["title", "meeting", "member_state", "status", "created_at"]
    filterset_class = AgendaSuggestionFilterSet
    search_fields = ["title", "rationale"]
    ordering = "-created_at"
    list_per_page = 50
    copy_view_enabled = False

    def get_common_view_kwargs(self, **kwargs):
        # Suggestions come from the meeting pages (4.4), never from the admin.
        return super().get_common_view_kwargs(add_url_name=None, **kwargs)

    def get_index_view_kwargs(self, **kwargs):
        return super().get_index_view_kwargs(
            accept_url_name=self.get_url_name("accept"),
            decline_url_name=self.get_url_name("decline"),
            **kwargs,
        )

    def get_urlpatterns(self):
        index_url_name = self.get_url_name("index")
        accept = self.construct_view(AcceptSuggestionView, index_url_name=index_url_name)
        decline = self.construct_view(DeclineSuggestionView, index_url_name=index_url_name)
        return [
            *(pattern for pattern in super().get_urlpatterns() if pattern.name != "add"),
            path("accept/<int:pk>/", accept, name="accept"),
            path("decline/<int:pk>/", decline, name="decline"),
        ]


class MeetingsViewSetGroup(ViewSetGroup):
    menu_label = _("Meetings")
    menu_name = "meetings"
    menu_icon = "date"
    menu_order = 550
    items = (AgendaSuggestionViewSet, HolidayViewSet)

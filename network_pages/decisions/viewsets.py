"""The "Register" menu of the Wagtail admin, where the DMR records each meeting's decisions
and action points. Permissions are the model permissions this app's data migration gives
the DMR Secretariat."""

import django_filters
from django.utils.translation import gettext_lazy as _
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.views import generic
from wagtail.admin.viewsets.base import ViewSetGroup
from wagtail.admin.viewsets.model import ModelViewSet

from network_pages.meetings.models import MeetingPage

from .models import ActionPoint, Decision


def meetings():
    return MeetingPage.objects.filter(alias_of__isnull=True).order_by("-opening")


class DecisionFilterSet(WagtailFilterSet):
    meeting = django_filters.ModelChoiceFilter(label=_("Meeting"), queryset=meetings())

    class Meta:
        model = Decision
        fields = ["meeting"]


class ActionPointFilterSet(WagtailFilterSet):
    meeting = django_filters.ModelChoiceFilter(label=_("Meeting"), queryset=meetings())

    class Meta:
        model = ActionPoint
        fields = ["meeting", "status", "owner_kind", "owner_state"]


class RecordedByCreateView(generic.CreateView):
    """Remembers who recorded the decision or action point."""

    recorded_by_field = "recorded_by"

    def save_instance(self):
        setattr(self.form.instance, self.recorded_by_field, self.request.user)
        return super().save_instance()


class ActionCreateView(RecordedByCreateView):
    recorded_by_field = "created_by"


class DecisionViewSet(ModelViewSet):
    model = Decision
    name = "register_decisions"
    url_prefix = "register/decisions"
    icon = "tick-inverse"
    add_view_class = RecordedByCreateView
    form_fields = ["meeting", "number", "agenda_item", "text"]
    list_display = ["meeting", "number", "text"]
    filterset_class = DecisionFilterSet
    search_fields = ["text"]
    ordering = ["-meeting__opening", "number"]
    list_per_page = 50
    copy_view_enabled = False
    inspect_view_enabled = True


class ActionPointViewSet(ModelViewSet):
    model = ActionPoint
    name = "register_action_points"
    url_prefix = "register/action-points"
    icon = "list-ul"
    add_view_class = ActionCreateView
    form_fields = [
        "meeting",
        "number",
        "decision",
        "description",
        "owner_kind",
        "owner_state",
        "owner_group",
        "due_date",
        "status",
    ]
    list_display = ["meeting", "number", "description", "owner_label", "due_date", "status"]
    filterset_class = ActionPointFilterSet
    search_fields = ["description"]
    ordering = ["-meeting__opening", "number"]
    list_per_page = 50
    copy_view_enabled = False
    inspect_view_enabled = True


class RegisterViewSetGroup(ViewSetGroup):
    menu_label = _("Register")
    menu_name = "register"
    menu_icon = "tasks"
    menu_order = 560
    items = (DecisionViewSet, ActionPointViewSet)

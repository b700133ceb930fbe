"""The "Outgoing emails" item of the Wagtail admin's Settings menu (DMR Secretariat)."""

import django_filters
from django.urls import path
from django.utils.translation import gettext_lazy as _
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.viewsets.model import ModelViewSet

from .admin_views import OutboundEmailIndexView, SendAgainView
from .models import OutboundEmail


class OutboundEmailFilterSet(WagtailFilterSet):
    status = django_filters.ChoiceFilter(label=_("Status"), choices=OutboundEmail.Status.choices)

    class Meta:
        model = OutboundEmail
        fields = ["status"]


class OutboundEmailViewSet(ModelViewSet):
    model = OutboundEmail
    name = "outgoing_emails"
    url_prefix = "outgoing-emails"
    icon = "mail"
    menu_label = _("Outgoing emails")
    add_to_settings_menu = True
    index_view_class = OutboundEmailIndexView
    list_display = ["subject", "recipients", "status", "attempts", "created_at", "sent_at"]
    list_filter = None
    filterset_class = OutboundEmailFilterSet
    search_fields = ["subject", "recipients"]
    ordering = "-created_at"
    list_per_page = 50
    inspect_view_enabled = True
    inspect_view_fields = [
        "subject",
        "recipients",
        "status",
        "attempts",
        "last_error",
        "created_at",
        "next_attempt_at",
        "sent_at",
    ]
    copy_view_enabled = False
    # The outbox is written by the site only.
    form_fields = ["subject"]

    def get_common_view_kwargs(self, **kwargs):
        return super().get_common_view_kwargs(add_url_name=None, **kwargs)

    def get_index_view_kwargs(self, **kwargs):
        return super().get_index_view_kwargs(
            send_again_url_name=self.get_url_name("send_again"), **kwargs
        )

    def get_urlpatterns(self):
        send_again = self.construct_view(SendAgainView, index_url_name=self.get_url_name("index"))
        kept = {"index", "index_results", "inspect"}
        return [
            *(pattern for pattern in super().get_urlpatterns() if pattern.name in kept),
            path("send-again/<int:pk>/", send_again, name="send_again"),
        ]

"""The DMR proposes dates in the admin ("Register" menu's neighbour: "Date polls")."""

from wagtail.admin.viewsets.model import ModelViewSet

from .models import DatePoll


class DatePollViewSet(ModelViewSet):
    model = DatePoll
    name = "date_polls_admin"
    url_prefix = "date-polls"
    icon = "date"
    add_to_admin_menu = True
    menu_order = 565
    list_display = ["meeting", "status", "answer_by", "created_at"]
    ordering = ["-created_at"]
    copy_view_enabled = False
    inspect_view_enabled = True

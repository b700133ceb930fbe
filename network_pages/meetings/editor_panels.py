"""A read-only panel at the top of the meeting editor: the convocation deadline (4.1) and
what has been sent."""

from wagtail.admin.panels import Panel

from network_pages.meetings import convocation


class ConvocationPanel(Panel):
    class BoundPanel(Panel.BoundPanel):
        template_name = "meetings/admin/convocation_panel.html"

        def get_context_data(self, parent_context=None):
            context = super().get_context_data(parent_context)
            page = self.instance
            saved = page.pk is not None and page.opening is not None
            context["page"] = page
            context["timing"] = convocation.timing_for(page) if page.opening else None
            context["convocations"] = (
                list(convocation.convocations_of(page).select_related("sent_by")) if saved else []
            )
            context["is_saved"] = saved
            return context

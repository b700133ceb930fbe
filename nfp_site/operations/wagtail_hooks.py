from wagtail import hooks

from .viewsets import OutboundEmailViewSet


@hooks.register("register_admin_viewset")
def register_outgoing_emails():
    return OutboundEmailViewSet()

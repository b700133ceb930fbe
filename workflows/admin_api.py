"""The admin API's page actions, through the gate, with the reason (3.3).

`/admin/api/main/pages/<id>/action/<name>/` runs Wagtail's action classes, which ask the
gated permission tester and so refuse already; they answer "permission denied" without a
reason, and they run no `before_*_page` hook. This endpoint asks the gate first and says
why, in the user's language. Only action-gating changes here, so that a listing filter can
subclass it: nfp_site.admin_api_listing registers that subclass (`construct_admin_api`).
"""

from rest_framework import status
from rest_framework.response import Response
from wagtail.admin.api.views import PagesAdminAPIViewSet
from wagtail.models import Page

from workflows import gate

# Admin API action name -> the gate's name for that door.
API_ACTIONS = {
    "convert_alias": gate.CONVERT_ALIAS,
    "copy": gate.COPY,
    "create_alias": gate.CREATE_ALIAS,
    "delete": gate.DELETE,
    "move": gate.MOVE,
    "publish": gate.PUBLISH,
    "revert_to_page_revision": gate.REVERT,
    "unpublish": gate.UNPUBLISH,
}


def gate_action(action_name: str, data) -> str:
    if action_name == "copy_for_translation":
        alias = str(data.get("alias", "")).lower() in ("1", "true", "on")
        return gate.TRANSLATE_AS_ALIAS if alias else gate.COPY_FOR_TRANSLATION
    if action_name == "copy" and str(data.get("keep_live", "true")).lower() in ("1", "true"):
        return gate.COPY
    # An action nobody classified is closed on gated pages (see gate.refusal).
    return API_ACTIONS.get(action_name, action_name)


class GatedPagesAdminAPIViewSet(PagesAdminAPIViewSet):
    def action_view(self, request, pk, action_name):
        instance = self.get_object()
        destination_id = request.data.get("destination_page_id")
        destination = (
            Page.objects.filter(pk=destination_id).first()
            if str(destination_id or "").isdigit()
            else None
        )
        reason = gate.refusal(
            request.user, instance, gate_action(action_name, request.data), destination
        )
        if reason:
            return Response({"message": reason}, status=status.HTTP_403_FORBIDDEN)
        return super().action_view(request, pk, action_name)

"""Wiring only: drafts reach the public section through the joint approval, never by hand."""

from django.contrib import messages
from django.shortcuts import redirect
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.models import Page

from network_pages.community.worklists import WORK_LISTS_HOOK

from . import worklists
from .guards import escapes_the_network_area

REFUSAL = _(
    "A publication draft reaches the public section only through the joint approval of the "
    "network and the DMR: submit it instead."
)


@hooks.register("before_move_page")
def keep_drafts_in_the_network_area_on_move(request, page, destination):
    if escapes_the_network_area(page, destination):
        messages.error(request, REFUSAL)
        return redirect("wagtailadmin_pages:move", page.pk)
    return None


@hooks.register("before_copy_page")
def keep_drafts_in_the_network_area_on_copy(request, page):
    if request.method != "POST":
        return None
    parent_id = request.POST.get("new_parent_page", "")
    destination = Page.objects.filter(pk=parent_id).first() if parent_id.isdigit() else None
    if escapes_the_network_area(page, destination):
        messages.error(request, REFUSAL)
        return redirect("wagtailadmin_pages:copy", page.pk)
    return None


hooks.register(WORK_LISTS_HOOK, worklists.publication_work_lists)

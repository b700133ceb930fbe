"""Wiring only: admin URLs, the review link in the page editor, withdrawing, the report."""

from django.contrib import messages
from django.urls import include, path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.action_menu import ActionMenuItem
from wagtail.admin.menu import MenuItem
from wagtail.admin.ui.menus.pages import PageMenuItem
from wagtail.permission_policies.pages import PagePermissionPolicy

from workflows import (
    approver_admin,
    dashboard,
    gate,
    header_facts,
    localize_buttons,
    localize_editor,
    urls,
)
from workflows.localize import GatedUpdateTranslationsView
from workflows.log_actions import register_joint_approval_log_actions
from workflows.models import JointApprovalTask
from workflows.translation import may_submit_translation
from workflows.withdrawal import annotate_released, is_released, may_withdraw


@hooks.register("register_admin_urls")
def register_joint_approval_urls():
    return [path("joint-approval/", include(urls, namespace="workflows"))]


@hooks.register("before_edit_page")
def say_why_publishing_a_gated_page_saves_a_draft(request, page):
    # The editor offers no "Publish" on gated pages; a request that asks anyway is saved as
    # a draft by Wagtail: say why (3.3).
    if request.method == "POST" and request.POST.get("action-publish"):
        reason = gate.refusal(request.user, page, gate.PUBLISH)
        if reason:
            messages.warning(request, reason)


@hooks.register("before_create_page")
def say_why_publishing_into_the_public_section_saves_a_draft(request, parent_page, page_class):
    if request.method == "POST" and request.POST.get("action-publish"):
        reason = gate.refusal(request.user, parent_page, gate.PUBLISH_SUBPAGE)
        if reason:
            messages.warning(request, reason)


@hooks.register("register_admin_urls", order=-100)
def gate_wagtail_localize_sync():
    # Before wagtail-localize's own URLs, so that this view answers (see workflows.localize).
    return [
        path(
            "localize/update/<int:translation_source_id>/",
            GatedUpdateTranslationsView.as_view(),
        )
    ]


class ReviewMenuItem(ActionMenuItem):
    """In the page editor, approving leads to the review page (preview, links, checklist)."""

    label = _("Review and approve")
    name = "action-joint-approval-review"
    icon_name = "success"

    def __init__(self, task_state_id: int, order: int = 0) -> None:
        super().__init__(order=order)
        self.task_state_id = task_state_id

    def is_shown(self, context) -> bool:
        return True

    def get_url(self, parent_context) -> str:
        return reverse("workflows:review", args=[self.task_state_id])


@hooks.register("construct_page_action_menu")
def link_joint_approval_to_its_review_page(menu_items, request, context):
    page = context.get("page")
    task = page.current_workflow_task if page is not None and page.pk else None
    if not isinstance(task, JointApprovalTask):
        return
    menu_items[:] = [item for item in menu_items if getattr(item, "name", None) != "review"]
    if any(name == "review" for name, _label, _modal in task.get_actions(page, request.user)):
        menu_items.append(ReviewMenuItem(page.current_workflow_task_state.pk, order=5))


class WithdrawButton(PageMenuItem):
    label = _("Withdraw from the public section")
    icon_name = "download"
    url_name = "workflows:withdraw"
    priority = 45

    def __init__(self, *args, in_header: bool = False, **kwargs):
        super().__init__(*args, **kwargs)
        self.in_header = in_header

    def is_shown(self, user) -> bool:
        if not self.page.live:
            return False
        # A header asks with its other buttons' questions (one query for all of them); a
        # listing, for all its rows at once.
        if self.in_header:
            released = header_facts.of(self.page).is_released
        else:
            released = is_released(user, self.page)
        return released and may_withdraw(user, self.page)


@hooks.register("register_page_header_buttons")
def withdraw_header_button(page, user, view_name, next_url=None):
    yield WithdrawButton(page=page, in_header=True)


@hooks.register("register_page_listing_more_buttons")
def withdraw_listing_button(page, user, next_url=None):
    yield WithdrawButton(page=page)


class SubmitTranslationButton(PageMenuItem):
    label = _("Submit the translation to the joint approval")
    icon_name = "resubmit"
    url_name = "workflows:submit_translation"
    priority = 40

    def is_shown(self, user) -> bool:
        # Most pages are no translation: answered with the header's other questions.
        if self.page.alias_of_id is not None or not header_facts.of(self.page).is_translation:
            return False
        return may_submit_translation(user, self.page)


@hooks.register("register_page_header_buttons")
def submit_translation_header_button(page, user, view_name, next_url=None):
    yield SubmitTranslationButton(page=page)


class WaitingForTranslationMenuItem(MenuItem):
    def is_shown(self, request) -> bool:
        return PagePermissionPolicy().user_has_any_permission(request.user, ["publish"])


@hooks.register("register_reports_menu_item")
def register_waiting_for_translation_report():
    return WaitingForTranslationMenuItem(
        _("Waiting for translation"),
        reverse("workflows:waiting_for_translation"),
        icon_name="doc-full",
        order=900,
    )


hooks.register("register_log_actions", register_joint_approval_log_actions)

# wagtail-localize's Translate and Sync buttons, read once for the explorer's rows (issue 17).
localize_buttons.replace_localize_buttons()
# wagtail-localize's questions of the editor, from the same facts as the header (issue 17).
localize_editor.replace_localize_editor_hooks()


@hooks.register("construct_explorer_page_queryset")
def answer_row_questions_in_the_listing_query(parent_page, pages, request):
    # The translation buttons, the gate's "live pages below?" for each row's Delete, and
    # "public through a release?" for each row's Withdraw.
    return annotate_released(gate.annotate_live_descendants(localize_buttons.annotate(pages)))


# "Awaiting your review" in a fixed number of queries, however many drafts wait (issue 17).
hooks.register("construct_homepage_panels", dashboard.replace_wagtails_panel)

# A reviewer's sidebar leads only where they may go (workflows.approver_admin).
hooks.register("construct_main_menu", approver_admin.menu_items_for_reviewers)

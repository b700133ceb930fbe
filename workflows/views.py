"""Admin views of the joint approval: the review page (declassification preview, link check,
tally, precaution review), the preview itself, withdrawing a public page, and the report of
public pages waiting for their translation."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.decorators import method_decorator
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from django.views import View
from wagtail.admin.views.reports import ReportView
from wagtail.models import Page, TaskState
from wagtail.permission_policies.pages import PagePermissionPolicy
from wagtail.utils.decorators import xframe_options_sameorigin_override

from workflows import conf
from workflows.destination import public_parent_for, release_obstacles
from workflows.exceptions import ApprovalRefused, NoPublicDestination
from workflows.forms import ApprovalForm, RejectionForm, WithdrawalForm
from workflows.links import restricted_links
from workflows.models import JointApprovalTaskState
from workflows.tally import approval_refusals, open_parties
from workflows.translation import releases_waiting_for_translation
from workflows.withdrawal import current_release, may_withdraw, withdraw


class TaskStateMixin:
    """Loads the task state; only members of its parties who may see the draft get further."""

    def setup(self, request: HttpRequest, *args, task_state_id: int, **kwargs) -> None:
        super().setup(request, *args, **kwargs)
        self.task_state = get_object_or_404(
            JointApprovalTaskState.objects.select_related(
                "workflow_state__workflow", "revision__user"
            ),
            pk=task_state_id,
        )
        self.task = self.task_state.task.specific
        obj = self.task_state.workflow_state.content_object
        if obj is None:
            raise Http404
        self.page = obj.specific if isinstance(obj, Page) else obj

    def dispatch(self, request, *args, **kwargs):
        user = request.user
        if not (user.is_superuser or self.task.is_party_member(user)):
            raise PermissionDenied
        if isinstance(self.page, Page) and not conf.may_view_page(user, self.page):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    @property
    def in_progress(self) -> bool:
        return self.task_state.status == TaskState.STATUS_IN_PROGRESS

    def reviewed_revision(self):
        """While in progress, the latest version (what would go public); then the approved one."""
        if self.in_progress:
            return self.page.get_latest_revision()
        return self.task_state.revision


class ReviewView(TaskStateMixin, View):
    template_name = "workflows/review.html"

    def get(self, request: HttpRequest, *args, **kwargs) -> HttpResponse:
        return self.render(self.approval_form(), RejectionForm())

    def post(self, request: HttpRequest, *args, **kwargs) -> HttpResponse:
        if not self.in_progress:
            messages.error(request, gettext("This approval is no longer in progress."))
            return redirect(self.review_url())
        if request.POST.get("action") == "reject":
            return self.reject()
        return self.approve()

    def review_url(self) -> str:
        return reverse("workflows:review", args=[self.task_state.pk])

    def open_parties(self):
        revision = self.reviewed_revision()
        self.tally = self.task.tally_for(self.task_state, revision)
        return open_parties(self.tally, self.task.user_group_ids(self.request.user))

    def approval_form(self, data=None) -> ApprovalForm | None:
        parties = self.open_parties()
        if not self.in_progress or not parties or self.refusals():
            return None
        return ApprovalForm(data, parties=parties, revision_id=self.reviewed_revision().pk)

    def refusals(self) -> list[str]:
        return approval_refusals(
            self.tally,
            user_id=self.request.user.pk,
            user_group_ids=self.task.user_group_ids(self.request.user),
            party_group_id=None,
            author_ids=self.task.author_ids(self.task_state),
        )

    def approve(self) -> HttpResponse:
        form = self.approval_form(self.request.POST)
        if form is None:
            messages.error(self.request, " ".join(self.refusals()))
            return redirect(self.review_url())
        if form.is_valid():
            try:
                approval = self.task.record_approval(
                    self.task_state, self.request.user, **form.approval_kwargs()
                )
            except ApprovalRefused as error:
                self.add_refusal(form, error)
            else:
                self.confirm_approval(approval)
                return redirect(self.review_url())
        return self.render(form, RejectionForm(), status=200)

    @staticmethod
    def add_refusal(form: ApprovalForm, error: ApprovalRefused) -> None:
        if hasattr(error, "error_dict"):
            for field, errors in error.error_dict.items():
                form.add_error(field if field in form.fields else None, errors)
        else:
            form.add_error(None, error)

    def confirm_approval(self, approval) -> None:
        self.task_state.refresh_from_db()
        if self.task_state.status == TaskState.STATUS_APPROVED:
            messages.success(
                self.request,
                gettext("Every party has approved: “%(title)s” is now public.")
                % {"title": self.page.title},
            )
            return
        tally = self.task.tally_for(self.task_state, approval.revision)
        messages.success(
            self.request,
            gettext("Your approval for %(party)s is recorded. Still waiting for: %(waiting)s.")
            % {
                "party": approval.party.name,
                "waiting": ", ".join(party.name for party in tally.waiting()),
            },
        )

    def reject(self) -> HttpResponse:
        form = RejectionForm(self.request.POST)
        if form.is_valid():
            try:
                self.task.record_rejection(
                    self.task_state, self.request.user, comment=form.cleaned_data["comment"]
                )
            except ApprovalRefused as error:
                form.add_error(None, error)
            else:
                messages.success(
                    self.request,
                    gettext("Changes requested: the author has been told."),
                )
                return redirect(self.review_url())
        return self.render(self.approval_form(), form)

    def render(self, approval_form, rejection_form, status: int = 200) -> HttpResponse:
        revision = self.reviewed_revision()
        approved = revision.as_object()
        if not hasattr(self, "tally"):
            self.tally = self.task.tally_for(self.task_state, revision)
        obstacles, destination = [], None
        if isinstance(self.page, Page) and self.in_progress:
            obstacles = release_obstacles(self.page, approved)
            try:
                destination = public_parent_for(self.page)
            except NoPublicDestination:
                destination = None
        context = {
            "page_title": gettext("Joint approval: %(title)s") % {"title": self.page.title},
            "header_icon": "tasks",
            "object": self.page,
            "task_state": self.task_state,
            "task": self.task,
            "in_progress": self.in_progress,
            "revision": revision,
            "tally": self.tally,
            "restricted_links": restricted_links(approved) if self.in_progress else [],
            "obstacles": obstacles,
            "destination": destination,
            "refusals": self.refusals() if self.in_progress else [],
            "approval_form": approval_form,
            "rejection_form": rejection_form if self.in_progress else None,
            "preview_url": reverse("workflows:preview", args=[self.task_state.pk]),
            "history_url": reverse("wagtailadmin_pages:history", args=[self.page.pk])
            if isinstance(self.page, Page)
            else None,
        }
        return render(self.request, self.template_name, context, status=status)


@method_decorator(xframe_options_sameorigin_override, name="get")
class PreviewView(TaskStateMixin, View):
    """Exactly what would become public: the reviewed revision, rendered by its template."""

    def get(self, request: HttpRequest, *args, **kwargs) -> HttpResponse:
        revision = self.reviewed_revision()
        obj = revision.as_object()
        response = obj.make_preview_request(
            request, obj.default_preview_mode, extra_request_attrs={"revision_id": revision.pk}
        )
        # The page's own policy forbids framing; the admin's (set on the way out) allows
        # its own pages to frame it, as the review page does.
        del response["Content-Security-Policy"]
        return response


class WithdrawView(View):
    """3.3: the DMR takes a public page down again, in every language, saying why."""

    template_name = "workflows/withdraw.html"

    def setup(self, request: HttpRequest, *args, page_id: int, **kwargs) -> None:
        super().setup(request, *args, **kwargs)
        self.page = get_object_or_404(Page, pk=page_id).specific
        self.release = current_release(self.page)

    def dispatch(self, request, *args, **kwargs):
        if self.release is None:
            raise Http404
        if not may_withdraw(request.user, self.page):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def get(self, request: HttpRequest, *args, **kwargs) -> HttpResponse:
        return self.render(WithdrawalForm())

    def post(self, request: HttpRequest, *args, **kwargs) -> HttpResponse:
        form = WithdrawalForm(request.POST)
        if form.is_valid():
            try:
                pages = withdraw(self.release, request.user, form.cleaned_data["reason"])
            except ApprovalRefused as error:
                form.add_error(None, error)
            else:
                messages.success(
                    request,
                    gettext("“%(title)s” is withdrawn from the public section (%(count)d pages).")
                    % {"title": self.page.title, "count": len(pages)},
                )
                return redirect("wagtailadmin_explore", self.page.get_parent().pk)
        return self.render(form)

    def render(self, form: WithdrawalForm) -> HttpResponse:
        return render(
            self.request,
            self.template_name,
            {
                "page_title": gettext("Withdraw “%(title)s”") % {"title": self.page.title},
                "header_icon": "download",
                "object": self.page,
                "translations": self.page.get_translations(inclusive=True).select_related("locale"),
                "form": form,
                "action_url": reverse("workflows:withdraw", args=[self.page.pk]),
            },
        )


class WaitingForTranslationView(ReportView):
    """Public pages whose translation into another official language is not live yet."""

    page_title = _("Waiting for translation")
    header_icon = "doc-full"
    template_name = "workflows/waiting_for_translation.html"
    results_template_name = "workflows/waiting_for_translation_results.html"
    index_url_name = "workflows:waiting_for_translation"
    index_results_url_name = "workflows:waiting_for_translation_results"
    permission_policy = PagePermissionPolicy()
    any_permission_required = ["publish"]
    paginate_by = 50
    list_export = ["title", "released_at"]

    def get_queryset(self):
        return releases_waiting_for_translation()

    def decorate_paginated_queryset(self, object_list):
        releases = list(object_list)
        keys = [release.page.translation_key for release in releases]
        drafts: dict = {}
        for draft in Page.objects.filter(translation_key__in=keys, live=False).select_related(
            "locale"
        ):
            drafts.setdefault(draft.translation_key, []).append(draft)
        for release in releases:
            release.waiting_drafts = drafts.get(release.page.translation_key, [])
        return releases

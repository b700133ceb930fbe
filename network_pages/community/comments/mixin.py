"""`CommentablePageMixin`: any restricted page type opts into members' comments with it.

    class MeetingPage(CommentablePageMixin, Page): ...

and `{% load community_tags %}{% comments_for page %}` in its template. The mixin adds no
field (no migration on the page type): comments are rows attached to the page's source.
Its routes are routes of the page, so the network area's `before_serve_page` hook has
already refused whoever may not see the page before any of them runs; the rules in
`rules.py` then say who may post, edit, delete or moderate.
"""

from django.contrib import messages
from django.http import Http404, HttpRequest, HttpResponse, HttpResponseNotAllowed
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.utils.translation import gettext
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.models import Page

from network_pages import access
from network_pages.area_addresses import LocalizedRoutesMixin, sub_path_parts
from network_pages.community.models.member_comment import MemberComment

from . import audience, listing, posting, rate_limit, rules
from .forms import CommentForm, EditCommentForm, HideCommentForm

FORM_TEMPLATE = "community/comments/comment_form_page.html"
THREAD_TEMPLATE = "community/comments/thread_page.html"


class CommentablePageMixin(LocalizedRoutesMixin, RoutablePageMixin):
    """Members' comments on this page type (plain text, one level of replies)."""

    takes_member_comments = True

    # Who reads this page type's comments (`audience.py`); None: ask `comment_audience()`.
    fixed_comment_audience: "audience.CommentAudience | None" = audience.NETWORK_MEMBERS

    # --- helpers ----------------------------------------------------------------------

    def _comments_open(self) -> None:
        if not rules.page_takes_comments(self):
            raise Http404

    def _outside_audience(self, request: HttpRequest) -> bool:
        """Whoever is not in the page's comment audience is refused every comment route."""
        return not audience.may_read_comments(request.user, self)

    def _comment(self, comment_id: int, *, with_reply_count: bool = False) -> MemberComment:
        """A comment of this page; 404 for any other, the same as for one that never was."""
        comments = MemberComment.objects.with_people().select_related("parent")
        if with_reply_count:
            comments = listing.with_reply_count(comments)
        return get_object_or_404(
            comments,
            pk=comment_id,
            page_id=listing.source_id(self),
        )

    def comments_url(self, request: HttpRequest, comment: MemberComment | None = None) -> str:
        """The page's URL at its comments, or at one comment where it is shown: the page's
        listing, or for an older reply of a long thread, the thread's own view."""
        url = self.get_url(request)
        if comment is None:
            return f"{url}#comments"
        if comment.parent_id and not listing.is_among_latest_replies(comment):
            number = listing.thread_page_of(comment)
            query = f"?{listing.REPLIES_PAGE_PARAMETER}={number}" if number > 1 else ""
            thread = url + self.reverse_subpage("comments_thread", args=[comment.parent_id])
            return f"{thread}{query}#{comment.anchor}"
        number = listing.listing_page_of(comment)
        query = f"?{listing.PAGE_PARAMETER}={number}" if number > 1 else ""
        return f"{url}{query}#{comment.anchor}"

    def _comment_page(self, request: HttpRequest, template: str, **context) -> TemplateResponse:
        """A page of the comment routes, with the page's base context only: what the page's
        own template needs (a meeting's agenda, a group's members) is not read for it."""
        request.is_preview = getattr(request, "is_preview", False)
        return TemplateResponse(request, template, {**Page.get_context(self, request), **context})

    def _form_page(self, request: HttpRequest, *, status: int = 200, **context) -> TemplateResponse:
        context.setdefault("submit_label", gettext("Post comment"))
        response = self._comment_page(request, FORM_TEMPLATE, **context)
        response.status_code = status
        return response

    def comments_base_url(self, request: HttpRequest) -> str:
        """The URL every comment route starts with (`comments/<id>/reply/` and so on), built
        once per page: a listing writes its comments' links from it without a lookup each."""
        return self.get_url(request) + self.reverse_subpage("comments_post")

    def _refused(self, request: HttpRequest) -> HttpResponse:
        return access.refusal(request, access.Verdict.REFUSE)

    def _post_or_form(self, request: HttpRequest, *, parent: MemberComment | None) -> HttpResponse:
        heading = gettext("Reply to a comment") if parent else gettext("Add a comment")
        form = CommentForm(request.POST if request.method == "POST" else None)
        if form.is_bound and form.is_valid():
            if rate_limit.is_exceeded(request.user):
                form.add_error(
                    None,
                    gettext(
                        "You have posted %(count)d comments in the last %(minutes)d minutes. "
                        "Please wait a few minutes before posting again; your text is kept "
                        "below."
                    )
                    % {
                        "count": rate_limit.COMMENTS_PER_WINDOW,
                        "minutes": rate_limit.WINDOW_MINUTES,
                    },
                )
                return self._form_page(
                    request, status=429, form=form, parent=parent, heading=heading
                )
            comment, created = posting.post_comment(
                page=self,
                author=request.user,
                body=form.cleaned_data["body"],
                parent=parent,
                submission_key=form.cleaned_data["submission_key"],
                language=form.cleaned_data["language"],
            )
            if created:
                messages.success(request, gettext("Your comment has been posted."))
            return redirect(self.comments_url(request, comment))
        return self._form_page(
            request,
            status=400 if form.is_bound else 200,
            form=form,
            parent=parent,
            heading=heading,
        )

    # --- routes -------------------------------------------------------------------------

    @path("comments/<int:comment_id>/", name="comments_thread")
    def comments_thread_route(self, request: HttpRequest, comment_id: int) -> HttpResponse:
        """A whole thread: every reply, a page of them at a time ("Show all replies")."""
        self._comments_open()
        page_audience = audience.audience_of(self)
        if not page_audience.includes(request.user):
            return self._refused(request)
        if request.method not in ("GET", "HEAD"):
            return HttpResponseNotAllowed(["GET", "HEAD"])
        comment = self._comment(comment_id, with_reply_count=True)
        if comment.parent_id:
            return redirect(self.comments_url(request, comment))
        thread = listing.thread_listing(
            comment, request.user, request.GET.get(listing.REPLIES_PAGE_PARAMETER)
        )
        return self._comment_page(
            request,
            THREAD_TEMPLATE,
            thread=thread,
            audience=page_audience,
            comment_base=self.comments_base_url(request),
            comment_parts=sub_path_parts(),
            page_parameter=listing.REPLIES_PAGE_PARAMETER,
        )

    @path("comments/", name="comments_post")
    def comments_post_route(self, request: HttpRequest) -> HttpResponse:
        self._comments_open()
        if self._outside_audience(request):
            return self._refused(request)
        if not rules.may_post(request.user):
            return self._refused(request)
        return self._post_or_form(request, parent=None)

    @path("comments/<int:comment_id>/reply/", name="comments_reply")
    def comments_reply_route(self, request: HttpRequest, comment_id: int) -> HttpResponse:
        self._comments_open()
        if self._outside_audience(request):
            return self._refused(request)
        parent = self._comment(comment_id)
        if not rules.may_post(request.user):
            return self._refused(request)
        if not rules.may_reply(request.user, parent):
            messages.error(request, gettext("This comment no longer takes replies."))
            return redirect(self.comments_url(request, parent))
        return self._post_or_form(request, parent=parent)

    @path("comments/<int:comment_id>/edit/", name="comments_edit")
    def comments_edit_route(self, request: HttpRequest, comment_id: int) -> HttpResponse:
        self._comments_open()
        if self._outside_audience(request):
            return self._refused(request)
        comment = self._comment(comment_id)
        if not rules.is_author(request.user, comment):
            return self._refused(request)
        if not rules.may_edit(request.user, comment):
            if comment.is_deleted or comment.is_hidden:
                messages.error(request, gettext("This comment can no longer be edited."))
            else:
                messages.error(
                    request,
                    gettext(
                        "A comment can be edited only within 15 minutes of posting it. "
                        "You can still delete it, or post a new comment."
                    ),
                )
            return redirect(self.comments_url(request, comment))
        heading = gettext("Edit your comment")
        if request.method == "POST":
            form = EditCommentForm(request.POST)
            if form.is_valid():
                posting.edit_comment(
                    comment, form.cleaned_data["body"], form.cleaned_data["language"]
                )
                messages.success(request, gettext("Your comment has been updated."))
                return redirect(self.comments_url(request, comment))
        else:
            form = EditCommentForm(initial={"body": comment.body, "language": comment.language})
        return self._form_page(
            request,
            status=400 if form.is_bound else 200,
            form=form,
            comment=comment,
            heading=heading,
            submit_label=gettext("Save"),
        )

    @path("comments/<int:comment_id>/delete/", name="comments_delete")
    def comments_delete_route(self, request: HttpRequest, comment_id: int) -> HttpResponse:
        self._comments_open()
        if self._outside_audience(request):
            return self._refused(request)
        comment = self._comment(comment_id)
        if not rules.is_author(request.user, comment):
            return self._refused(request)
        if not rules.may_delete(request.user, comment):
            messages.error(request, gettext("This comment cannot be deleted any more."))
            return redirect(self.comments_url(request, comment))
        if request.method == "POST":
            posting.delete_comment(comment)
            messages.success(request, gettext("Your comment has been deleted."))
            return redirect(self.comments_url(request, comment))
        return self._form_page(
            request, comment=comment, heading=gettext("Delete your comment?"), confirm=True
        )

    @path("comments/<int:comment_id>/hide/", name="comments_hide")
    def comments_hide_route(self, request: HttpRequest, comment_id: int) -> HttpResponse:
        self._comments_open()
        if self._outside_audience(request):
            return self._refused(request)
        comment = self._comment(comment_id)
        if not rules.may_moderate(request.user):
            return self._refused(request)
        heading = gettext("Hide a comment")
        form = HideCommentForm(request.POST if request.method == "POST" else None)
        if form.is_bound and form.is_valid():
            posting.hide_comment(comment, by=request.user, reason=form.cleaned_data["reason"])
            messages.success(
                request, gettext("The comment is hidden. Members see that it was hidden.")
            )
            return redirect(self.comments_url(request, comment))
        return self._form_page(
            request,
            status=400 if form.is_bound else 200,
            form=form,
            comment=comment,
            heading=heading,
            submit_label=gettext("Hide the comment"),
        )

    @path("comments/<int:comment_id>/restore/", name="comments_restore")
    def comments_restore_route(self, request: HttpRequest, comment_id: int) -> HttpResponse:
        self._comments_open()
        if self._outside_audience(request):
            return self._refused(request)
        comment = self._comment(comment_id)
        if not rules.may_moderate(request.user):
            return self._refused(request)
        if request.method != "POST":
            return HttpResponseNotAllowed(["POST"])
        posting.restore_comment(comment, by=request.user)
        messages.success(request, gettext("The comment is shown again."))
        return redirect(self.comments_url(request, comment))

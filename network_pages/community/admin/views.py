"""Admin views that record who did what: adding a member, appointing a rapporteur,
moderating a comment."""

from wagtail.admin.views import generic

from network_pages.community.comments import posting


class MembershipCreateView(generic.CreateView):
    def save_instance(self):
        self.form.instance.added_by = self.request.user
        return super().save_instance()


class RapporteurCreateView(generic.CreateView):
    def save_instance(self):
        self.form.instance.appointed_by = self.request.user
        return super().save_instance()


class CommentModerationView(generic.EditView):
    """Hide (with a reason) or show again; nothing else of a member's comment changes."""

    def save_instance(self):
        comment = self.object
        comment.refresh_from_db()
        hidden = self.form.cleaned_data["hidden"]
        if hidden:
            posting.hide_comment(
                comment, by=self.request.user, reason=self.form.cleaned_data["hidden_reason"]
            )
        elif comment.is_hidden:
            posting.restore_comment(comment, by=self.request.user)
        comment.refresh_from_db()
        return comment

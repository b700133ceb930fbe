import uuid

from django import forms
from django.conf import settings
from django.template.loader import render_to_string
from django.utils.formats import number_format
from django.utils.safestring import SafeString
from django.utils.translation import get_language, gettext
from django.utils.translation import gettext_lazy as _

from network_pages.community.models.member_comment import MAX_LENGTH

FORM_FIELDS_TEMPLATE = "network_pages/accounts/_form_fields.html"


class CommentBodyMixin(forms.Form):
    """The text of a comment: plain text; links are made clickable when shown."""

    body = forms.CharField(
        label=_("Your comment"),
        max_length=MAX_LENGTH,
        strip=True,
        widget=forms.Textarea(attrs={"rows": 5, "cols": 60}),
        error_messages={
            "required": _("Write something before posting."),
            "max_length": _(
                "A comment has at most %(limit_value)d characters (this one has %(show_value)d)."
            ),
        },
    )

    # 4.6: the comment says its language; the reader's interface language is the guess.
    language = forms.ChoiceField(
        label=_("Language of your comment"),
        choices=settings.LANGUAGES,
        # A form sent without it (an older page) falls back to the interface's language.
        required=False,
        help_text=_("Readers of the other language see it marked as written in this one."),
    )

    def __init__(self, *args, **kwargs):
        initial = kwargs.setdefault("initial", {})
        initial.setdefault("language", (get_language() or settings.LANGUAGE_CODE)[:2])
        super().__init__(*args, **kwargs)
        self.fields["body"].help_text = gettext(
            "Plain text, at most %(max)s characters. Web addresses become links."
        ) % {"max": number_format(MAX_LENGTH, force_grouping=True)}


class CommentForm(CommentBodyMixin):
    """A new comment or reply. The hidden key makes a second click post nothing more."""

    submission_key = forms.UUIDField(widget=forms.HiddenInput, required=False)

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("initial", {}).setdefault("submission_key", uuid.uuid4())
        super().__init__(*args, **kwargs)


# A submission key no form is ever given (uuid4's are random, version 4): where the fresh
# one goes in the fields written once.
_KEY_STAND_IN = uuid.UUID(int=0)
_new_comment_fields: dict[str, str] = {}


def new_comment_fields() -> SafeString:
    """The fields of a new, empty `CommentForm` as `_form_fields.html` writes them, written
    once per process and language (every commentable page shows them: ~2 ms through the
    template engine); only the submission key is new each time."""
    language = get_language() or settings.LANGUAGE_CODE
    written = _new_comment_fields.get(language)
    if written is None:
        form = CommentForm(initial={"submission_key": _KEY_STAND_IN})
        written = render_to_string(FORM_FIELDS_TEMPLATE, {"form": form})
        _new_comment_fields[language] = written
    return SafeString(written.replace(str(_KEY_STAND_IN), str(uuid.uuid4())))


class EditCommentForm(CommentBodyMixin):
    pass


class HideCommentForm(forms.Form):
    """The DMR hides a comment (4.9); the reason is kept and shown to the DMR."""

    reason = forms.CharField(
        label=_("Reason for hiding"),
        max_length=1000,
        strip=True,
        widget=forms.Textarea(attrs={"rows": 3, "cols": 60}),
        help_text=_("Shown to the DMR Secretariat only, with the hidden comment."),
        error_messages={"required": _("Give the reason for hiding this comment.")},
    )

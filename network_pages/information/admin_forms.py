"""The admin's page form for information requests: the same limits as the site's form."""

from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext
from wagtail.admin.forms import WagtailAdminPageForm

from . import limits

NO_QUESTION = _("Ask at least one question (4.6).")


def too_many_questions(count: int) -> str:
    return ngettext(
        "Ask at most %(max)d question (4.6); there is %(count)d.",
        "Ask at most %(max)d questions (4.6); there are %(count)d.",
        limits.MAX_QUESTIONS,
    ) % {"max": limits.MAX_QUESTIONS, "count": count}


class InformationRequestPageForm(WagtailAdminPageForm):
    """4.6: a request consists of concise, numbered questions, at least one, at most 20."""

    def clean(self):
        cleaned_data = super().clean()
        questions = self.formsets.get("questions")
        # Counted once the questions themselves are valid (their own errors come first).
        if questions is not None and questions.is_valid():
            kept = [
                form
                for form in questions.forms
                if form.has_changed() or form.instance.pk
                if not questions._should_delete_form(form)
            ]
            if not kept:
                self.add_error(None, NO_QUESTION)
            elif len(kept) > limits.MAX_QUESTIONS:
                self.add_error(None, too_many_questions(len(kept)))
        return cleaned_data

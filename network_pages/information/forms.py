"""The site's forms: a request (4.6), a state's response, an information item (4.7), and
the filters of the two listings. Limits live in `limits`; messages are translated."""

from collections.abc import Iterable

from django import forms
from django.conf import settings
from django.core.validators import FileExtensionValidator
from django.template.defaultfilters import filesizeformat
from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext, pgettext_lazy
from taggit.utils import parse_tags

from network_pages.directory import collation_key
from network_pages.document_content import check_document_content
from network_pages.models import MemberState
from nfp_site.plain_select import PlainSelect

from . import limits
from .admin_forms import NO_QUESTION, too_many_questions
from .rules import today

LANGUAGE_CHOICES = settings.LANGUAGES


class MultipleFileInput(forms.ClearableFileInput):
    allow_multiple_selected = True


class MultipleFileField(forms.FileField):
    """Several documents in one field (Django's documented pattern)."""

    def __init__(self, *args, **kwargs) -> None:
        kwargs.setdefault("widget", MultipleFileInput())
        kwargs.setdefault("required", False)
        super().__init__(*args, **kwargs)

    def clean(self, data, initial=None):
        single = super().clean
        if isinstance(data, list | tuple):
            return [single(item, initial) for item in data if item]
        return [single(data, initial)] if data else []


def validate_document(upload) -> None:
    """The document types and size the site accepts (WAGTAILDOCS_EXTENSIONS, _MAX_UPLOAD_SIZE)."""
    FileExtensionValidator(settings.WAGTAILDOCS_EXTENSIONS)(upload)
    limit = settings.WAGTAILDOCS_MAX_UPLOAD_SIZE
    if upload.size > limit:
        raise forms.ValidationError(
            _("“%(name)s” is too large: documents may be at most %(limit)s."),
            code="file_too_large",
            params={"name": upload.name, "limit": filesizeformat(limit)},
        )
    check_document_content(upload)


def attachments_field(label) -> MultipleFileField:
    return MultipleFileField(
        label=label,
        validators=[validate_document],
        help_text=format_lazy(
            _("Accepted: {types}. The documents stay within the network (3.1)."),
            types=", ".join(settings.WAGTAILDOCS_EXTENSIONS),
        ),
    )


def language_confirmation_field() -> forms.BooleanField:
    return forms.BooleanField(
        label=_("I have checked the language: send it as it is"),
        required=False,
    )


# --- 4.6: a request for information --------------------------------------------------------


class RequestSubmissionForm(forms.Form):
    """A Focal Point's request; it reaches the DMR as a draft page to check (4.9)."""

    title = forms.CharField(label=_("Title"), max_length=255)
    language = forms.ChoiceField(
        label=_("Language of the request"),
        choices=LANGUAGE_CHOICES,
        widget=forms.RadioSelect,
        help_text=_("Requests are made in one of the two official languages (4.6)."),
    )
    background = forms.CharField(
        label=_("Background (optional)"),
        required=False,
        max_length=limits.BACKGROUND_MAX_LENGTH,
        widget=forms.Textarea(attrs={"rows": 6}),
        help_text=format_lazy(
            _("Brief factual information, at most {limit} characters."),
            limit=limits.BACKGROUND_MAX_LENGTH,
        ),
    )
    deadline = forms.DateField(
        label=_("Response deadline"),
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
        help_text=_("Responses can be edited until the end of this day, Paris time."),
    )
    confirm_language = language_confirmation_field()

    def clean_deadline(self):
        deadline = self.cleaned_data["deadline"]
        if deadline <= today():
            raise forms.ValidationError(
                _("The deadline must be a date after today."), code="deadline_in_past"
            )
        return deadline


class QuestionForm(forms.Form):
    text = forms.CharField(
        label=_("Question"),
        required=False,
        max_length=limits.QUESTION_MAX_LENGTH,
        widget=forms.Textarea(attrs={"rows": 3}),
    )


class BaseQuestionFormSet(forms.BaseFormSet):
    """4.6: concise, numbered questions, at least one and at most 20, in the chosen order."""

    def clean(self) -> None:
        if any(self.errors):
            return
        count = len(self.question_texts())
        if count == 0:
            raise forms.ValidationError(NO_QUESTION, code="no_question")
        if count > limits.MAX_QUESTIONS:
            raise forms.ValidationError(too_many_questions(count), code="too_many_questions")

    def question_texts(self) -> list[str]:
        """The questions that are kept, in the order chosen (then the order of the form)."""
        kept = []
        for index, form in enumerate(self.forms):
            data = getattr(form, "cleaned_data", {})
            text = (data.get("text") or "").strip()
            if not text or data.get("DELETE"):
                continue
            order = data.get("ORDER")
            kept.append((order is None, order or 0, index, text))
        return [text for *_, text in sorted(kept)]


QuestionFormSet = forms.formset_factory(
    QuestionForm,
    formset=BaseQuestionFormSet,
    extra=3,
    can_order=True,
    can_delete=True,
    max_num=limits.MAX_QUESTIONS,
    absolute_max=limits.MAX_QUESTIONS + 5,
)


def question_formset(data=None, *, add_one: bool = False) -> BaseQuestionFormSet:
    """The questions' formset; `add_one` gives back what was typed plus one empty question."""
    if data is None or not add_one:
        return QuestionFormSet(data, prefix="questions")
    bound = QuestionFormSet(data, prefix="questions")
    initial = [
        {"text": form["text"].value() or "", "ORDER": form["ORDER"].value()} for form in bound.forms
    ]
    extra_formset = forms.formset_factory(
        QuestionForm,
        formset=BaseQuestionFormSet,
        extra=1,
        can_order=True,
        can_delete=True,
        max_num=limits.MAX_QUESTIONS,
        absolute_max=limits.MAX_QUESTIONS + 5,
    )
    return extra_formset(initial=initial, prefix="questions")


# --- A state's response -------------------------------------------------------------------


class ResponseForm(forms.Form):
    """One field pair per numbered question: the answer, or "no information available".

    `version` is the version of the response the form was filled in from: a save against a
    newer version is a conflict (two Focal Points of a state editing at once).
    """

    SAVE = "save"
    SUBMIT = "submit"

    version = forms.IntegerField(widget=forms.HiddenInput, min_value=0)
    language = forms.ChoiceField(
        label=_("Language of the response"),
        choices=LANGUAGE_CHOICES,
        widget=forms.RadioSelect,
        help_text=_("Responses are drafted in one of the two official languages (4.6)."),
    )
    new_attachments = attachments_field(_("Add documents"))
    confirm_language = language_confirmation_field()

    def __init__(self, *args, questions, attachments=(), **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.questions = questions
        for question in questions:
            self.fields[self.answer_name(question)] = forms.CharField(
                label=_("Answer to question %(number)d") % {"number": question.number},
                required=False,
                max_length=limits.ANSWER_MAX_LENGTH,
                widget=forms.Textarea(attrs={"rows": 5}),
            )
            self.fields[self.no_information_name(question)] = forms.BooleanField(
                label=_("No information available for question %(number)d")
                % {"number": question.number},
                required=False,
            )
        self.fields["remove_attachments"] = forms.MultipleChoiceField(
            label=_("Remove documents"),
            required=False,
            choices=[(str(item.pk), item.document.title) for item in attachments],
            widget=forms.CheckboxSelectMultiple,
        )

    @staticmethod
    def answer_name(question) -> str:
        return f"answer_{question.pk}"

    @staticmethod
    def no_information_name(question) -> str:
        return f"no_information_{question.pk}"

    @staticmethod
    def initial_for(response, answers: dict, language: str) -> dict:
        initial = {"version": response.version if response else 0, "language": language}
        for question_id, answer in answers.items():
            initial[f"answer_{question_id}"] = answer.text
            initial[f"no_information_{question_id}"] = answer.no_information
        return initial

    def question_fields(self):
        """(question, answer field, no-information field) for the template, in order."""
        for question in self.questions:
            yield (
                question,
                self[self.answer_name(question)],
                self[self.no_information_name(question)],
            )

    def clean(self):
        cleaned_data = super().clean()
        for question in self.questions:
            text = (cleaned_data.get(self.answer_name(question)) or "").strip()
            cleaned_data[self.answer_name(question)] = text
            if text and cleaned_data.get(self.no_information_name(question)):
                self.add_error(
                    self.no_information_name(question),
                    forms.ValidationError(
                        _(
                            "Question %(number)d: write an answer or tick “No information "
                            "available”, not both."
                        ),
                        code="answer_and_no_information",
                        params={"number": question.number},
                    ),
                )
        return cleaned_data

    def is_empty(self) -> bool:
        """Valid data with no answer, no "no information", no document added or removed:
        nothing a state could be said to have answered."""
        data = self.cleaned_data
        return not (
            any(text for text, _none in self.answers().values())
            or any(none for _text, none in self.answers().values())
            or data.get("new_attachments")
            or data.get("remove_attachments")
        )

    def answers(self) -> dict[int, tuple[str, bool]]:
        """{question id: (text, no information)} from valid data."""
        return {
            question.pk: (
                self.cleaned_data[self.answer_name(question)],
                bool(self.cleaned_data[self.no_information_name(question)]),
            )
            for question in self.questions
        }

    def unanswered_numbers(self) -> list[int]:
        """Questions with neither an answer nor "no information": submitting needs them all."""
        return [
            question.number
            for question in self.questions
            if not self.cleaned_data[self.answer_name(question)]
            and not self.cleaned_data[self.no_information_name(question)]
        ]


def unanswered_message(numbers: list[int]) -> str:
    return ngettext(
        "Answer question %(numbers)s or tick “No information available” before submitting.",
        "Answer questions %(numbers)s or tick “No information available” before submitting.",
        len(numbers),
    ) % {"numbers": ", ".join(str(number) for number in numbers)}


# --- 4.7: information for dissemination -----------------------------------------------------


class ItemSubmissionForm(forms.Form):
    """Information a Focal Point submits to the network; the DMR reviews it first."""

    title = forms.CharField(label=_("Title"), max_length=255)
    language = forms.ChoiceField(
        label=_("Language of the information"),
        choices=LANGUAGE_CHOICES,
        widget=forms.RadioSelect,
        required=False,  # not sent: the language of the interface it was written in
        help_text=_("It is shown in this language to every reader (4.6)."),
    )
    summary = forms.CharField(
        label=_("Summary"),
        max_length=limits.SUMMARY_MAX_LENGTH,
        widget=forms.Textarea(attrs={"rows": 3}),
    )
    body = forms.CharField(
        label=_("Text"),
        max_length=limits.ITEM_BODY_MAX_LENGTH,
        widget=forms.Textarea(attrs={"rows": 12}),
    )
    themes = forms.CharField(
        label=_("Themes"),
        required=False,
        max_length=255,
        help_text=_("Separate themes with commas, for example: asylum, integration."),
    )
    good_practice = forms.BooleanField(label=_("This is a good practice (2.1.d)"), required=False)
    dissemination_proposed = forms.BooleanField(
        label=_("I propose to disseminate this information to all members of the network (4.7)"),
        required=False,
    )
    attachments = attachments_field(_("Documents"))

    def clean_themes(self) -> list[str]:
        themes = parse_tags(self.cleaned_data.get("themes") or "")
        if any(len(theme) > 100 for theme in themes):
            raise forms.ValidationError(
                _("A theme has at most 100 characters."), code="theme_too_long"
            )
        return themes


# --- Listings -----------------------------------------------------------------------------


class RequestFilterForm(forms.Form):
    status = forms.ChoiceField(
        label=_("Status"),
        required=False,
        widget=PlainSelect,
        choices=[
            ("", _("Open and closed")),
            ("open", pgettext_lazy("information request status", "Open")),
            ("closed", pgettext_lazy("information request status", "Closed")),
        ],
    )

    def status_filter(self) -> str:
        return self.cleaned_data.get("status", "") if self.is_valid() else ""


class ItemFilterForm(forms.Form):
    """Browse information items by state, theme and type (2.1.a, 2.1.b, 2.1.d)."""

    # Listings' filters: selects written without the template engine (many options).
    state = forms.ChoiceField(label=_("Member state"), required=False, widget=PlainSelect)
    theme = forms.ChoiceField(label=_("Theme"), required=False, widget=PlainSelect)
    type = forms.ChoiceField(label=_("Type"), required=False, widget=PlainSelect)
    good_practice = forms.BooleanField(label=_("Good practices only"), required=False)

    def __init__(self, data, *, states: Iterable[MemberState], themes, types) -> None:
        super().__init__(data)
        self.fields["state"].choices = [
            ("", _("All member states")),
            *sorted(((s.code, s.name) for s in states), key=lambda c: collation_key(c[1])),
        ]
        self.fields["theme"].choices = [
            ("", _("All themes")),
            *sorted(((t.slug, t.name) for t in themes), key=lambda c: collation_key(c[1])),
        ]
        self.fields["type"].choices = [("", _("All types")), *types]

    def filters(self) -> dict:
        if not self.is_valid():
            return {}
        return {name: value for name, value in self.cleaned_data.items() if value}


class ReopenForm(forms.Form):
    """The DMR reopens a state's response after the deadline, until a new date."""

    state = forms.ModelChoiceField(
        queryset=MemberState.objects.all(), to_field_name="code", widget=forms.HiddenInput
    )
    until = forms.DateField(
        label=_("Reopen until"),
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
    )

    def clean_until(self):
        until = self.cleaned_data["until"]
        if until < today():
            raise forms.ValidationError(_("Choose today or a later date."), code="reopen_in_past")
        return until

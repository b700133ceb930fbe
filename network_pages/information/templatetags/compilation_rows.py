"""A compilation's questions, with their answers' tables, and its documents, written in
Python:

{% load compilation_rows %}
{% compiled_questions compilation request_page.language %}
{% compiled_documents compilation.attachments %}

Same markup as the template loops they replace (kept in tests/old_templates/): a
compilation shows every submitted answer (46 member states times each question at the
network's size) and every document attached, and the template engine cost ~0.1 ms per
answer (issue 17). Every value is plain text from the database, escaped here as Django's
`escape` does (the standard library's `html.escape`, quotes included); the translated
words are written as `{% translate %}` and `{% blocktranslate %}` write them (not escaped,
the values put in them escaped)."""

from collections.abc import Iterable
from functools import lru_cache
from html import escape

from django import template
from django.utils.formats import localize
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import get_language, gettext

from nfp_site import fragments

from ..compilation import CompiledAnswer, CompiledDocument, CompiledQuestion

register = template.Library()

# What closes every answer's row.
_ROW_END = "</td>\n            </tr>\n        "


def _text_with_breaks(text: str) -> str:
    """`linebreaksbr(text, autoescape=True)` of plain text, without the filter's wrappers
    (a compilation writes one per answer): newlines normalised, escaped, then `<br>`. Most
    answers have neither a carriage return nor a newline: nothing replaced for them."""
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    text = escape(text)
    return text.replace("\n", "<br>") if "\n" in text else text


@lru_cache(maxsize=4096)
def _row_head(state: str, responder: str, language: str) -> str:
    """An answer's row up to its text: a response's state, responder and language come
    again in every question, and in every compilation it answered. Kept for the process
    (a pure function of the three names)."""
    return (
        "\n            <tr>\n"
        f'                <th scope="row">{escape(state)}</th>\n'
        f"                <td>{escape(responder)}</td>\n"
        f"                <td>{escape(language.upper())}</td>\n"
        f'                <td lang="{escape(language)}">'
    )


def answer_rows(answers: Iterable[CompiledAnswer]) -> SafeString:
    """The rows of one question's answers."""
    # Outside the f-string, where xgettext finds it.
    no_information = gettext("No information available")
    no_information = f"<em>{no_information}</em>"
    rows = "".join(
        f"{_row_head(answer.state, answer.responder, answer.language)}"
        f"{no_information if answer.no_information else _text_with_breaks(answer.text)}"
        f"{_ROW_END}"
        for answer in answers
    )
    return mark_safe(rows)  # noqa: S308 - every value is escaped


class _Sections:
    """What every question's section writes the same, translated once per page."""

    def __init__(self, text_language: str) -> None:
        self.question = gettext("Question %(number)s")
        self.caption = gettext("Answers to question %(number)s")
        self.text_language = escape(text_language)
        table = gettext("Table (scrolls sideways on small screens)")
        self.table_head = (
            f'\n    <div class="table-scroll" role="region" tabindex="0" aria-label="{table}">'
            '<table class="compiled-answers">\n'
            '        <caption class="visually-hidden">'
        )
        # Each message outside the f-strings, where xgettext finds it.
        member_state, responder = gettext("Member state"), gettext("Responder")
        language, answer = gettext("Language"), gettext("Answer")
        no_answer = gettext("No submitted answer yet.")
        self.columns = (
            "</caption>\n"
            "        <thead><tr>\n"
            f'            <th scope="col">{member_state}</th>\n'
            f'            <th scope="col">{responder}</th>\n'
            f'            <th scope="col">{language}</th>\n'
            f'            <th scope="col">{answer}</th>\n'
            "        </tr></thead>\n"
            "        <tbody>\n        "
        )
        self.table_end = "\n        </tbody>\n    </table></div>\n    "
        self.no_answer = f"\n    <p>{no_answer}</p>\n    "

    def section(self, question: CompiledQuestion) -> str:
        # As the template wrote `{{ question.number }}`: localized, escaped.
        number = escape(localize(question.number))
        values = {"number": number}
        if question.answers:
            answers = (
                f"{self.table_head}{self.caption % values}{self.columns}"
                f"{answer_rows(question.answers)}{self.table_end}"
            )
        else:
            answers = self.no_answer
        return (
            f'\n<section class="compiled-question" aria-labelledby="compiled-question-{number}">\n'
            f'    <h2 id="compiled-question-{number}">{self.question % values}</h2>\n'
            f'    <p class="question-text" lang="{self.text_language}">'
            f"{_text_with_breaks(question.text)}</p>\n"
            f"    {answers}\n</section>\n"
        )


def question_sections(questions: Iterable[CompiledQuestion], text_language: str) -> SafeString:
    """Each question's section: its text (in the request's language) and its answers."""
    sections = _Sections(text_language)
    return mark_safe("".join(map(sections.section, questions)))  # noqa: S308 - escaped


def _state_documents(state: str, documents: list[CompiledDocument]) -> str:
    links = "".join(
        f'<dd><a href="{escape(document.url)}">{escape(document.title)}</a></dd>'
        for document in documents
    )
    return f"\n        <dt>{escape(state)}</dt>\n        {links}\n    "


def document_list(attachments: dict[str, list[CompiledDocument]]) -> SafeString:
    """The documents attached to the responses, under their state's name (nothing when
    there are none)."""
    if not attachments:
        return mark_safe("")
    states = "".join(_state_documents(state, docs) for state, docs in attachments.items())
    heading = gettext("Documents")
    return mark_safe(  # noqa: S308 - every value is escaped by _state_documents
        '\n<section aria-labelledby="compiled-documents">\n'
        f'    <h2 id="compiled-documents">{heading}</h2>\n'
        f"    <dl>\n    {states}\n    </dl>\n</section>\n"
    )


def _written_from(questions: list[CompiledQuestion], text_language: str) -> tuple:
    """Everything `question_sections` writes: every question and every answer as compiled,
    the request's language and the reader's (the words, the numbers' format)."""
    return (
        "information.compilation",
        get_language(),
        text_language,
        tuple(
            (
                question.number,
                question.text,
                tuple(
                    (
                        answer.state_code,
                        answer.state,
                        answer.responder,
                        answer.language,
                        answer.text,
                        answer.no_information,
                        answer.submitted_at,
                    )
                    for answer in question.answers
                ),
            )
            for question in questions
        ),
    )


@register.simple_tag
def compiled_questions(compilation, text_language: str) -> SafeString:
    """Kept for the process under everything it is written from (`fragments.kept_listing`):
    a compilation is the same for every member (submitted answers only, 2.1.a), and at the
    network's size its 46 states' answers were a sixth of the page's time (issue 17). An
    answer, a name or a language changed is another key."""
    questions = compilation.questions
    return fragments.kept_listing(
        _written_from(questions, text_language),
        lambda: question_sections(questions, text_language),
    )


@register.simple_tag
def compiled_documents(attachments: dict[str, list[CompiledDocument]]) -> SafeString:
    return document_list(attachments)

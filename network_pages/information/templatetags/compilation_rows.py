"""The rows of a compilation's answer tables, written in Python:

{% load compilation_rows %}
{% compiled_answer_rows question.answers %}

Same markup as the template loop it replaces (`{{ answer.state }}`, `{{ answer.text|
linebreaksbr }}` ...): a compilation shows every submitted answer (46 member states times
each question at the network's size), and the template engine cost ~0.1 ms per answer
(issue 17). Every value is plain text from the database, escaped here as Django's
`escape` does (the standard library's `html.escape`, quotes included)."""

from collections.abc import Iterable
from html import escape

from django import template
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext

from ..compilation import CompiledAnswer

register = template.Library()


def _escaped(text: str, names: dict[str, str]) -> str:
    # A state's and a responder's names come again in every question: escaped once.
    if text not in names:
        names[text] = escape(text)
    return names[text]


def _text_with_breaks(text: str) -> str:
    """`linebreaksbr(text, autoescape=True)` of plain text, without the filter's wrappers
    (a compilation writes one per answer): newlines normalised, escaped, then `<br>`."""
    return escape(text.replace("\r\n", "\n").replace("\r", "\n")).replace("\n", "<br>")


def _row(answer: CompiledAnswer, no_information: str, names: dict[str, str]) -> str:
    # The language is one of two codes: escaped (and upper-cased) once, kept with the names.
    language = _escaped(answer.language, names)
    text = no_information if answer.no_information else _text_with_breaks(answer.text)
    return (
        "\n            <tr>\n"
        f'                <th scope="row">{_escaped(answer.state, names)}</th>\n'
        f"                <td>{_escaped(answer.responder, names)}</td>\n"
        f"                <td>{_escaped(answer.language.upper(), names)}</td>\n"
        f'                <td lang="{language}">'
        f"{text}</td>\n"
        "            </tr>\n        "
    )


def answer_rows(
    answers: Iterable[CompiledAnswer], names: dict[str, str] | None = None
) -> SafeString:
    """The rows of one question's answers; `names`: the names escaped for the page so far."""
    names = {} if names is None else names
    no_information = f"<em>{escape(gettext('No information available'))}</em>"
    rows = "".join(_row(answer, no_information, names) for answer in answers)
    return mark_safe(rows)  # noqa: S308 - every value is escaped by _row


@register.simple_tag(takes_context=True)
def compiled_answer_rows(context, answers: Iterable[CompiledAnswer]) -> SafeString:
    # The names escaped are kept for the page's other questions (one render's context).
    return answer_rows(answers, context.render_context.setdefault("compiled_names", {}))

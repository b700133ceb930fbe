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


def _lines(text: str) -> str:
    """`text|linebreaksbr`: newlines normalised, escaped, each newline a <br>."""
    return escape(text.replace("\r\n", "\n").replace("\r", "\n")).replace("\n", "<br>")


def _row(answer: CompiledAnswer, no_information: str) -> str:
    language = escape(answer.language)
    return (
        "\n            <tr>\n"
        f'                <th scope="row">{escape(answer.state)}</th>\n'
        f"                <td>{escape(answer.responder)}</td>\n"
        f"                <td>{escape(answer.language.upper())}</td>\n"
        f'                <td lang="{language}">'
        f"{no_information if answer.no_information else _lines(answer.text)}</td>\n"
        "            </tr>\n        "
    )


@register.simple_tag
def compiled_answer_rows(answers: Iterable[CompiledAnswer]) -> SafeString:
    no_information = f"<em>{escape(gettext('No information available'))}</em>"
    rows = "".join(_row(answer, no_information) for answer in answers)
    return mark_safe(rows)  # noqa: S308 - every value is escaped by _row

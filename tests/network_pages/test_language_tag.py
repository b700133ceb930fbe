"""4.6: a text in the other language says so, with a visible tag in the reader's language.
`content_language.LanguageTag` writes that tag for every page and row that has one; it writes,
byte for byte, what components/_language_tag.html wrote (kept verbatim in tests/old_templates/),
and escapes whatever it is given."""

from unittest import mock

import pytest
from django.template import engines
from django.utils import translation

from network_pages.templatetags import content_language
from network_pages.templatetags.content_language import LanguageTag
from tests.old_templates import LANGUAGE_TAG, with_old_templates

LANGUAGES = ("en", "fr")
HOSTILE = "\"><script>alert('x')</script> & l'été"


def by_the_old_include(language: str) -> str:
    """What the templates wrote: `{% foreign_language x as lang %}` (the text's language
    when it is not the reader's, else "") then the include."""
    foreign = "" if language == translation.get_language() else language
    with with_old_templates():
        template = engines["django"].from_string(f'{{% include "{LANGUAGE_TAG}" %}}')
        return template.render({"lang": foreign})


def by_the_template_tag(language: str) -> str:
    template = engines["django"].from_string("{% load content_language %}{% language_tag lang %}")
    return template.render({"lang": language})


@pytest.mark.parametrize("reader", LANGUAGES)
@pytest.mark.parametrize("language", [*LANGUAGES, ""])
def test_the_tag_is_what_the_old_template_wrote(reader, language):
    with translation.override(reader):
        expected = by_the_old_include(language)
        assert LanguageTag(reader)(language) == expected
        assert by_the_template_tag(language) == expected


def test_a_text_in_the_other_language_is_tagged_in_the_readers_language():
    with translation.override("fr"):
        tag = LanguageTag("fr")
        assert tag("en") == ' <span class="language-tag" lang="fr">(en anglais)</span>'
    with translation.override("en"):
        assert LanguageTag("en")("fr") == (
            ' <span class="language-tag" lang="en">(in French)</span>'
        )


def test_a_text_in_the_readers_language_or_an_unknown_one_has_no_tag():
    tag = LanguageTag("en")

    assert tag("en") == ""
    assert tag("") == ""


def test_a_hostile_reader_language_is_escaped():
    written = LanguageTag(HOSTILE)("en")

    assert "<script>" not in written and '"><' not in written
    assert (
        'lang="&quot;&gt;&lt;script&gt;alert(&#x27;x&#x27;)&lt;/script&gt; &amp; l&#x27;été"'
        in (written)
    )


def test_a_hostile_text_language_is_never_written():
    written = LanguageTag("en")(HOSTILE)

    assert written == ' <span class="language-tag" lang="en">(in French)</span>'


def test_hostile_words_from_the_catalogue_are_escaped():
    with mock.patch.object(content_language, "gettext", lambda words: f"<b>{words}</b> & '\""):
        written = LanguageTag("en")("fr")

    assert written == (
        ' <span class="language-tag" lang="en">'
        "(&lt;b&gt;in French&lt;/b&gt; &amp; &#x27;&quot;)</span>"
    )

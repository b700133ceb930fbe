"""A library's list writes its rows in Python (issue 17): the same markup as the template
loop it replaced, in both languages, and the same links as Wagtail's and Django's."""

from datetime import date

import pytest
from django.template import Context, Template
from django.urls import reverse
from django.utils import translation
from wagtail.documents.models import Document

from network_pages.library import places
from network_pages.library.factories import add_version, make_entry, pdf_file, text_file
from network_pages.library.languages import grouped_by_language
from network_pages.library.listing import entry_columns, entry_rows
from network_pages.library.models import LibraryEntry
from network_pages.library.templatetags.library_rows import library_entry_rows
from network_pages.models import MemberState
from network_pages.reversed_once import document_url, url_by_id
from nfp_site import fragments

pytestmark = pytest.mark.django_db

# The loop of library.html and all.html before the rows were written in Python (the tags
# then came from taggit's prefetch, in no stated order).
TEMPLATE_ROWS = """{% load i18n %}{% for entry, library, tag_names, language_versions in rows %}
    <li>
        <h2><a href="{% url 'library:entry' entry.pk %}">{{ entry.title }}</a></h2>
        <p class="meta">{% if library %}<a href="{{ library.url }}">{{ library.title }}</a> · {% endif %}<time datetime="{{ entry.date|date:'Y-m-d' }}">{{ entry.date|date:"DATE_FORMAT" }}</time>{% if entry.member_state %} · {{ entry.member_state.name }}{% endif %}{% for name in tag_names %} · <span class="tag">{{ name }}</span>{% endfor %}</p>
        <ul class="library-languages">
            {% for group in language_versions %}
            <li lang="{% if group.language != 'other' %}{{ group.language }}{% endif %}"><strong>{{ group.label }}</strong>: {% include "library/_version_links.html" with version=group.current %}{% if group.history %} ({% blocktranslate count counter=group.versions|length %}{{ counter }} version{% plural %}{{ counter }} versions{% endblocktranslate %}){% endif %}</li>
            {% endfor %}
        </ul>
    </li>
    {% endfor %}"""  # noqa: E501


@pytest.fixture
def entries(network, dmr_user) -> list[LibraryEntry]:
    """A PDF with a French version and a second English one, by a state, with tags whose
    names need escaping; a text file in another language dated the first of a month."""
    report = make_entry(
        places.NETWORK,
        dmr_user,
        title='Report "R&D" <2026>',
        upload=pdf_file("Rapport annuel (v1).pdf", text="one"),
        tags=("Détention", "a & b"),
        member_state=MemberState.objects.get(code="FR"),
    )
    add_version(report, dmr_user, language="fr", upload=pdf_file("rapport.pdf", text="fr"))
    add_version(report, dmr_user, language="en", upload=pdf_file("report.pdf", text="two"))
    notes = make_entry(
        places.NETWORK,
        dmr_user,
        title="Notes",
        language="other",
        upload=text_file("notes l'été.txt", "Notes"),
        date=date(2026, 12, 1),
    )
    return [report, notes]


@pytest.mark.parametrize("language", ["en", "fr"])
@pytest.mark.parametrize("names_the_library", [False, True])
def test_the_rows_are_the_markup_of_the_template_they_replaced(
    entries, language, names_the_library
):
    fragments.forget_rendered()
    with translation.override(language):
        rows = entry_rows(listed(entries), {} if names_the_library else None)
        as_models = [
            (
                entry,
                row.library,
                list(row.tag_names),
                grouped_by_language(entry.versions.all(), language),
            )
            for entry, row in zip(entries, rows, strict=True)
        ]
        expected = Template(TEMPLATE_ROWS).render(Context({"rows": as_models}))
        assert library_entry_rows(rows) == expected
        # Written again from the rows kept for the process: the same.
        assert library_entry_rows(rows) == expected
    assert "1er décembre 2026" in expected or language == "en"
    assert "Open the PDF" in expected or "Ouvrir le PDF" in expected
    assert "(2 versions)" in expected


def listed(entries: list[LibraryEntry]):
    """`entries` read as a library's list reads them, in their order."""
    found = {row[0]: row for row in entry_columns(LibraryEntry.objects.all())}
    return [found[entry.pk] for entry in entries]


def test_an_entrys_tags_are_listed_in_the_order_they_were_given(entries):
    report = entry_rows(listed(entries))[0]
    assert report.tag_names == ("Détention", "a & b")


@pytest.mark.parametrize(
    "filename", ["report.pdf", "Rapport annuel (v1).pdf", "l'été 100%.txt", "a+b;c=d,e@f~g.txt"]
)
def test_a_documents_link_is_wagtails(filename):
    document = Document(id=42, title="x", file=f"documents/{filename}")
    assert document_url()(42, filename) == document.url


def test_an_entrys_link_is_djangos():
    assert url_by_id("library:entry")(7) == reverse("library:entry", args=[7])
    assert url_by_id("library:preview")(12345) == reverse("library:preview", args=[12345])

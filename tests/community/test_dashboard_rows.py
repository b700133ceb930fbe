"""The network home's rows written in Python (`dashboard_rows`) give the HTML the templates
wrote, kept here as they were: the latest activity and the work lists, in English and in
French, with hostile strings, lazy links, titles in the other language, items with and
without a link, detail or status."""

# ruff: noqa: E501
import datetime

import pytest
from django.template import engines
from django.template.loader import get_template
from django.utils import translation
from django.utils.functional import lazy
from django.utils.safestring import mark_safe
from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy

from network_pages.community.activity import ActivityEntry
from network_pages.community.worklists import WorkItem, WorkList
from tests.old_templates import with_old_templates

HOSTILE = "<script>alert(\"row\")</script> & “quoted” 'single'"

# community/dashboard/_network_dashboard.html, as it was
DASHBOARD_BEFORE = """\
{% load i18n %}{% get_current_language as reader_language %}{% if show %}
<div class="network-dashboard">
<section aria-labelledby="activity-heading">
    <h2 id="activity-heading">{% translate "Latest activity" %}</h2>
    {% if activity %}
    <ul class="activity">
        {% for entry in activity %}
        <li><span class="activity-label">{{ entry.label }}</span>: <a href="{{ entry.url }}"{% if entry.lang and entry.lang != reader_language %} lang="{{ entry.lang }}" hreflang="{{ entry.lang }}"{% endif %}>{{ entry.title }}</a>{% if entry.lang and entry.lang != reader_language %}{% include "network_pages/components/_language_tag.html" with lang=entry.lang %}{% endif %}{% if entry.by %} · {{ entry.by }}{% endif %} · <time datetime="{{ entry.when|date:'c' }}">{{ entry.when|date:"DATETIME_FORMAT" }}</time></li>
        {% endfor %}
    </ul>
    {% else %}
    <p>{% translate "Nothing new yet." %}</p>
    {% endif %}
</section>
<section aria-labelledby="your-groups-heading">
    <h2 id="your-groups-heading">{% translate "Your thematic groups" %}</h2>
    {% if groups %}
    <ul>{% for group in groups %}<li>{% if group.url %}<a href="{{ group.url }}">{{ group.title }}</a>{% else %}{{ group.title }}{% endif %} ({{ group.role }})</li>{% endfor %}</ul>
    {% else %}
    <p>{% translate "You have not joined a thematic group." %}</p>
    {% endif %}
</section>
<p><a href="{% url 'community:notification_settings' %}">{% translate "Your notification settings" %}</a></p>
</div>
{% endif %}
"""

# community/dashboard/_work_lists.html, as it was
WORK_LISTS_BEFORE = """\
{% load i18n %}{% if lists %}
<section class="work-lists" aria-labelledby="work-lists-heading">
    <h2 id="work-lists-heading">{% translate "What needs doing" %}</h2>
    <div class="panel-grid">
    {% for list in lists %}{% if list.items %}
        <section id="{{ list.key }}" class="work-list" aria-labelledby="{{ list.key }}-heading">
            <h3 id="{{ list.key }}-heading">{{ list.title }} <span class="tag">{{ list.count }}</span></h3>
            <ul class="todo">
            {% for item in list.items %}
                <li>
                    {% if item.url %}<a href="{{ item.url }}">{{ item.title }}</a>{% else %}<span>{{ item.title }}</span>{% endif %}
                    {% if item.detail %}<br><span class="card__meta">{{ item.detail }}</span>{% endif %}
                    {% if item.status %}<br><span class="tag{% if item.needs_action %} tag--action{% endif %}">{{ item.status }}</span>{% endif %}
                </li>
            {% endfor %}
            </ul>
            {% if list.total %}<p>{% blocktranslate with shown=list.items|length total=list.total trimmed %}{{ shown }} of {{ total }} shown.{% endblocktranslate %}</p>{% endif %}
            {% if list.more_url %}<p><a href="{{ list.more_url }}">{{ list.more_label }}</a></p>{% endif %}
        </section>
    {% endif %}{% endfor %}
    </div>
    {# Lists with nothing in them: one line each, so that the screen stays short. #}
    <ul class="work-lists-empty">
    {% for list in lists %}{% if not list.items %}
        <li id="{{ list.key }}"><strong>{{ list.title }}</strong>: {{ list.empty }}{% if list.more_url %} <a href="{{ list.more_url }}">{{ list.more_label }}</a>{% endif %}</li>
    {% endif %}{% endfor %}
    </ul>
</section>
{% endif %}
"""

_lazy_url = lazy(lambda path: path, str)
_lazy_safe = lazy(mark_safe, str)


def entries() -> list[ActivityEntry]:
    when = datetime.datetime(2026, 12, 1, 8, 5, tzinfo=datetime.UTC)
    return [
        ActivityEntry(when, "New: meeting", HOSTILE, _lazy_url('/en/network/a"b/'), page_id=1),
        ActivityEntry(
            when + datetime.timedelta(hours=20),
            "Comment",
            "Accueil des mineurs",
            format_lazy("{}#comments", _lazy_url("/en/network/requests/accueil/")),
            by=HOSTILE,
            page_id=2,
            lang="fr",
        ),
        ActivityEntry(when, HOSTILE, "Digital tools", "/en/x/", by="Ana", lang="en"),
        ActivityEntry(when, "Reply", "No language", "", lang=""),
    ]


def work_lists() -> list[WorkList]:
    items = [
        WorkItem(HOSTILE, url='/en/network/"x"/', detail=HOSTILE, status=HOSTILE),
        WorkItem("No link", detail="Plenary · 3 March", status="Late", needs_action=False),
        WorkItem("Bare", url=_lazy_url("/en/network/bare/")),
        WorkItem(HOSTILE, status="Waiting", due=datetime.date(2026, 12, 1)),
        # Lazy values (the links of a member's meetings and requests), kept once resolved:
        # a hostile one, one standing for a safe string, an empty one.
        WorkItem(HOSTILE, url=format_lazy("{}#attendance", _lazy_url('/en/"m"/')), detail=HOSTILE),
        WorkItem("Safe", url=_lazy_safe("<b>/en/safe/</b>"), status=_lazy_url(HOSTILE)),
        WorkItem("Empty link", url=_lazy_url(""), detail="Plenary"),
    ]
    return [
        WorkList("answers", HOSTILE, items=items, total=12, more_url="/en/more/", more_label="All"),
        WorkList("empty", "Nothing", empty=HOSTILE, more_url="/en/m/", more_label=HOSTILE),
    ]


@pytest.mark.parametrize("language", ["en", "fr"])
def test_the_latest_activity_renders_as_the_template_wrote_it(language):
    context = {"show": True, "activity": entries(), "groups": []}
    with translation.override(language):
        with with_old_templates():
            before = engines["django"].from_string(DASHBOARD_BEFORE).render(context)
        after = get_template("community/dashboard/_network_dashboard.html").render(context)

    assert "&lt;script&gt;" in after and "<script>" not in after
    assert after == before


@pytest.mark.parametrize("language", ["en", "fr"])
def test_the_work_lists_render_as_the_template_wrote_them(language):
    lists = work_lists()
    context = {"lists": lists, "waiting": 3}
    with translation.override(language):
        before = engines["django"].from_string(WORK_LISTS_BEFORE).render(context)
        after = get_template("community/dashboard/_work_lists.html").render(context)
        # Again, from the rows kept for the process.
        kept = get_template("community/dashboard/_work_lists.html").render(context)

    assert "&lt;script&gt;" in after and "<script>" not in after
    assert "<b>/en/safe/</b>" in after
    assert after == before
    assert kept == before


def test_kept_work_items_render_as_the_template_wrote_them_in_either_language():
    """A work item's row is kept for the process (`fragments.kept_row`) when its values are
    plain strings once a lazy one is resolved: rendered again, in the other language too, it
    is what the template wrote (a lazy translation kept under its text in each language);
    a safe string is written every time, as the template wrote it."""
    items = [
        *work_lists()[0].items,
        WorkItem(mark_safe("<em>Déjà sûr</em> & co"), url="/fr/réseau/", status="Échéance"),  # noqa: S308
        WorkItem("Réunion plénière « été »", url="/fr/x/?a=1&b=2", detail="Plénière · 3 mars"),
        WorkItem(
            gettext_lazy("Draft"), url=_lazy_url("/en/d/"), status=gettext_lazy("Not started")
        ),
    ]
    lists = [WorkList("answers", HOSTILE, items=items, total=12, more_url="/en/more/")]
    for language in ("en", "fr", "en", "fr"):
        context = {"lists": lists, "waiting": 3}
        with translation.override(language):
            before = engines["django"].from_string(WORK_LISTS_BEFORE).render(context)
            after = get_template("community/dashboard/_work_lists.html").render(context)

        assert "<em>Déjà sûr</em> &amp; co" not in after and "<em>Déjà sûr</em> & co" in after
        assert after == before

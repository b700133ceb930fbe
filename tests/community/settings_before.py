"""The notification settings page as main built it before its empty form was written once
per process and its links from the site root paths (issue 17), kept verbatim to compare the
rendered HTML with (`test_notification_settings_html.py`). Not used by the site."""

# ruff: noqa: E501
from django.core.paginator import Paginator
from django.template import engines

from network_pages.community import visibility
from network_pages.community.forms import NotificationPreferencesForm
from network_pages.community.models import Follow
from network_pages.community.views import FOLLOWS_PER_PAGE, NotificationSettingsView


# NotificationSettingsView.get_context_data
def get_context_data(self, **kwargs) -> dict:
    user = self.request.user
    kwargs.setdefault("form", NotificationPreferencesForm(user=user))
    follows = Follow.objects.filter(user=user, active=True).select_related("page")
    listing = Paginator(follows, FOLLOWS_PER_PAGE).get_page(self.request.GET.get("page"))
    pages = [item.page for item in listing.object_list]
    # A page the user can no longer read (unpublished, or no longer open to them) is
    # not named here, even if they followed it once.
    visible = {page.pk for page in visibility.pages_readable_by(user, pages)}
    return super(NotificationSettingsView, self).get_context_data(
        follows=[item for item in listing.object_list if item.page_id in visible],
        pagination=listing,
        **kwargs,
    )


# community/notifications/settings.html
TEMPLATE = """\
{% extends "base.html" %}
{% load i18n wagtailcore_tags %}
{% block title %}{% translate "Notifications" %}{% endblock %}
{% block body_class %}notification-settings{% endblock %}
{% block content %}
<h1>{% translate "Notifications" %}</h1>
<p>{% translate "Choose how you hear about what happens in the network. Emails give the title of what is new and a link; never its content, which stays on this site." %}</p>

<section aria-labelledby="preferences-heading">
    <h2 id="preferences-heading">{% translate "What you receive" %}</h2>
    <form method="post" novalidate>
        {% csrf_token %}
        {% if form.non_field_errors %}<div class="form-errors" role="alert">{{ form.non_field_errors }}</div>{% endif %}
        {% for field in form %}
        <div class="field{% if field.errors %} field--error{% endif %}">{{ field.as_field_group }}</div>
        {% endfor %}
        <button type="submit">{% translate "Save" %}</button>
    </form>
</section>

<section aria-labelledby="follows-heading">
    <h2 id="follows-heading">{% translate "Pages you follow" %}</h2>
    <p>{% translate "You follow the pages you create, those you are invited to and those you comment on. You are told about their new comments." %}</p>
    {% if follows %}
    <div class="table-scroll" role="region" tabindex="0" aria-label="{% translate 'Table (scrolls sideways on small screens)' %}"><table>
        <caption class="visually-hidden">{% translate "Pages you follow" %}</caption>
        <thead><tr><th scope="col">{% translate "Page" %}</th><th scope="col">{% translate "Why" %}</th><th scope="col">{% translate "Since" %}</th><th scope="col"><span class="visually-hidden">{% translate "Action" %}</span></th></tr></thead>
        <tbody>
        {% for item in follows %}
            <tr>
                <th scope="row"><a href="{% pageurl item.page %}">{{ item.page.title }}</a></th>
                <td>{{ item.get_reason_display }}</td>
                <td>{{ item.created_at|date:"DATE_FORMAT" }}</td>
                <td><form method="post" action="{% url 'community:follow' item.page_id %}" class="inline-form">{% csrf_token %}<input type="hidden" name="action" value="unfollow"><input type="hidden" name="next" value="{{ request.get_full_path }}"><button type="submit" class="link-button">{% translate "Stop following" %}<span class="visually-hidden"> “{{ item.page.title }}”</span></button></form></td>
            </tr>
        {% endfor %}
        </tbody>
    </table></div>
    {% if pagination.has_other_pages %}
    <nav aria-label="{% translate 'Pages of followed pages' %}"><ul class="pagination">
        {% if pagination.has_previous %}<li><a href="?page={{ pagination.previous_page_number }}">{% translate "Previous" %}</a></li>{% endif %}
        <li>{% blocktranslate with number=pagination.number total=pagination.paginator.num_pages %}Page {{ number }} of {{ total }}{% endblocktranslate %}</li>
        {% if pagination.has_next %}<li><a href="?page={{ pagination.next_page_number }}">{% translate "Next" %}</a></li>{% endif %}
    </ul></nav>
    {% endif %}
    {% else %}
    <p>{% translate "You follow no page at present." %}</p>
    {% endif %}
</section>
{% endblock %}
"""


def render_to_response(self, context, **response_kwargs):
    """TemplateView's, with the template above."""
    response_kwargs.setdefault("content_type", self.content_type)
    template = engines["django"].from_string(TEMPLATE)
    return self.response_class(
        request=self.request, template=template, context=context, **response_kwargs
    )

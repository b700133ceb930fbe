"""The page explorer's other cells written in Python (issue 17), as `explorer_cells` writes
the title's.

After the title, a row has five cells, each drawn by its own template: the bulk action's
checkbox, when the page was edited, its type, its status and the link to its children.
At network size (50 rows a page) they cost ~20 ms a listing, the dates' ~9 ms of it. They
are drawn here by string formatting into the same bytes as Wagtail's templates
(`TEMPLATES`): the link to the children only when the row has none and none may be added
(every page of a listing of leaves, the information requests'). What a cell shows is
Wagtail's answer, asked as its template asks it (`page.status_string`,
`page.get_url(request)`, the column's value; the date in the reader's format and time zone,
through this project's `date` filter, and "3 minutes ago" as Wagtail says it); a cell of
another shape is drawn by Wagtail's template, as before.
`tests/network_pages/test_explorer_row_cells.py` compares both drawings cell by cell and
records the templates' hashes.
"""

import copy
import datetime

from django.contrib.admin.utils import quote
from django.template.defaultfilters import capfirst
from django.utils.formats import get_format
from django.utils.functional import Promise
from django.utils.html import conditional_escape
from django.utils.safestring import mark_safe
from django.utils.timezone import template_localtime
from django.utils.translation import gettext
from wagtail.admin.templatetags.wagtailadmin_tags import timesince_simple
from wagtail.admin.ui.tables import BaseColumn, DateColumn
from wagtail.admin.ui.tables.pages import (
    BulkActionsColumn,
    NavigateToChildrenColumn,
    PageStatusColumn,
    PageTypeColumn,
)

from nfp_site import dates

TEMPLATES = (
    "wagtailadmin/bulk_actions/listing_checkbox_cell.html",
    "wagtailadmin/tables/cell.html",
    "wagtailadmin/pages/listing/_page_status_cell.html",
    "wagtailadmin/shared/page_status_tag.html",
    "wagtailadmin/shared/status_tag.html",
    "wagtailadmin/pages/listing/_navigation_explore.html",
    "wagtailadmin/tables/date_cell.html",
    "wagtailadmin/shared/human_readable_date.html",
)
# Wagtail's words (its catalogue translates them), not extracted into ours.
SELECT = "Select"
CURRENT_STATUS = "Current page status:"
VISIT_LIVE_PAGE = "Visit the live page"

escape = conditional_escape


def _class_attribute(column: BaseColumn) -> str:
    """`{% if column.classname %}class="{{ column.classname }}"{% endif %}`."""
    return f'class="{escape(column.classname)}"' if column.classname else ""


class FastCellMixin:
    """A column whose cells are drawn by `fast_cell_html` when it can, else by its template."""

    def render_cell_html(self, instance, parent_context):
        html = self.fast_cell_html(instance, parent_context)
        if html is None:
            return super().render_cell_html(instance, parent_context)
        return mark_safe(html)  # noqa: S308 - every value escaped, as the templates do

    def fast_cell_html(self, instance, parent_context) -> str | None:
        raise NotImplementedError


class FastBulkActionsColumn(FastCellMixin, BulkActionsColumn):
    def fast_cell_html(self, instance, parent_context) -> str | None:
        """wagtailadmin/bulk_actions/listing_checkbox_cell.html, for a page."""
        if self.obj_type != "page" or not isinstance(instance.pk, int):
            return None
        status = "live" if instance.live else "draft"
        described_by = self.get_aria_describedby(instance)
        described = f'aria-describedby="{escape(described_by)}"' if described_by else ""
        return (
            '\n\n\n<td class="bulk-action-checkbox-cell">\n'
            '    <input type="checkbox"\n'
            f'           data-page-status="{status}"\n'
            f'           data-object-id="{escape(quote(str(instance.pk)))}" '
            'data-bulk-action-checkbox class="bulk-action-checkbox"\n'
            f'           aria-label="{gettext(SELECT)}"\n'
            f"           {described}\n"
            "    />\n</td>\n"
        )


class FastPageTypeColumn(FastCellMixin, PageTypeColumn):
    def fast_cell_html(self, instance, parent_context) -> str | None:
        """wagtailadmin/tables/cell.html, for a value that is text (a page type's name)."""
        value = self.get_value(instance)
        if isinstance(value, Promise):
            value = str(value)
        if not isinstance(value, str):
            return None
        shown = escape(value) if value.strip() else escape(self.empty_value_display)
        return f"<td {_class_attribute(self)}>\n    {shown}\n</td>\n"


class FastPageStatusColumn(FastCellMixin, PageStatusColumn):
    def fast_cell_html(self, instance, parent_context) -> str | None:
        """wagtailadmin/pages/listing/_page_status_cell.html, its page_status_tag.html and
        status_tag.html, for a draft or a live page with a URL."""
        label = instance.status_string
        shown = escape(label) if label else ""
        hidden = gettext(CURRENT_STATUS)
        if instance.live:
            url = instance.get_url(request=parent_context.get("request"))
            if url is None:
                return None  # a live page without a URL: rare, the template's
            tag = (
                "\n    \n    \n        \n\n"
                f'    <a href="{escape(url)}" class="w-status w-status--primary" '
                f'title="{gettext(VISIT_LIVE_PAGE)}"  target="_blank" rel="noreferrer">\n'
                "        \n"
                f'            <span class="w-sr-only">{hidden}</span> {shown}\n'
                "        \n    </a>\n\n\n    \n"
            )
        else:
            tag = (
                "\n    \n\n"
                '    <span class="w-status">\n'
                f'        <span class="w-sr-only">{hidden}</span>\n'
                f"        {shown}\n    </span>\n\n\n"
            )
        return f"<td {_class_attribute(self)}>\n    \n\n\n{tag}\n\n</td>\n"


class FastDateColumn(FastCellMixin, DateColumn):
    def fast_cell_html(self, instance, parent_context) -> str | None:
        """wagtailadmin/tables/date_cell.html and its human_readable_date.html, for a date
        and time (when a page was edited): the tooltip in the reader's format and time
        zone (this project's `date` filter), "3 minutes ago" as Wagtail says it."""
        value = self.get_value(instance)
        if not isinstance(value, datetime.datetime):
            return None
        shown = template_localtime(value)
        tooltip_format = get_format("DATETIME_FORMAT") or "N j, Y, P"
        tooltip = escape(dates.date(shown, tooltip_format))
        iso = escape(dates.date(shown, "c"))
        since = escape(capfirst(timesince_simple(value)))
        return (
            f"\n<td {_class_attribute(self)}>\n    \n\n"
            '<button type="button" class="w-human-readable-date" data-controller="w-tooltip" '
            f'data-w-tooltip-content-value="{tooltip}" data-w-tooltip-placement-value="top">\n'
            f'    <time class="w-human-readable-date__date" datetime="{iso}">\n'
            f"        {since}\n    </time>\n    \n</button>\n\n</td>\n"
        )


class FastNavigateToChildrenColumn(FastCellMixin, NavigateToChildrenColumn):
    def fast_cell_html(self, instance, parent_context) -> str | None:
        """wagtailadmin/pages/listing/_navigation_explore.html for a page without children
        to which none may be added (the links of the other rows stay the template's)."""
        if instance.is_navigable():
            return None
        perms = instance.permissions_for_user(parent_context["request"].user)
        if perms.can_add_subpage():
            return None
        return '\n\n\n\n<td class="no-children">\n    \n</td>\n'


FAST_COLUMNS: dict[type[BaseColumn], type[BaseColumn]] = {
    DateColumn: FastDateColumn,
    BulkActionsColumn: FastBulkActionsColumn,
    PageTypeColumn: FastPageTypeColumn,
    PageStatusColumn: FastPageStatusColumn,
    NavigateToChildrenColumn: FastNavigateToChildrenColumn,
}


def fast_column_like(column: BaseColumn) -> BaseColumn:
    """The same column (a copy: name, label, sorting, width, everything set on it), its
    cells drawn here when it is exactly one of Wagtail's that this module draws."""
    fast = FAST_COLUMNS.get(type(column))
    if fast is None:
        return column
    drawn = copy.copy(column)
    drawn.__class__ = fast
    return drawn

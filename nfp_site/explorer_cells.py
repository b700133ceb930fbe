"""The page explorer's title cells written in Python (issue 17).

A row's title cell is Wagtail's heaviest: the title with its privacy indicator, then the
row's buttons, each drawn through its own template (`{% component %}` for every button, a
`{% dropdown %}` block for the "More options" menu): about ten template renderings a row,
four fifths of the explorer's time at network size (50 rows a page).

Which buttons a row has stays Wagtail's decision, asked as its `page_listing_buttons` tag
asks it (the listing hooks, ours among them, and their `is_shown` rules, then the
`construct_page_listing_buttons` hooks; `explorer_buttons`, where Wagtail's "More" buttons
get their URLs without `reverse()`): only the drawing changes, into the same bytes as
Wagtail's templates (`TEMPLATES`), by string formatting. A cell of another shape (a site's
root, a locked page, a search's parent page, the locale labels of the root's explorer) or
with a button this module does not know is drawn by Wagtail's templates, as before.
`tests/network_pages/test_explorer_title_cells.py` compares both drawings row by row and
records the templates' hashes, so that a Wagtail upgrade that changes one of them fails
until this module follows.
"""

from functools import lru_cache

from django.template import Context
from django.utils.html import conditional_escape
from django.utils.safestring import mark_safe
from django.utils.translation import get_language, gettext
from wagtail.admin.templatetags.wagtailadmin_tags import test_page_is_public
from wagtail.admin.ui.components import Component
from wagtail.admin.ui.tables.pages import PageTitleColumn
from wagtail.admin.widgets.button import BaseButton, ButtonWithDropdownFromHook
from wagtail.models import Page

from nfp_site import explorer_buttons
from nfp_site.page_route_urls import page_route_url

# The templates drawn here, as Wagtail 8 ships them (and this project's override of the title).
TEMPLATES = (
    "wagtailadmin/pages/listing/_page_title_cell.html",
    "wagtailadmin/pages/listing/_page_title_explore.html",
    "wagtailadmin/pages/listing/_privacy_indicator.html",
    "wagtailadmin/pages/listing/_locked_indicator.html",
    "wagtailadmin/pages/listing/_button_with_dropdown.html",
    "wagtailadmin/shared/button_with_dropdown.html",
    "wagtailadmin/shared/dropdown/dropdown.html",
    "wagtailadmin/shared/buttons.html",
    "wagtailadmin/shared/button.html",
    "wagtailadmin/shared/icon.html",
)
BUTTON_TEMPLATE = "wagtailadmin/shared/button.html"
# Wagtail's words (its catalogue translates them), not extracted into ours.
EDIT_THIS_PAGE = "Edit this page"
PROTECTED = "This page is protected from public view"

escape = conditional_escape


@lru_cache(maxsize=256)
def icon(name: str, classname: str = "icon") -> str:
    """`{% icon name=… classname=… %}` (wagtailadmin/shared/icon.html, without a title)."""
    name = escape(name)
    return (
        f'<svg class="icon icon-{name} {escape(classname)}" aria-hidden="true">'
        f'<use href="#icon-{name}"></use></svg>'
    )


class Words:
    """The labels and attributes of one drawing, each translated and escaped once: the same
    (lazily translated) label objects come back on every row."""

    def __init__(self) -> None:
        self.language = get_language()
        self._labels: dict[int, tuple[object, str]] = {}
        self._attrs: dict[tuple, str] = {}
        self._texts: dict[str, str] = {}

    def text(self, message: str) -> str:
        """Wagtail's words (`{% trans %}` in its templates), translated: a template's literal
        is safe, and so is its translation (Django's TranslateNode), never escaped."""
        if message not in self._texts:
            self._texts[message] = gettext(message)
        return self._texts[message]

    def label(self, label) -> str:
        if isinstance(label, str):
            return escape(label)
        kept = self._labels.get(id(label))
        if kept is None:
            # The label is kept with its text, so that its id is not reused meanwhile.
            kept = self._labels[id(label)] = (label, escape(label))
        return kept[1]

    def attrs(self, button: BaseButton) -> str:
        items = button.attrs.items()
        if not all(isinstance(value, str) for _name, value in items):
            return button.base_attrs_string
        key = tuple(items)
        if key not in self._attrs:
            self._attrs[key] = button.base_attrs_string
        return self._attrs[key]


def _is_plain_button(button) -> bool:
    """A button drawn by Wagtail's own button template and context, nothing of its own."""
    kind = type(button)
    return (
        isinstance(button, BaseButton)
        and not isinstance(button, ButtonWithDropdownFromHook)
        and kind.template_name == BUTTON_TEMPLATE
        and kind.get_context_data is BaseButton.get_context_data
        and kind.render_html is Component.render_html
    )


def _is_plain_dropdown(button) -> bool:
    kind = type(button)
    return (
        kind is ButtonWithDropdownFromHook
        and button.template_name == ButtonWithDropdownFromHook.template_name
        and not button.label
        and not button.classname
    )


def button_html(button: BaseButton, words: Words) -> str:
    """wagtailadmin/shared/button.html."""
    content = "\n    "
    if button.icon_name:
        content += f"\n        {icon(button.icon_name)}\n    "
    content += f"\n    {words.label(button.label)}\n"
    attrs = words.attrs(button)
    classname = escape(button.classname)
    if button.url:
        opening = f'<a href="{escape(button.url)}" class="{classname}" {attrs}>'
        closing = "</a>"
    else:
        opening = f'<button class="{classname}" {attrs}>'
        closing = "</button>"
    return f"\n\n\n\n\n    {opening}\n        {content}\n    {closing}\n\n"


def dropdown_html(button: ButtonWithDropdownFromHook, children: list[str]) -> str:
    """wagtailadmin/pages/listing/_button_with_dropdown.html, for a dropdown without a label
    or class of its own (the "More options" menu of Wagtail's listing)."""
    title = button.aria_label
    aria_label = f' aria-label="{escape(title)}"' if title else ""
    items = "".join(f"\n            {child}\n        " for child in children)
    return (
        "\n\n\n\n\n\n\n<div\n"
        '    data-controller="w-dropdown"\n'
        '    class="w-dropdown"\n'
        f"    {button.base_attrs_string}\n"
        "    \n    \n    \n    \n>\n"
        '    <button type="button" class="w-dropdown__toggle w-dropdown__toggle--icon" '
        f'data-w-dropdown-target="toggle"{aria_label}>\n'
        "        \n        \n"
        f"            {icon(button.icon_name or 'arrow-down', 'w-dropdown__toggle-icon')}\n"
        "        \n        \n"
        "    </button>\n\n"
        '    <div data-w-dropdown-target="content" class="w-dropdown__content" hidden>\n'
        f"        \n    \n        {items}\n    \n\n"
        "    </div>\n</div>\n\n"
    )


def buttons_html(buttons: list, words: Words) -> str | None:
    """wagtailadmin/shared/buttons.html; None when a button is of a kind not drawn here."""
    parts = ["\n"]
    for button in buttons:
        if not button.show:
            parts.append("\n    \n")
            continue
        if _is_plain_button(button):
            html = button_html(button, words)
        elif _is_plain_dropdown(button):
            children = sorted(button.dropdown_buttons)
            if not all(_is_plain_button(child) for child in children):
                return None
            html = dropdown_html(button, [button_html(child, words) for child in children])
        else:
            return None
        parts.append(f"\n    \n        <li>{html}</li>\n    \n")
    parts.append("\n")
    return "".join(parts)


def title_html(page: Page, may_edit: bool, words: Words) -> str:
    """The title of _page_title_explore.html, linked to the editor when the user may edit."""
    folder = "" if page.is_leaf() else icon("folder", "initial")
    span = (
        f'\n        <span id="page_{page.pk}_title">\n            {folder}\n'
        f"            {escape(page.get_admin_display_title())}\n        </span>\n    "
    )
    if may_edit:
        return (
            f'\n        <a href="{page_route_url("wagtailadmin_pages:edit", page.pk)}" '
            f'title="{words.text(EDIT_THIS_PAGE)}">\n            {span}\n        </a>\n    '
        )
    return f"\n        {span}\n    "


def privacy_html(is_public: bool, words: Words) -> str:
    """wagtailadmin/pages/listing/_privacy_indicator.html."""
    if is_public:
        return "\n\n\n\n\n\n\n"
    return (
        "\n\n\n\n\n\n\n    <span\n"
        '        class="indicator privacy-indicator"\n'
        f'        title="{words.text(PROTECTED)}"\n'
        "    >\n"
        f"        {icon('no-view', 'initial')}\n"
        "    </span>\n\n"
    )


class ExplorerTitleColumn(PageTitleColumn):
    """Wagtail's title column of the explorer, its common cells drawn in Python."""

    def render_cell_html(self, instance, parent_context):
        context = self.get_cell_context_data(instance, parent_context)
        html = self.fast_cell_html(instance, context)
        if html is None:
            return self.cell_template.render(context)
        return mark_safe(html)  # noqa: S308 - every value escaped above, as the templates do

    def words(self) -> Words:
        # One set for the whole listing (the column is the view's, built for each request).
        words = self.__dict__.get("_words")
        if words is None or words.language != get_language():
            words = self._words = Words()
        return words

    def fast_cell_html(self, page: Page, context: dict) -> str | None:
        if (
            context["parent_page"] is not None
            or context["show_locale_labels"]
            or page.is_site_root()
            or page.locked
        ):
            return None
        request = context["request"]
        # The tag's own context, as the cell's template hands it to the tag.
        tag_context = Context({**context, "page": page})
        buttons = explorer_buttons.listing_buttons(
            tag_context, page, request.user, next_url=context["actions_next_url"]
        )
        words = self.words()
        actions = buttons_html(buttons, words)
        if actions is None:
            return None
        may_edit = context["page_perms"].can_edit()
        privacy = privacy_html(test_page_is_public(tag_context, page), words)
        classname = f'class="{escape(self.classname)}"' if self.classname else ""
        return (
            f"\n<td {classname} data-listing-page-title>\n    "
            "\n\n\n\n\n\n"
            '<div class="title-wrapper">\n    \n\n    \n    \n\n    '
            f"{title_html(page, may_edit, words)}\n\n    \n\n    {privacy}\n    "
            "\n\n\n\n\n\n\n</div>\n\n"
            f'<ul class="actions">\n    {actions}\n</ul>\n'
            "\n    \n</td>\n"
        )


def title_column_like(column: PageTitleColumn) -> ExplorerTitleColumn:
    """The same column (name, label, sorting, width), drawn by `ExplorerTitleColumn`."""
    return ExplorerTitleColumn(
        column.name,
        label=column.label,
        accessor=column.accessor,
        classname=column.classname,
        sort_key=column.sort_key,
        width=column.width,
        ascending_title_text=column.ascending_title_text,
        descending_title_text=column.descending_title_text,
    )

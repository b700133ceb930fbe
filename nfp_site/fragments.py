"""Fragments of every page's header, rendered once per process for each set of inputs
(issue 17).

The account links and the section bars are the same for every reader of the same role, in
the same language and section; rendering them again cost ~1.5 ms of every signed-in page.
`render_once` renders a template from a context made of the given inputs and nothing else
(no request, no context processor), so that the inputs are the whole key:

- a reader is only ever given a rendering of their own inputs, never one made for another
  reader (confidentiality by construction: what the template could read is in the key);
- there is nothing to invalidate: a section renamed, added or withdrawn is a different
  input (the sections themselves are in the key), hence a different entry.

The active language, the script prefix and the URLconf are in the key too: `{% translate %}`
and `{% url %}` read them.
"""

from collections.abc import Callable, Hashable
from typing import TypeVar

from django.dispatch import receiver
from django.template.loader import get_template
from django.urls import get_script_prefix, get_urlconf
from django.utils.autoreload import file_changed
from django.utils.safestring import SafeString
from django.utils.translation import get_language

# Roles × languages × sections × views: a few hundred at most; beyond this, start again.
MAX_ENTRIES = 2048

# Rows (`kept_row`): comments, meetings, requests, items, documents and public cards, about
# 1 KB each (5 KB at most): at network size the rows of the pages read in a day number
# several thousand, and a full store starts again from nothing. ~16 MB a worker at most.
MAX_ROWS = 16384

# Whole listings (`kept_listing`): a page's comments, ~130 KB with their key (which holds the
# comments' own text) for comments of usual length, or a request's compilation (its answers,
# ~150 KB with its key at the network's size), enough for the pages read at the same time:
# ~6 MB a worker. A listing of very long comments is written every time rather than
# kept (its key would be as large), so that a worker keeps ~20 MB at most.
MAX_LISTINGS = 48
MAX_LISTING_CHARACTERS = 200_000

_rendered: dict[tuple, object] = {}
_rows: dict[tuple, object] = {}
_listings: dict[tuple, object] = {}
T = TypeVar("T")


def render_once(template_name: str, **inputs: Hashable) -> SafeString:
    """`template_name` rendered with `inputs` as its whole context, kept for the process."""
    key = (
        template_name,
        get_language(),
        get_script_prefix(),
        get_urlconf(),
        tuple(sorted(inputs.items())),
    )
    return kept(key, lambda: get_template(template_name).render(inputs))


def kept(key: tuple, render: Callable[[], T]) -> T:
    """`render()`, kept for the process under `key`, which must hold everything the rendering
    reads (the active language, the inputs): `render_once` for a rendering made in Python."""
    return _kept(_rendered, MAX_ENTRIES, key, render)


def kept_row(key: tuple, render: Callable[[], T]) -> T:
    """`kept`, for one row of a long list (a comment of a page's listing): many more keys,
    kept apart so that they never push the pages' fragments out."""
    return _kept(_rows, MAX_ROWS, key, render)


def kept_listing(key: tuple, render: Callable[[], str]) -> str:
    """`kept`, for a whole listing (a page's comments): few keys, each one large; a listing
    longer than `MAX_LISTING_CHARACTERS` is not kept."""
    return _kept(_listings, MAX_LISTINGS, key, render, longest=MAX_LISTING_CHARACTERS)


def _kept(
    store: dict, limit: int, key: tuple, render: Callable[[], T], *, longest: int | None = None
) -> T:
    """`render()` kept in `store` (at most `limit` entries; with `longest`, only one of that
    length or less)."""
    html = store.get(key)
    if html is None:
        html = render()
        if longest is None or len(html) <= longest:
            if len(store) >= limit:
                store.clear()
            store[key] = html
    return html


def forget_rendered() -> None:
    """Start again (tests; a template changed on disk under the development server)."""
    _rendered.clear()
    _rows.clear()
    _listings.clear()


@receiver(file_changed, dispatch_uid="nfp_fragments_file_changed")
def _template_changed(sender, file_path, **kwargs) -> None:
    """The development server reloads a changed template without restarting: so do we."""
    if file_path.suffix == ".html":
        forget_rendered()

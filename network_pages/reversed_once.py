"""URLs reversed once for many rows: a list of 20 links made each with `reverse` (~20 µs)
or a model's `url` property (a model made per row) cost a page ~0.5 ms (issue 17). The URL
is reversed once with an id no row has, and each row's id is put in its place."""

from collections.abc import Callable
from urllib.parse import quote

from django.urls import reverse
from django.utils.http import RFC3986_SUBDELIMS

# An id no row has, to reverse a URL once and put each row's id in its place.
STAND_IN = 987654321


def url_by_id(name: str) -> Callable[[int], str]:
    """`lambda pk: reverse(name, args=[pk])`, reversed once (an id is digits: unquoted)."""
    head, tail = reverse(name, args=[STAND_IN]).split(str(STAND_IN))
    return lambda pk: f"{head}{pk}{tail}"


def document_url() -> Callable[[int, str], str]:
    """`lambda id, filename: document.url` for the site's documents, always served by the
    access-checked view (settings: WAGTAILDOCS_SERVE_METHOD "serve_view"): the view
    reversed once, the file's name quoted as `reverse` quotes it."""
    head, tail = reverse("wagtaildocs_serve", args=[STAND_IN, "name"]).split(f"{STAND_IN}/name")
    safe = RFC3986_SUBDELIMS + "/~:@"
    return lambda pk, filename: f"{head}{pk}/{quote(filename, safe=safe)}{tail}"

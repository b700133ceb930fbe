"""The public section's addresses in French (issue 15): `/fr/actualites/`, not `/fr/news/`.

One table of the public indexes' slugs in each language; `site_setup` creates (and
corrects) the French indexes with them. The French addresses with the English slugs, which
an installation set up before the indexes had French slugs still answered, redirect
permanently by rewriting the path alone: no page is read, and the page the redirect leads
to decides what to show. (Below an index, each page has the slug its translator gave it in
wagtail-localize, as any other translated field.)
"""

# Public index page type (model name) → its slug in each language.
INDEX_SLUGS: dict[str, dict[str, str]] = {
    "newsindexpage": {"en": "news", "fr": "actualites"},
    "publicationindexpage": {"en": "publications", "fr": "publications"},
    "goodpracticeindexpage": {"en": "good-practices", "fr": "bonnes-pratiques"},
}

# `/fr/news` → `/fr/actualites`: the French prefixes that had the English slug.
OLD_FRENCH_PREFIXES: dict[str, str] = {
    f"/fr/{slugs['en']}": f"/fr/{slugs['fr']}"
    for slugs in INDEX_SLUGS.values()
    if slugs["fr"] != slugs["en"]
}


def french_public_path_for(path: str) -> str | None:
    """The French-slug path for an old `/fr/news/...` path (rest kept), else None."""
    for old, new in OLD_FRENCH_PREFIXES.items():
        if path == old or path.startswith(old + "/"):
            return new + path[len(old) :]
    return None

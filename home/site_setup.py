"""The public pages every installation has: the home page in English and in French, and the
indexes of the public section (news, publications, good practices) in both languages.

Idempotent, so that `setup_site` and `seed_demo` can run on every start.
"""

from django.db import transaction
from wagtail.models import Locale, Page, Site

from home.models import (
    GoodPracticeIndexPage,
    HomePage,
    NewsIndexPage,
    PublicationIndexPage,
    PublicIndexPage,
)
from home.public_addresses import INDEX_SLUGS
from workflows.gate import acting_as_system

HOME_TEXT = {
    "en": {
        "title": "Network of Focal Points on Migration",
        "intro": (
            "The Division on Migration and Refugees of the Council of Europe shares here "
            "what the Network of Focal Points on Migration has decided, together with the "
            "Division, to make public."
        ),
    },
    "fr": {
        "title": "Réseau de points de contact sur les migrations",
        "intro": (
            "La Division des migrations et des réfugiés du Conseil de l'Europe partage ici "
            "ce que le Réseau de points de contact sur les migrations a décidé, avec la "
            "Division, de rendre public."
        ),
    },
}


@transaction.atomic
@acting_as_system("site setup")
def ensure_home_pages() -> dict[str, HomePage]:
    """Return the live home page of each official language, creating what is missing."""
    english = Locale.objects.get(language_code="en")
    french = Locale.objects.get(language_code="fr")
    home = HomePage.objects.filter(locale=english).first() or _create_english_home(english)
    _point_default_site_at(home)
    if home.get_translation_or_none(french) is None:
        _translate(home, french)
    # Publishing works on copies: read the pages back as they are now.
    return {
        "en": HomePage.objects.get(pk=home.pk),
        "fr": HomePage.objects.get(locale=french, translation_key=home.translation_key),
    }


def _create_english_home(english: Locale) -> HomePage:
    root = Page.get_first_root_node()
    # Wagtail's first migration leaves a plain "Welcome" page where the home page belongs.
    Page.objects.filter(depth=2, slug="home", content_type__model="page").delete()
    root.refresh_from_db()
    home = root.add_child(instance=HomePage(slug="home", locale=english, **HOME_TEXT["en"]))
    home.save_revision().publish()
    return home


def _translate(home: HomePage, locale: Locale) -> None:
    translation = home.copy_for_translation(locale)
    for field, value in HOME_TEXT[locale.language_code].items():
        setattr(translation, field, value)
    translation.save_revision().publish()


def _point_default_site_at(home: HomePage) -> None:
    site = Site.objects.filter(is_default_site=True).first()
    if site is None:
        Site.objects.create(hostname="localhost", port=80, root_page=home, is_default_site=True)
    elif site.root_page_id != home.pk:
        site.root_page = home
        site.save()


def _index_texts(model, titles: dict[str, str]) -> dict[str, dict[str, str]]:
    slugs = INDEX_SLUGS[model._meta.model_name]
    return {code: {"title": title, "slug": slugs[code]} for code, title in titles.items()}


PUBLIC_INDEXES: list[tuple[type[PublicIndexPage], dict[str, dict[str, str]]]] = [
    (NewsIndexPage, _index_texts(NewsIndexPage, {"en": "News", "fr": "Actualités"})),
    (
        PublicationIndexPage,
        _index_texts(PublicationIndexPage, {"en": "Publications", "fr": "Publications"}),
    ),
    (
        GoodPracticeIndexPage,
        _index_texts(GoodPracticeIndexPage, {"en": "Good practices", "fr": "Bonnes pratiques"}),
    ),
]


@transaction.atomic
@acting_as_system("site setup")
def ensure_public_indexes(homes: dict[str, HomePage]) -> dict[str, dict[str, PublicIndexPage]]:
    """The live public indexes under each home, the French ones translations of the English."""
    indexes: dict[str, dict[str, PublicIndexPage]] = {code: {} for code in homes}
    for model, texts in PUBLIC_INDEXES:
        english = model.objects.filter(locale=homes["en"].locale).first()
        if english is None:
            english = homes["en"].add_child(
                instance=model(locale=homes["en"].locale, show_in_menus=True, **texts["en"])
            )
            english.save_revision().publish()
        for code, home in homes.items():
            if code == "en":
                continue
            translation = english.get_translation_or_none(home.locale)
            if translation is None:
                translation = english.copy_for_translation(home.locale)
                for field, value in texts[code].items():
                    setattr(translation, field, value)
                translation.save_revision().publish()
            elif translation.slug != texts[code]["slug"]:
                # Set up before the indexes had their own slug in this language: the old
                # address redirects (`home.public_addresses`).
                translation = translation.specific
                translation.slug = texts[code]["slug"]
                translation.save_revision().publish()
        for code, home in homes.items():
            indexes[code][model._meta.model_name] = model.objects.get(
                locale=home.locale, translation_key=english.translation_key
            )
    return indexes

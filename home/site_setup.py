"""The public pages every installation has: the home page in English and in French.

Idempotent, so that `setup_site` and `seed_demo` can run on every start.
"""

from django.db import transaction
from wagtail.models import Locale, Page, Site

from home.models import HomePage

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

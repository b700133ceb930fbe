"""The public section of the marked site: every public page type in EN and FR, plus a
draft revision and a never-published page whose markers nobody may ever read."""

from wagtail.models import Locale, Page

from home.models import GoodPracticePage, HomePage, NewsItemPage, PublicationPage
from home.site_setup import ensure_public_indexes
from workflows.gate import acting_as_system

from .marked_site import MarkedSite
from .roles import EVERYONE, NOBODY


def publish_under(parent: Page, page: Page) -> Page:
    with acting_as_system("test arrangement: content the joint approval released"):
        parent.add_child(instance=page)
        page.save_revision().publish()
    return type(page).objects.get(pk=page.pk)


def revise(page: Page, *, publish: bool, **fields) -> Page:
    """A new revision of `page` with `fields` changed, published or left as a draft."""
    page = type(page).objects.get(pk=page.pk)
    for name, value in fields.items():
        setattr(page, name, value)
    revision = page.save_revision()
    if publish:
        with acting_as_system("test arrangement: content the joint approval released"):
            revision.publish()
    return type(page).objects.get(pk=page.pk)


def translate(page: Page, **fields) -> Page:
    french = page.copy_for_translation(Locale.objects.get(language_code="fr"))
    for name, value in fields.items():
        setattr(french, name, value)
    with acting_as_system("test arrangement: content the joint approval released"):
        french.save_revision().publish()
    return type(page).objects.get(pk=french.pk)


def build_public_section(site: MarkedSite, homes: dict[str, HomePage]) -> None:
    indexes = ensure_public_indexes(homes)
    for language, home in homes.items():
        text = site.mark(f"home {language}", EVERYONE)
        site.probe_public(revise(home, publish=True, intro=text).url, text)
        for index in indexes[language].values():
            site.probe_public(index.url)

    for model, index_name in (
        (NewsItemPage, "newsindexpage"),
        (PublicationPage, "publicationindexpage"),
        (GoodPracticePage, "goodpracticeindexpage"),
    ):
        name = model._meta.model_name
        english_text = site.mark(f"public {name} en", EVERYONE)
        english = publish_under(
            indexes["en"][index_name],
            model(title=f"Public {name}", slug=f"public-{name}", intro=english_text),
        )
        french_text = site.mark(f"public {name} fr", EVERYONE)
        french = translate(english, title=f"Public {name} FR", intro=french_text)
        site.probe_public(english.url, english_text)
        site.probe_public(french.url, french_text)
        site.things[f"public {name}"] = english

    # 3.3: what is not published is not public, even to the DMR on the public URL.
    news = site.things["public newsitempage"]
    draft_text = site.mark("unpublished revision of public news", NOBODY)
    revise(news, publish=False, intro=draft_text)
    never_text = site.mark("never published public news", NOBODY)
    never = NewsItemPage(
        title=f"Draft {never_text}", slug="never-published", intro=never_text, live=False
    )
    indexes["en"]["newsindexpage"].add_child(instance=never)
    never.save_revision()
    site.probe_never_published(f"{indexes['en']['newsindexpage'].url}never-published/")

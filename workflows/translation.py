"""The translation hand-off (3.3): a public page gets a draft in every other official language.

The drafts are made by wagtail-localize and stay unpublished until a translator completes
and publishes them in its editor (`WAGTAILLOCALIZE_SYNC_LIVE_STATUS_ON_TRANSLATE = False`).
The source may be in any content language.
"""

from django.conf import settings
from django.db import transaction
from django.db.models import Count, Func, IntegerField, OuterRef, Subquery
from django.db.models.functions import Coalesce
from django.utils.text import slugify
from django.utils.translation import gettext
from wagtail.coreutils import find_available_slug
from wagtail.log_actions import log
from wagtail.models import Locale, Page, WorkflowState
from wagtail_localize.models import Translation, TranslationSource

from workflows import log_actions
from workflows.exceptions import ApprovalRefused
from workflows.models import JointApprovalTask, PublicRelease


def other_locales(page: Page) -> list[Locale]:
    codes = [code for code, _name in settings.WAGTAIL_CONTENT_LANGUAGES]
    return list(Locale.objects.filter(language_code__in=codes).exclude(pk=page.locale_id))


@transaction.atomic
def request_translations(page: Page) -> list[Page]:
    """Draft translations of `page` (as now published) into the other official languages
    it has none in yet; existing translations are the translators' to update."""
    page = page.specific
    missing = [locale for locale in other_locales(page) if not page.has_translation(locale)]
    if not missing:
        return []
    source, _created = TranslationSource.update_or_create_from_instance(page)
    drafts = []
    for locale in missing:
        translation, _created = Translation.objects.update_or_create(
            source=source, target_locale=locale, defaults={"enabled": True}
        )
        translation.save_target(user=None, publish=False)
        drafts.append(translation.get_target_instance())
    if drafts:
        log(
            instance=page,
            action=log_actions.TRANSLATIONS_REQUESTED,
            data={"languages": [draft.locale.get_display_name() for draft in drafts]},
        )
    return drafts


def translations_waiting(page: Page) -> list[Page]:
    """The page's translations that are not live yet."""
    return list(page.get_translations().filter(live=False).select_related("locale"))


def releases_waiting_for_translation():
    """Live public releases with a translation into another official language not live yet
    (the DMR's report, and the DMR's "what needs doing")."""
    live_translations = (
        Page.objects.filter(translation_key=OuterRef("page__translation_key"), live=True)
        .exclude(pk=OuterRef("page_id"))
        .order_by()
        .values("translation_key")
        .annotate(count=Count("pk"))
        .values("count")
    )
    # How many other languages there are, counted in the same query.
    other_languages = (
        Subquery(
            Locale.objects.order_by().annotate(n=Func("pk", function="COUNT")).values("n"),
            output_field=IntegerField(),
        )
        - 1
    )
    return (
        PublicRelease.objects.filter(withdrawn_at=None, page__live=True)
        .annotate(
            live_translations=Coalesce(Subquery(live_translations, output_field=IntegerField()), 0)
        )
        .filter(live_translations__lt=other_languages)
        .select_related("page__locale")
        .order_by("-released_at", "-pk")
    )


def is_translation(page: Page) -> bool:
    """A page that wagtail-localize translates from another language (its editor has no
    "Submit" button: the joint approval is started from the page's header instead)."""
    return Translation.objects.filter(
        source__object_id=page.translation_key, target_locale_id=page.locale_id, enabled=True
    ).exists()


def may_submit_translation(user, page: Page) -> bool:
    # The cheapest questions first: most pages (a page header asks) are no translation.
    if page.alias_of_id is not None or not is_translation(page):
        return False
    workflow = page.get_workflow()
    return bool(
        workflow is not None
        and not page.workflow_in_progress
        and JointApprovalTask.objects.filter(workflow_tasks__workflow=workflow).exists()
        and page.permissions_for_user(user).can_edit()
    )


def save_translators_draft(page: Page, user):
    """A revision of what the translator wrote in wagtail-localize's editor (its strings),
    without touching the page's row: a live translation keeps showing its approved text."""
    translation = Translation.objects.select_related("source").get(
        source__object_id=page.translation_key, target_locale_id=page.locale_id, enabled=True
    )
    translated = translation.source.get_ephemeral_translated_instance(page.locale, fallback=True)
    # As wagtail-localize does when it saves a translation: a translated slug, made valid.
    translated.slug = find_available_slug(
        translated.get_parent(), slugify(translated.slug), ignore_page_id=translated.pk
    )
    return translated.save_revision(user=user)


@transaction.atomic
def submit_translation(page: Page, user) -> WorkflowState:
    """3.3: a translation goes public through the same joint approval as its source, both
    parties comparing it with the source and the DMR doing the precaution review."""
    page = Page.objects.select_for_update().get(pk=page.pk).specific
    if not may_submit_translation(user, page):
        raise ApprovalRefused(
            gettext("This translation cannot be submitted to the joint approval now.")
        )
    save_translators_draft(page, user)
    page = Page.objects.get(pk=page.pk).specific
    return page.get_workflow().start(page, user)

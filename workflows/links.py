"""Declassification check (3.3): what in a page's content still points to restricted material.

Before anything goes public the reviewer sees every link to a restricted page or document
that the content holds: chosen pages and documents (foreign keys, rich text links, chooser
blocks in stream fields, also in inline child objects) and typed URLs that lead into this
site. Which targets are restricted is the project's answer (`WORKFLOWS_RESTRICTED_LINK_CHECK`).
"""

import json
import re
from collections import defaultdict
from collections.abc import Iterator
from dataclasses import dataclass
from urllib.parse import urlsplit

from django.conf import settings
from django.db import models
from django.urls import Resolver404, resolve
from django.utils import translation
from modelcluster.models import ClusterableModel, get_all_child_relations
from wagtail.documents import get_document_model
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Page, Site

from workflows import conf

HREF = re.compile(r'href=\\?"([^"\\]+)')
URL_VALUE = re.compile(r'"(https?://[^"\\\s]+)"')
DOCUMENT_URL_NAMES = {"wagtaildocs_serve", "wagtaildocs_authenticate_with_password"}


@dataclass(frozen=True)
class RestrictedLink:
    """A link the content still holds to something that must not become public."""

    kind: str  # "page" or "document"
    target_id: int
    title: str
    field: str


def restricted_links(obj: models.Model) -> list[RestrictedLink]:
    """Every restricted page or document `obj` links to (a page, or a revision's object)."""
    wanted: dict[type[models.Model], dict[int, set[str]]] = defaultdict(lambda: defaultdict(set))
    for model, pk, field_name in _chosen_targets(obj):
        wanted[model][pk].add(field_name)
    for model, pk, field_name in _typed_site_urls(obj):
        wanted[model][pk].add(field_name)
    if isinstance(obj, Page):
        wanted[Page].pop(obj.pk, None)  # a page linking to itself moves with it

    found = []
    for model, targets in wanted.items():
        kind = "page" if model is Page else "document"
        for target in model.objects.filter(pk__in=targets):
            if conf.is_restricted(target):
                for field_name in sorted(targets[target.pk]):
                    found.append(RestrictedLink(kind, target.pk, str(target), field_name))
    return sorted(found, key=lambda link: (link.field, link.kind, link.title))


def _base_model(model: type[models.Model]) -> type[models.Model] | None:
    if issubclass(model, Page):
        return Page
    document_model = get_document_model()
    if issubclass(model, document_model):
        return document_model
    return None


def _chosen_targets(obj: models.Model, prefix: str = "") -> Iterator[tuple[type, int, str]]:
    """Pages and documents chosen in fields, rich text and stream fields of `obj`."""
    for field in obj._meta.get_fields():
        if isinstance(obj, Page) and field.model is Page:
            continue  # Page's own bookkeeping (owner, alias_of, revisions...), not content
        name = f"{prefix}{getattr(field, 'verbose_name', field.name)}"
        if field.is_relation and field.many_to_one and field.concrete:
            model = _base_model(field.related_model)
            value = field.value_from_object(obj)
            if model is not None and value is not None:
                yield model, int(value), name
        elif isinstance(field, RichTextField | StreamField):
            value = field.value_from_object(obj)
            if value is None:
                continue
            for to_model, to_id, _model_path, _content_path in field.extract_references(value):
                model = _base_model(to_model)
                if model is not None and str(to_id).isdigit():
                    yield model, int(to_id), name
    if isinstance(obj, ClusterableModel):
        for relation in get_all_child_relations(obj):
            if relation.get_accessor_name() == "wagtail_admin_comments":
                continue  # editors' comments never travel (see workflows.release)
            label = f"{relation.related_model._meta.verbose_name_plural} › "
            for child in getattr(obj, relation.get_accessor_name()).all():
                yield from _chosen_targets(child, prefix=label)


def _raw_text(field: models.Field, obj: models.Model) -> str:
    value = field.value_from_object(obj)
    if isinstance(field, StreamField):
        return json.dumps(field.get_prep_value(value))
    return str(value or "")


def _typed_site_urls(obj: models.Model) -> Iterator[tuple[type, int, str]]:
    """URLs typed into rich text or URL blocks that lead to a page or document of this site."""
    hosts = _own_hosts()
    for field in obj._meta.get_fields():
        if not isinstance(field, RichTextField | StreamField) or field.model is Page:
            continue
        text = _raw_text(field, obj)
        for url in {*HREF.findall(text), *URL_VALUE.findall(text)}:
            parts = urlsplit(url)
            if parts.scheme not in ("", "http", "https") or (
                parts.netloc and parts.hostname not in hosts
            ):
                continue
            if not parts.path.startswith("/"):
                continue
            target = _target_of_path(parts.path)
            if target is not None:
                yield (*target, str(field.verbose_name))


def _own_hosts() -> set[str]:
    hosts = set(Site.objects.values_list("hostname", flat=True))
    hosts.update(host.lstrip(".") for host in settings.ALLOWED_HOSTS if host != "*")
    base_url = getattr(settings, "WAGTAILADMIN_BASE_URL", "")
    if base_url:
        hosts.add(urlsplit(base_url).hostname or "")
    return {host for host in hosts if host}


def _target_of_path(path: str) -> tuple[type, int] | None:
    """The page or document a site path serves, resolved as each language would."""
    for code, _name in settings.LANGUAGES:
        with translation.override(code):
            try:
                match = resolve(path)
            except Resolver404:
                continue
        if match.url_name in DOCUMENT_URL_NAMES:
            return get_document_model(), int(match.kwargs["document_id"])
        if match.url_name == "wagtail_serve":
            served = match.args[0] if match.args else match.kwargs.get("path", "")
            page = _page_at(code, served)
            return (Page, page.pk) if page else None
    return None


def _page_at(language_code: str, path: str) -> Page | None:
    """The deepest page whose URL is a prefix of `path` (so routable sub-pages count too)."""
    site = Site.objects.filter(is_default_site=True).select_related("root_page").first()
    if site is None:
        return None
    root = site.root_page
    localized_root = (
        Page.objects.filter(
            translation_key=root.translation_key, locale__language_code=language_code
        ).first()
        or root
    )
    components = [part for part in path.strip("/").split("/") if part]
    candidates = [
        localized_root.url_path + "".join(f"{part}/" for part in components[:depth])
        for depth in range(len(components) + 1)
    ]
    return (
        Page.objects.filter(url_path__in=candidates, locale_id=localized_root.locale_id)
        .order_by("-depth")
        .first()
    )

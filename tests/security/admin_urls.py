"""Every Wagtail admin pattern turned into a URL, its arguments filled with the ids of real,
restricted objects of the marked site (a meeting page, its revision, a document...)."""

import re

from .marked_site import MarkedSite

CONVERTER = re.compile(r"<(?:(\w+):)?(\w+)>")
REGEX_GROUP = re.compile(r"\(\?P<(\w+)>[^)]*\)")

# Admin URLs anyone may open: static assets of the admin's interface, and the admin's
# login, which sends everyone to ours (tests/network_pages/test_access_matrix.py).
OPEN_WITHOUT_SIGNING_IN = {"admin/jsi18n/", "admin/sprite/", "admin/login/"}


def argument_values(site: MarkedSite) -> dict[str, str]:
    meeting = site.things["meeting_b"]
    document = site.things["document network-notes.txt"]
    return {
        "page": str(meeting.pk),
        "revision_id": str(meeting.latest_revision_id),
        "revision_id_a": "earliest",
        "revision_id_b": "latest",
        "document": str(document.pk),
        "doc_id": str(document.pk),
        "document_id": str(document.pk),
        "image_id": str(site.things["image"].pk),
        "collection_id": str(document.collection_id),
        "comment": str(site.things["comment"].pk),
        "profile": str(site.things["profile"].pk),
        "app_label": "meetings",
        "model_name": "meetingpage",
        "content_type_app_name": "meetings",
        "content_type_model_name": "meetingpage",
        "app_name": "meetings",
        "object_id": str(meeting.pk),
        "filter_spec": "original",
        "mode": "form",
        "action": "edit",
        "action_name": "edit",
        "token": "set-password",
        "uidb64": "MQ",
    }


def value_for(name: str, route: str, values: dict[str, str]) -> str:
    if name in values:
        return values[name]
    # A bare "pk" or "id" names an object of the admin section the route is in.
    if "member-comments" in route:
        return values["comment"]
    if "member-profiles" in route:
        return values["profile"]
    if "documents" in route and "page" not in name:
        return values["document"]
    if "images" in route and "page" not in name:
        return values["image_id"]
    return values["page"]


def url_for(route: str, values: dict[str, str]) -> str:
    """The route with its converters and named groups filled; other regex syntax removed."""
    url = REGEX_GROUP.sub(lambda m: value_for(m.group(1), route, values), route)
    url = CONVERTER.sub(lambda m: value_for(m.group(2), route, values), url)
    url = url.replace(".*", "anything").replace("\\.", ".").replace("$", "")
    return f"/{url}"

"""The network area of the marked site: every restricted page type (its French aliases come
with it), live and draft, and the records members leave on it; each carries markers."""

from django.utils import timezone
from wagtail.models import Locale, Page

from home.models import NewsItemPage, PublicationPage
from network_pages.community import thematic_groups
from network_pages.community.comments import posting
from network_pages.community.factories import make_comment, make_thematic_group, make_update
from network_pages.community.site_setup import ensure_community_pages
from network_pages.information.factories import make_item, make_request, make_response
from network_pages.information.models import Response
from network_pages.information.site_setup import ensure_information_indexes
from network_pages.meetings import agenda, participants
from network_pages.meetings.factories import days_from_today, make_meeting
from network_pages.meetings.models import MeetingKind
from network_pages.meetings.site_setup import ensure_meetings_index
from network_pages.models import DirectoryPage, NationalNetworkOrganisation, NetworkHomePage
from network_pages.publication_drafts.setup import ensure_publication_drafts

from .expectations import Outcome, restricted_to
from .marked_site import MarkedSite
from .public_content import publish_under, revise
from .roles import MEMBERS, NOBODY, Role

MEETING_A = MEMBERS | {Role.GUEST}
GROUP_MEMBERS = frozenset({Role.FOCAL_POINT, Role.DMR})
# The French Focal Point writes France's responses; the DMR reads drafts too (rules.py).
FRANCE_AND_DMR = frozenset({Role.FOCAL_POINT, Role.DMR})


# 1.2: the network home and the meetings index send a guest to "Your meetings" (a
# redirect that names nothing) instead of refusing them; members see the page.
GUEST_TO_THEIR_MEETINGS = {**restricted_to(MEMBERS), Role.GUEST: Outcome.REDIRECT}


def build_network_area(site: MarkedSite, network: NetworkHomePage, users: dict) -> None:
    text = site.mark("network root", MEMBERS)
    network = revise(network, publish=True, intro=text)
    site.probe_page(network, "", GUEST_TO_THEIR_MEETINGS, text, in_french=False)
    # The French root is a translation with its own intro (issue 15), behind the same door.
    french_text = site.mark("network root in French", MEMBERS)
    french = revise(
        network.get_translation(Locale.objects.get(language_code="fr")),
        publish=True,
        intro=french_text,
    )
    site.probe(french.url, GUEST_TO_THEIR_MEETINGS, french_text)
    site.things["network"] = network
    build_meetings(site, network, users)
    build_information(site, network, users)
    build_community(site, network, users)
    build_directory(site, network, users)
    build_publication_drafts(site, network)


def build_meetings(site: MarkedSite, network: NetworkHomePage, users: dict) -> None:
    index = ensure_meetings_index(network)
    site.probe_page(index, "", GUEST_TO_THEIR_MEETINGS)
    guest = users[Role.GUEST]
    title_a = site.mark("meeting A title", MEETING_A)
    intro_a = site.mark("meeting A purpose", MEETING_A)
    meeting_a = make_meeting(
        index,
        title=f"Thematic session {title_a}",
        slug="meeting-a",
        kind=MeetingKind.THEMATIC_SESSION,
        opening=days_from_today(60),
        intro=intro_a,
        invited=[users[Role.FOCAL_POINT].member_profile],
        guests=({"name": "Guest", "email": guest.email, "organisation": "Institute"},),
    )
    # The guest fixture already has an account: publishing gives it meeting A's group.
    participants.sync_external_participants(meeting_a)
    title_b = site.mark("meeting B title", MEMBERS)
    intro_b = site.mark("meeting B purpose", MEMBERS)
    meeting_b = make_meeting(index, title=f"Plenary {title_b}", slug="meeting-b", intro=intro_b)
    # 4.4: members see suggestions; the meeting's guests do not.
    suggestion = site.mark("agenda suggestion", MEMBERS)
    agenda.submit_suggestion(
        meeting_a, users[Role.FOCAL_POINT], title=suggestion, rationale="Because."
    )
    site.things.update(meeting_a=meeting_a, meeting_b=meeting_b, meeting_b_title=title_b)
    site.things["meeting_a_title"] = title_a

    page_a = restricted_to(MEETING_A)
    site.probe_page(meeting_a, "", page_a, title_a, intro_a)
    site.probe_page(meeting_b, "", restricted_to(MEMBERS), title_b, intro_b)
    for meeting, readers in ((meeting_a, MEETING_A), (meeting_b, MEMBERS)):
        back = {role.name.lower(): Outcome.REDIRECT for role in readers}
        site.probe_page(meeting, "suggest/", restricted_to(readers, **back))
        site.probe_page(meeting, "attendance/", restricted_to(readers, **back))
        site.probe_page(meeting, "calendar/", restricted_to(readers), in_french=True)
    add_comments(site, meeting_a, MEETING_A, users)


def add_comments(
    site: MarkedSite,
    page: Page,
    readers: frozenset,
    users: dict,
    comment_readers: frozenset | None = None,
) -> None:
    """A comment by the French Focal Point on `page`, and every comment route for it.

    `readers` may open the page; `comment_readers` (by default the same people, less any
    guest: comments are the members', README "Comment audiences") read its comments."""
    comment_readers = (readers - {Role.GUEST}) if comment_readers is None else comment_readers
    text = site.mark(f"comment on {page.slug}", comment_readers)
    comment = make_comment(page, users[Role.FOCAL_POINT], body=text)
    site.things["comment"] = comment
    site.probe_page(page, "", restricted_to(readers), text, shown_to=comment_readers)
    # Outside the comment audience, every comment route is refused; inside it, only
    # members post, only the author edits or deletes, only the DMR hides or restores.
    outside = {role.name.lower(): Outcome.REFUSED for role in readers - comment_readers}
    only_author = {
        role.name.lower(): Outcome.REFUSED for role in comment_readers - {Role.FOCAL_POINT}
    }
    only_dmr = {role.name.lower(): Outcome.REFUSED for role in comment_readers - {Role.DMR}}
    site.probe_page(page, "comments/", restricted_to(readers, **outside))
    route = f"comments/{comment.pk}/"
    site.probe_page(page, f"{route}reply/", restricted_to(readers, **outside))
    site.probe_page(page, f"{route}edit/", restricted_to(readers, **outside, **only_author))
    site.probe_page(page, f"{route}delete/", restricted_to(readers, **outside, **only_author))
    site.probe_page(page, f"{route}hide/", restricted_to(readers, **outside, **only_dmr))
    site.probe_page(
        page,
        f"{route}restore/",
        restricted_to(readers, **outside, **only_dmr, dmr=Outcome.NOT_ALLOWED),
    )


def france(users: dict):
    return users[Role.FOCAL_POINT].member_profile.member_state


def build_information(site: MarkedSite, network: NetworkHomePage, users: dict) -> None:
    request_index, item_index = ensure_information_indexes(network)
    for index in (request_index, item_index):
        site.probe_page(index, "", restricted_to(MEMBERS))
    # Submitting needs a state to answer for, or the DMR.
    site.probe_page(request_index, "submit/", restricted_to(MEMBERS))
    # 4.7: information comes from a member state; the DMR publishes its own in the admin.
    site.probe_page(item_index, "submit/", restricted_to(MEMBERS, dmr=Outcome.REFUSED))

    question = site.mark("request question", MEMBERS)
    request = make_request(
        request_index,
        title="Reception of minors",
        questions=(f"What is done? {question}",),
        deadline=timezone.localdate() + timezone.timedelta(days=20),
    )
    france_draft = site.mark("French draft response", FRANCE_AND_DMR)
    site.things["french_draft_response"] = make_response(
        request,
        "FR",
        [france_draft],
        status=Response.Status.DRAFT,
        submitted_by=users[Role.FOCAL_POINT],
    )
    german = site.mark("German submitted response", MEMBERS)
    make_response(request, "DE", [german], submitted_by=users[Role.OTHER_STATE])
    site.probe_page(request, "", restricted_to(MEMBERS), question)
    site.probe_page(request, "response/", restricted_to(MEMBERS, dmr=Outcome.REFUSED))
    site.probe_page(
        request,
        "responses/FR/",
        restricted_to(MEMBERS, other_state=Outcome.REFUSED),
        france_draft,
        in_french=True,
    )
    site.probe_page(request, "responses/DE/", restricted_to(MEMBERS), german)
    site.probe_page(
        request,
        "responses/IT/",
        restricted_to(
            MEMBERS, **dict.fromkeys(("focal_point", "other_state", "dmr"), Outcome.NOT_FOUND)
        ),
    )
    for route in ("compilation/", "compilation/csv/", "compilation/xlsx/"):
        site.probe_page(request, route, restricted_to(MEMBERS), german, in_french=True)
    add_comments(site, request, MEMBERS, users)

    summary = site.mark("information item", MEMBERS)
    item = make_item(
        item_index, title="Integration courses", summary=summary, member_state=france(users)
    )
    revise(item, publish=False, summary=site.mark("unpublished revision of item", NOBODY))
    site.probe_page(item, "", restricted_to(MEMBERS), summary)
    site.things["item"] = item
    add_comments(site, item, MEMBERS, users)
    hidden = site.mark("hidden comment", frozenset({Role.DMR}))
    hidden_comment = make_comment(item, users[Role.FOCAL_POINT], body=hidden)
    posting.hide_comment(hidden_comment, by=users[Role.DMR], reason="Personal data.")
    never = make_item(
        item_index,
        title="Never published",
        summary=site.mark("unpublished item", NOBODY),
        member_state=france(users),
        live=False,
    )
    site.probe_missing_in_network(f"{item_index.url}{never.slug}/")
    site.probe_missing_in_network(f"{item_index.url}no-such-item/")


def build_community(site: MarkedSite, network: NetworkHomePage, users: dict) -> None:
    pages = ensure_community_pages(network)
    for page in pages.values():
        site.probe_page(page, "", restricted_to(MEMBERS))
    site.probe_page(pages["working_methods"], "history/", restricted_to(MEMBERS))
    add_comments(site, pages["working_methods"], MEMBERS, users)

    mandate = site.mark("thematic group mandate", MEMBERS)
    group = make_thematic_group(pages["thematic_groups"], "Open group", mandate=f"<p>{mandate}</p>")
    site.probe_page(group, "", restricted_to(MEMBERS), mandate)
    post_only = {role.name.lower(): Outcome.NOT_ALLOWED for role in MEMBERS}
    site.probe_page(group, "join/", restricted_to(MEMBERS, **post_only))
    site.probe_page(group, "leave/", restricted_to(MEMBERS, **post_only))
    add_comments(site, group, MEMBERS, users)

    # 4.8: a members-only workspace is for the group's members and the DMR.
    private = make_thematic_group(
        pages["thematic_groups"], "Private group", theme="Digital tools", members_only=True
    )
    thematic_groups.join(users[Role.FOCAL_POINT], private)
    # Every member opens the group's page; only its members (and the DMR) read its comments.
    add_comments(site, private, MEMBERS, users, comment_readers=GROUP_MEMBERS)
    workspace = site.mark("members-only workspace update", GROUP_MEMBERS)
    update = make_update(private, "Minutes of the call", body=f"<p>{workspace}</p>")
    site.probe_page(update, "", restricted_to(GROUP_MEMBERS), workspace)
    add_comments(site, update, GROUP_MEMBERS, users)
    site.things.update(private_group=private, workspace_update=update)


def build_directory(site: MarkedSite, network: NetworkHomePage, users: dict) -> None:
    directory = DirectoryPage.objects.child_of(network).get()
    name = site.mark("French national network organisation", MEMBERS)
    organisation = NationalNetworkOrganisation.objects.create(
        member_state_id=users[Role.FOCAL_POINT].member_profile.member_state_id,
        name=name,
        kind=NationalNetworkOrganisation.Kind.choices[0][0],
    )
    site.probe_page(directory, "", restricted_to(MEMBERS), name)
    profile = users[Role.FOCAL_POINT].member_profile
    site.things["profile"] = profile
    site.probe_page(directory, f"person/{profile.pk}/vcard/", restricted_to(MEMBERS))
    not_dmr = {"focal_point": Outcome.REFUSED, "other_state": Outcome.REFUSED}
    site.probe_page(directory, "export/csv/", restricted_to(MEMBERS, **not_dmr), in_french=True)
    # 3.4: a state's Focal Points and the DMR keep its national network.
    france = "state/FR/national-network/"
    not_germany = {"other_state": Outcome.REFUSED}
    site.probe_page(directory, f"{france}add/", restricted_to(MEMBERS, **not_germany))
    site.probe_page(
        directory, f"{france}{organisation.pk}/edit/", restricted_to(MEMBERS, **not_germany), name
    )
    site.probe_page(
        directory, f"{france}{organisation.pk}/delete/", restricted_to(MEMBERS, **not_germany)
    )
    site.things["directory"] = directory
    site.things["french_organisation"] = name


def build_publication_drafts(site: MarkedSite, network: NetworkHomePage) -> None:
    """3.3: drafts of public pages wait, restricted, under Publication drafts."""
    drafts = ensure_publication_drafts(network)
    intro = site.mark("publication drafts index", MEMBERS)
    drafts = revise(drafts, publish=True, intro=intro)
    site.probe_page(drafts, "", restricted_to(MEMBERS), intro, in_french=False)
    # Its French page (issue 15) has an intro of its own, behind the same door.
    french_intro = site.mark("publication drafts index in French", MEMBERS)
    french = drafts.get_translation(Locale.objects.get(language_code="fr"))
    french = revise(french, publish=True, intro=french_intro)
    site.probe(french.url, restricted_to(MEMBERS), french_intro)
    live = site.mark("live page under publication drafts", MEMBERS)
    page = publish_under(
        drafts, NewsItemPage(title="Restricted news", slug="restricted-news", intro=live)
    )
    site.probe_page(page, "", restricted_to(MEMBERS), live)
    never = site.mark("publication draft never published", NOBODY)
    draft = PublicationPage(
        title="Draft publication", slug="draft-publication", intro=never, live=False
    )
    drafts.add_child(instance=draft)
    draft.save_revision()
    site.probe_missing_in_network(f"{drafts.url}draft-publication/")
    site.things["publication_draft"] = Page.objects.get(pk=draft.pk)

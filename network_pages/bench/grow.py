"""Grow a database to a given size, deterministically, through the project's own factories.

The demo content (`seed_demo`) comes first, so that the demo accounts can sign in; then
members, thematic groups, meetings, information requests with their responses, items,
public publications and news in English and French, and comments. Every object `i` of a kind
is drawn from its own generator seeded with (SEED, kind, i): the same size gives the same
database, and a growth that was interrupted carries on where it stopped (each kind counts
what it already made, recognised by a name only the growth uses).

Sizes are what the growth adds on top of the demo content; the network size is the one of
issue 17 (46 member states, ~150 Focal Points, ~60 meetings, 1,000 requests with up to 46
responses, 10,000 comments, 500 items, 20 groups, 200 publications and 100 news items), with
50 public good practices so that every page type has a page to measure, and the 5,000
documents of issue 18 attached to meetings, items and responses.

The members' search is then indexed as the worker would (`index_members_search`): the
growth runs no task worker.
"""

import random
from collections.abc import Callable, Iterator
from dataclasses import dataclass, fields
from datetime import date, timedelta

from django.contrib.auth import get_user_model
from django.core.files.base import ContentFile
from django.db import connection, transaction
from django.test import override_settings
from django.utils import timezone
from wagtail.documents import get_document_model
from wagtail.models import Page, PageViewRestriction
from wagtail.search.backends import get_search_backend

from home.models import GoodPracticePage, NewsItemPage, PublicationPage
from home.site_setup import ensure_public_indexes
from network_pages import roles
from network_pages.community import thematic_groups
from network_pages.community.factories import make_thematic_group, make_update
from network_pages.community.models import MemberComment, ThematicGroupPage
from network_pages.community.site_setup import ensure_community_pages
from network_pages.demo import seed_demo_content
from network_pages.factories import make_member
from network_pages.information.factories import make_item, make_request
from network_pages.information.models import (
    Answer,
    InformationItemAttachment,
    InformationItemPage,
    InformationRequestPage,
    Response,
    ResponseAttachment,
)
from network_pages.information.site_setup import ensure_information_indexes
from network_pages.library import places
from network_pages.library.factories import add_version, make_entry, text_file
from network_pages.library.models import LibraryEntry
from network_pages.meetings.factories import days_from_today, make_meeting
from network_pages.meetings.models import MeetingDocument, MeetingKind, MeetingPage, MeetingStatus
from network_pages.meetings.site_setup import ensure_meetings_index
from network_pages.models import MemberProfile, MemberState
from network_pages.network_area import ensure_network_collection
from network_pages.search import document_entries, extraction, indexing
from network_pages.search.models import SearchEntry
from network_pages.site_structure import SiteStructure, ensure_site_structure
from workflows.gate import acting_as_system

SEED = 17
BATCH = 50  # objects per transaction: an interrupted growth keeps whole batches

MEMBER_PREFIX = "bench_fp_"
MEETING_SLUG = "bench-meeting-{:03d}"
GROUP_SLUG = "bench-group-{:02d}"
REQUEST_TITLE = "Survey {:04d}: {}"
ITEM_TITLE = "Note {:04d}: {}"
PUBLICATION_SLUG = "bench-publication-{:03d}"
NEWS_SLUG = "bench-news-{:03d}"
GOOD_PRACTICE_SLUG = "bench-good-practice-{:03d}"
DOCUMENT_TITLE = "Bench document {:04d}: {}"
LIBRARY_TITLE = "Bench library entry {:03d}: {}"
# Tasks the growth queues (index refreshes, notifications) are dropped: no worker runs for
# the bench, the members' search is indexed in one go at the end, and writing one task row
# per response and comment took a third of the growth's time.
DROPPED_TASKS = {"default": {"BACKEND": "network_pages.bench.tasks.DroppedTasks"}}

TOPICS = (
    "reception of unaccompanied children",
    "alternatives to immigration detention",
    "age assessment",
    "family reunification",
    "digitalisation of asylum procedures",
    "integration courses",
    "statelessness determination",
    "return counselling",
    "labour market access of refugees",
    "vulnerable applicants",
    "language support",
    "housing of asylum seekers",
)
KINDS = (
    MeetingKind.PLENARY,
    MeetingKind.THEMATIC_SESSION,
    MeetingKind.THEMATIC_SESSION,
    MeetingKind.JOINT_MEETING,
)
THEMES = ("integration", "children", "detention", "procedures", "health", "education", "work")
SENTENCES = (
    "The authority responsible coordinates with regional services.",
    "A national strategy adopted last year sets the framework.",
    "Practice differs between the regions; a reform is under discussion.",
    "Civil society organisations take part in the monitoring.",
    "Statistics are published every quarter by the ministry.",
    "A pilot project was evaluated positively and is being extended.",
    "The legal framework was amended to follow the Court's case law.",
    "Training is offered to every official who meets applicants.",
)


@dataclass(frozen=True)
class Sizes:
    """How much the growth adds on top of the demo content."""

    focal_points: int = 0
    groups: int = 0
    members_only_groups: int = 0
    meetings: int = 0
    requests: int = 0
    items: int = 0
    publications: int = 0
    news: int = 0
    good_practices: int = 0
    comments: int = 0
    documents: int = 0
    library_entries: int = 0
    # The pages the bench measures carry the heaviest content: a request answered by every
    # member state, and this many comment threads (a comment and two replies) on it, on a
    # thematic group and on a meeting (the "50 top-level threads with replies").
    heavy_threads: int = 50


DEMO = Sizes()
NETWORK = Sizes(
    focal_points=150,
    groups=20,
    members_only_groups=8,
    meetings=60,
    requests=1000,
    items=500,
    publications=200,
    news=100,
    good_practices=50,
    comments=10_000,
    documents=5_000,
    library_entries=300,
)
SIZES = {"demo": DEMO, "network": NETWORK}


def _rng(kind: str, number: int) -> random.Random:
    return random.Random(f"{SEED}:{kind}:{number}")  # noqa: S311 - test data, not secrets


def _text(rng: random.Random, sentences: int) -> str:
    return " ".join(rng.choice(SENTENCES) for _ in range(sentences))


def _weekday(days: int) -> int:
    """`days` from today, moved to the next Tuesday: meetings fall on working days."""
    day = timezone.localdate() + timedelta(days=days)
    return days + (1 - day.weekday()) % 7


def _batches(start: int, stop: int) -> Iterator[range]:
    for first in range(start, stop, BATCH):
        yield range(first, min(first + BATCH, stop))


@dataclass(frozen=True)
class _Step:
    label: str
    count: Callable[[], int]
    make: Callable[[int], None]
    target: int


class Grower:
    """Grows one kind after another; holds the indexes and members it has at hand."""

    def __init__(self, structure: SiteStructure, sizes: Sizes, say: Callable[[str], None]):
        self.structure = structure
        self.sizes = sizes
        self.say = say
        self._english = structure.homes["en"].locale
        self._codes = list(MemberState.objects.order_by("code").values_list("code", flat=True))
        self._states = {state.code: state for state in MemberState.objects.all()}
        self._community = ensure_community_pages(structure.network)
        self._meetings_index = ensure_meetings_index(structure.network)
        self._requests_index, self._items_index = ensure_information_indexes(structure.network)
        self._public_indexes = ensure_public_indexes(structure.homes)
        self._members: list | None = None
        self._commented: tuple[list[Page], list[Page]] | None = None
        self._threads: dict[int, MemberComment | None] = {}
        self._pending_comments: list[MemberComment] = []

    def steps(self) -> list[_Step]:
        sizes, sources = self.sizes, {"alias_of__isnull": True}
        users = get_user_model().objects
        return [
            _Step(
                "Focal Points",
                users.filter(username__startswith=MEMBER_PREFIX).count,
                self._make_member,
                sizes.focal_points,
            ),
            _Step(
                "thematic groups",
                ThematicGroupPage.objects.filter(slug__startswith="bench-group-", **sources).count,
                self._make_group,
                sizes.groups,
            ),
            _Step(
                "meetings",
                MeetingPage.objects.filter(slug__startswith="bench-meeting-", **sources).count,
                self._make_meeting,
                sizes.meetings,
            ),
            _Step(
                "information requests",
                InformationRequestPage.objects.filter(title__startswith="Survey ", **sources).count,
                self._make_request,
                sizes.requests,
            ),
            _Step(
                "information items",
                InformationItemPage.objects.filter(title__startswith="Note ", **sources).count,
                self._make_item,
                sizes.items,
            ),
            _Step(
                "publications (EN+FR)",
                PublicationPage.objects.filter(
                    slug__startswith="bench-publication-", locale=self._english
                ).count,
                self._make_publication,
                sizes.publications,
            ),
            _Step(
                "news items (EN+FR)",
                NewsItemPage.objects.filter(
                    slug__startswith="bench-news-", locale=self._english
                ).count,
                self._make_news,
                sizes.news,
            ),
            _Step(
                "good practices (EN+FR)",
                GoodPracticePage.objects.filter(
                    slug__startswith="bench-good-practice-", locale=self._english
                ).count,
                self._make_good_practice,
                sizes.good_practices,
            ),
            _Step(
                "comments",
                MemberComment.objects.filter(author__username__startswith=MEMBER_PREFIX).count,
                self._make_comment,
                sizes.comments,
            ),
            _Step(
                "documents",
                get_document_model().objects.filter(title__startswith="Bench document ").count,
                self._make_document,
                sizes.documents,
            ),
            _Step(
                "library entries",
                LibraryEntry.objects.filter(title__startswith="Bench library entry ").count,
                self._make_library_entry,
                sizes.library_entries,
            ),
        ]

    def run(self) -> bool:
        """Grow every kind; True if anything was added."""
        grew = False
        for step in self.steps():
            done = step.count()
            if done < step.target:
                self.say(f"  {step.label}: {done} → {step.target}")
                grew = True
            for batch in _batches(done, step.target):
                with transaction.atomic():
                    for number in batch:
                        step.make(number)
                    self._flush_comments()
        return grew

    # --- members and groups -----------------------------------------------------------

    def _bench_members(self) -> list:
        if self._members is None or len(self._members) < self.sizes.focal_points:
            self._members = list(
                get_user_model()
                .objects.filter(username__startswith=MEMBER_PREFIX)
                .order_by("username")
                .select_related("member_profile")
            )
        return self._members

    def _make_member(self, number: int) -> None:
        rng = _rng("member", number)
        # One Focal Point per member state first, then deputies and second Focal Points.
        function = (
            MemberProfile.Function.FOCAL_POINT
            if number < len(self._codes)
            else rng.choice([MemberProfile.Function.FOCAL_POINT, MemberProfile.Function.DEPUTY])
        )
        make_member(
            f"{MEMBER_PREFIX}{number:03d}",
            groups=(roles.FOCAL_POINTS,),
            state=self._codes[number % len(self._codes)],
            first_name=rng.choice(["Ana", "Jan", "Eva", "Luca", "Maria", "Nils", "Sofia"]),
            last_name=f"Member{number:03d}",
            function=function,
            institution=rng.choice(["Ministry of the Interior", "Migration Office"]),
        )

    def _make_group(self, number: int) -> None:
        rng = _rng("group", number)
        topic = TOPICS[number % len(TOPICS)]
        group = make_thematic_group(
            self._community["thematic_groups"],
            f"{topic.capitalize()} ({number + 1})",
            slug=GROUP_SLUG.format(number),
            theme=topic.capitalize(),
            members_only=number < self.sizes.members_only_groups,
        )
        members = self._bench_members()
        for member in rng.sample(members, k=min(12, len(members))):
            thematic_groups.join(member, group)
        make_update(group, f"Notes of call {number + 1}", body=f"<p>{_text(rng, 4)}</p>")
        thematic_groups.sync_workspace(group)

    # --- meetings, requests, items ------------------------------------------------------

    def _make_meeting(self, number: int) -> None:
        rng = _rng("meeting", number)
        kind = KINDS[number % len(KINDS)]
        # Even meetings are ahead (meeting 0, the one measured, is the next), odd ones held.
        ahead = number % 2 == 0
        days = _weekday(20 + 6 * number) if ahead else -_weekday(20 + 6 * number) - 7
        members = self._bench_members()
        invited = []
        if kind == MeetingKind.THEMATIC_SESSION:
            invited = [m.member_profile for m in rng.sample(members, k=min(10, len(members)))]
        make_meeting(
            self._meetings_index,
            title=f"{kind.label} on {TOPICS[number % len(TOPICS)]} ({number + 1})",
            slug=MEETING_SLUG.format(number),
            kind=kind,
            opening=days_from_today(days),
            agenda=tuple(f"Item {n + 1}: {rng.choice(TOPICS)}" for n in range(rng.randint(3, 8))),
            invited=invited,
            status=MeetingStatus.PLANNED if ahead else MeetingStatus.HELD,
            intro=_text(rng, 3),
        )

    def _make_request(self, number: int) -> None:
        rng = _rng("request", number)
        from_state = rng.random() < 0.3
        page = make_request(
            self._requests_index,
            title=REQUEST_TITLE.format(number + 1, rng.choice(TOPICS)),
            questions=[f"{_text(rng, 1)[:-1]}?" for _ in range(rng.randint(2, 5))],
            language="fr" if rng.random() < 0.25 else "en",
            deadline=timezone.localdate() + timedelta(days=10 + number % 50),
            member_state=self._states[rng.choice(self._codes)] if from_state else None,
            background=_text(rng, 5),
        )
        # Request 0 is the one measured: every member state has answered it.
        answered = len(self._codes) if number == 0 else rng.randint(0, len(self._codes))
        questions = page.numbered_questions()
        # Written in bulk, as `make_response` writes one (the same fields, the same draws).
        responses, answers = [], []
        for code in rng.sample(self._codes, k=answered):
            texts = [_text(rng, 3) if rng.random() < 0.9 else None for _ in questions]
            submitted = rng.random() < 0.85
            response = Response(
                request=page,
                member_state=self._states[code],
                language="en",
                status=Response.Status.SUBMITTED if submitted else Response.Status.DRAFT,
                version=1,
                submitted_at=timezone.now() if submitted else None,
            )
            responses.append(response)
            answers += [
                Answer(
                    response=response, question=question, text=text or "", no_information=not text
                )
                for question, text in zip(questions, texts, strict=False)
            ]
        Response.objects.bulk_create(responses)
        Answer.objects.bulk_create(answers)

    def _make_item(self, number: int) -> None:
        rng = _rng("item", number)
        dmr_news = rng.random() < 0.2
        make_item(
            self._items_index,
            title=ITEM_TITLE.format(number + 1, rng.choice(TOPICS)),
            summary=_text(rng, 2),
            member_state=None if dmr_news else self._states[rng.choice(self._codes)],
            item_type=InformationItemPage.Kind.DMR_NEWS
            if dmr_news
            else InformationItemPage.Kind.MEMBER_INFORMATION,
            good_practice=not dmr_news and rng.random() < 0.4,
            themes=tuple(rng.sample(THEMES, k=rng.randint(1, 3))),
        )

    # --- the public section -----------------------------------------------------------

    def _make_publication(self, number: int) -> None:
        self._public_page(PublicationPage, "publicationindexpage", PUBLICATION_SLUG, number)

    def _make_news(self, number: int) -> None:
        self._public_page(NewsItemPage, "newsindexpage", NEWS_SLUG, number)

    def _make_good_practice(self, number: int) -> None:
        self._public_page(GoodPracticePage, "goodpracticeindexpage", GOOD_PRACTICE_SLUG, number)

    @acting_as_system("bench growth")
    def _public_page(self, model: type[Page], index_name: str, slug: str, number: int) -> None:
        """Published in English, then its French translation (as setup_site does for the
        indexes: the joint approval and the translators' work are not what is measured)."""
        rng = _rng(model._meta.model_name, number)
        topic = rng.choice(TOPICS).capitalize()
        name = model._meta.verbose_name
        english = model(
            title=f"{topic}: {name} {number + 1}",
            slug=slug.format(number),
            intro=_text(rng, 2),
            body=[("paragraph", f"<p>{_text(rng, 6)}</p>") for _ in range(3)],
            date=date(2026, 6, 30) - timedelta(days=3 * number),
        )
        self._public_indexes["en"][index_name].add_child(instance=english)
        english.save_revision().publish()
        english = model.objects.get(pk=english.pk)
        french = english.copy_for_translation(self.structure.homes["fr"].locale)
        french.title = f"{topic} : {name} {number + 1} (FR)"
        french.save_revision().publish()

    # --- comments -----------------------------------------------------------------------

    def _commented_pages(self) -> tuple[list[Page], list[Page]]:
        """(the measured pages, which get the heavy threads; the other pages taking comments)."""
        if self._commented is None:
            sources = Page.objects.filter(alias_of__isnull=True).order_by("pk")
            heavy = [
                page
                for page in (
                    sources.filter(title__startswith=REQUEST_TITLE.format(1, "")).first(),
                    sources.filter(slug=GROUP_SLUG.format(0)).first(),
                    sources.filter(slug=MEETING_SLUG.format(0)).first(),
                )
                if page is not None
            ]
            others = list(sources.filter(title__regex=r"^(Survey|Note) [0-9]{4}:"))
            self._commented = (heavy, others or heavy)
        return self._commented

    def _make_comment(self, number: int) -> None:
        rng = _rng("comment", number)
        heavy, others = self._commented_pages()
        per_heavy_page = self.sizes.heavy_threads * 3
        if number < per_heavy_page * len(heavy):
            page = heavy[number // per_heavy_page]
            reply = number % 3 != 0
        else:
            page = others[rng.randrange(len(others))]
            reply = rng.random() < 0.4
        parent = self._last_thread(page) if reply else None
        members = self._bench_members()
        author = members[rng.randrange(len(members))]
        # As `make_comment` writes one (the pages are sources), in bulk: written at the end
        # of the batch, or before a reply to a comment still waiting.
        comment = MemberComment(
            page=page, author=author, body=_text(rng, rng.randint(1, 4)), parent=parent
        )
        self._pending_comments.append(comment)
        if parent is None:
            self._threads[page.pk] = comment

    def _last_thread(self, page: Page) -> MemberComment | None:
        """The page's latest top-level comment (the one a reply answers), written."""
        if page.pk not in self._threads:
            self._threads[page.pk] = (
                MemberComment.objects.filter(page=page, parent=None).order_by("-pk").first()
            )
        parent = self._threads[page.pk]
        if parent is not None and parent.pk is None:
            self._flush_comments()
        return parent

    def _flush_comments(self) -> None:
        if self._pending_comments:
            MemberComment.objects.bulk_create(self._pending_comments)
            self._pending_comments = []

    # --- documents ----------------------------------------------------------------------

    def _owners(self) -> tuple[list[int], list[int], list[int]]:
        """(meetings, items, responses) the documents are attached to, in turn."""
        if getattr(self, "_document_owners", None) is None:
            sources = {"alias_of__isnull": True}
            self._document_owners = (
                list(
                    MeetingPage.objects.filter(**sources)
                    .order_by("pk")
                    .values_list("pk", flat=True)
                ),
                list(
                    InformationItemPage.objects.filter(**sources)
                    .order_by("pk")
                    .values_list("pk", flat=True)
                ),
                list(Response.objects.order_by("pk").values_list("pk", flat=True)),
            )
        return self._document_owners

    def _make_document(self, number: int) -> None:
        """A plain-text paper of a few hundred words (reading PDFs is measured in the worker,
        not by the pages the bench loads)."""
        rng = _rng("document", number)
        topic = rng.choice(TOPICS)
        document = get_document_model()(
            title=DOCUMENT_TITLE.format(number + 1, topic),
            collection=ensure_network_collection(),
        )
        text = f"{topic.capitalize()}. {_text(rng, rng.randint(10, 60))}"
        document.file.save(f"bench-{number:04d}.txt", ContentFile(text.encode()), save=False)
        document.save()
        meetings, items, responses = self._owners()
        kind = number % 3
        if kind == 0 and meetings:
            MeetingDocument.objects.create(
                meeting_id=meetings[rng.randrange(len(meetings))], document=document
            )
        elif kind == 1 and items:
            InformationItemAttachment.objects.create(
                page_id=items[rng.randrange(len(items))], document=document
            )
        elif responses:
            ResponseAttachment.objects.create(
                response_id=responses[rng.randrange(len(responses))], document=document
            )

    # --- the library --------------------------------------------------------------------

    def _libraries(self) -> list[places.Library]:
        """The network's library, the measured meeting's and the first group's that every
        member reads (the first groups' workspaces are for their members only)."""
        if getattr(self, "_library_places", None) is None:
            sources = Page.objects.filter(alias_of__isnull=True)
            found = [places.NETWORK]
            meeting = sources.filter(slug=MEETING_SLUG.format(0)).first()
            group = sources.filter(slug=GROUP_SLUG.format(self.sizes.members_only_groups)).first()
            if meeting is not None:
                found.append(places.Library(places.Kind.MEETING, meeting.specific))
            if group is not None:
                found.append(places.Library(places.Kind.GROUP, group.specific))
            self._library_places = found
        return self._library_places

    def _library_uploader(self):
        """A member of the DMR's secretariat (the demo's `dmr`), who adds to every library."""
        if getattr(self, "_uploader", None) is None:
            users = get_user_model().objects.filter(groups__name=roles.DMR_SECRETARIAT)
            self._uploader = users.order_by("pk").first() or make_member(
                "bench_dmr", groups=(roles.DMR_SECRETARIAT,), state=None
            )
        return self._uploader

    def _make_library_entry(self, number: int) -> None:
        """An entry added by the DMR through the library's own storing, with its English
        file; every third one has a French version and a second English version too."""
        rng = _rng("library", number)
        topic = rng.choice(TOPICS)
        libraries = self._libraries()
        dmr = self._library_uploader()
        text = f"{topic.capitalize()}. {_text(rng, rng.randint(10, 40))}"
        entry = make_entry(
            libraries[number % len(libraries)],
            dmr,
            title=LIBRARY_TITLE.format(number + 1, topic),
            upload=text_file(f"bench-library-{number:03d}.txt", text),
            tags=tuple(rng.sample(THEMES, k=2)),
            member_state=self._states[rng.choice(self._codes)] if rng.random() < 0.5 else None,
        )
        if number % 3 == 0:
            add_version(
                entry,
                dmr,
                language="fr",
                upload=text_file(f"bench-library-{number:03d}-fr.txt", text),
            )
            add_version(
                entry,
                dmr,
                upload=text_file(f"bench-library-{number:03d}-v2.txt", text + " 2"),
                note="Second version",
            )


def _all_entries() -> Iterator[SearchEntry]:
    """Every entry `indexing.rebuild_all` writes, from the same extraction, unsaved."""
    pages = Page.objects.type(*extraction.PAGE_EXTRACTORS).live().filter(alias_of__isnull=True)
    for page in pages.order_by("pk").iterator():
        own = extraction.page_entries(page)
        if not own:
            continue
        records = [*own]
        responses = Response.objects.select_related("request", "member_state")
        for response in responses.filter(request_id=page.pk).order_by("pk"):
            records += extraction.response_entries(response)
        comments = MemberComment.objects.select_related("page", "author__member_profile")
        for comment in comments.filter(page_id=page.pk).order_by("pk"):
            records += extraction.comment_entries(comment)
        yield from (_entry(data) for data in records)
    for document in get_document_model().objects.order_by("pk").iterator():
        yield from (_entry(data) for data in document_entries.document_entries(document, None))


def _entry(data: extraction.EntryData) -> SearchEntry:
    return SearchEntry(
        kind=data.kind,
        source_id=data.source_id,
        page_id=data.page_id,
        title=data.title[:255],
        body=data.body,
        audience=data.audience,
        member_state_id=data.member_state_id,
        language=data.language,
        date=data.date,
        anchor=data.anchor,
        document_id=data.document_id,
        content_key=data.content_key,
    )


def index_members_search(say: Callable[[str], None] = lambda line: None) -> int:
    """Every entry of the members' search, and the search backend's index of them, written
    here and now (the growth runs no worker to take the tasks it queued)."""
    say("  members' search: indexing …")
    # One transaction: ~40,000 entries written one by one in autocommit waited for as many
    # commits (most of the indexing's time); an interrupted indexing leaves no entry, and
    # the next growth indexes again (`grow`).
    with transaction.atomic(), override_settings(TASKS=DROPPED_TASKS):
        if SearchEntry.objects.exists():
            written = indexing.rebuild_all()
        else:
            # A first indexing: the same entries, written in bulk (`_write` upserts them one
            # by one, some 40,000 times four round trips at network size).
            written = len(SearchEntry.objects.bulk_create(_all_entries(), batch_size=500))
        index = get_search_backend().get_index_for_model(SearchEntry)
        entries = SearchEntry.objects.order_by("pk")
        for start in range(0, entries.count(), 500):
            index.add_items(SearchEntry, list(entries[start : start + 500]))
    return written


def grow(sizes: Sizes, say: Callable[[str], None] = lambda line: None) -> SiteStructure:
    """Seed the demo content, then grow to `sizes` (adding only what is missing)."""
    with transaction.atomic():
        seed_demo_content()
    structure = ensure_site_structure()
    with override_settings(TASKS=DROPPED_TASKS):
        grew = Grower(structure, sizes, say).run()
    if grew or not SearchEntry.objects.exists():
        index_members_search(say)
    settle()
    return structure


def settle() -> None:
    """The planner's statistics read and the tables written without their dead rows, as a
    live server's would be after autovacuum (this machine's PostgreSQL runs without it).
    Without statistics a freshly grown database plans every join for one row (a 7 ms query
    took 0.4 s). The growth rewrites what it writes (a page published is saved again, each
    search entry is written, then rewritten by the first indexing): the page table held
    7,556 dead rows beside its 3,954 live ones, the search tables ~43,000, every full read
    read them too, and PostgreSQL judged a full read of the search table cheaper than its
    index (a common word cost 2-3× as much). `VACUUM FULL` writes each table again without
    them; a plain `VACUUM` only marks their room free."""
    vacuum = connection.vendor == "postgresql" and not connection.in_atomic_block
    with connection.cursor() as cursor:
        cursor.execute("VACUUM (FULL, ANALYZE)" if vacuum else "ANALYZE")


@dataclass(frozen=True)
class Census:
    """What a database holds, as the bench reports it."""

    member_states: int
    focal_points: int
    meetings: int
    view_restrictions: int
    requests: int
    responses: int
    items: int
    groups: int
    publications: int
    news: int
    good_practices: int
    comments: int
    documents: int
    library_entries: int
    pages: int

    def summary(self) -> str:
        return (
            f"{self.member_states} states, {self.focal_points} Focal Points, {self.meetings} "
            f"meetings, {self.view_restrictions} view restrictions, {self.requests} requests "
            f"with {self.responses} responses, {self.comments} comments, {self.pages} pages"
        )

    def lines(self) -> list[str]:
        return [
            f"{field.name.replace('_', ' ')}: {getattr(self, field.name)}" for field in fields(self)
        ]


def census() -> Census:
    """Count what the measured pages stand on (source pages only, not their French aliases)."""
    sources = {"alias_of__isnull": True}
    return Census(
        member_states=MemberState.objects.count(),
        focal_points=MemberProfile.objects.filter(
            function__in=MemberProfile.STATE_FUNCTIONS
        ).count(),
        meetings=MeetingPage.objects.filter(**sources).count(),
        view_restrictions=PageViewRestriction.objects.count(),
        requests=InformationRequestPage.objects.filter(**sources).count(),
        responses=Response.objects.count(),
        items=InformationItemPage.objects.filter(**sources).count(),
        groups=ThematicGroupPage.objects.filter(**sources).count(),
        publications=PublicationPage.objects.live().count(),
        news=NewsItemPage.objects.live().count(),
        good_practices=GoodPracticePage.objects.live().count(),
        comments=MemberComment.objects.count(),
        documents=get_document_model().objects.count(),
        library_entries=LibraryEntry.objects.count(),
        pages=Page.objects.count(),
    )

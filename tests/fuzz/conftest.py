"""Pages, people and hypothesis settings for the fuzz tests.

The "ci" profile is reproducible (derandomized, no example database); `HYPOTHESIS_PROFILE=deep`
searches much longer, with fresh randomness. Hypothesis keeps its caches in the system's
temporary folder, never in a `.hypothesis` folder of the repository.
"""

import os
import tempfile
from dataclasses import dataclass
from datetime import timedelta

import pytest
from django.utils import timezone
from django_otp.plugins.otp_totp.models import TOTPDevice
from hypothesis import HealthCheck, settings
from wagtail.models import Page

from home.models import NewsItemPage
from home.site_setup import ensure_public_indexes
from network_pages.accounts.devices import replace_backup_codes
from network_pages.community.factories import make_comment
from network_pages.community.models import MemberComment
from network_pages.community.site_setup import ensure_community_pages
from network_pages.factories import add_totp_device
from network_pages.information.factories import ensure_information_indexes, make_request
from network_pages.meetings.agenda import submit_suggestion
from network_pages.meetings.factories import days_from_today, make_meeting
from network_pages.meetings.site_setup import ensure_meetings_index
from tests.conftest import sign_in
from workflows.gate import acting_as_system

os.environ.setdefault(
    "HYPOTHESIS_STORAGE_DIRECTORY", os.path.join(tempfile.gettempdir(), "nfp-site-hypothesis")
)
SLOW_EXAMPLES = [HealthCheck.function_scoped_fixture, HealthCheck.too_slow]

settings.register_profile(
    "ci",
    derandomize=True,
    deadline=None,
    max_examples=25,
    database=None,
    suppress_health_check=SLOW_EXAMPLES,
)
settings.register_profile(
    "deep",
    derandomize=False,
    deadline=None,
    max_examples=500,
    database=None,
    suppress_health_check=SLOW_EXAMPLES,
)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "ci"))


@pytest.fixture
def working_methods(network) -> Page:
    """A restricted page that takes members' comments."""
    return ensure_community_pages(network)["working_methods"]


@pytest.fixture
def own_comment(working_methods, focal_point) -> MemberComment:
    """The Focal Point's comment, just posted: still within its 15 minutes of editing."""
    return make_comment(working_methods, focal_point, "My first thought on clause 4.6.")


@pytest.fixture
def others_comment(working_methods, other_focal_point) -> MemberComment:
    return make_comment(working_methods, other_focal_point, "A comment to reply to.")


@pytest.fixture
def member_client(client, focal_point):
    """A Focal Point, signed in with both factors."""
    return sign_in(client, focal_point)


@pytest.fixture
def request_page(network, focal_point):
    """An open request for information with three questions, due in 20 days."""
    return make_request(
        ensure_information_indexes(network)[0],
        title="Reception of unaccompanied minors",
        questions=(
            "Which authority receives unaccompanied minors?",
            "How is the age of a young applicant assessed?",
            "Which guardianship measures apply on arrival?",
        ),
        deadline=timezone.localdate() + timedelta(days=20),
    )


EXISTING_SUGGESTION = "Age assessment of children"


@pytest.fixture
def meeting(network, focal_point):
    """A plenary 90 days ahead, its agenda still a draft, with one suggestion already made
    by the Focal Point."""
    page = make_meeting(
        ensure_meetings_index(network),
        title="Plenary meeting 2030",
        opening=days_from_today(90),
        slug="plenary-2030",
    )
    submit_suggestion(page, focal_point, title=EXISTING_SUGGESTION, rationale="Practices differ.")
    return page


@pytest.fixture
def public_news(homes, network) -> list[Page]:
    """Twelve public news items in English about migration: more than one page of results."""
    index = ensure_public_indexes(homes)["en"]["newsindexpage"]
    news = []
    for number in range(12):
        item = NewsItemPage(title=f"Migration news {number}", intro="Migration in Europe")
        with acting_as_system("test arrangement: content the joint approval released"):
            index.add_child(instance=item)
            item.save_revision().publish()
        news.append(item)
    return news


@dataclass(frozen=True)
class SecondFactor:
    authenticator: TOTPDevice
    backup_codes: list[str]


@pytest.fixture
def second_factor(focal_point) -> SecondFactor:
    """The Focal Point's authenticator app (RFC 6238's test key) and backup codes."""
    device = add_totp_device(focal_point, key="3132333435363738393031323334353637383930")
    return SecondFactor(device, replace_backup_codes(focal_point))

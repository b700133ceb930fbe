"""The comment rate limit still holds against hostile drafts, and answers with a clear
message and the draft kept, never with a server error."""

import pytest
from hypothesis import given, settings

from network_pages.community.comments import rate_limit
from network_pages.community.models import MemberComment
from network_pages.community.models.member_comment import MAX_LENGTH

from .isolation import fresh_example
from .markup import field_value, injected_markup, parse, squeezed
from .strategies import hostile_text
from .wire import as_received, body_of, post_form

pytestmark = pytest.mark.django_db


def postable(text: str) -> bool:
    received = as_received(text).strip()
    return bool(received) and len(received) <= MAX_LENGTH and "\x00" not in received


postable_text = hostile_text().filter(postable)


@settings(max_examples=5)
@given(accepted=postable_text, refused=postable_text)
def test_eleventh_hostile_comment_in_ten_minutes_gets_the_limit_message_and_keeps_the_draft(
    member_client, working_methods, accepted, refused
):
    url = f"{working_methods.url}comments/"
    with fresh_example():
        for _ in range(rate_limit.COMMENTS_PER_WINDOW):
            assert post_form(member_client, url, {"body": accepted}).status_code == 302
        before = MemberComment.objects.count()

        response = post_form(member_client, url, {"body": refused})

        page = parse(body_of(response))
        assert response.status_code == 429
        assert "You have posted 10 comments in the last 10 minutes." in page.alerts
        assert squeezed(field_value(page, "body") or "") == squeezed(as_received(refused))
        assert injected_markup(page) == []
        assert MemberComment.objects.count() == before

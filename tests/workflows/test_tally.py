"""3.3: the tally rules themselves, on plain data."""

import pytest

from workflows.tally import (
    Party,
    Vote,
    approval_refusals,
    build_tally,
    open_parties,
    validate_parties,
)

NETWORK, DMR = 1, 2
NAMES = {NETWORK: "Network approvers", DMR: "DMR Secretariat"}
PARTIES = [Party(NETWORK, quorum=2), Party(DMR, quorum=1, precaution_review=True)]


def refusals(votes, *, user_id=10, groups=frozenset({NETWORK}), party=None, authors=()):
    return approval_refusals(
        build_tally(PARTIES, NAMES, votes),
        user_id=user_id,
        user_group_ids=set(groups),
        party_group_id=party,
        author_ids=set(authors),
    )


def test_task_is_complete_only_when_every_party_reached_its_quorum():
    partial = build_tally(PARTIES, NAMES, [Vote(10, NETWORK), Vote(11, NETWORK)])
    complete = build_tally(PARTIES, NAMES, [Vote(10, NETWORK), Vote(11, NETWORK), Vote(12, DMR)])

    assert not partial.complete
    assert [party.name for party in partial.waiting()] == ["DMR Secretariat"]
    assert complete.complete
    assert complete.summary() == "Network approvers 2/2, DMR Secretariat 1/1"


def test_votes_for_a_group_that_is_no_longer_a_party_do_not_count():
    tally = build_tally(PARTIES, NAMES, [Vote(10, 99)])

    assert tally.voter_ids == set()


def test_one_person_counts_for_one_party_only():
    reasons = refusals([Vote(10, NETWORK)], user_id=10, groups={NETWORK, DMR}, party=DMR)

    assert reasons == ["You have already approved this version; one person counts for one party."]


def test_the_author_of_the_revision_cannot_approve_it():
    assert refusals([], user_id=10, authors={10}) == [
        "You wrote this version: someone else must approve it."
    ]


def test_a_party_that_reached_its_quorum_takes_no_more_approvals():
    reasons = refusals([Vote(12, DMR)], user_id=13, groups={DMR}, party=DMR)

    assert reasons == ["DMR Secretariat has already approved this version."]


def test_nobody_approves_for_a_party_they_do_not_belong_to():
    assert refusals([], user_id=10, groups={NETWORK}, party=DMR) == [
        "You may only approve for a party you are a member of."
    ]
    assert refusals([], user_id=10, groups=set()) == [
        "You are not a member of any party to this approval."
    ]


def test_a_member_of_both_parties_chooses_among_the_open_ones():
    tally = build_tally(PARTIES, NAMES, [Vote(12, DMR)])

    assert [p.name for p in open_parties(tally, {NETWORK, DMR})] == ["Network approvers"]
    assert refusals([Vote(12, DMR)], user_id=10, groups={NETWORK, DMR}) == []


@pytest.mark.parametrize(
    ("value", "reason"),
    [
        ([], "Add at least one party."),
        ([{"quorum": 1}], "Each party needs a group."),
        ([{"group": 1, "quorum": 0}], "A quorum is at least 1."),
        ([{"group": 1, "quorum": "two"}], "Each party needs a group and a whole-number quorum."),
        ([{"group": 1}, {"group": 1, "quorum": 2}], "A group can be only one party."),
    ],
)
def test_party_configuration_is_validated(value, reason):
    with pytest.raises(ValueError, match=reason):
        validate_parties(value)


def test_party_quorum_defaults_to_one():
    assert validate_parties([{"group": 3}]) == [Party(3, quorum=1, precaution_review=False)]

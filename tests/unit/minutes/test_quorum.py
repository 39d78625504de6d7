"""The quorum and majority rules at every boundary issue 15 names (支部工作条例 art. 11 and 12,
基层组织选举工作条例 art. 16), and the impossible figures the engine refuses."""

from __future__ import annotations

import pytest

from dangqun.core.errors import ValidationError
from dangqun.minutes.quorum import (
    COMMITTEE_RULE,
    ELECTION_RULE,
    EVALUATION_RULE,
    GENERAL_MEETING_RULE,
    VoteCount,
    judge,
    voting_rule_applies,
)
from dangqun.minutes.vocabulary import DecisionKind, MeetingType

GENERAL = MeetingType.GENERAL_MEETING
RESOLUTION = DecisionKind.RESOLUTION
ELECTION = DecisionKind.ELECTION


def count(should_attend: int, present: int, yes: int, no: int = 0, abstain: int = 0) -> VoteCount:
    return VoteCount(should_attend=should_attend, present=present, yes=yes, no=no, abstain=abstain)


# --- 支部党员大会 (art. 11): more than half present to vote ---------------------------------


def test_general_meeting_with_exactly_half_present_may_not_vote() -> None:
    verdict = judge(GENERAL, RESOLUTION, count(20, 10, 10))
    assert not verdict.may_vote and not verdict.passed
    assert verdict.present_needed == 11
    assert "须超过 10 人" in verdict.explanation and "不能表决" in verdict.explanation


def test_general_meeting_with_one_more_than_half_present_may_vote() -> None:
    verdict = judge(GENERAL, RESOLUTION, count(20, 11, 11))
    assert verdict.may_vote and verdict.passed
    assert verdict.rule == GENERAL_MEETING_RULE and "第十一条" in verdict.rule


def test_general_meeting_odd_roster_needs_more_than_the_half_person() -> None:
    assert not judge(GENERAL, RESOLUTION, count(21, 10, 10)).may_vote
    verdict = judge(GENERAL, RESOLUTION, count(21, 11, 11))
    assert verdict.may_vote and verdict.passed
    assert verdict.present_needed == 11 and verdict.yes_needed == 11
    assert verdict.explanation == (
        "应到 21 人，实到 11 人（须超过 10.5 人）；赞成 11 票、反对 0 票、弃权 0 票"
        "（赞成须超过 10.5 票）：通过"
    )


# --- 支部党员大会 (art. 11): yes from more than half of those who SHOULD attend ---------------


def test_yes_from_exactly_half_of_those_who_should_attend_fails() -> None:
    verdict = judge(GENERAL, RESOLUTION, count(20, 15, 10, 5))
    assert verdict.may_vote and not verdict.passed
    assert verdict.yes_needed == 11
    assert verdict.explanation.endswith("：未通过")


def test_yes_from_one_more_than_half_of_those_who_should_attend_passes() -> None:
    verdict = judge(GENERAL, RESOLUTION, count(20, 15, 11, 4))
    assert verdict.may_vote and verdict.passed


def test_a_majority_of_those_present_is_not_enough() -> None:
    """8 of 12 present say yes (two thirds of the room) but 8 is not more than half of 20."""
    verdict = judge(GENERAL, RESOLUTION, count(20, 12, 8, 4))
    assert verdict.may_vote and not verdict.passed


def test_without_a_quorum_nothing_passes_even_unanimously() -> None:
    verdict = judge(GENERAL, RESOLUTION, count(3, 1, 1))
    assert not verdict.may_vote and not verdict.passed


# --- 选举 (选举工作条例 art. 16): more than four fifths present --------------------------------


def test_election_with_exactly_four_fifths_present_is_not_valid() -> None:
    verdict = judge(GENERAL, ELECTION, count(20, 16, 16))
    assert not verdict.may_vote and not verdict.passed
    assert verdict.present_needed == 17
    assert "须超过 16 人" in verdict.explanation


def test_election_with_one_more_than_four_fifths_present_is_valid() -> None:
    verdict = judge(GENERAL, ELECTION, count(20, 17, 11, 6))
    assert verdict.may_vote and verdict.passed
    assert verdict.rule == ELECTION_RULE and "第十六条" in verdict.rule
    assert verdict.explanation.endswith("：当选")


def test_election_four_fifths_of_a_roster_not_divisible_by_five() -> None:
    """4/5 of 21 is 16.8: 16 present is too few, 17 enough — no float rounding decides it."""
    assert not judge(GENERAL, ELECTION, count(21, 16, 16)).may_vote
    verdict = judge(GENERAL, ELECTION, count(21, 17, 11))
    assert verdict.may_vote and verdict.present_needed == 17
    assert "须超过 16.8 人" in verdict.explanation


def test_a_quorum_for_resolutions_is_no_quorum_for_an_election() -> None:
    assert judge(GENERAL, RESOLUTION, count(20, 15, 15)).may_vote
    assert not judge(GENERAL, ELECTION, count(20, 15, 15)).may_vote


def test_elected_needs_more_than_half_of_those_who_should_attend() -> None:
    at_half = judge(GENERAL, ELECTION, count(20, 18, 10, 8))
    assert at_half.may_vote and not at_half.passed
    assert at_half.explanation.endswith("：未当选")
    assert judge(GENERAL, ELECTION, count(20, 18, 11, 7)).passed


# --- 支部委员会 (art. 12) -----------------------------------------------------------------


def test_committee_with_exactly_half_present_may_not_meet() -> None:
    assert not judge(MeetingType.COMMITTEE, RESOLUTION, count(4, 2, 2)).may_vote


def test_committee_with_one_more_than_half_present_decides_by_half_of_its_members() -> None:
    verdict = judge(MeetingType.COMMITTEE, RESOLUTION, count(5, 3, 3))
    assert verdict.may_vote and verdict.passed
    assert verdict.rule == COMMITTEE_RULE and "第十二条" in verdict.rule
    two_of_five = judge(MeetingType.COMMITTEE, RESOLUTION, count(5, 3, 2, 1))
    assert two_of_five.may_vote and not two_of_five.passed


def test_committee_electing_its_secretary_follows_the_election_rule() -> None:
    verdict = judge(MeetingType.COMMITTEE, ELECTION, count(5, 4, 4))
    assert not verdict.may_vote  # 4 of 5 is exactly four fifths
    assert judge(MeetingType.COMMITTEE, ELECTION, count(5, 5, 3, 2)).passed


def test_evaluation_votes_by_the_general_meeting_rule() -> None:
    verdict = judge(MeetingType.EVALUATION, RESOLUTION, count(20, 11, 11))
    assert verdict.may_vote and verdict.passed and verdict.rule == EVALUATION_RULE
    assert verdict.rule.startswith(GENERAL_MEETING_RULE)


# --- which meetings vote -------------------------------------------------------------------


@pytest.mark.parametrize(
    ("meeting_type", "votes"),
    [
        (MeetingType.GENERAL_MEETING, True),
        (MeetingType.COMMITTEE, True),
        (MeetingType.EVALUATION, True),
        (MeetingType.GROUP_MEETING, False),
        (MeetingType.PARTY_LESSON, False),
        (MeetingType.THEME_DAY, False),
        (MeetingType.LIFE_MEETING, False),
        (MeetingType.DELIBERATION, False),
        (MeetingType.OTHER, False),
    ],
)
def test_voting_rule_applies_only_where_the_rules_give_a_vote(
    meeting_type: MeetingType, votes: bool
) -> None:
    assert voting_rule_applies(meeting_type) is votes


def test_a_meeting_type_without_votes_is_refused() -> None:
    with pytest.raises(ValidationError) as refused:
        judge(MeetingType.PARTY_LESSON, RESOLUTION, count(10, 8, 8))
    assert (
        refused.value.message_for("meeting_type") == "会议类型“党课”不进行表决，没有到会和表决规则"
    )


def test_an_election_at_a_meeting_that_elects_nobody_is_refused() -> None:
    with pytest.raises(ValidationError) as refused:
        judge(MeetingType.EVALUATION, ELECTION, count(10, 9, 9))
    assert "不进行选举" in (refused.value.message_for("decision") or "")


# --- impossible figures ----------------------------------------------------------------------


def test_zero_should_attend_is_no_quorum_not_an_error() -> None:
    verdict = judge(GENERAL, RESOLUTION, count(0, 0, 0))
    assert not verdict.may_vote and not verdict.passed
    assert verdict.present_needed == 1 and verdict.yes_needed == 1
    assert "没有应到会的有表决权党员" in verdict.explanation
    assert not judge(GENERAL, ELECTION, count(0, 0, 0)).may_vote


def test_more_present_than_should_attend_is_refused() -> None:
    with pytest.raises(ValidationError) as refused:
        judge(GENERAL, RESOLUTION, count(10, 11, 6))
    assert refused.value.message_for("present") == (
        "实到人数（11）不能多于应到人数（10）：应到人数只数有表决权、应当到会的党员"
    )


def test_present_equal_to_should_attend_is_accepted() -> None:
    assert judge(GENERAL, RESOLUTION, count(10, 10, 6)).passed


def test_tallies_larger_than_those_present_are_refused() -> None:
    with pytest.raises(ValidationError) as refused:
        judge(GENERAL, RESOLUTION, count(20, 12, 8, 3, 2))
    assert (
        refused.value.message_for("yes") == "赞成、反对、弃权票数合计（13）不能多于实到人数（12）"
    )


def test_tallies_equal_to_those_present_are_accepted() -> None:
    assert judge(GENERAL, RESOLUTION, count(20, 12, 11, 1, 0)).passed


def test_negative_figures_are_refused_field_by_field() -> None:
    with pytest.raises(ValidationError) as refused:
        judge(GENERAL, RESOLUTION, VoteCount(should_attend=-1, present=0, yes=0, no=-2, abstain=0))
    assert refused.value.message_for("should_attend") == "应到人数不能是负数（-1）"
    assert refused.value.message_for("no") == "反对票数不能是负数（-2）"
    assert refused.value.message_for("present") is None


def test_figures_that_are_not_whole_numbers_are_refused() -> None:
    half_person = VoteCount(should_attend=10.5, present=6, yes=6, no=0, abstain=0)  # type: ignore[arg-type]
    with pytest.raises(ValidationError) as refused:
        judge(GENERAL, RESOLUTION, half_person)
    assert refused.value.message_for("should_attend") == "应到人数应为整数"
    flag = VoteCount(should_attend=10, present=True, yes=0, no=0, abstain=0)
    with pytest.raises(ValidationError):
        judge(GENERAL, RESOLUTION, flag)


def test_all_problems_are_reported_at_once() -> None:
    with pytest.raises(ValidationError) as refused:
        judge(GENERAL, RESOLUTION, count(5, 6, 5, 2))
    assert {error.field for error in refused.value.errors} == {"present", "yes"}

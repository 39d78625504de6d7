"""Properties of the quorum engine over all small figures (hypothesis): the verdicts agree with
the rules written as fractions (支部工作条例 art. 11, 12; 选举工作条例 art. 16), and the
``*_needed`` figures really are the smallest that suffice."""

from __future__ import annotations

from fractions import Fraction

from hypothesis import given
from hypothesis import strategies as st

from dangqun.minutes.quorum import VoteCount, judge
from dangqun.minutes.vocabulary import DecisionKind, MeetingType

VOTING_TYPES = st.sampled_from(
    [MeetingType.GENERAL_MEETING, MeetingType.COMMITTEE, MeetingType.EVALUATION]
)
ELECTING_TYPES = st.sampled_from([MeetingType.GENERAL_MEETING, MeetingType.COMMITTEE])


@st.composite
def possible_counts(draw: st.DrawFn) -> VoteCount:
    should_attend = draw(st.integers(0, 400))
    present = draw(st.integers(0, should_attend))
    yes = draw(st.integers(0, present))
    no = draw(st.integers(0, present - yes))
    abstain = draw(st.integers(0, present - yes - no))
    return VoteCount(should_attend, present, yes, no, abstain)


def with_figures(count: VoteCount, present: int, yes: int) -> VoteCount:
    return VoteCount(count.should_attend, present, yes, 0, 0)


@given(VOTING_TYPES, possible_counts())
def test_resolutions_follow_more_than_half_written_as_a_fraction(
    meeting_type: MeetingType, count: VoteCount
) -> None:
    verdict = judge(meeting_type, DecisionKind.RESOLUTION, count)
    half = Fraction(count.should_attend, 2)
    assert verdict.may_vote == (count.present > half)
    assert verdict.passed == (count.present > half and count.yes > half)


@given(ELECTING_TYPES, possible_counts())
def test_elections_follow_more_than_four_fifths_written_as_a_fraction(
    meeting_type: MeetingType, count: VoteCount
) -> None:
    verdict = judge(meeting_type, DecisionKind.ELECTION, count)
    assert verdict.may_vote == (count.present > Fraction(4 * count.should_attend, 5))
    assert verdict.passed == (verdict.may_vote and count.yes > Fraction(count.should_attend, 2))


@given(VOTING_TYPES, st.sampled_from(list(DecisionKind)), possible_counts())
def test_the_needed_figures_are_the_smallest_that_suffice(
    meeting_type: MeetingType, decision: DecisionKind, count: VoteCount
) -> None:
    if decision is DecisionKind.ELECTION and meeting_type is MeetingType.EVALUATION:
        meeting_type = MeetingType.GENERAL_MEETING
    verdict = judge(meeting_type, decision, count)
    should = count.should_attend
    if verdict.present_needed <= should:
        full = judge(meeting_type, decision, with_figures(count, verdict.present_needed, 0))
        assert full.may_vote
    short = judge(meeting_type, decision, with_figures(count, verdict.present_needed - 1, 0))
    assert not short.may_vote
    if should > 0:
        assert verdict.present_needed <= should and verdict.yes_needed <= should
        room = with_figures(count, should, verdict.yes_needed)
        assert judge(meeting_type, decision, room).passed
        one_less = with_figures(count, should, verdict.yes_needed - 1)
        assert not judge(meeting_type, decision, one_less).passed
    assert verdict.passed <= verdict.may_vote

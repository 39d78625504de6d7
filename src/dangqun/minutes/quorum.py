"""The quorum and majority engine: may a meeting vote, and did a resolution pass (issue 15)?

No Qt, no database: the resolution service, the meeting editor and ``dangqun minutes
vote-check`` all ask :func:`judge` with the same figures, so a screen, a printed record and a
trainer's command line can never disagree about one vote.

Who counts (DOMAIN.md §4; 《中国共产党基层组织选举工作条例》 art. 5): only members with a vote.
Probationary members (预备党员) and members under 留党察看 have no vote, no right to elect and
none to be elected, so the *caller* leaves them out of every figure it passes in — out of
``should_attend`` and ``present`` as well as out of the tallies. Members excused from attending
for a recorded reason the rules allow (long illness, away over six months) are left out of
``should_attend`` too. The engine cannot tell such people apart from the numbers, which is why
:class:`VoteCount` takes voting members only.

Arithmetic is exact: "more than half of n" is ``2 * k > n`` and "more than four fifths of n" is
``5 * k > 4 * n``, never a float compared with ``n / 2``, so 10.5 and 16.8 are boundaries no
rounding can move. The thresholds are printed as exact decimals for the same reason.
"""

from __future__ import annotations

from dataclasses import dataclass

from dangqun.core.errors import FieldError, ValidationError
from dangqun.minutes.vocabulary import (
    DECISION_KIND_LABELS,
    MEETING_TYPE_LABELS,
    DecisionKind,
    MeetingType,
)

GENERAL_MEETING_RULE = (
    "《中国共产党支部工作条例（试行）》第十一条：有表决权的党员到会人数超过半数方可进行表决；"
    "表决时赞成人数超过应到会有表决权党员的半数为通过"
)
EVALUATION_RULE = GENERAL_MEETING_RULE + "（民主评议党员中的表决由支部党员大会作出）"
COMMITTEE_RULE = (
    "《中国共产党支部工作条例（试行）》第十二条：支部委员会会议须有超过半数的委员到会方可进行；"
    "表决以赞成人数超过应到会委员的半数为通过（参照第十一条）"
)
ELECTION_RULE = (
    "《中国共产党基层组织选举工作条例》第十六条：有选举权的到会人数超过应到会人数的五分之四，"
    "选举有效；被选举人获得的赞成票超过应到会有选举权人数的半数，始得当选"
)

_VOTING_TYPES = frozenset(
    {MeetingType.GENERAL_MEETING, MeetingType.COMMITTEE, MeetingType.EVALUATION}
)
_ELECTING_TYPES = frozenset({MeetingType.GENERAL_MEETING, MeetingType.COMMITTEE})

_FIELD_LABELS = {
    "should_attend": "应到人数",
    "present": "实到人数",
    "yes": "赞成票数",
    "no": "反对票数",
    "abstain": "弃权票数",
}


@dataclass(frozen=True)
class VoteCount:
    """The figures of one vote, counting voting members only (see the module docstring)."""

    should_attend: int
    """Voting members who should attend (应到有表决权党员): excused members, probationary
    members and members under 留党察看 are not counted."""
    present: int
    """Voting members present (实到有表决权党员)."""
    yes: int
    no: int
    abstain: int


@dataclass(frozen=True)
class Verdict:
    """What the rule says about one vote, in words a record can keep as they are."""

    may_vote: bool
    """The quorum for this meeting type and decision kind is reached."""
    passed: bool
    """The resolution passed (the candidate was elected); always False without a quorum."""
    rule: str
    """The rule applied, in Chinese, citing its article."""
    explanation: str
    """The figures against the thresholds and the outcome, in Chinese."""
    present_needed: int
    """The smallest number present that reaches the quorum."""
    yes_needed: int
    """The smallest number of yes votes that passes."""


def voting_rule_applies(meeting_type: MeetingType) -> bool:
    """Whether resolutions with tallies are recorded for this meeting type at all.

    Votes are taken by the 支部党员大会 (支部工作条例 art. 11, its duties include 讨论和表决接收
    预备党员 and 讨论决定对党员的组织处置) and by the 支部委员会 (art. 12: 对党支部重要工作
    进行讨论、作出决定). 民主评议党员 ends in such decisions (e.g. on a member found 不合格),
    taken by the members' assembly under art. 11, so it votes with art. 11's rule.
    党小组会 carries out the branch's decisions and decides nothing of its own (art. 13);
    党课, 主题党日 and 组织生活会 (art. 17: criticism and self-criticism) are study and
    organizational life without resolutions; 议事协商/逢四说事 gathers residents and units, whose
    agreements are not party votes; "其他" has no rule to apply. Those record no tallies.
    """
    return meeting_type in _VOTING_TYPES


def judge(meeting_type: MeetingType, decision: DecisionKind, count: VoteCount) -> Verdict:
    """The verdict on one vote, or ValidationError for figures that cannot happen.

    - 支部党员大会 and 民主评议党员, 决议 (支部工作条例 art. 11): more than half of the voting
      members who should attend present; passed with yes from more than half of those who
      should attend (not of those present: an absent member counts as not in favour).
    - 支部委员会, 决议 (art. 12): more than half of the committee members present. Art. 12 sets
      no passing threshold; we apply art. 11's measure (yes from more than half of the members
      who should attend), the same as 《中国共产党地方委员会工作条例》's "表决以超过应到会委员
      半数同意为通过", so a committee decision never passes with fewer votes than a meeting of
      the whole branch would need.
    - 选举 (基层组织选举工作条例 art. 16), at a 支部党员大会 or a 支部委员会 electing its
      secretary: more than four fifths of those entitled to vote present; elected with yes from
      more than half of those entitled to vote who should attend (DOMAIN.md §4, issue 15).

    Zero members who should attend is no quorum (nobody can reach "more than half of none"),
    not an error: a branch whose voting members are all excused simply cannot vote.
    """
    _check(meeting_type, decision, count)
    if decision is DecisionKind.ELECTION:
        rule = ELECTION_RULE
        present_needed = 4 * count.should_attend // 5 + 1
        may_vote = 5 * count.present > 4 * count.should_attend
        present_threshold = _fifths(4 * count.should_attend)
    else:
        rule = {
            MeetingType.GENERAL_MEETING: GENERAL_MEETING_RULE,
            MeetingType.EVALUATION: EVALUATION_RULE,
            MeetingType.COMMITTEE: COMMITTEE_RULE,
        }[meeting_type]
        present_needed = count.should_attend // 2 + 1
        may_vote = 2 * count.present > count.should_attend
        present_threshold = _halves(count.should_attend)
    yes_needed = count.should_attend // 2 + 1
    passed = may_vote and 2 * count.yes > count.should_attend
    attendance = (
        f"应到 {count.should_attend} 人，实到 {count.present} 人（须超过 {present_threshold} 人）"
    )
    if count.should_attend == 0:
        explanation = f"{attendance}：没有应到会的有表决权党员，不能表决"
    elif not may_vote:
        explanation = f"{attendance}：到会人数不足，不能表决"
    else:
        success, failure = (
            ("当选", "未当选") if decision is DecisionKind.ELECTION else ("通过", "未通过")
        )
        explanation = (
            f"{attendance}；赞成 {count.yes} 票、反对 {count.no} 票、弃权 {count.abstain} 票"
            f"（赞成须超过 {_halves(count.should_attend)} 票）：{success if passed else failure}"
        )
    return Verdict(
        may_vote=may_vote,
        passed=passed,
        rule=rule,
        explanation=explanation,
        present_needed=present_needed,
        yes_needed=yes_needed,
    )


def _check(meeting_type: MeetingType, decision: DecisionKind, count: VoteCount) -> None:
    """Refuse, all at once, figures no real meeting can produce (issue 15: "expected attendance
    smaller than present", "tallies larger than the voters present")."""
    errors: list[FieldError] = []
    type_label = MEETING_TYPE_LABELS[meeting_type]
    if not voting_rule_applies(meeting_type):
        errors.append(
            FieldError("meeting_type", f"会议类型“{type_label}”不进行表决，没有到会和表决规则")
        )
    elif decision is DecisionKind.ELECTION and meeting_type not in _ELECTING_TYPES:
        errors.append(
            FieldError(
                "decision",
                f"“{type_label}”不进行{DECISION_KIND_LABELS[decision]}；"
                "选举在支部党员大会（或支部委员会选举书记、副书记）上进行",
            )
        )
    figures = {name: getattr(count, name) for name in _FIELD_LABELS}
    for name, value in figures.items():
        if type(value) is not int:
            errors.append(FieldError(name, f"{_FIELD_LABELS[name]}应为整数"))
        elif value < 0:
            errors.append(FieldError(name, f"{_FIELD_LABELS[name]}不能是负数（{value}）"))
    if errors:
        raise ValidationError(errors)
    if count.present > count.should_attend:
        errors.append(
            FieldError(
                "present",
                f"实到人数（{count.present}）不能多于应到人数（{count.should_attend}）："
                "应到人数只数有表决权、应当到会的党员",
            )
        )
    cast = count.yes + count.no + count.abstain
    if cast > count.present:
        errors.append(
            FieldError(
                "yes",
                f"赞成、反对、弃权票数合计（{cast}）不能多于实到人数（{count.present}）",
            )
        )
    if errors:
        raise ValidationError(errors)


def _halves(number: int) -> str:
    """``number / 2`` written exactly: 21 → "10.5", 20 → "10"."""
    whole, rest = divmod(number, 2)
    return f"{whole}.5" if rest else str(whole)


def _fifths(number: int) -> str:
    """``number / 5`` written exactly (one decimal always suffices): 84 → "16.8", 80 → "16"."""
    whole, rest = divmod(number, 5)
    return f"{whole}.{rest * 2}" if rest else str(whole)

"""Resolutions and votes: tallies or per-person votes, written opinions, and the verdict
stored with each resolution (issue 15 "Rules and bad input", DOMAIN §4).

* Tallies larger than the voting members present are refused (:func:`dangqun.minutes.quorum.
  judge` with the meeting's own figures), and a resolution the engine says failed cannot be
  recorded as passed;
* written opinions submitted before the meeting count only in votes on admitting a member
  (《中国共产党发展党员工作细则》: 因故不能到会的有表决权的正式党员在会前提出的书面意见应当统计在票数内),
  only from voting members 缺席 or 请假 (:func:`may_give_written_opinion`), submitted on or
  before the meeting date, one each; they count in the tally, never in the quorum;
* meeting types that do not vote (:func:`dangqun.minutes.quorum.voting_rule_applies`) record
  conclusions without tallies.

:func:`judge_resolution` and :func:`written_opinion_candidates` need no database: the editor
uses them while the clerk types, and the service stores the same verdict.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from dangqun.core.db import Database
from dangqun.core.errors import FieldError, ValidationError
from dangqun.core.security import Actor, Permission
from dangqun.minutes import quorum
from dangqun.minutes.editing import (
    clean_text,
    find_meeting,
    refuse_if_locked,
    refuse_if_not_started,
    reindex,
    required_text,
)
from dangqun.minutes.models import Meeting, PersonalVote, Resolution, WrittenOpinion
from dangqun.minutes.record import (
    AttendanceView,
    Figures,
    ResolutionView,
    attendance_views,
    figures_of,
    read_meeting,
)
from dangqun.minutes.vocabulary import (
    DECISION_KIND_LABELS,
    MEETING_TYPE_LABELS,
    AttendanceStatus,
    DecisionKind,
    MeetingType,
    Vote,
)


@dataclass(frozen=True)
class OpinionEntry:
    member_id: int
    vote: Vote
    submitted_on: date
    text: str | None = None


@dataclass(frozen=True)
class ResolutionEntry:
    text: str
    decision_kind: DecisionKind = DecisionKind.RESOLUTION
    yes: int | None = None
    no: int | None = None
    abstain: int | None = None
    votes: tuple[tuple[int, Vote], ...] = ()
    """Per-person votes ``(member_id, vote)`` instead of tallies; the tallies are counted."""
    opinions: tuple[OpinionEntry, ...] = ()
    on_admission: bool = False
    recorded_as_passed: bool | None = None
    """What the paper says (通过 True / 未通过 False); None: take the engine's verdict. Recording
    a failed resolution as passed is refused."""


def delete_resolutions(session: Session, meeting_id: int) -> None:
    """Remove a meeting's resolutions with their personal votes and written opinions (the
    children first): :func:`set_resolutions` replaces the whole list, and deleting a draft
    meeting removes it all."""
    rows = session.scalars(select(Resolution).where(Resolution.meeting_id == meeting_id)).all()
    if rows:
        ids = [row.id for row in rows]
        for model in (PersonalVote, WrittenOpinion):
            for child in session.scalars(select(model).where(model.resolution_id.in_(ids))):
                session.delete(child)
        session.flush()
    for row in rows:
        session.delete(row)
    session.flush()


def may_give_written_opinion(line: AttendanceView) -> bool:
    """Whether ``line``'s member may have a written opinion counted: a voting member on the list
    (not 列席) who was 缺席 or 请假 — "因故不能到会的有表决权的正式党员" (《中国共产党发展党员工作
    细则》, quoted above). Those left out of 应到 (不计入应到) are not among the members the vote
    is measured against, so their opinion cannot count either. The editor offers exactly these
    members (:func:`written_opinion_candidates`)."""
    return (
        line.voting
        and not line.observer
        and line.status in (AttendanceStatus.ABSENT.value, AttendanceStatus.LEAVE.value)
    )


def written_opinion_candidates(
    lines: tuple[AttendanceView, ...] | list[AttendanceView],
) -> list[AttendanceView]:
    """The members of an attendance list whose written opinion may count in a vote on admitting
    a member (:func:`may_give_written_opinion`), in list order — what the editor offers."""
    return [line for line in lines if may_give_written_opinion(line)]


def judge_resolution(
    meeting_type: MeetingType,
    decision_kind: DecisionKind,
    figures: Figures,
    counts: tuple[int, int, int],
    opinions: tuple[Vote, ...] = (),
) -> quorum.Verdict:
    """The verdict on a vote with the meeting's figures: :func:`quorum.judge` on 应到 and 实到
    有表决权党员; written opinions (their votes) are added to the tally and to those who took
    part after the quorum was judged on the members present — they count in the tally, never in
    the quorum (发展党员工作细则) — and the explanation says so ("计入书面意见 N 份后：").
    The service stores this verdict; the editor shows it while the clerk types. Raises
    ValidationError for figures that cannot happen."""
    count = quorum.VoteCount(figures.voting_should_attend, figures.voting_present, *counts)
    verdict = quorum.judge(meeting_type, decision_kind, count)
    if not opinions:
        return verdict
    extra = {vote: opinions.count(vote) for vote in Vote}
    with_opinions = quorum.judge(
        meeting_type,
        decision_kind,
        quorum.VoteCount(
            figures.voting_should_attend,
            figures.voting_present + len(opinions),
            counts[0] + extra[Vote.YES],
            counts[1] + extra[Vote.NO],
            counts[2] + extra[Vote.ABSTAIN],
        ),
    )
    return quorum.Verdict(
        may_vote=verdict.may_vote,
        passed=verdict.may_vote and with_opinions.passed,
        rule=verdict.rule,
        explanation=f"{verdict.explanation}；计入书面意见 {len(opinions)} 份后：{with_opinions.explanation}",
        present_needed=verdict.present_needed,
        yes_needed=with_opinions.yes_needed,
    )


@dataclass
class _Judged:
    entry: ResolutionEntry
    voted: bool
    yes: int | None = None
    no: int | None = None
    abstain: int | None = None
    verdict: quorum.Verdict | None = None
    should_attend: int | None = None
    present: int | None = None


def _judge_one(
    meeting_type: MeetingType,
    index: int,
    entry: ResolutionEntry,
    figures: Figures,
    lines: dict[int, AttendanceView],
    on_date: date,
    errors: list[FieldError],
) -> _Judged:
    where = f"resolutions[{index}]"
    label = f"第 {index + 1} 项决议"
    required_text(errors, where, f"{label}的内容", entry.text, 20000)
    typed = (entry.yes, entry.no, entry.abstain)
    if not quorum.voting_rule_applies(meeting_type):
        if any(value is not None for value in typed) or entry.votes or entry.opinions:
            errors.append(
                FieldError(
                    where, f"{MEETING_TYPE_LABELS[meeting_type]}不进行表决，{label}不能登记票数"
                )
            )
        if entry.recorded_as_passed is not None:
            errors.append(
                FieldError(
                    where,
                    f"{MEETING_TYPE_LABELS[meeting_type]}不进行表决，{label}不能记为通过或未通过",
                )
            )
        return _Judged(entry, voted=False)
    if entry.votes:
        counted = {vote: 0 for vote in Vote}
        for member_id, vote in entry.votes:
            line = lines.get(member_id)
            if (
                line is None
                or line.observer
                or not line.voting
                or line.status != AttendanceStatus.PRESENT.value
            ):
                name = line.name if line else f"党员 {member_id}"
                errors.append(FieldError(where, f"{label}：{name}不是到会的有表决权党员，不能计票"))
            counted[vote] += 1
        if len({member_id for member_id, _vote in entry.votes}) != len(entry.votes):
            errors.append(FieldError(where, f"{label}：同一人投了两票"))
        counts = (counted[Vote.YES], counted[Vote.NO], counted[Vote.ABSTAIN])
        if any(value is not None for value in typed) and typed != counts:
            errors.append(FieldError(where, f"{label}的票数与逐人表决不一致"))
    else:
        if any(value is None for value in typed):
            errors.append(FieldError(where, f"{label}请填写赞成、反对、弃权票数"))
            return _Judged(entry, voted=True)
        counts = (int(entry.yes or 0), int(entry.no or 0), int(entry.abstain or 0))
    if any(value < 0 for value in counts):
        errors.append(FieldError(where, f"{label}的票数不能是负数"))
        return _Judged(entry, voted=True)
    if sum(counts) > figures.voting_present:
        errors.append(
            FieldError(
                where,
                f"{label}的票数合计 {sum(counts)} 超过到会的有表决权党员 {figures.voting_present} 人",
            )
        )
        return _Judged(entry, voted=True)
    if entry.opinions and not entry.on_admission:
        errors.append(FieldError(where, f"{label}：只有讨论接收（或转正）党员的表决才计入书面意见"))
    for opinion in entry.opinions:
        line = lines.get(opinion.member_id)
        if line is None or not may_give_written_opinion(line):
            name = line.name if line else f"党员 {opinion.member_id}"
            errors.append(
                FieldError(where, f"{label}：{name}不是因故未到会的有表决权党员，书面意见不能计入")
            )
        if opinion.submitted_on > on_date:
            errors.append(FieldError(where, f"{label}：书面意见须在会议召开前提交"))
    if len({o.member_id for o in entry.opinions}) != len(entry.opinions):
        errors.append(FieldError(where, f"{label}：同一人提交了两份书面意见"))
    try:
        verdict = judge_resolution(
            meeting_type,
            entry.decision_kind,
            figures,
            counts,
            tuple(opinion.vote for opinion in entry.opinions),
        )
    except ValidationError as refusal:
        errors.extend(FieldError(where, f"{label}：{e.message}") for e in refusal.errors)
        return _Judged(entry, voted=True)
    if entry.recorded_as_passed and not verdict.passed:
        errors.append(FieldError(where, f"{label}未获通过，不能记为通过（{verdict.explanation}）"))
    return _Judged(
        entry, True, *counts, verdict, figures.voting_should_attend, figures.voting_present
    )


def set_resolutions(
    database: Database,
    actor: Actor,
    meeting_id: int,
    entries: list[ResolutionEntry],
    *,
    now: datetime | None = None,
) -> list[ResolutionView]:
    """Replace the resolutions. Each vote is judged with the meeting's own figures (应到 and
    实到有表决权党员 from its attendance) by :func:`dangqun.minutes.quorum.judge`; the verdict, its
    rule and explanation are stored with the resolution."""
    actor.require(Permission.EDIT_RECORDS)
    with database.unit_of_work(actor) as work:
        session = work.session
        meeting = find_meeting(session, meeting_id)
        refuse_if_locked(meeting)
        if entries:
            refuse_if_not_started(meeting, now, "resolutions")
        views = attendance_views(session, meeting.id)
        figures = figures_of(views)
        lines = {view.member_id: view for view in views}
        meeting_type = MeetingType(meeting.meeting_type)
        errors: list[FieldError] = []
        judged = [
            _judge_one(meeting_type, index, entry, figures, lines, meeting.on_date, errors)
            for index, entry in enumerate(entries)
        ]
        if errors:
            raise ValidationError(errors)
        before = _resolution_summary(session, meeting.id)
        delete_resolutions(session, meeting.id)
        for position, item in enumerate(judged, start=1):
            verdict = item.verdict
            row = Resolution(
                meeting_id=meeting.id,
                position=position,
                decision_kind=item.entry.decision_kind.value,
                text=item.entry.text.strip(),
                on_admission=item.entry.on_admission,
                voted=item.voted,
                yes_count=item.yes,
                no_count=item.no,
                abstain_count=item.abstain,
                should_attend=item.should_attend,
                present=item.present,
                may_vote=verdict.may_vote if verdict else None,
                passed=verdict.passed if verdict else None,
                rule=verdict.rule if verdict else None,
                explanation=verdict.explanation if verdict else None,
            )
            session.add(row)
            session.flush()
            for member_id, vote in item.entry.votes:
                session.add(
                    PersonalVote(resolution_id=row.id, member_id=member_id, vote=vote.value)
                )
            for opinion in item.entry.opinions:
                session.add(
                    WrittenOpinion(
                        resolution_id=row.id,
                        member_id=opinion.member_id,
                        vote=opinion.vote.value,
                        submitted_on=opinion.submitted_on,
                        text=clean_text(opinion.text),
                    )
                )
        reindex(work, meeting)
        work.audit(
            "minutes.resolution.update",
            "minutes_meeting",
            meeting.id,
            {"resolutions": before},
            {"resolutions": _resolution_summary(session, meeting.id)},
        )
        work.commit()
        return list(read_meeting(session, meeting.id).resolutions)


def restate_verdicts(session: Session, meeting: Meeting) -> None:
    """Judge the stored votes again after the attendance changed (the caller's transaction).

    A verdict is stored with the 应到 and 实到 it was judged on, and a signed record keeps it:
    a list changed afterwards (a member found present after all, the roster filled in) must not
    leave a resolution saying 通过 where the rule now says 未通过, tallies above the members
    present, or a written opinion from a member now present. So each stored vote is judged
    again with the new list: the same outcome restates its figures and explanation; anything
    else refuses the change, naming the resolution, for the clerk to correct it first."""
    views = attendance_views(session, meeting.id)
    figures = figures_of(views)
    lines = {view.member_id: view for view in views}
    meeting_type = MeetingType(meeting.meeting_type)
    problems: list[FieldError] = []
    for row in session.scalars(
        select(Resolution)
        .where(Resolution.meeting_id == meeting.id, Resolution.voted.is_(True))
        .order_by(Resolution.position)
    ):
        errors: list[FieldError] = []
        judged = _judge_one(
            meeting_type,
            row.position - 1,
            _stored_entry(session, row),
            figures,
            lines,
            meeting.on_date,
            errors,
        )
        verdict = judged.verdict
        if errors or verdict is None:
            problems.extend(
                FieldError("attendance", f"按这样的出席情况，{e.message}；请先修改决议")
                for e in errors
            )
        elif (verdict.may_vote, verdict.passed) != (row.may_vote, row.passed):
            outcome = "通过" if verdict.passed else "未获通过"
            problems.append(
                FieldError(
                    "attendance",
                    f"按这样的出席情况，第 {row.position} 项决议{outcome}（{verdict.explanation}），"
                    "与已记录的结果不同；请先修改决议",
                )
            )
        else:
            row.should_attend, row.present = judged.should_attend, judged.present
            row.rule, row.explanation = verdict.rule, verdict.explanation
    if problems:
        raise ValidationError(problems)


def _stored_entry(session: Session, row: Resolution) -> ResolutionEntry:
    """A stored vote as the form that made it: tallies, per-person votes, written opinions."""
    votes = tuple(
        (vote.member_id, Vote(vote.vote))
        for vote in session.scalars(
            select(PersonalVote).where(PersonalVote.resolution_id == row.id)
        )
    )
    opinions = tuple(
        OpinionEntry(opinion.member_id, Vote(opinion.vote), opinion.submitted_on, opinion.text)
        for opinion in session.scalars(
            select(WrittenOpinion).where(WrittenOpinion.resolution_id == row.id)
        )
    )
    return ResolutionEntry(
        text=row.text,
        decision_kind=DecisionKind(row.decision_kind),
        yes=row.yes_count,
        no=row.no_count,
        abstain=row.abstain_count,
        votes=votes,
        opinions=opinions,
        on_admission=row.on_admission,
    )


def _resolution_summary(session: Session, meeting_id: int) -> list[str]:
    summary = []
    for row in session.scalars(
        select(Resolution).where(Resolution.meeting_id == meeting_id).order_by(Resolution.position)
    ):
        kind = DECISION_KIND_LABELS[DecisionKind(row.decision_kind)]
        if not row.voted:
            summary.append(f"{kind}：{row.text[:40]}")
        else:
            outcome = "通过" if row.passed else "未通过"
            summary.append(
                f"{kind}（赞成 {row.yes_count}，反对 {row.no_count}，弃权 {row.abstain_count}，{outcome}）：{row.text[:40]}"
            )
    return summary

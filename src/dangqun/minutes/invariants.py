"""What must always hold of the minutes module, checked by ``dangqun check`` (issue 15).

The write path keeps these (:mod:`dangqun.minutes.service`); they find what an import, a sync or
a hand edit of the file broke: a signed record whose content no longer matches the hash taken
at lock (its attendance, agenda, resolutions or signatures changed), a signed record without
both signatures, resolutions recorded as passed that the quorum engine says failed, and the
full-text index out of step with the rows.
"""

from __future__ import annotations

from sqlalchemy import func, select, text
from sqlalchemy.orm import Session

from dangqun.core.errors import ValidationError
from dangqun.core.invariants import invariant
from dangqun.minutes import quorum
from dangqun.minutes.models import Meeting, Resolution, Signature
from dangqun.minutes.record import content_hash, read_meeting
from dangqun.minutes.search import INDEX_TABLE, index_exists
from dangqun.minutes.vocabulary import DecisionKind, MeetingStatus, MeetingType, SignatureRole

SHOWN = 10


def _summarize(problems: list[str]) -> list[str]:
    if len(problems) > SHOWN:
        return [*problems[:SHOWN], f"……共 {len(problems)} 处"]
    return problems


@invariant("minutes_locked_hash", "已锁定的会议记录未被改动")
def _locked_records_match_their_hash(session: Session) -> list[str]:
    problems = []
    for meeting in session.scalars(
        select(Meeting).where(Meeting.status == MeetingStatus.SIGNED.value).order_by(Meeting.id)
    ):
        roles = set(
            session.scalars(select(Signature.role).where(Signature.meeting_id == meeting.id))
        )
        if roles != {role.value for role in SignatureRole}:
            problems.append(
                f"会议记录 {meeting.id}（{meeting.on_date}）已锁定但缺少主持人或记录人签字"
            )
        if meeting.content_hash != content_hash(read_meeting(session, meeting.id)):
            problems.append(
                f"会议记录 {meeting.id}（{meeting.on_date}）锁定后内容被改动（出席、议程、决议或签字与校验码不符）"
            )
    return _summarize(problems)


@invariant("minutes_verdicts", "会议决议的表决结果")
def _passed_resolutions_passed(session: Session) -> list[str]:
    problems = []
    for resolution, meeting_type in session.execute(
        select(Resolution, Meeting.meeting_type)
        .join(Meeting, Meeting.id == Resolution.meeting_id)
        .where(Resolution.voted.is_(True), Resolution.passed.is_(True))
    ):
        if resolution.on_admission:
            continue  # written opinions count there; the stored verdict already includes them
        try:
            verdict = quorum.judge(
                MeetingType(meeting_type),
                DecisionKind(resolution.decision_kind),
                quorum.VoteCount(
                    resolution.should_attend or 0,
                    resolution.present or 0,
                    resolution.yes_count or 0,
                    resolution.no_count or 0,
                    resolution.abstain_count or 0,
                ),
            )
        except ValidationError as refusal:
            problems.append(f"会议记录 {resolution.meeting_id} 的决议票数不可能：{refusal.message}")
            continue
        if not verdict.passed:
            problems.append(
                f"会议记录 {resolution.meeting_id} 的决议记为通过，但按规则未通过：{verdict.explanation}"
            )
    return _summarize(problems)


@invariant("minutes_search_index", "会议记录全文检索索引")
def _index_covers_every_meeting(session: Session) -> list[str]:
    if not index_exists(session):
        return []
    indexed = set(session.scalars(text(f"SELECT DISTINCT meeting_id FROM {INDEX_TABLE}")))
    meetings = set(session.scalars(select(Meeting.id)))
    stale = indexed - meetings
    missing = session.scalar(
        select(func.count())
        .select_from(Meeting)
        .where(Meeting.topic.is_not(None), Meeting.id.not_in(indexed or {0}))
    )
    problems = []
    if stale:
        problems.append(f"索引中有 {len(stale)} 个已删除会议的内容，请重建索引")
    if missing:
        problems.append(f"有 {missing} 个会议的主题不在索引中")
    return problems

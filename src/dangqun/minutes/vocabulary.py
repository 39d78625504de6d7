"""The minutes module's stored codes and their Chinese labels (DOMAIN.md §4, issue 15).

No Qt, no ORM — the standard library only, so the quorum engine, the UI, the command line and
printed minutes use the same words. A code is what the database stores; a label is what a person
reads (and what ``dangqun minutes vote-check --type`` accepts).
"""

from __future__ import annotations

import enum


class MeetingType(enum.Enum):
    """三会一课 and the other organizational life a branch records (issue 15's list)."""

    GENERAL_MEETING = "general_meeting"  # 支部党员大会 (条例 art. 11)
    COMMITTEE = "committee"  # 支部委员会 (art. 12)
    GROUP_MEETING = "group_meeting"  # 党小组会 (art. 13)
    PARTY_LESSON = "party_lesson"  # 党课
    THEME_DAY = "theme_day"  # 主题党日
    LIFE_MEETING = "life_meeting"  # 组织生活会 (art. 17)
    EVALUATION = "evaluation"  # 民主评议党员
    DELIBERATION = "deliberation"  # 议事协商 / 逢四说事
    OTHER = "other"


MEETING_TYPE_LABELS = {
    MeetingType.GENERAL_MEETING: "支部党员大会",
    MeetingType.COMMITTEE: "支部委员会",
    MeetingType.GROUP_MEETING: "党小组会",
    MeetingType.PARTY_LESSON: "党课",
    MeetingType.THEME_DAY: "主题党日",
    MeetingType.LIFE_MEETING: "组织生活会",
    MeetingType.EVALUATION: "民主评议党员",
    MeetingType.DELIBERATION: "议事协商",
    MeetingType.OTHER: "其他",
}

MEETING_TYPE_OTHER_NAMES = {
    MeetingType.DELIBERATION: ("逢四说事", "议事协商/逢四说事"),
    MeetingType.GENERAL_MEETING: ("党员大会",),
    MeetingType.COMMITTEE: ("支委会",),
}
"""Names people type for a type (the command line accepts them too)."""


class DecisionKind(enum.Enum):
    """What a vote decides: an ordinary resolution or an election (different quorum rules)."""

    RESOLUTION = "resolution"  # 决议
    ELECTION = "election"  # 选举


DECISION_KIND_LABELS = {
    DecisionKind.RESOLUTION: "决议",
    DecisionKind.ELECTION: "选举",
}


class AttendanceStatus(enum.Enum):
    """A person's line on the attendance list."""

    PRESENT = "present"  # 出席
    ABSENT = "absent"  # 缺席 (with a reason)
    LEAVE = "leave"  # 请假 (with a reason)
    EXCUSED = "excused"  # 不计入应到 (long illness, away over six months: a recorded reason)


ATTENDANCE_STATUS_LABELS = {
    AttendanceStatus.PRESENT: "出席",
    AttendanceStatus.ABSENT: "缺席",
    AttendanceStatus.LEAVE: "请假",
    AttendanceStatus.EXCUSED: "不计入应到",
}


class AbsenceReason(enum.Enum):
    SICK = "sick"  # 病假
    PERSONAL = "personal"  # 事假
    OFFICIAL = "official"  # 公假
    OTHER = "other"  # 其他


ABSENCE_REASON_LABELS = {
    AbsenceReason.SICK: "病假",
    AbsenceReason.PERSONAL: "事假",
    AbsenceReason.OFFICIAL: "公假",
    AbsenceReason.OTHER: "其他",
}


def meeting_type_named(name: str) -> MeetingType | None:
    """The meeting type a person named by its label, another accepted name, or its code."""
    wanted = name.strip()
    for meeting_type, label in MEETING_TYPE_LABELS.items():
        if wanted in (label, meeting_type.value, *MEETING_TYPE_OTHER_NAMES.get(meeting_type, ())):
            return meeting_type
    return None


def decision_kind_named(name: str) -> DecisionKind | None:
    """The decision kind a person named by its label (决议, 选举) or its code."""
    wanted = name.strip()
    for kind, label in DECISION_KIND_LABELS.items():
        if wanted in (label, kind.value):
            return kind
    return None


class MeetingStatus(enum.Enum):
    """A record is a draft until both host and recorder have signed; then it is locked."""

    DRAFT = "draft"  # 草稿
    SIGNED = "signed"  # 已签字（锁定）


MEETING_STATUS_LABELS = {
    MeetingStatus.DRAFT: "草稿",
    MeetingStatus.SIGNED: "已签字锁定",
}


class Vote(enum.Enum):
    """One person's vote on a resolution, at the meeting or in a written opinion beforehand."""

    YES = "yes"  # 赞成
    NO = "no"  # 反对
    ABSTAIN = "abstain"  # 弃权


VOTE_LABELS = {Vote.YES: "赞成", Vote.NO: "反对", Vote.ABSTAIN: "弃权"}


class SignatureRole(enum.Enum):
    """Who signs a record off (DOMAIN §4: signatures of host and recorder)."""

    HOST = "host"  # 主持人
    RECORDER = "recorder"  # 记录人


SIGNATURE_ROLE_LABELS = {SignatureRole.HOST: "主持人", SignatureRole.RECORDER: "记录人"}


class ComplianceState(enum.Enum):
    """Where one statutory period of the compliance calendar stands."""

    HELD = "held"  # 已召开
    MISSING = "missing"  # 逾期未开 (the period is over)
    DUE = "due"  # 本期待开 (the period is running)
    UPCOMING = "upcoming"  # 未到期


COMPLIANCE_STATE_LABELS = {
    ComplianceState.HELD: "已召开",
    ComplianceState.MISSING: "逾期未开",
    ComplianceState.DUE: "本期待开",
    ComplianceState.UPCOMING: "未到期",
}

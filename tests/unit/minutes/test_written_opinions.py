"""Written opinions (书面意见) in a vote on admitting a member, as the editor offers and the
service judges them (issue 15; 《中国共产党发展党员工作细则》: the opinions of voting members
who could not attend, handed in before the meeting, count in the tally, never in the quorum),
and on the printed 会议记录 — on a real SQLite file."""

from __future__ import annotations

from datetime import date

import pytest

from dangqun.core.errors import ValidationError
from dangqun.minutes import service
from dangqun.minutes.vocabulary import (
    AbsenceReason,
    AttendanceStatus,
    DecisionKind,
    MeetingType,
    SignatureRole,
    Vote,
)
from dangqun.printing.service import print_context_for, print_record
from tests.conftest import requires_poppler
from tests.unit.minutes.conftest import NOW, meeting_form, row_counts
from tests.unit.printing.pdf_tools import compact_text

PRESENT, LEAVE, ABSENT, EXCUSED = (
    AttendanceStatus.PRESENT,
    AttendanceStatus.LEAVE,
    AttendanceStatus.ABSENT,
    AttendanceStatus.EXCUSED,
)


def _meeting(database, admin, center) -> int:
    """张伟 on sick leave, 刘洋 absent, 陈静 left out of 应到 (long illness), 赵磊 (probationary)
    absent, 孙强 (留党察看) present: five voting members should attend, three are present."""
    meeting_id = service.create_meeting(database, admin, meeting_form(center))
    secretary, recorder, zhang, liu, chen = center.voters
    service.set_attendance(
        database,
        admin,
        meeting_id,
        [
            service.AttendanceEntry(secretary, PRESENT),
            service.AttendanceEntry(recorder, PRESENT),
            service.AttendanceEntry(zhang, LEAVE, AbsenceReason.SICK),
            service.AttendanceEntry(liu, ABSENT, AbsenceReason.PERSONAL),
            service.AttendanceEntry(chen, EXCUSED, reason_note="长期患病"),
            service.AttendanceEntry(center.probationary, ABSENT, AbsenceReason.PERSONAL),
            service.AttendanceEntry(center.on_probation, PRESENT),
            service.AttendanceEntry(center.leaving, PRESENT),
            service.AttendanceEntry(center.other, PRESENT, observer=True),
        ],
        now=NOW,
    )
    return meeting_id


def _admission(opinions, yes=2) -> service.ResolutionEntry:
    return service.ResolutionEntry(
        "同意接收赵磊同志为预备党员",
        yes=yes,
        no=0,
        abstain=1,
        opinions=tuple(opinions),
        on_admission=True,
    )


def test_only_voting_members_absent_or_on_leave_may_give_an_opinion(database, admin, center):
    meeting_id = _meeting(database, admin, center)
    lines = service.get_meeting(database, admin, meeting_id).attendance
    assert [line.name for line in service.written_opinion_candidates(lines)] == ["张伟", "刘洋"]


def test_opinions_count_in_the_tally_and_the_explanation_says_so(database, admin, center):
    meeting_id = _meeting(database, admin, center)
    figures = service.get_meeting(database, admin, meeting_id).figures
    alone = service.judge_resolution(
        MeetingType.GENERAL_MEETING, DecisionKind.RESOLUTION, figures, (2, 0, 1)
    )
    counted = service.judge_resolution(
        MeetingType.GENERAL_MEETING, DecisionKind.RESOLUTION, figures, (2, 0, 1), (Vote.YES,)
    )
    assert (alone.may_vote, alone.passed) == (True, False)  # 2 yes of 5 who should attend
    assert counted.passed and "计入书面意见 1 份后：" in counted.explanation

    (stored,) = service.set_resolutions(
        database,
        admin,
        meeting_id,
        [_admission([service.OpinionEntry(center.voters[2], Vote.YES, date(2026, 11, 9))])],
        now=NOW,
    )
    assert stored.passed and stored.explanation == counted.explanation


@pytest.mark.parametrize(
    ("who", "reason"),
    [
        (lambda center: center.voters[0], "到会"),
        (lambda center: center.voters[4], "不计入应到"),
        (lambda center: center.probationary, "预备党员"),
        (lambda center: center.other, "列席"),
    ],
)
def test_an_opinion_from_someone_the_rule_does_not_allow_is_refused_and_nothing_is_written(
    database, admin, center, who, reason
):
    meeting_id = _meeting(database, admin, center)
    before = row_counts(database)
    with pytest.raises(ValidationError) as refused:
        service.set_resolutions(
            database,
            admin,
            meeting_id,
            [_admission([service.OpinionEntry(who(center), Vote.YES, date(2026, 11, 9))])],
            now=NOW,
        )
    assert "不是因故未到会的有表决权党员，书面意见不能计入" in refused.value.message, reason
    assert refused.value.errors[0].field == "resolutions[0]"
    assert row_counts(database) == before


@requires_poppler
def test_the_printed_record_names_each_opinion_counted(application, admin, center, tmp_path):
    database = application.database
    meeting_id = _meeting(database, admin, center)
    service.set_resolutions(
        database,
        admin,
        meeting_id,
        [
            _admission(
                [
                    service.OpinionEntry(center.voters[2], Vote.YES, date(2026, 11, 8)),
                    service.OpinionEntry(center.voters[3], Vote.ABSTAIN, date(2026, 11, 9)),
                ]
            )
        ],
        now=NOW,
    )
    service.sign_meeting(database, admin, meeting_id, SignatureRole.HOST, now=NOW)
    service.sign_meeting(database, admin, meeting_id, SignatureRole.RECORDER, now=NOW)
    context = print_context_for(database, application.paths.keys, admin)
    path = tmp_path / "记录.pdf"
    print_record(database, admin, context, "minutes", str(meeting_id), path)
    text = compact_text(path)

    assert "会前书面意见：张伟（赞成，2026年11月8日提交）、刘洋（弃权，2026年11月9日提交）" in text
    assert "会前书面意见2份" in text  # in the tally line
    assert "列席人员冯涛" in text


# --- stored verdicts follow the attendance ------------------------------------------------


def _entries(center, **changed: service.AttendanceEntry) -> list[service.AttendanceEntry]:
    """The list of :func:`_meeting` with some lines changed (by the voter's name)."""
    secretary, recorder, zhang, liu, chen = center.voters
    lines = {
        "secretary": service.AttendanceEntry(secretary, PRESENT),
        "recorder": service.AttendanceEntry(recorder, PRESENT),
        "zhang": service.AttendanceEntry(zhang, LEAVE, AbsenceReason.SICK),
        "liu": service.AttendanceEntry(liu, ABSENT, AbsenceReason.PERSONAL),
        "chen": service.AttendanceEntry(chen, EXCUSED, reason_note="长期患病"),
        "probationary": service.AttendanceEntry(
            center.probationary, ABSENT, AbsenceReason.PERSONAL
        ),
        "on_probation": service.AttendanceEntry(center.on_probation, PRESENT),
        "leaving": service.AttendanceEntry(center.leaving, PRESENT),
        "other": service.AttendanceEntry(center.other, PRESENT, observer=True),
    }
    return list((lines | changed).values())


def _passed_resolution(database, admin, meeting_id: int) -> service.ResolutionView:
    (stored,) = service.set_resolutions(
        database,
        admin,
        meeting_id,
        [service.ResolutionEntry("同意开展主题党日活动", yes=3, no=0, abstain=0)],
        now=NOW,
    )
    assert stored.passed and "应到 5 人" in stored.explanation
    return stored


def test_an_attendance_change_that_keeps_the_outcome_restates_the_verdict(database, admin, center):
    meeting_id = _meeting(database, admin, center)
    _passed_resolution(database, admin, meeting_id)
    liu = center.voters[3]

    service.set_attendance(
        database,
        admin,
        meeting_id,
        _entries(center, liu=service.AttendanceEntry(liu, EXCUSED, reason_note="外出六个月以上")),
        now=NOW,
    )

    (stored,) = service.get_meeting(database, admin, meeting_id).resolutions
    assert stored.passed and "应到 4 人" in stored.explanation


@pytest.mark.parametrize(
    ("change", "message"),
    [
        # 陈静 counted again: 3 of 6 present is no quorum, the recorded 通过 would be wrong.
        ("chen", "与已记录的结果不同；请先修改决议"),
        # The recorder absent after all: 3 votes from 2 voting members present.
        ("recorder", "票数合计 3 超过到会的有表决权党员 2 人"),
    ],
)
def test_an_attendance_change_that_contradicts_a_stored_verdict_is_refused(
    database, admin, center, change, message
):
    meeting_id = _meeting(database, admin, center)
    _passed_resolution(database, admin, meeting_id)
    member = center.voters[4] if change == "chen" else center.voters[1]
    before = row_counts(database)
    was = service.get_meeting(database, admin, meeting_id)

    with pytest.raises(ValidationError) as refused:
        service.set_attendance(
            database,
            admin,
            meeting_id,
            _entries(
                center, **{change: service.AttendanceEntry(member, ABSENT, AbsenceReason.SICK)}
            ),
            now=NOW,
        )

    assert refused.value.errors[0].field == "attendance"
    assert message in refused.value.message and "按这样的出席情况" in refused.value.message
    assert row_counts(database) == before
    assert service.get_meeting(database, admin, meeting_id) == was


def test_a_member_who_gave_an_opinion_cannot_be_marked_present_afterwards(database, admin, center):
    meeting_id = _meeting(database, admin, center)
    zhang = center.voters[2]
    service.set_resolutions(
        database,
        admin,
        meeting_id,
        [_admission([service.OpinionEntry(zhang, Vote.YES, date(2026, 11, 9))])],
        now=NOW,
    )

    with pytest.raises(ValidationError, match="张伟不是因故未到会的有表决权党员"):
        service.set_attendance(
            database,
            admin,
            meeting_id,
            _entries(center, zhang=service.AttendanceEntry(zhang, PRESENT)),
            now=NOW,
        )

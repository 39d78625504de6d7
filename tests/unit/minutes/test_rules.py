"""The minutes rules of issue 15 ("Rules and bad input"), each named after the rule, on a real
SQLite file: refusals name the field in Chinese and write nothing."""

from __future__ import annotations

import sqlite3
from datetime import date, time

import pytest

from dangqun.core.errors import PermissionDenied, ValidationError
from dangqun.core.invariants import run_checks
from dangqun.features import load_invariants
from dangqun.minutes import service
from dangqun.minutes.vocabulary import (
    AbsenceReason,
    AttendanceStatus,
    DecisionKind,
    MeetingStatus,
    MeetingType,
    SignatureRole,
    Vote,
)
from tests.unit.members.conftest import readonly_actor
from tests.unit.minutes.conftest import MEETING_DAY, NOW, meeting_form, row_counts

PRESENT = AttendanceStatus.PRESENT


def _everyone_present(center) -> list[service.AttendanceEntry]:
    listed = [*center.voters, center.probationary, center.on_probation, center.leaving]
    return [service.AttendanceEntry(member_id, PRESENT) for member_id in listed]


def _held_meeting(database, admin, center, **changes) -> int:
    meeting_id = service.create_meeting(database, admin, meeting_form(center, **changes))
    service.set_attendance(database, admin, meeting_id, _everyone_present(center), now=NOW)
    return meeting_id


def test_rule_the_roster_is_the_list_of_the_meeting_date(database, admin, center):
    on_the_day = {
        e.member_id: e for e in service.roster(database, admin, center.branch, MEETING_DAY)
    }
    assert set(on_the_day) == {
        *center.voters,
        center.probationary,
        center.on_probation,
        center.leaving,
    }  # not the 双报到 member, not the one who joined later, not the other branch
    assert (
        not on_the_day[center.probationary].voting and on_the_day[center.probationary].probationary
    )
    assert not on_the_day[center.on_probation].voting
    assert all(on_the_day[member].voting for member in center.voters)
    later = {
        e.member_id for e in service.roster(database, admin, center.branch, date(2026, 11, 25))
    }
    assert center.leaving not in later and center.late in later
    group_only = {e.member_id for e in service.roster(database, admin, center.group, MEETING_DAY)}
    assert group_only == {center.voters[4]}


def test_rule_fill_attendance_from_the_roster_of_the_date(database, admin, center):
    meeting_id = service.create_meeting(database, admin, meeting_form(center))
    assert service.fill_attendance_from_roster(database, admin, meeting_id, now=NOW) == 8
    figures = service.get_meeting(database, admin, meeting_id).figures
    assert (figures.should_attend, figures.present) == (8, 8)
    assert (figures.voting_should_attend, figures.voting_present) == (6, 6)
    assert service.fill_attendance_from_roster(database, admin, meeting_id, now=NOW) == 0


def test_rule_a_meeting_in_the_future_cannot_have_attendance(database, admin, center):
    meeting_id = service.create_meeting(
        database,
        admin,
        meeting_form(center, on_date=date(2026, 12, 1), starts_at=time(14, 0), ends_at=time(16, 0)),
    )
    before = row_counts(database)
    with pytest.raises(ValidationError) as refused:
        service.set_attendance(database, admin, meeting_id, _everyone_present(center), now=NOW)
    assert "会议还没有开始" in refused.value.message_for("attendance")
    with pytest.raises(ValidationError, match="会议还没有开始"):
        service.fill_attendance_from_roster(database, admin, meeting_id, now=NOW)
    assert row_counts(database) == before


def test_rule_an_attendee_not_on_the_roster_is_refused_or_marked_observer(database, admin, center):
    meeting_id = service.create_meeting(database, admin, meeting_form(center))
    for stranger in (center.other, center.late, center.registered):
        with pytest.raises(
            ValidationError, match="不在 2026-11-10 本组织的党员名单中，只能登记为列席"
        ):
            service.set_attendance(
                database,
                admin,
                meeting_id,
                [*_everyone_present(center), service.AttendanceEntry(stranger, PRESENT)],
                now=NOW,
            )
    figures = service.set_attendance(
        database,
        admin,
        meeting_id,
        [
            *_everyone_present(center),
            service.AttendanceEntry(center.registered, PRESENT, observer=True),
        ],
        now=NOW,
    )
    assert (figures.should_attend, figures.present, figures.observers) == (8, 8, 1)


def test_rule_the_host_cannot_be_absent(database, admin, center):
    meeting_id = service.create_meeting(database, admin, meeting_form(center))
    lines = _everyone_present(center)
    lines[0] = service.AttendanceEntry(center.secretary, AttendanceStatus.LEAVE, AbsenceReason.SICK)
    with pytest.raises(ValidationError, match="主持人王建国不能登记为请假"):
        service.set_attendance(database, admin, meeting_id, lines, now=NOW)


def test_rule_absence_needs_a_reason_and_exclusion_a_recorded_one(database, admin, center):
    meeting_id = service.create_meeting(database, admin, meeting_form(center))
    lines = _everyone_present(center)
    lines[1] = service.AttendanceEntry(center.voters[1], AttendanceStatus.ABSENT)
    lines[2] = service.AttendanceEntry(center.voters[2], AttendanceStatus.EXCUSED)
    with pytest.raises(ValidationError) as refused:
        service.set_attendance(database, admin, meeting_id, lines, now=NOW)
    assert "请选择原因" in refused.value.errors[0].message
    assert "须写明原因" in refused.value.errors[1].message
    lines[1] = service.AttendanceEntry(
        center.voters[1],
        AttendanceStatus.ABSENT,
        AbsenceReason.PERSONAL,
        makeup_on=date(2026, 11, 20),
        makeup_notes="书记单独补课",
    )
    lines[2] = service.AttendanceEntry(
        center.voters[2], AttendanceStatus.EXCUSED, reason_note="外出务工六个月以上"
    )
    figures = service.set_attendance(database, admin, meeting_id, lines, now=NOW)
    assert (figures.should_attend, figures.present, figures.absent, figures.excused) == (7, 6, 1, 1)
    assert (figures.voting_should_attend, figures.voting_present) == (5, 4)
    history = service.member_attendance(database, admin, center.voters[1])
    assert (history.should_attend, history.present, history.made_up) == (1, 0, 1)


def test_rule_tallies_larger_than_the_voters_present_are_refused(database, admin, center):
    meeting_id = _held_meeting(database, admin, center)  # 6 voting members present
    before = row_counts(database)
    with pytest.raises(ValidationError, match="票数合计 7 超过到会的有表决权党员 6 人"):
        service.set_resolutions(
            database,
            admin,
            meeting_id,
            [service.ResolutionEntry("同意王建国同志为优秀共产党员", yes=7, no=0, abstain=0)],
            now=NOW,
        )
    with pytest.raises(ValidationError, match="不是到会的有表决权党员"):
        service.set_resolutions(
            database,
            admin,
            meeting_id,
            [service.ResolutionEntry("逐人表决", votes=((center.probationary, Vote.YES),))],
            now=NOW,
        )
    assert row_counts(database) == before


def test_rule_a_failed_resolution_cannot_be_recorded_as_passed(database, admin, center):
    meeting_id = _held_meeting(database, admin, center)
    with pytest.raises(ValidationError, match="未获通过，不能记为通过"):
        service.set_resolutions(
            database,
            admin,
            meeting_id,
            [
                service.ResolutionEntry(
                    "推荐入党积极分子", yes=3, no=2, abstain=1, recorded_as_passed=True
                )
            ],
            now=NOW,
        )
    stored = service.set_resolutions(
        database,
        admin,
        meeting_id,
        [
            service.ResolutionEntry("推荐入党积极分子", yes=3, no=2, abstain=1),
            service.ResolutionEntry(
                "通过年度工作计划", yes=4, no=1, abstain=1, recorded_as_passed=True
            ),
        ],
        now=NOW,
    )
    assert [(r.may_vote, r.passed) for r in stored] == [(True, False), (True, True)]
    assert "第十一条" in (stored[1].rule or "") and (
        stored[1].should_attend,
        stored[1].present,
    ) == (6, 6)


def test_written_opinions_count_only_in_admission_votes(database, admin, center):
    meeting_id = service.create_meeting(database, admin, meeting_form(center))
    lines = _everyone_present(center)
    lines[2] = service.AttendanceEntry(
        center.voters[2], AttendanceStatus.LEAVE, AbsenceReason.OFFICIAL
    )
    lines[3] = service.AttendanceEntry(center.voters[3], AttendanceStatus.LEAVE, AbsenceReason.SICK)
    service.set_attendance(database, admin, meeting_id, lines, now=NOW)  # 6 should, 4 present
    opinions = tuple(
        service.OpinionEntry(member, Vote.YES, date(2026, 11, 8)) for member in center.voters[2:4]
    )
    with pytest.raises(ValidationError, match="只有讨论接收"):
        service.set_resolutions(
            database,
            admin,
            meeting_id,
            [service.ResolutionEntry("一般决议", yes=2, no=1, abstain=1, opinions=opinions)],
            now=NOW,
        )
    (stored,) = service.set_resolutions(
        database,
        admin,
        meeting_id,
        [
            service.ResolutionEntry(
                "接收赵磊同志为预备党员",
                yes=2,
                no=1,
                abstain=1,
                opinions=opinions,
                on_admission=True,
            )
        ],
        now=NOW,
    )
    assert stored.passed and "书面意见 2 份" in (stored.explanation or "")
    assert len(stored.opinions) == 2


def test_rule_a_locked_record_refuses_edits(database, admin, center):
    meeting_id = _held_meeting(database, admin, center)
    service.set_agenda(
        database,
        admin,
        meeting_id,
        [
            service.AgendaEntry(
                "传达学习会议精神",
                speeches=(service.SpeechEntry("王建国", "要把学习成果转化为服务群众的实效"),),
            )
        ],
    )
    assert not service.sign_meeting(database, admin, meeting_id, SignatureRole.RECORDER, now=NOW)
    assert service.sign_meeting(database, admin, meeting_id, SignatureRole.HOST, now=NOW)
    locked = service.get_meeting(database, admin, meeting_id)
    assert locked.status == MeetingStatus.SIGNED.value and len(locked.content_hash or "") == 64
    before = row_counts(database)
    for attempt in (
        lambda: service.update_meeting(
            database, admin, meeting_id, meeting_form(center, place="别处")
        ),
        lambda: service.set_attendance(
            database, admin, meeting_id, _everyone_present(center), now=NOW
        ),
        lambda: service.set_agenda(database, admin, meeting_id, []),
        lambda: service.set_resolutions(database, admin, meeting_id, [], now=NOW),
        lambda: service.delete_meeting(database, admin, meeting_id),
    ):
        with pytest.raises(ValidationError, match="已签字锁定，不能再修改"):
            attempt()
    assert row_counts(database) == before
    service.add_correction(
        database,
        admin,
        meeting_id,
        "记录人笔误",
        "第一项议程发言人应为李秀英",
        today=date(2026, 12, 1),
    )
    corrected = service.get_meeting(database, admin, meeting_id)
    assert corrected.agenda == locked.agenda and corrected.content_hash == locked.content_hash
    assert [(c.reason, c.author) for c in corrected.corrections] == [("记录人笔误", "王芳")]
    load_invariants()
    with database.reading() as session:
        assert run_checks(session).ok
    with sqlite3.connect(database.path) as connection:  # a hand edit of the signed record
        connection.execute(
            "UPDATE minutes_attendance SET status = 'absent', reason = 'sick' WHERE member_id = ?",
            (center.voters[2],),
        )
    with database.reading() as session:
        problems = run_checks(session).problems
    assert any("锁定后内容被改动" in problem for problem in problems)


def test_search_finds_chinese_text_and_marks_the_hits(database, admin, center):
    meeting_id = _held_meeting(database, admin, center)
    service.set_agenda(
        database,
        admin,
        meeting_id,
        [
            service.AgendaEntry(
                "逢四说事：小区停车难",
                speeches=(service.SpeechEntry("张伟", "建议利用闲置空地增设停车位"),),
            )
        ],
    )
    other = service.create_meeting(database, admin, meeting_form(center, topic="垃圾分类宣传"))
    result = service.search_meetings(database, admin, "停车位")
    assert not result.substring_scan
    assert [hit.meeting.id for hit in result.hits] == [meeting_id]
    (hit,) = result.hits
    assert hit.source == "发言" and [hit.snippet[a:b] for a, b in hit.marks] == ["停车位"]
    short = service.search_meetings(database, admin, "分类")
    assert short.substring_scan and [h.meeting.id for h in short.hits] == [other]
    first = short.hits[0]
    assert [first.snippet[a:b] for a, b in first.marks] == ["分类"]
    service.delete_meeting(database, admin, other)
    assert service.search_meetings(database, admin, "垃圾分类").hits == []


def test_search_lists_the_newest_records_first(database, admin, center):
    older = service.create_meeting(database, admin, meeting_form(center, topic="加装电梯协商"))
    newer = service.create_meeting(database, admin, meeting_form(center, topic="加装电梯回访"))
    assert [h.meeting.id for h in service.search_meetings(database, admin, "加装电梯").hits] == [
        newer,
        older,
    ]
    service.update_meeting(  # a record edited later comes up first
        database, admin, older, meeting_form(center, topic="加装电梯协商（二）")
    )
    assert [h.meeting.id for h in service.search_meetings(database, admin, "加装电梯").hits] == [
        older,
        newer,
    ]


def test_attachments_are_private_files_kept_in_the_database_for_backups(
    database, admin, center, tmp_path
):
    meeting_id = _held_meeting(database, admin, center)
    photo = tmp_path / "现场照片.jpg"
    photo.write_bytes(b"\xff\xd8" + b"x" * 1000)
    attachment_id = service.add_attachment(database, admin, meeting_id, photo, "会议现场")
    (attached,) = service.get_meeting(database, admin, meeting_id).attachments
    stored = database.path.parent / attached.stored_path
    assert stored.read_bytes() == photo.read_bytes() and stored.stat().st_mode & 0o077 == 0
    stored.unlink()  # as after a restore of a backup: the bytes come back from the database
    assert (
        service.attachment_file(database, admin, attachment_id).read_bytes() == photo.read_bytes()
    )
    with pytest.raises(ValidationError, match="附件只能是"):
        service.add_attachment(
            database,
            admin,
            meeting_id,
            tmp_path / "x.exe" if (tmp_path / "x.exe").write_bytes(b"1") else photo,
        )
    big = tmp_path / "big.png"
    big.write_bytes(b"0" * (10 * 1024 * 1024 + 1))
    with pytest.raises(ValidationError, match="附件太大（最大 10 MB）"):
        service.add_attachment(database, admin, meeting_id, big)
    service.remove_attachment(database, admin, attachment_id)
    assert (
        not stored.exists() and service.get_meeting(database, admin, meeting_id).attachments == ()
    )


def test_compliance_table_and_what_is_overdue(database, admin, center):
    for day, meeting_type in (
        (date(2026, 1, 15), MeetingType.GENERAL_MEETING),
        (date(2026, 4, 15), MeetingType.GENERAL_MEETING),
        (date(2026, 10, 10), MeetingType.GENERAL_MEETING),
        (date(2026, 11, 10), MeetingType.COMMITTEE),
    ):
        service.create_meeting(
            database, admin, meeting_form(center, on_date=day, meeting_type=meeting_type)
        )
    table = service.compliance_table(database, admin, center.branch, 2026, today=date(2026, 12, 1))
    general = [
        p.state.value for p in table.periods if p.meeting_type is MeetingType.GENERAL_MEETING
    ]
    assert general == ["held", "held", "missing", "held"]
    assert table.cell(11, MeetingType.COMMITTEE).held == 1
    assert table.cell(12, MeetingType.COMMITTEE).state.value == "due"
    overdue = service.overdue_meetings(database, admin, today=date(2026, 12, 1))
    mine = {(o.meeting_type, o.starts_on) for o in overdue if o.organization_id == center.branch}
    assert (MeetingType.COMMITTEE, date(2026, 11, 1)) not in mine
    assert (MeetingType.THEME_DAY, date(2026, 11, 1)) in mine
    assert (MeetingType.GROUP_MEETING, date(2026, 11, 1)) in mine
    assert not any(o.organization_id == center.community for o in overdue)


def test_drafts_autosave_per_user_and_the_read_only_role_cannot_write(database, admin, center):
    service.save_draft(database, admin, 0, {"topic": "学习党章", "agenda": ["一", "二"]})
    payload, saved_at = service.load_draft(database, admin, 0)
    assert payload == {"topic": "学习党章", "agenda": ["一", "二"]} and saved_at.tzinfo is not None
    service.discard_draft(database, admin, 0)
    assert service.load_draft(database, admin, 0) is None
    with pytest.raises(PermissionDenied):
        service.create_meeting(database, readonly_actor(), meeting_form(center))


def test_party_lessons_need_a_lecturer_and_a_topic_and_types_that_do_not_vote_take_no_tallies(
    database, admin, center
):
    with pytest.raises(ValidationError) as refused:
        service.create_meeting(
            database, admin, meeting_form(center, meeting_type=MeetingType.PARTY_LESSON, topic=None)
        )
    assert refused.value.message_for("lecturer_name") == "党课须填写讲课人"
    assert refused.value.message_for("topic") == "党课须填写党课主题"
    lesson = _held_meeting(
        database, admin, center, meeting_type=MeetingType.PARTY_LESSON, lecturer_name="王建国"
    )
    with pytest.raises(ValidationError, match="党课不进行表决"):
        service.set_resolutions(
            database,
            admin,
            lesson,
            [service.ResolutionEntry("学习体会", yes=1, no=0, abstain=0)],
            now=NOW,
        )
    (conclusion,) = service.set_resolutions(
        database,
        admin,
        lesson,
        [service.ResolutionEntry("每名党员撰写学习体会", DecisionKind.RESOLUTION)],
        now=NOW,
    )
    assert not conclusion.voted and conclusion.passed is None

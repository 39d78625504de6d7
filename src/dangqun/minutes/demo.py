"""会议记录's demo data: up to two years of 三会一课 for every branch of the demo center (issue 15).

A center of more than a few thousand members gets a shorter past (:func:`months_of_history`,
down to the last month at 100,000): every member attends some thirty meetings a year, and two
years of a 100,000-member center were seven million attendance lines — the demo ran out of
memory instead of showing anything more.

Run by :func:`dangqun.demo.generate_demo_data` after the bases demo, in the same unit of work
(declared in ``minutes/feature.py``). Rows are written in bulk with
:func:`~dangqun.core.model_base.insert_synced_rows` (the services open a unit of work per call;
the demo runs inside ``dangqun demo``'s one), so the service's rules are kept here by
construction and ``dangqun check``'s minutes invariants prove it:

* each 网格党支部 holds its committee and 主题党日 monthly, the general meeting and a 党课 each
  quarter, 组织生活会 and 民主评议党员 once a year, and each of its groups a 党小组会 monthly
  (the statutory schedule of :mod:`dangqun.minutes.compliance`); the last branch and its groups
  fall behind in the past year (months without a committee, 主题党日 or 党小组会, one quarter
  without a general meeting), so the compliance table and the home page have something overdue
  to show;
* attendance is the roster of the meeting date (:func:`~dangqun.minutes.roster.roster_as_of`:
  who was in the branch then, who voted, who was probationary); 流出党员 are on leave, a few
  members are sick, away or absent, the host and recorder are always present; a committee
  meeting lists the five 支委 on the roster of the date;
* resolutions of the voting types are tallied from the voting members present and judged by
  :func:`dangqun.minutes.quorum.judge`, the verdict stored as the service stores it; the other
  types record conclusions without tallies;
* meetings older than a fortnight are signed by host and recorder and locked with the content
  hash the service takes (:func:`~dangqun.minutes.record.content_hash`), a few have a dated
  correction; recent ones and a few forgotten ones are drafts;
* texts (agenda, speeches, resolutions) come from pools of realistic wording per meeting type.

All randomness comes from ``options.seed``: the same seed and center give the same minutes.
"""

from __future__ import annotations

import random
from bisect import bisect_right
from collections import defaultdict
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from typing import Any

from sqlalchemy import Date, column, func, select, table, text
from sqlalchemy.orm import Session

from dangqun.core.model_base import SyncedRecord, insert_synced_rows
from dangqun.core.setting_definitions import registered_setting
from dangqun.core.settings import get_setting
from dangqun.core.uow import UnitOfWork
from dangqun.demo import DemoCount, DemoOptions, ProgressCallback
from dangqun.minutes import quorum
from dangqun.minutes.models import (
    AgendaItem,
    AttendanceLine,
    Correction,
    Meeting,
    Resolution,
    Signature,
    Speech,
)
from dangqun.minutes.record import (
    AgendaItemView,
    AttendanceView,
    MeetingDetail,
    ResolutionView,
    SignatureView,
    SpeechView,
    content_hash,
    figures_of,
)
from dangqun.minutes.roster import RosterEntry, roster_as_of
from dangqun.minutes.search import INDEX_TABLE, ensure_index
from dangqun.minutes.vocabulary import (
    AbsenceReason,
    AttendanceStatus,
    DecisionKind,
    MeetingStatus,
    MeetingType,
    SignatureRole,
)

PAST_MONTHS = 24
"""Two years of meetings before today, for a center of a usual size."""
FULL_HISTORY_MEMBERS = 3_000
"""Up to this many members the demo keeps the full two years; above, the past shrinks."""


def months_of_history(member_count: int) -> int:
    """Months of minutes before this one: 24 up to 3,000 members, then fewer in proportion
    (about the same number of attendance lines), never less than one."""
    return max(1, min(PAST_MONTHS, PAST_MONTHS * FULL_HISTORY_MEMBERS // max(member_count, 1)))


SIGNED_AFTER_DAYS = 14
"""A record older than this is signed, unless forgotten (a few stay drafts)."""
_ORGANIZATIONS = table("organizations", column("id"), column("parent_id"), column("level"))
_EVENTS = table("member_events", column("occurred_on", Date))
_MEMBERS = table(
    "members",
    column("joined_on", Date),
    column("registered_on", Date),
    column("confirmed_on", Date),
)
"""Read by table name: features share no models (as minutes/roster.py reads them)."""
_UUID_CLEAR = ~((0xF << 76) | (0xC << 60))
_UUID_SET = (0x4 << 76) | (0x8 << 60)
_COMMITTEE_ROLES = ("书记", "副书记", "组织委员", "宣传委员", "纪检委员")
_PLACES = ("社区党群服务中心二楼会议室", "社区党群服务中心党员活动室", "网格党群服务站")
_EVENING = (19 * 60, 20 * 60 + 30)
_MORNING = (9 * 60 + 30, 11 * 60 + 30)

_AGENDA: dict[MeetingType, tuple[tuple[str, str], ...]] = {
    MeetingType.COMMITTEE: (
        ("研究本月党建工作安排", "书记通报上级党组织工作要求，委员逐项认领本月任务。"),
        ("讨论困难党员走访慰问名单", "结合网格员摸排情况，确定走访对象和慰问标准。"),
        ("研究主题党日活动方案", "确定活动主题、时间、地点和分工，报社区党委备案。"),
        ("分析党员教育管理情况", "通报党员参加组织生活、交纳党费情况，对未参加的党员逐一联系。"),
        ("研究发展党员工作", "审查入党积极分子培养考察情况，提出下一阶段培养意见。"),
    ),
    MeetingType.GENERAL_MEETING: (
        ("传达学习上级会议精神", "书记传达街道党工委会议精神，结合网格实际提出贯彻落实意见。"),
        ("通报支部季度工作", "支部委员会报告本季度工作和党费收缴使用情况，党员提出意见建议。"),
        ("讨论社区治理重点事项", "围绕老旧小区改造、停车难等居民关心的问题听取党员意见。"),
        ("讨论接收预备党员", "入党介绍人介绍发展对象情况，支部委员会报告审查情况，党员充分讨论。"),
    ),
    MeetingType.GROUP_MEETING: (
        ("学习党章党规", "集体学习《中国共产党章程》有关章节，党员交流学习体会。"),
        ("收集楼栋居民诉求", "党员汇报联系户情况，梳理需要提交网格党支部解决的问题。"),
        ("安排楼栋志愿服务", "确定本月楼道清洁、文明劝导和独居老人探访的人员安排。"),
    ),
    MeetingType.PARTY_LESSON: (
        ("专题党课", "讲课人围绕主题授课，党员结合工作生活谈认识。"),
        ("交流学习体会", "党员代表谈听课体会，支部对下一步学习提出要求。"),
    ),
    MeetingType.THEME_DAY: (
        ("重温入党誓词", "全体党员面向党旗重温入党誓词。"),
        ("集中学习", "学习习近平新时代中国特色社会主义思想有关论述。"),
        ("开展志愿服务", "党员分组参加小区环境整治、政策宣传和为老服务。"),
        ("交纳党费", "党员按月交纳党费，组织委员现场登记。"),
    ),
    MeetingType.LIFE_MEETING: (
        ("通报整改落实情况", "支部通报上年度组织生活会查摆问题的整改情况。"),
        ("支部班子对照检查", "书记代表支部委员会作对照检查，查摆问题，剖析原因，提出整改措施。"),
        ("开展批评和自我批评", "党员逐一发言，开展批评和自我批评，相互提出意见。"),
    ),
    MeetingType.EVALUATION: (
        ("党员个人总结", "党员对照党员标准逐一总结一年来的表现。"),
        ("民主测评", "参会党员对每名党员进行民主测评，当场计票。"),
    ),
}
_SPEECHES = (
    "要把学习成果转化为服务群众的实际行动，带头做好楼栋里的事。",
    "建议每月固定一天开放党员活动室，方便老党员参加学习。",
    "小区停车问题群众反映多，建议支部牵头与物业协商。",
    "我们楼栋独居老人较多，希望增加结对帮扶的党员。",
    "要发挥退休党员作用，组织大家参加文明劝导和矛盾调解。",
    "学习要联系实际，多讲身边的先进典型，让党员听得懂、记得住。",
    "垃圾分类还有死角，建议党员分片包干，带动居民参与。",
    "流动党员联系要经常化，可以通过电话和微信群按月通报支部工作。",
    "对照党员标准，我在主动联系群众方面做得还不够，今后要改进。",
    "同意支部委员会的意见，建议尽快落实到每个网格。",
)
_RESOLUTIONS: dict[MeetingType, tuple[str, ...]] = {
    MeetingType.COMMITTEE: (
        "同意本月党建工作安排，由各委员按分工负责落实。",
        "同意走访慰问困难党员名单，慰问金从党费中列支，报社区党委审批。",
        "同意主题党日活动方案。",
        "确定两名入党积极分子为下一阶段重点培养对象。",
    ),
    MeetingType.GENERAL_MEETING: (
        "同意支部委员会季度工作报告。",
        "同意将老旧小区加装电梯协调工作列为支部为民办实事项目。",
        "同意党费收缴使用情况报告。",
        "同意成立党员志愿服务队，由宣传委员负责组织。",
    ),
    MeetingType.EVALUATION: (
        "评定全体参评党员为合格党员，其中优秀党员三名。",
        "同意民主评议党员结果，报社区党委备案。",
    ),
}
_CONCLUSIONS: dict[MeetingType, tuple[str, ...]] = {
    MeetingType.GROUP_MEETING: (
        "汇总居民诉求五条，报网格党支部研究。",
        "本月志愿服务安排已落实到人。",
    ),
    MeetingType.PARTY_LESSON: ("党员一致表示要学以致用，立足岗位发挥作用。",),
    MeetingType.THEME_DAY: ("本月党费已全部收齐，志愿服务参与党员已登记积分。",),
    MeetingType.LIFE_MEETING: ("查摆问题六条，形成整改清单，明确责任人和完成时限。",),
}
_LESSONS = (
    "学习贯彻党的二十大精神",
    "弘扬伟大建党精神",
    "新时代基层党组织建设",
    "全面从严治党永远在路上",
    "走好新时代党的群众路线",
    "红色家风代代传",
    "党章是党的根本大法",
    "社区治理中的党员担当",
)
_CORRECTIONS = (
    ("记录人笔误", "出席情况中一名党员的请假原因应为“公假（参加街道培训）”。"),
    ("漏记发言", "补记：党员在讨论中建议增加夜间巡逻志愿者，支部已采纳。"),
    ("会后补充", "会后经核实，慰问对象增加一名，已报社区党委。"),
)


@dataclass
class _Branch:
    id: int
    groups: list[int]
    committee: list[tuple[int, str]]
    """(member id, name) of the five 支委 in _COMMITTEE_ROLES order."""
    behind: bool


class _Demo:
    def __init__(self, work: UnitOfWork, options: DemoOptions) -> None:
        self.session: Session = work.session
        self.today = options.today
        self.random = random.Random(f"minutes-{options.seed}")
        self.entered_by = work.actor.display_name
        self.author_user_id = work.actor.user_id
        definition = registered_setting("bases_time_zone")
        self.zone = str(get_setting(self.session, definition)) if definition else "Asia/Shanghai"
        """The center's wall clock, read by key as the service reads it (no import of bases)."""
        self.next_id: dict[type[SyncedRecord], int] = {}
        self.rows: dict[type[SyncedRecord], list[dict[str, Any]]] = defaultdict(list)
        self.signed: list[int] = []
        self.past_months = months_of_history(options.member_count)
        self.rosters: dict[int, list[RosterEntry]] = {}
        """The community's list of one stretch of days (see :meth:`roster`); the meetings are
        made in date order, so one stretch at a time is all that is kept."""
        self.community = 0
        self.below: dict[int, set[int]] = {}
        """Branch → itself and its groups."""
        self.breaks = self._breaks()
        self.hashed: dict[int, dict[type[SyncedRecord], list[dict[str, Any]]]] = defaultdict(
            lambda: defaultdict(list)
        )
        """Meeting id → its child rows by model, for the content hash and the index."""
        self.speeches: dict[int, list[dict[str, Any]]] = defaultdict(list)

    def uuid(self) -> str:
        value = self.random.getrandbits(128) & _UUID_CLEAR | _UUID_SET
        text = f"{value:032x}"
        return f"{text[:8]}-{text[8:12]}-{text[12:16]}-{text[16:20]}-{text[20:]}"

    def add(self, model: type[SyncedRecord], **values: Any) -> int:
        if model not in self.next_id:
            self.next_id[model] = (self.session.scalar(select(func.max(model.id))) or 0) + 1  # type: ignore[attr-defined]
        row_id = self.next_id[model]
        self.next_id[model] = row_id + 1
        row = {"id": row_id, "uuid": self.uuid(), **values}
        self.rows[model].append(row)
        if "meeting_id" in values:
            self.hashed[values["meeting_id"]][model].append(row)
        elif model is Speech:
            self.speeches[values["agenda_item_id"]].append(row)
        return row_id

    def roster(self, organization_id: int, on_date: date) -> list[RosterEntry]:
        """:func:`roster_as_of` of the date, computed once per stretch of days in which no
        member arrived, was confirmed or had a dated event (the list cannot differ inside one)
        for the whole community, then filtered by the organization each member was in then."""
        epoch = bisect_right(self.breaks, on_date)
        if epoch not in self.rosters:
            self.rosters = {epoch: roster_as_of(self.session, self.community, on_date)}
        wanted = self.below.get(organization_id, {organization_id})
        return [entry for entry in self.rosters[epoch] if entry.organization_id in wanted]

    def _breaks(self) -> list[date]:
        """Every date on which some member's list of a date may change (see :meth:`roster`)."""
        found: set[date] = set()
        for (day,) in self.session.execute(select(_EVENTS.c.occurred_on).distinct()):
            found.add(_as_date(day))
        for row in self.session.execute(
            select(_MEMBERS.c.joined_on, _MEMBERS.c.registered_on, _MEMBERS.c.confirmed_on)
        ):
            found.update(_as_date(day) for day in row if day is not None)
        return sorted(found)

    # ------------------------------------------------------------------ the branches

    def branches(self) -> list[_Branch]:
        rows = self.session.execute(
            select(
                _ORGANIZATIONS.c.id, _ORGANIZATIONS.c.parent_id, _ORGANIZATIONS.c.level
            ).order_by(_ORGANIZATIONS.c.id)
        ).all()
        branch_ids = [org for org, _parent, level in rows if level == "grid_branch"]
        for org, parent, level in rows:
            if level == "grid_branch" and parent is not None:
                self.community = parent
                self.below.setdefault(org, {org})
            elif level == "building_group" and parent is not None:
                self.below.setdefault(parent, {parent}).add(org)
        start = self.first_month()
        found = []
        for position, branch_id in enumerate(branch_ids):
            voters = [entry for entry in self.roster(branch_id, start) if entry.voting]
            today_ids = {
                entry.member_id for entry in roster_as_of(self.session, branch_id, self.today)
            }
            steady = [entry for entry in voters if entry.member_id in today_ids] or voters
            if len(steady) < len(_COMMITTEE_ROLES):
                continue
            chosen = self.random.sample(steady, len(_COMMITTEE_ROLES))
            found.append(
                _Branch(
                    branch_id,
                    [
                        org
                        for org, parent, level in rows
                        if parent == branch_id and level == "building_group"
                    ],
                    [(entry.member_id, entry.name) for entry in chosen],
                    behind=position == len(branch_ids) - 1 and len(branch_ids) > 1,
                )
            )
        return found

    def first_month(self) -> date:
        month = self.today.year * 12 + self.today.month - 1 - self.past_months
        return date(month // 12, month % 12 + 1, 1)

    # ------------------------------------------------------------------ the calendar

    def plan(self, branch: _Branch) -> list[tuple[MeetingType, int, date]]:
        """(type, organization, date) of every meeting the branch held, oldest first."""
        pick = self.random
        held: list[tuple[MeetingType, int, date]] = []
        first = self.first_month()
        for offset in range(self.past_months + 1):
            number = first.year * 12 + first.month - 1 + offset
            year, month = number // 12, number % 12 + 1
            recent = (self.today - date(year, month, 1)).days < 365
            lapse = branch.behind and recent and pick.random() < 0.35

            def day(low: int, high: int, *, y: int = year, m: int = month) -> date:
                return date(y, m, pick.randint(low, high))

            if not lapse:
                held.append((MeetingType.COMMITTEE, branch.id, day(3, 8)))
            if not (branch.behind and recent and pick.random() < 0.25):
                held.append((MeetingType.THEME_DAY, branch.id, day(9, 14)))
            for group in branch.groups:
                if not (branch.behind and recent and pick.random() < 0.3):
                    held.append((MeetingType.GROUP_MEETING, group, day(15, 20)))
            if month % 3 == 0 and not (branch.behind and recent and month == 6):
                held.append((MeetingType.GENERAL_MEETING, branch.id, day(21, 26)))
            if month % 3 == 2:
                held.append((MeetingType.PARTY_LESSON, branch.id, day(21, 26)))
            if month == 1:
                held.append((MeetingType.LIFE_MEETING, branch.id, day(10, 20)))
                held.append((MeetingType.EVALUATION, branch.id, day(21, 27)))
            if month in (3, 9) and offset % 2 == 0:
                held.append((MeetingType.DELIBERATION, branch.id, day(4, 4)))
        return sorted(
            (item for item in held if item[2] < self.today),
            key=lambda item: (item[2], item[0].value),
        )

    # ------------------------------------------------------------------ one meeting

    def meeting(
        self, branch: _Branch, meeting_type: MeetingType, organization_id: int, on_date: date
    ) -> None:
        pick = self.random
        host_id, host_name = branch.committee[0]
        recorder_id, recorder_name = branch.committee[2]
        if meeting_type is MeetingType.COMMITTEE:
            on_list = {entry.member_id: entry for entry in self.roster(branch.id, on_date)}
            roster = [
                on_list[member_id] for member_id, _name in branch.committee if member_id in on_list
            ]
        else:
            roster = self.roster(organization_id, on_date)
        if not roster:
            return
        ids = {entry.member_id for entry in roster}
        if meeting_type is MeetingType.GROUP_MEETING:
            host_id, host_name = roster[0].member_id, roster[0].name
            recorder_id, recorder_name = roster[-1].member_id, roster[-1].name
        if host_id not in ids or recorder_id not in ids:
            return
        weekend = on_date.weekday() >= 5
        starts, ends = _MORNING if weekend or meeting_type is MeetingType.THEME_DAY else _EVENING
        lecturer = topic = None
        if meeting_type is MeetingType.PARTY_LESSON:
            lecturer = pick.choice([host_name, branch.committee[3][1], "街道党校讲师"])
            topic = pick.choice(_LESSONS)
        meeting_id = self.add(
            Meeting,
            organization_id=organization_id,
            meeting_type=meeting_type.value,
            title=None,
            on_date=on_date,
            start_minute=starts,
            end_minute=ends,
            time_zone=self.zone,
            place=pick.choice(_PLACES),
            room_id=None,
            host_member_id=host_id,
            host_name=host_name,
            recorder_member_id=recorder_id,
            recorder_name=recorder_name,
            lecturer_name=lecturer,
            topic=topic,
            observers="社区党委联系领导" if pick.random() < 0.1 else None,
            status=MeetingStatus.DRAFT.value,
            locked_at=None,
            content_hash=None,
        )
        present = self.attendance(meeting_id, roster, {host_id, recorder_id})
        self.agenda(meeting_id, meeting_type, present)
        self.resolutions(meeting_id, meeting_type, roster)
        age = (self.today - on_date).days
        if age > SIGNED_AFTER_DAYS and pick.random() < 0.96:
            self.sign(meeting_id, on_date, host_name, recorder_name)

    def attendance(
        self, meeting_id: int, roster: list[RosterEntry], must: set[int]
    ) -> list[RosterEntry]:
        pick = self.random
        present = []
        for position, entry in enumerate(roster):
            reason = note = None
            roll = pick.random()
            if entry.member_id in must:
                status = AttendanceStatus.PRESENT
            elif entry.floating_out:
                status, reason, note = AttendanceStatus.LEAVE, AbsenceReason.OTHER, "流出外地务工"
            elif roll < 0.01:
                status, note = AttendanceStatus.EXCUSED, "长期患病，经支部委员会同意不计入应到"
            elif roll < 0.08:
                status = AttendanceStatus.LEAVE
                reason = pick.choice(
                    (AbsenceReason.SICK, AbsenceReason.PERSONAL, AbsenceReason.OFFICIAL)
                )
            elif roll < 0.11:
                status, reason = AttendanceStatus.ABSENT, AbsenceReason.OTHER
                note = "未请假"
            else:
                status = AttendanceStatus.PRESENT
            if status is AttendanceStatus.PRESENT:
                present.append(entry)
            self.add(
                AttendanceLine,
                meeting_id=meeting_id,
                member_id=entry.member_id,
                name=entry.name,
                voting=entry.voting,
                probationary=entry.probationary,
                observer=False,
                status=status.value,
                reason=reason.value if reason else None,
                reason_note=note,
                makeup_on=None,
                makeup_notes=None,
                position=position,
            )
        return present

    def agenda(
        self, meeting_id: int, meeting_type: MeetingType, present: list[RosterEntry]
    ) -> None:
        pick = self.random
        pool = _AGENDA.get(
            meeting_type, (("议事协商", "党员和居民代表围绕小区公共事务协商议事。"),)
        )
        for position, (title, content) in enumerate(
            pick.sample(pool, min(len(pool), pick.randint(1, 3))), 1
        ):
            item_id = self.add(
                AgendaItem, meeting_id=meeting_id, position=position, title=title, content=content
            )
            said: set[str] = set()
            for order, speaker in enumerate(
                pick.sample(present, min(len(present), pick.randint(1, 3))), 1
            ):
                points = pick.choice([text for text in _SPEECHES if text not in said])
                said.add(points)
                self.add(
                    Speech,
                    agenda_item_id=item_id,
                    position=order,
                    speaker_member_id=speaker.member_id,
                    speaker_name=speaker.name,
                    points=points,
                )

    def resolutions(
        self, meeting_id: int, meeting_type: MeetingType, roster: list[RosterEntry]
    ) -> None:
        """Tallies from the voting members present, judged as :func:`service.set_resolutions`
        judges them (its ``_judge_one``), or conclusions for the types that do not vote."""
        pick = self.random
        if not quorum.voting_rule_applies(meeting_type):
            pool = _CONCLUSIONS.get(meeting_type, ())
            for position, text in enumerate(pick.sample(pool, min(len(pool), 1)), 1):
                self.add(Resolution, **_conclusion(meeting_id, position, text))
            return
        counted = [
            line
            for line in self.rows[AttendanceLine][-len(roster) :]
            if line["voting"] and line["status"] != AttendanceStatus.EXCUSED.value
        ]
        should_attend = len(counted)
        voting_present = sum(
            1 for line in counted if line["status"] == AttendanceStatus.PRESENT.value
        )
        texts = pick.sample(_RESOLUTIONS[meeting_type], min(2, len(_RESOLUTIONS[meeting_type])))
        for position, text in enumerate(texts, 1):
            no = pick.choice((0, 0, 0, 1)) if voting_present > 4 else 0
            abstain = pick.choice((0, 0, 1)) if voting_present > 4 else 0
            yes = voting_present - no - abstain
            count = quorum.VoteCount(should_attend, voting_present, yes, no, abstain)
            verdict = quorum.judge(meeting_type, DecisionKind.RESOLUTION, count)
            self.add(
                Resolution,
                meeting_id=meeting_id,
                position=position,
                decision_kind=DecisionKind.RESOLUTION.value,
                text=text,
                on_admission=False,
                voted=True,
                yes_count=yes,
                no_count=no,
                abstain_count=abstain,
                should_attend=should_attend,
                present=voting_present,
                may_vote=verdict.may_vote,
                passed=verdict.passed,
                rule=verdict.rule,
                explanation=verdict.explanation,
            )

    def sign(self, meeting_id: int, on_date: date, host: str, recorder: str) -> None:
        pick = self.random
        signed_on = on_date + timedelta(days=pick.randint(1, 5))
        moment = datetime(
            signed_on.year, signed_on.month, signed_on.day, 2, pick.randrange(60), tzinfo=UTC
        )
        for role, name in ((SignatureRole.HOST, host), (SignatureRole.RECORDER, recorder)):
            self.add(
                Signature,
                meeting_id=meeting_id,
                role=role.value,
                signer_name=name,
                signed_at=moment,
                entered_by=self.entered_by,
            )
        self.signed.append(meeting_id)
        if pick.random() < 0.04:
            reason, text = pick.choice(_CORRECTIONS)
            made_on = min(signed_on + timedelta(days=pick.randint(3, 30)), self.today)
            self.add(
                Correction,
                meeting_id=meeting_id,
                made_on=made_on,
                reason=reason,
                text=text,
                author=self.entered_by,
                author_user_id=self.author_user_id,
            )

    # ------------------------------------------------------------------ writing

    def write(self) -> None:
        """Lock the signed records with their content hash, write every row in bulk, and put
        the texts in the full-text index as :func:`dangqun.minutes.search.reindex_meeting`
        would, one batch for all (one call per meeting took most of the demo's time)."""
        signatures = {row["meeting_id"]: row["signed_at"] for row in self.rows[Signature]}
        for row in self.rows[Meeting]:
            if row["id"] in signatures:
                row["status"] = MeetingStatus.SIGNED.value
                row["locked_at"] = signatures[row["id"]]
                row["content_hash"] = content_hash(self.detail(row))
        ensure_index(self.session)  # before the rows: a new index is filled from the table
        for model in (
            Meeting,
            AttendanceLine,
            AgendaItem,
            Speech,
            Resolution,
            Signature,
            Correction,
        ):
            insert_synced_rows(self.session, model, self.rows[model])
        texts = [
            {"body": body, "meeting": row["id"], "source": source}
            for row in self.rows[Meeting]
            for source, body in self.texts(row)
        ]
        if texts:
            self.session.execute(
                text(
                    f"INSERT INTO {INDEX_TABLE} (body, meeting_id, source) "
                    "VALUES (:body, :meeting, :source)"
                ),
                texts,
            )

    def texts(self, meeting: dict[str, Any]) -> list[tuple[str, str]]:
        """The meeting's searchable texts, worded as :mod:`dangqun.minutes.search` indexes them."""
        children = self.hashed[meeting["id"]]
        found = [("议题", meeting["topic"])] if meeting["topic"] else []
        for item in children[AgendaItem]:
            found.append(("议程", f"{item['title']} {item['content'] or ''}"))
            found += [
                ("发言", f"{speech['speaker_name']}：{speech['points']}")
                for speech in self.speeches[item["id"]]
            ]
        found += [("决议", row["text"]) for row in children[Resolution]]
        found += [("更正", f"{row['reason']} {row['text']}") for row in children[Correction]]
        return found

    def detail(self, meeting: dict[str, Any]) -> MeetingDetail:
        """The record as :func:`~dangqun.minutes.record.read_meeting` will read it back, built
        from the rows about to be written (reading 250 meetings back took two seconds)."""
        children = self.hashed[meeting["id"]]
        attendance = tuple(
            AttendanceView(**{name: row[name] for name in AttendanceView.__dataclass_fields__})
            for row in children[AttendanceLine]
        )
        return MeetingDetail(
            **{
                name: meeting[name]
                for name in MeetingDetail.__dataclass_fields__
                if name in meeting
            },
            organization_name="",
            attendance=attendance,
            agenda=tuple(
                AgendaItemView(
                    item["title"],
                    item["content"],
                    tuple(
                        SpeechView(s["speaker_member_id"], s["speaker_name"], s["points"])
                        for s in self.speeches[item["id"]]
                    ),
                )
                for item in children[AgendaItem]
            ),
            resolutions=tuple(
                ResolutionView(
                    id=row["id"],
                    decision_kind=row["decision_kind"],
                    text=row["text"],
                    on_admission=row["on_admission"],
                    voted=row["voted"],
                    yes=row["yes_count"],
                    no=row["no_count"],
                    abstain=row["abstain_count"],
                    should_attend=row["should_attend"],
                    present=row["present"],
                    may_vote=row["may_vote"],
                    passed=row["passed"],
                    rule=row["rule"],
                    explanation=row["explanation"],
                    votes=(),
                    opinions=(),
                )
                for row in children[Resolution]
            ),
            attachments=(),
            signatures=tuple(
                SignatureView(row["role"], row["signer_name"], row["signed_at"], row["entered_by"])
                for row in sorted(children[Signature], key=lambda r: r["role"])
            ),
            corrections=(),
            figures=figures_of(attendance),
        )


def _conclusion(meeting_id: int, position: int, text: str) -> dict[str, Any]:
    """A conclusion recorded without a vote (types that do not vote: quorum.voting_rule_applies)."""
    return {
        "meeting_id": meeting_id,
        "position": position,
        "decision_kind": DecisionKind.RESOLUTION.value,
        "text": text,
        "on_admission": False,
        "voted": False,
        **dict.fromkeys(
            (
                "yes_count",
                "no_count",
                "abstain_count",
                "should_attend",
                "present",
                "may_vote",
                "passed",
                "rule",
                "explanation",
            ),
        ),
    }


def generate_minutes_demo(
    work: UnitOfWork, options: DemoOptions, progress: ProgressCallback | None
) -> tuple[DemoCount, ...]:
    """Minutes for every branch and its groups (see the module docstring), made in date
    order across branches so the roster of one stretch of days serves them all."""
    del progress  # counted in members, which the members demo has already reported
    demo = _Demo(work, options)
    planned = [
        (on_date, branch_number, position, branch, meeting_type, organization_id)
        for branch_number, branch in enumerate(demo.branches())
        for position, (meeting_type, organization_id, on_date) in enumerate(demo.plan(branch))
    ]
    planned.sort(key=lambda meeting: meeting[:3])
    for on_date, _number, _position, branch, meeting_type, organization_id in planned:
        demo.meeting(branch, meeting_type, organization_id, on_date)
    demo.write()
    return (
        DemoCount("minutes", "会议记录", "份", len(demo.rows[Meeting])),
        DemoCount("minutes_signed", "已签字锁定的会议记录", "份", len(demo.signed)),
    )


def _as_date(value: date | str) -> date:
    return value if isinstance(value, date) else date.fromisoformat(value)

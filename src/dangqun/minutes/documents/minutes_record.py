"""会议记录 — the formal minutes of one meeting on GB/T 9704 paper (issue 15, "Prints").

What a record states, per 《中国共产党支部工作条例（试行）》 practice and DOMAIN §4: the header
block (organization, type, time, place, host, recorder, 讲课人 and 党课主题, 应到 / 实到 / 缺席
with names and reasons, 请假, those left out of 应到 with the recorded reason, 列席), the
agenda with its content and the main points of each speech, the resolutions with their tallies
and the rule's verdict (:func:`dangqun.minutes.quorum.judge`, stored with the resolution) and,
in a vote on admitting a member, each written opinion counted (who, 赞成/反对/弃权, the day it
was handed in — 《中国共产党发展党员工作细则》: the opinions of absent voting members handed in
before the meeting count, so the paper names them), the
dated corrections (reason, author) after the original text — never merged into it — and
signature lines for host and recorder.

A signed (locked) record is entered in the register of issued documents
(:mod:`dangqun.printing.register`, issue 12): its number (``HY-年-序号``), QR code and printed
short code, so ``dangqun verify`` finds it. The code certifies the heading facts and a digest of
the whole body (:func:`dangqun.printing.verification.content_digest`), corrections included: a
correction added after printing makes the register refuse a re-print until the old paper is
voided. A record printed before both signatures is marked 草稿 on every page and registers
nothing (:attr:`MinutesRecordData.signed` is what :data:`REGISTRATION` looks at).
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from datetime import date
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from reportlab.lib.enums import TA_RIGHT
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import KeepTogether

from dangqun.core.db import Database
from dangqun.printing.kinds import IssuedAs, Registration, integer_id
from dangqun.printing.page_kit import (
    OFFICIAL_RED,
    DocumentPlan,
    FormField,
    PageLayout,
    PrintContext,
    VerificationMark,
    chinese_date,
    form_grid,
    gap,
    paragraph,
    signature_lines,
)
from dangqun.printing.verification import (
    check_code_of,
    content_digest,
    make_verification_code,
    signing_key,
)

KIND = "minutes"
"""The kind :mod:`dangqun.printing.verification` certifies as 会议记录 (short code MN)."""
ID_MEANING = "会议记录编号（会议记录页面显示）"
DRAFT_MARK = "草稿（未经主持人、记录人签字，不作为正式记录）"
SECTION_NUMERALS = "一二三四五"
KEPT_WITH_SIGNATURES = 2
"""The signatures never stand alone on a page: up to this many last paragraphs move with them."""


@dataclass(frozen=True)
class SpeechLine:
    speaker: str
    points: str


@dataclass(frozen=True)
class AgendaLine:
    title: str
    content: str
    speeches: tuple[SpeechLine, ...] = ()


@dataclass(frozen=True)
class ResolutionLine:
    kind: str
    """决议 or 选举."""
    text: str
    tally: str
    """``赞成 15 票，反对 0 票，弃权 1 票（应到有表决权党员 19 人，实到 16 人）``, or empty for a
    conclusion recorded without a vote."""
    verdict: str
    """通过 / 未通过 / 不能表决 with the engine's explanation and rule, or empty."""
    opinions: tuple[str, ...] = ()
    """The written opinions counted: ``张伟（赞成，2026年11月8日提交）``."""


@dataclass(frozen=True)
class CorrectionLine:
    made_on: date
    author: str
    reason: str
    text: str


@dataclass(frozen=True)
class MinutesRecordData:
    meeting_id: int
    organization: str
    meeting_type: str
    title: str
    held_on: date
    time_text: str
    place: str
    host: str
    recorder: str
    lecturer: str
    topic: str
    should_attend: int
    present: tuple[str, ...]
    absent: tuple[str, ...]
    """``姓名（原因）`` of those 缺席."""
    on_leave: tuple[str, ...]
    excused: tuple[str, ...]
    """Left out of 应到, ``姓名（recorded reason）``."""
    observers: tuple[str, ...]
    agenda: tuple[AgendaLine, ...]
    resolutions: tuple[ResolutionLine, ...]
    corrections: tuple[CorrectionLine, ...]
    signed: bool
    signed_on: date | None
    number: str = ""
    """The register's number (``HY-2026-000012``), put in when a signed record is issued."""
    issued_on: date | None = None


def body_lines(data: MinutesRecordData) -> list[str]:
    """Everything the record states below its heading, one labelled item each: what the code's
    digest covers (a changed word anywhere changes the digest)."""
    lines = [
        f"时间：{data.time_text}",
        f"地点：{data.place}",
        f"主持人：{data.host}",
        f"记录人：{data.recorder}",
        f"讲课人：{data.lecturer}",
        f"主题：{data.topic}",
        f"出席：{'、'.join(data.present)}",
        f"缺席：{'、'.join(data.absent)}",
        f"请假：{'、'.join(data.on_leave)}",
        f"不计入应到：{'、'.join(data.excused)}",
        f"列席：{'、'.join(data.observers)}",
    ]
    for item in data.agenda:
        lines.append(f"议程：{item.title}：{item.content}")
        lines += [f"发言：{speech.speaker}：{speech.points}" for speech in item.speeches]
    for r in data.resolutions:
        lines.append(f"{r.kind}：{r.text}：{r.tally}：{r.verdict}")
        if r.opinions:  # only then: records without opinions keep the digest they had
            lines.append(f"书面意见：{'、'.join(r.opinions)}")
    lines += [
        f"更正：{c.made_on:%Y%m%d}：{c.author}：{c.reason}：{c.text}" for c in data.corrections
    ]
    return lines


def record_facts(data: MinutesRecordData) -> list[str]:
    """What a signed record's code certifies, in :mod:`dangqun.printing.verification`'s order:
    党组织, 会议, 会议日期, 应到/实到人数, 签定日期, 正文摘要."""
    return [
        data.organization,
        f"{data.meeting_type}：{data.title}",
        data.held_on.strftime("%Y%m%d"),
        f"{data.should_attend}/{len(data.present)}",
        data.signed_on.strftime("%Y%m%d") if data.signed_on else "",
        content_digest(body_lines(data)),
    ]


def record_subject(data: MinutesRecordData) -> str:
    return f"{data.organization} {data.held_on:%Y-%m-%d} {data.meeting_type}"


def issued_record(data: MinutesRecordData, issued: IssuedAs) -> MinutesRecordData:
    return dataclasses.replace(data, number=issued.number, issued_on=issued.issued_on)


REGISTRATION = Registration(
    number_prefix="HY",
    subject=record_subject,
    facts=record_facts,
    issued=issued_record,
    applies=lambda data: data.signed,
)
"""会议记录 numbers: HY-年-序号; drafts are never entered (they certify nothing yet)."""


def _section(number: int, text: str, context: PrintContext) -> object:
    """A heading that never ends a page (kept with the paragraph after it)."""
    style = ParagraphStyle("minutes_heading", parent=context.styles.heading, keepWithNext=1)
    return paragraph(f"{SECTION_NUMERALS[number - 1]}、{text}", style, context.fonts)


def _keeps_with_next(flowable: object) -> bool:
    """Whether ``flowable`` must stay on the page of the one after it. ReportLab keeps a heading
    with a plain paragraph, but not with a ``KeepTogether`` block that moves to the next page:
    the heading was left alone at the foot of page one."""
    keeps = getattr(flowable, "getKeepWithNext", None)
    return bool(keeps()) if keeps is not None else False


def _names(names: tuple[str, ...]) -> str:
    return "、".join(names) or "无"


def build_minutes_record(data: MinutesRecordData, context: PrintContext) -> DocumentPlan:
    styles = context.styles
    fonts = context.fonts
    width = context.layout(PageLayout.PORTRAIT).frame_width
    right = ParagraphStyle("minutes_number", parent=styles.note, alignment=TA_RIGHT)
    item_title = ParagraphStyle("minutes_item", parent=styles.body, keepWithNext=1)
    draft = ParagraphStyle("minutes_draft", parent=styles.subtitle, textColor=OFFICIAL_RED)
    fields = [
        FormField("会议类型", data.meeting_type),
        FormField("主持人", data.host),
        FormField("会议时间", data.time_text, wide=True),
        FormField("会议地点", data.place, wide=True),
    ]
    if data.topic:
        fields.append(FormField("会议主题", data.topic, wide=True))
    if data.lecturer:
        fields.append(FormField("讲课人", data.lecturer, wide=True))
    fields += [
        FormField("记录人", data.recorder),
        FormField(
            "应到/实到",
            f"应到 {data.should_attend} 人，实到 {len(data.present)} 人，"
            f"请假 {len(data.on_leave)} 人，缺席 {len(data.absent)} 人",
        ),
        FormField("出席人员", _names(data.present), wide=True),
        FormField("请假人员", _names(data.on_leave), wide=True),
        FormField("缺席人员", _names(data.absent), wide=True),
    ]
    if data.excused:
        fields.append(FormField("不计入应到", _names(data.excused), wide=True))
    fields.append(FormField("列席人员", _names(data.observers), wide=True))
    story: list[object] = []
    if data.number:
        story.append(paragraph(f"记录编号：{data.number}", right, fonts))
    if not data.signed:
        story.append(paragraph(DRAFT_MARK, draft, fonts))
    story += [
        paragraph(data.organization, styles.title, fonts),
        paragraph(f"{data.meeting_type}记录", styles.title, fonts),
        form_grid(fields, context, width),
    ]
    section = 0
    if data.agenda:
        section += 1
        story.append(_section(section, "议程和内容", context))
        for number, item in enumerate(data.agenda, 1):
            story.append(paragraph(f"（{number}）{item.title}", item_title, fonts))
            if item.content:
                story.append(paragraph(item.content, styles.body, fonts))
            story += [
                paragraph(f"{speech.speaker}发言：{speech.points}", styles.body, fonts)
                for speech in item.speeches
            ]
    if data.resolutions:
        section += 1
        story.append(_section(section, "决议和表决", context))
        for number, line in enumerate(data.resolutions, 1):
            story.append(paragraph(f"{number}. {line.kind}：{line.text}", styles.body, fonts))
            if line.tally:
                story.append(paragraph(f"表决：{line.tally}", styles.body, fonts))
            if line.opinions:
                story.append(
                    paragraph(f"会前书面意见：{'、'.join(line.opinions)}", styles.body, fonts)
                )
            if line.verdict:
                story.append(paragraph(f"结果：{line.verdict}", styles.body, fonts))
    if data.corrections:
        section += 1
        story.append(_section(section, "签字锁定后的更正（原记录不变）", context))
        story += [
            paragraph(
                f"{chinese_date(c.made_on)}，{c.author}更正（原因：{c.reason}）：{c.text}",
                styles.body,
                fonts,
            )
            for c in data.corrections
        ]
    closing: list[object] = [
        gap(6),
        signature_lines(["主持人（签字）", "记录人（签字）"], context, width),
    ]
    if data.signed and data.number:
        code = make_verification_code(
            KIND,
            data.number,
            context.center_id,
            record_facts(data),
            signing_key(context.verification_key),
        )
        sample_note = "" if context.verification_key else "（样张，核验码无效）"
        signed_text = chinese_date(data.signed_on) if data.signed_on else ""
        closing += [
            gap(6),
            VerificationMark(
                code,
                [
                    f"记录编号：{data.number}",
                    f"核验码：{check_code_of(code)}{sample_note}",
                    f"本记录已于{signed_text}经主持人、记录人签字锁定，之后的改动只以更正方式附后。",
                ],
                context,
                size=20 * mm,
            ),
        ]
    start = len(story) - KEPT_WITH_SIGNATURES if section else len(story)
    while 0 < start < len(story) and _keeps_with_next(story[start - 1]):
        start -= 1  # a heading (or item title) just above goes over with what it heads
    tail = story[start:]
    del story[start:]
    story.append(KeepTogether([*tail, *closing]))
    title = f"{data.organization}{data.meeting_type}会议记录 {data.held_on:%Y-%m-%d}"
    return DocumentPlan(
        KIND, title, PageLayout.PORTRAIT, story, page_note="" if data.signed else DRAFT_MARK
    )


def load_minutes_record(
    database: Database, record_id: str, context: PrintContext
) -> MinutesRecordData:
    """Meeting ``record_id`` as the printing user may read it (:func:`service.get_meeting`)."""
    from dangqun.minutes import service
    from dangqun.minutes.vocabulary import (
        ABSENCE_REASON_LABELS,
        DECISION_KIND_LABELS,
        MEETING_TYPE_LABELS,
        VOTE_LABELS,
        AbsenceReason,
        AttendanceStatus,
        DecisionKind,
        MeetingStatus,
        MeetingType,
        Vote,
    )

    assert context.actor is not None, "records are printed by a signed-in user"
    meeting = service.get_meeting(database, context.actor, integer_id(record_id, "会议记录编号"))

    def because(line: service.AttendanceView) -> str:
        reason = ABSENCE_REASON_LABELS[AbsenceReason(line.reason)] if line.reason else ""
        said = "，".join(part for part in (reason, line.reason_note or "") if part)
        return f"{line.name}（{said}）" if said else line.name

    listed = [line for line in meeting.attendance if not line.observer]
    status = {s: [line for line in listed if line.status == s.value] for s in AttendanceStatus}
    observers = [line.name for line in meeting.attendance if line.observer]
    observers += [
        part for part in (meeting.observers or "").replace("，", "、").split("、") if part
    ]
    names = {line.member_id: line.name for line in meeting.attendance}
    resolutions = []
    for r in meeting.resolutions:
        tally = verdict = ""
        if r.voted:
            tally = (
                f"{VOTE_LABELS[Vote.YES]} {r.yes} 票，{VOTE_LABELS[Vote.NO]} {r.no} 票，"
                f"{VOTE_LABELS[Vote.ABSTAIN]} {r.abstain} 票（应到有表决权党员 {r.should_attend} 人，"
                f"实到 {r.present} 人"
                + (f"，会前书面意见 {len(r.opinions)} 份" if r.opinions else "")
                + "）"
            )
            elected = r.decision_kind == DecisionKind.ELECTION.value
            outcome = (
                "不能表决"
                if not r.may_vote
                else ("当选" if elected else "通过")
                if r.passed
                else ("未当选" if elected else "未通过")
            )
            verdict = f"{outcome}。{r.explanation or ''}（依据：{r.rule or ''}）"
        opinions = tuple(
            f"{names.get(o.member_id, '')}（{VOTE_LABELS[Vote(o.vote)]}，"
            f"{chinese_date(o.submitted_on)}提交）"
            for o in r.opinions
        )
        resolutions.append(
            ResolutionLine(
                DECISION_KIND_LABELS[DecisionKind(r.decision_kind)],
                r.text,
                tally,
                verdict,
                opinions,
            )
        )
    signed_on = None
    if meeting.locked_at is not None:
        try:
            zone = ZoneInfo(meeting.time_zone)
            signed_on = meeting.locked_at.astimezone(zone).date()
        except (ZoneInfoNotFoundError, ValueError):
            signed_on = meeting.locked_at.date()
    type_label = MEETING_TYPE_LABELS[MeetingType(meeting.meeting_type)]
    return MinutesRecordData(
        meeting_id=meeting.id,
        organization=meeting.organization_name,
        meeting_type=type_label,
        title=meeting.title or meeting.topic or type_label,
        held_on=meeting.on_date,
        time_text=f"{chinese_date(meeting.on_date)} {_clock(meeting.start_minute)}—{_clock(meeting.end_minute)}",
        place=meeting.place,
        host=meeting.host_name,
        recorder=meeting.recorder_name,
        lecturer=meeting.lecturer_name or "",
        topic=meeting.topic or "",
        should_attend=meeting.figures.should_attend,
        present=tuple(line.name for line in status[AttendanceStatus.PRESENT]),
        absent=tuple(because(line) for line in status[AttendanceStatus.ABSENT]),
        on_leave=tuple(because(line) for line in status[AttendanceStatus.LEAVE]),
        excused=tuple(because(line) for line in status[AttendanceStatus.EXCUSED]),
        observers=tuple(observers),
        agenda=tuple(
            AgendaLine(
                item.title,
                item.content or "",
                tuple(SpeechLine(s.speaker_name, s.points) for s in item.speeches),
            )
            for item in meeting.agenda
        ),
        resolutions=tuple(resolutions),
        corrections=tuple(
            CorrectionLine(c.made_on, c.author, c.reason, c.text) for c in meeting.corrections
        ),
        signed=meeting.status == MeetingStatus.SIGNED.value,
        signed_on=signed_on,
    )


def _clock(minute: int) -> str:
    return f"{minute // 60:02d}:{minute % 60:02d}"


def sample_minutes_record(context: PrintContext) -> MinutesRecordData:
    """A 支部党员大会 that adds up: 21 on the list, 19 with a vote; 18 present (16 voting)."""
    present = (
        "王建国", "李秀英", "张伟", "刘洋", "陈静", "杨帆", "赵丽", "黄磊", "周敏", "吴涛",
        "徐娜", "孙浩", "胡婷", "朱明", "高峰", "林芳", "何军", "郭燕",
    )  # fmt: skip
    return MinutesRecordData(
        meeting_id=46,
        organization="第一网格党支部",
        meeting_type="支部党员大会",
        title="讨论接收预备党员",
        held_on=date(2026, 11, 14),
        time_text="2026年11月14日 14:30—16:40",
        place="翠湖社区党群服务中心二楼党员活动室",
        host="王建国",
        recorder="赵丽",
        lecturer="",
        topic="",
        should_attend=21,
        present=present,
        absent=("梁宇（其他，未请假）",),
        on_leave=("马超（病假）", "罗慧（公假，外出培训）"),
        excused=(),
        observers=("入党积极分子 宋佳",),
        agenda=(
            AgendaLine(
                "讨论接收宋佳同志为中共预备党员",
                "入党介绍人介绍发展对象情况，支部委员会报告审查情况，党员充分讨论。",
                (SpeechLine("赵丽", "入党申请、积极分子培养、政治审查、公示等程序均已完成。"),),
            ),
        ),
        resolutions=(
            ResolutionLine(
                "决议",
                "同意接收宋佳同志为中共预备党员，报社区党委审批。",
                "赞成 15 票，反对 0 票，弃权 1 票（应到有表决权党员 19 人，实到 16 人）",
                "通过。实到 16 人超过应到 19 人的半数，赞成 15 票超过应到半数"
                "（依据：《中国共产党支部工作条例（试行）》第十一条）",
            ),
        ),
        corrections=(
            CorrectionLine(
                date(2026, 11, 20),
                "赵丽",
                "记录人笔误",
                "罗慧同志请假原因应为公假（参加街道培训）。",
            ),
        ),
        signed=True,
        signed_on=date(2026, 11, 15),
        number="HY-2026-000046",
        issued_on=date(2026, 11, 20),
    )

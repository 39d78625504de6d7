"""签到表 — the sign-in sheet of a meeting, printed before it (issue 15, "Prints").

The list is who should attend on the meeting date: the lines already on the record when the
clerk has listed them (a committee meeting lists its 支委), otherwise the organization's roster
of that date (:func:`dangqun.minutes.service.roster`: members who arrived later are not on it,
those transferred out since are). Columns 序号 / 姓名 / 身份 / 签名 / 备注, the signature cells
empty and tall enough for a hand; a few blank lines for 列席; the header names the organization,
meeting, date, time, place and host, so a sheet found in a drawer still says which meeting it
belongs to. The clerk types the attendance back on the record; this module only prints.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from reportlab.lib.units import mm
from reportlab.platypus import KeepTogether

from dangqun.core.db import Database
from dangqun.printing.kinds import integer_id
from dangqun.printing.page_kit import (
    DocumentPlan,
    FormField,
    PageLayout,
    PrintContext,
    chinese_date,
    fill_in,
    form_grid,
    gap,
    paragraph,
    signature_lines,
    signing_grid,
)

KIND = "minutes_sign_in"
LINE_HEIGHT = 8 * mm
"""A signature needs about 8 mm of height (a 小四 line is 5.6 mm)."""
COLUMNS = (("序号", 16), ("姓名", 28), ("身份", 50), ("签名", 40), ("备注", 22))
OBSERVER_LINES = 3


@dataclass(frozen=True)
class SignInLine:
    name: str
    standing: str
    """正式党员 / 预备党员 / 流入党员（无表决权）/ 流出党员 …"""


@dataclass(frozen=True)
class MeetingSignInData:
    organization: str
    meeting_type: str
    title: str
    held_on: date
    time_text: str
    place: str
    host: str
    lines: tuple[SignInLine, ...]


def build_meeting_sign_in(data: MeetingSignInData, context: PrintContext) -> DocumentPlan:
    styles = context.styles
    fonts = context.fonts
    width = context.layout(PageLayout.PORTRAIT).frame_width
    header = form_grid(
        [
            FormField("党组织", data.organization, wide=True),
            FormField("会议", f"{data.meeting_type} {data.title}".strip(), wide=True),
            FormField("会议时间", data.time_text, wide=True),
            FormField("会议地点", data.place),
            FormField("主持人", data.host),
        ],
        context,
        width,
    )
    total = sum(share for _, share in COLUMNS)
    widths = [width * share / total for _, share in COLUMNS]
    rows: list[list[Any]] = [[paragraph(title, styles.cell_header, fonts) for title, _ in COLUMNS]]
    rows += [
        [
            paragraph(str(number), styles.cell_center, fonts),
            paragraph(line.name, styles.cell, fonts),
            paragraph(line.standing, styles.cell, fonts),
            "",
            "",
        ]
        for number, line in enumerate(data.lines, 1)
    ]
    rows += [
        [paragraph("列席", styles.cell_center, fonts), "", "", "", ""]
        for _ in range(OBSERVER_LINES)
    ]
    table = signing_grid(rows, widths, fonts, LINE_HEIGHT)
    story: list[object] = [
        paragraph(data.organization, styles.title, fonts),
        paragraph(f"{data.meeting_type}签到表", styles.title, fonts),
        header,
        gap(3),
        table,
        KeepTogether(
            [
                gap(3),
                paragraph(
                    f"应到 {len(data.lines)} 人，实到 {fill_in('', 3)} 人，"
                    f"请假 {fill_in('', 3)} 人，缺席 {fill_in('', 3)} 人。",
                    styles.body_plain,
                    fonts,
                ),
                signature_lines(["主持人", "记录人"], context, width),
            ]
        ),
    ]
    return DocumentPlan(
        KIND, f"签到表 {data.organization} {data.held_on:%Y-%m-%d}", PageLayout.PORTRAIT, story
    )


def load_meeting_sign_in(
    database: Database, record_id: str, context: PrintContext
) -> MeetingSignInData:
    """The sheet of meeting ``record_id``, read as the printing user may."""
    from dangqun.minutes import service
    from dangqun.minutes.vocabulary import MEETING_TYPE_LABELS, MeetingType

    assert context.actor is not None, "records are printed by a signed-in user"
    actor = context.actor
    meeting = service.get_meeting(database, actor, integer_id(record_id, "会议记录编号"))
    listed = [line for line in meeting.attendance if not line.observer]
    if listed:
        lines = [
            SignInLine(line.name, _standing(line.voting, line.probationary)) for line in listed
        ]
    else:
        lines = [
            SignInLine(
                entry.name,
                "流出党员" if entry.floating_out else _standing(entry.voting, entry.probationary),
            )
            for entry in service.roster(database, actor, meeting.organization_id, meeting.on_date)
        ]
    start, end = meeting.start_minute, meeting.end_minute
    return MeetingSignInData(
        organization=meeting.organization_name,
        meeting_type=MEETING_TYPE_LABELS[MeetingType(meeting.meeting_type)],
        title=meeting.title or meeting.topic or "",
        held_on=meeting.on_date,
        time_text=f"{chinese_date(meeting.on_date)} "
        f"{start // 60:02d}:{start % 60:02d}—{end // 60:02d}:{end % 60:02d}",
        place=meeting.place,
        host=meeting.host_name,
        lines=tuple(lines),
    )


def _standing(voting: bool, probationary: bool) -> str:
    if probationary:
        return "预备党员"
    return "正式党员" if voting else "正式党员（无表决权）"


def sample_meeting_sign_in(context: PrintContext) -> MeetingSignInData:
    names = ("王建国", "李秀英", "张伟", "刘洋", "陈静", "杨帆", "赵丽", "黄磊", "周敏", "胡婷")
    return MeetingSignInData(
        organization="第一网格党支部",
        meeting_type="支部党员大会",
        title="讨论接收预备党员",
        held_on=date(2026, 11, 14),
        time_text="2026年11月14日 14:30—16:40",
        place="翠湖社区党群服务中心二楼党员活动室",
        host="王建国",
        lines=tuple(
            SignInLine(name, "预备党员" if name == "胡婷" else "正式党员") for name in names
        ),
    )

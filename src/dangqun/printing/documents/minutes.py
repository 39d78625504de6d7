"""会议记录 — minutes of 三会一课, 主题党日 and 组织生活会 (DOMAIN.md §4).

A record holds, per《中国共产党支部工作条例（试行）》practice: time, place, host, recorder,
expected and actual attendance, absentees with reasons, observers, agenda, main points of the
speeches, vote tallies, resolutions, and the signatures of host and recorder. Signed minutes
are locked: they carry a verification code, and later changes print as dated corrections
below the original text, never as a silent rewrite. Unsigned minutes print as 草稿 (draft).

The code's MAC covers the whole printed body through :func:`minutes_body_digest` (issue 10):
the body is too long to travel in a QR code, so ``verify`` vouches for the heading facts and
the digest, and says the body itself must be compared with the center's signed record.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date, time

from reportlab.lib.enums import TA_RIGHT
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import KeepTogether

from dangqun.printing.page_kit import (
    Column,
    DocumentPlan,
    FormField,
    PageLayout,
    PrintContext,
    VerificationMark,
    chinese_date,
    data_table,
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
CHINESE_NUMERALS = "一二三四五六七八九十"
MAX_ITEMS_KEPT_WITH_SIGNATURES = 8


@dataclass(frozen=True)
class Absence:
    name: str
    reason: str  # 病假 / 事假 / 公假 …


@dataclass(frozen=True)
class Speech:
    speaker: str
    points: str


@dataclass(frozen=True)
class VoteTally:
    """One motion put to the vote; ``eligible`` counts those who should vote (with a vote)."""

    motion: str
    eligible: int
    in_favour: int
    against: int
    abstaining: int
    outcome: str  # 通过 / 未通过, decided by the minutes module under art. 11


@dataclass(frozen=True)
class Correction:
    made_on: date
    made_by: str
    text: str


@dataclass(frozen=True)
class MinutesData:
    minutes_number: str
    organization_name: str
    meeting_type: str
    topic: str
    held_on: date
    starts_at: time | None
    ends_at: time | None
    place: str
    host: str
    recorder: str
    expected_count: int
    present: Sequence[str]
    absent: Sequence[Absence] = ()
    observers: Sequence[str] = ()
    agenda: Sequence[str] = ()
    speeches: Sequence[Speech] = ()
    votes: Sequence[VoteTally] = ()
    resolutions: Sequence[str] = ()
    signed_on: date | None = None
    corrections: Sequence[Correction] = field(default_factory=tuple)


def minutes_body(data: MinutesData) -> list[str]:
    """Everything the printed record states beyond its heading, one labelled item each."""
    return [
        f"会议时间：{_time_text(data)}",
        f"会议地点：{data.place}",
        f"主持人：{data.host}",
        f"记录人：{data.recorder}",
        f"出席人员：{'、'.join(data.present)}",
        *(f"缺席人员：{item.name}（{item.reason}）" for item in data.absent),
        *(f"列席人员：{name}" for name in data.observers),
        *(f"议程：{item}" for item in data.agenda),
        *(f"发言：{speech.speaker}：{speech.points}" for speech in data.speeches),
        *(
            f"表决：{vote.motion}：应表决{vote.eligible}，同意{vote.in_favour}，"
            f"反对{vote.against}，弃权{vote.abstaining}，{vote.outcome}"
            for vote in data.votes
        ),
        *(f"决议：{item}" for item in data.resolutions),
        *(f"更正：{item.made_on:%Y%m%d}：{item.made_by}：{item.text}" for item in data.corrections),
    ]


def minutes_body_digest(data: MinutesData) -> str:
    """The fingerprint of :func:`minutes_body` that the verification code carries and signs."""
    return content_digest(minutes_body(data))


def minutes_facts(data: MinutesData) -> list[str]:
    """What a signed record's code certifies, in :mod:`verification`'s field order."""
    signed = data.signed_on.strftime("%Y%m%d") if data.signed_on else ""
    return [
        data.organization_name,
        f"{data.meeting_type}：{data.topic}",
        data.held_on.strftime("%Y%m%d"),
        f"{data.expected_count}/{len(data.present)}",
        signed,
        minutes_body_digest(data),
    ]


def _section_title(number: int, text: str) -> str:
    numeral = CHINESE_NUMERALS[number - 1] if number <= len(CHINESE_NUMERALS) else str(number)
    return f"{numeral}、{text}"


def _time_text(data: MinutesData) -> str:
    text = f"{chinese_date(data.held_on)}"
    if data.starts_at is not None:
        text += f" {data.starts_at:%H:%M}"
        if data.ends_at is not None:
            text += f"—{data.ends_at:%H:%M}"
    return text


def build_minutes(data: MinutesData, context: PrintContext) -> DocumentPlan:
    styles = context.styles
    fonts = context.fonts
    width = context.layout(PageLayout.PORTRAIT).frame_width
    status = f"已于{chinese_date(data.signed_on)}签定" if data.signed_on else "草稿（未签定）"
    number_style = ParagraphStyle("number", parent=styles.note, alignment=TA_RIGHT)
    absent_text = "；".join(f"{item.name}（{item.reason}）" for item in data.absent) or "无"
    fields = [
        FormField("会议类型", data.meeting_type),
        FormField("主持人", data.host),
        FormField("会议时间", _time_text(data), wide=True),
        FormField("会议地点", data.place, wide=True),
        FormField("会议主题", data.topic, wide=True),
        FormField("记录人", data.recorder),
        FormField("应到/实到", f"应到 {data.expected_count} 人，实到 {len(data.present)} 人"),
        FormField("出席人员", "、".join(data.present) or "无", wide=True),
        FormField("缺席人员", absent_text, wide=True),
        FormField("列席人员", "、".join(data.observers) or "无", wide=True),
    ]
    story: list[object] = [
        paragraph(f"记录编号：{data.minutes_number}　{status}", number_style, fonts),
        gap(2),
        paragraph(f"{data.organization_name}会议记录", styles.title, fonts),
        form_grid(fields, context, width),
    ]
    section = 0
    last_section_start = len(story)
    if data.agenda:
        section += 1
        last_section_start = len(story)
        story.append(paragraph(_section_title(section, "会议议程"), styles.heading, fonts))
        for number, agenda_item in enumerate(data.agenda, 1):
            story.append(paragraph(f"{number}. {agenda_item}", styles.body, fonts))
    if data.speeches:
        section += 1
        last_section_start = len(story)
        story.append(paragraph(_section_title(section, "发言要点"), styles.heading, fonts))
        for speech in data.speeches:
            story.append(paragraph(f"{speech.speaker}：{speech.points}", styles.body, fonts))
    if data.votes:
        section += 1
        last_section_start = len(story)
        story.append(paragraph(_section_title(section, "表决情况"), styles.heading, fonts))
        story.append(
            data_table(
                [
                    Column("表决事项", 70),
                    Column("应表决", 18, "center"),
                    Column("同意", 14, "center"),
                    Column("反对", 14, "center"),
                    Column("弃权", 14, "center"),
                    Column("结果", 16, "center"),
                ],
                [
                    [
                        vote.motion,
                        str(vote.eligible),
                        str(vote.in_favour),
                        str(vote.against),
                        str(vote.abstaining),
                        vote.outcome,
                    ]
                    for vote in data.votes
                ],
                context,
                width,
            )
        )
    if data.resolutions:
        section += 1
        last_section_start = len(story)
        story.append(paragraph(_section_title(section, "会议决议"), styles.heading, fonts))
        for number, resolution in enumerate(data.resolutions, 1):
            story.append(paragraph(f"{number}. {resolution}", styles.body, fonts))
    if data.corrections:
        section += 1
        last_section_start = len(story)
        story.append(paragraph(_section_title(section, "签定后的更正记录"), styles.heading, fonts))
        for correction in data.corrections:
            story.append(
                paragraph(
                    f"{chinese_date(correction.made_on)}，{correction.made_by}更正："
                    f"{correction.text}",
                    styles.body,
                    fonts,
                )
            )
    closing: list[object] = [
        gap(6),
        signature_lines(["主持人（签字）", "记录人（签字）"], context, width),
    ]
    if data.signed_on is not None:
        code = make_verification_code(
            KIND,
            data.minutes_number,
            context.center_id,
            minutes_facts(data),
            signing_key(context.verification_key),
        )
        sample_note = "" if context.verification_key else "（样张，核验码无效）"
        closing += [
            gap(6),
            VerificationMark(
                code,
                [
                    f"记录编号：{data.minutes_number}",
                    f"核验码：{check_code_of(code)}{sample_note}",
                    f"本记录已于{chinese_date(data.signed_on)}签定，之后的改动只以更正记录方式附后。",
                ],
                context,
                size=20 * mm,
            ),
        ]
    # The signatures never stand alone on a page: the last section moves with them.
    tail = story[last_section_start:]
    if len(tail) > MAX_ITEMS_KEPT_WITH_SIGNATURES:
        tail = []
    del story[len(story) - len(tail) :]
    story.append(KeepTogether([*tail, *closing]))
    return DocumentPlan(
        KIND,
        f"{data.organization_name}会议记录 {data.minutes_number}",
        PageLayout.PORTRAIT,
        story,
    )


def sample_minutes(context: PrintContext) -> MinutesData:
    """A 支部党员大会 that adds up (issue 11: samples are internally consistent): 21 expected =
    19 with a vote + 2 预备党员 (胡婷, 郭燕); 18 present, the 3 absent all with a vote, so at
    most 16 votes are cast on each motion — and a motion passes with more than half of the 19."""
    present = [
        "王建国", "李秀英", "张伟", "刘洋", "陈静", "杨帆", "赵丽", "黄磊", "周敏", "吴涛",
        "徐娜", "孙浩", "胡婷", "朱明", "高峰", "林芳", "何军", "郭燕",
    ]  # fmt: skip
    return MinutesData(
        minutes_number="HY-2026-0046",
        organization_name="翠湖社区第一网格党支部",
        meeting_type="支部党员大会",
        topic="学习贯彻党的二十届四中全会精神，讨论接收预备党员",
        held_on=date(2026, 11, 14),
        starts_at=time(14, 30),
        ends_at=time(16, 40),
        place="翠湖社区党群服务中心二楼党员活动室",
        host="王建国（支部书记）",
        recorder="赵丽（组织委员）",
        expected_count=21,
        present=present,
        absent=[
            Absence("马超", "病假"),
            Absence("罗慧", "公假（外出培训）"),
            Absence("梁宇", "事假"),
        ],
        observers=["入党积极分子 宋佳", "社区居委会副主任 郑平"],
        agenda=[
            "集中学习党的二十届四中全会精神，交流学习体会；",
            "讨论接收宋佳同志为中共预备党员；",
            "通报本季度“逢四说事”议事情况，研究老旧小区加装电梯协调事项；",
            "部署冬季独居老人走访和“时间银行”志愿服务安排。",
        ],
        speeches=[
            Speech(
                "王建国",
                "传达全会精神，要求全体党员结合网格工作，把学习成果落实到为民服务的具体行动中，"
                "特别是做好独居老人冬季走访和矛盾纠纷排查。",
            ),
            Speech(
                "赵丽",
                "介绍发展对象宋佳同志的培养考察情况：入党申请、积极分子培养、政治审查、"
                "公示等程序均已完成，培养联系人意见一致同意。",
            ),
            Speech(
                "张伟",
                "3 栋加装电梯已征得 2/3 以上住户同意，低层住户的顾虑主要是采光和噪音，"
                "建议由支部牵头召开楼栋议事会，请设计单位现场说明。",
            ),
            Speech(
                "李秀英",
                "建议把独居老人走访纳入“时间银行”服务项目，按实际服务时长记录，不计往返路途时间。",
            ),
        ],
        votes=[
            VoteTally("接收宋佳同志为中共预备党员", 19, 15, 0, 1, "通过"),
            VoteTally("3 栋加装电梯协调方案提交楼栋议事会", 19, 16, 0, 0, "通过"),
        ],
        resolutions=[
            "同意接收宋佳同志为中共预备党员，报社区党委审批。",
            "2026年11月24日（逢四说事日）召开 3 栋楼栋议事会，由张伟同志负责通知住户。",
            "自2026年12月5日起每周六上午开展独居老人走访，服务时长按“时间银行”规则记录。",
        ],
        signed_on=date(2026, 11, 15),
    )

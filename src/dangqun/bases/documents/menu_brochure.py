"""特色菜单 — a base's menu brochure (issue 14, "Menu … A printable menu brochure per base").

What a branch secretary reads when choosing where to hold the month's 主题党日: the base's
introduction, address, opening hours (days with the same hours said once: 星期一至星期五), closed
dates, whom to call, then each activity of the menu with its description, how long it takes,
the group size it suits and the lecturers who give it with their topics. Retired items are left
out: the brochure offers what can be booked.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from reportlab.platypus import KeepTogether

from dangqun.bases.vocabulary import WEEKDAY_LABELS
from dangqun.core.db import Database
from dangqun.printing.kinds import integer_id
from dangqun.printing.page_kit import (
    DocumentPlan,
    FormField,
    HorizontalRule,
    PageLayout,
    PrintContext,
    SpacedTitle,
    TypeSize,
    chinese_date,
    fill_in,
    form_grid,
    format_duration,
    gap,
    paragraph,
)

KIND = "menu_brochure"
CHINESE_NUMERALS = "一二三四五六七八九十"


@dataclass(frozen=True)
class BrochureItem:
    name: str
    description: str
    duration_minutes: int
    min_group: int
    max_group: int
    lecturers: Sequence[str]
    """Each lecturer with topics: ``张建国（党史、党章）``."""
    materials: Sequence[str]


@dataclass(frozen=True)
class MenuBrochureData:
    base_name: str
    base_type: str
    introduction: str
    address: str
    contact: str
    phone: str
    hours: Sequence[str]
    """Lines such as ``星期一至星期五 09:00—12:00、14:00—18:00``."""
    closures: Sequence[str]
    rooms: Sequence[str]
    items: Sequence[BrochureItem]


def hours_lines(hours: Sequence[str]) -> list[str]:
    """The seven weekdays' hours (Monday first) with runs of equal days joined:
    ``星期一至星期五 09:00—17:00``, ``星期六、星期日 不开放``."""
    lines: list[str] = []
    start = 0
    for end in range(1, 8):
        if end < 7 and hours[end] == hours[start]:
            continue
        days = WEEKDAY_LABELS[start]
        if end - start == 2:
            days += "、" + WEEKDAY_LABELS[end - 1]
        elif end - start > 2:
            days += "至" + WEEKDAY_LABELS[end - 1]
        lines.append(f"{days} {hours[start]}")
        start = end
    return lines


def _numeral(number: int) -> str:
    if number <= 10:
        return CHINESE_NUMERALS[number - 1]
    tens, ones = divmod(number, 10)
    prefix = "" if tens == 1 else CHINESE_NUMERALS[tens - 1]
    return prefix + "十" + (CHINESE_NUMERALS[ones - 1] if ones else "")


def build_menu_brochure(data: MenuBrochureData, context: PrintContext) -> DocumentPlan:
    styles = context.styles
    fonts = context.fonts
    width = context.layout(PageLayout.PORTRAIT).frame_width
    story: list[object] = [
        SpacedTitle(data.base_name, fonts.title, fonts, TypeSize.ERHAO),
        gap(2),
        paragraph(f"特色菜单（{data.base_type}阵地）", styles.subtitle, fonts),
        HorizontalRule(1.2),
        gap(3),
    ]
    if data.introduction:
        story += [
            paragraph(line, styles.body_compact, fonts)
            for line in data.introduction.splitlines()
            if line.strip()
        ]
        story.append(gap(2))
    story.append(
        form_grid(
            [
                FormField("地址", fill_in(data.address, 16), wide=True),
                FormField("开放时间", "；".join(hours_lines(data.hours)) or "不开放", wide=True),
                *(
                    [FormField("闭馆日期", "；".join(data.closures), wide=True)]
                    if data.closures
                    else []
                ),
                *([FormField("活动场地", "、".join(data.rooms), wide=True)] if data.rooms else []),
                FormField("联系人", fill_in(data.contact)),
                FormField("联系电话", fill_in(data.phone)),
            ],
            context,
            width,
        )
    )
    story.append(gap(4))
    if not data.items:
        story.append(paragraph("本基地暂未开设特色菜单活动。", styles.body_compact, fonts))
    for number, item in enumerate(data.items, 1):
        story.append(paragraph(f"{_numeral(number)}、{item.name}", styles.heading, fonts))
        if item.description:
            story.append(paragraph(item.description, styles.body_compact, fonts))
        facts = [
            FormField("活动时长", format_duration(item.duration_minutes)),
            FormField("适宜人数", f"{item.min_group}—{item.max_group} 人"),
            FormField("授课讲师", "、".join(item.lecturers) or "无需讲师（自主开展）", wide=True),
        ]
        if item.materials:
            facts.append(FormField("所需物资", "、".join(item.materials), wide=True))
        story += [gap(1), form_grid(facts, context, width), gap(3)]
    story += [
        gap(2),
        KeepTogether(
            [
                paragraph(
                    "欢迎各支部、驻区单位、两新组织和流动党员小组预约。", styles.body_compact, fonts
                ),
                paragraph(chinese_date(context.print_date), styles.right, fonts),
            ]
        ),
    ]
    return DocumentPlan(KIND, f"{data.base_name}特色菜单", PageLayout.PORTRAIT, story)


def load_menu_brochure(
    database: Database, record_id: str, context: PrintContext
) -> MenuBrochureData:
    """The brochure of base ``record_id`` (its number) with the items that can be booked."""
    from dangqun.bases.service import get_base, list_menu_items

    assert context.actor is not None, "records are printed by a signed-in user"
    base = get_base(database, context.actor, integer_id(record_id, "阵地编号"))
    items = [item for item in list_menu_items(database, context.actor, base.id) if not item.retired]
    return MenuBrochureData(
        base_name=base.name,
        base_type=base.base_type_label,
        introduction=base.introduction,
        address=base.address,
        contact=base.contact,
        phone=base.phone,
        hours=[line.split(" ", 1)[1] for line in base.hours_lines()],
        closures=[closure.text for closure in base.closures],
        rooms=[f"{room.name}（{room.capacity} 人）" for room in base.rooms if not room.retired],
        items=[
            BrochureItem(
                name=item.name,
                description=item.description,
                duration_minutes=item.duration_minutes,
                min_group=item.min_group,
                max_group=item.max_group,
                lecturers=[
                    f"{lecturer.name}（{'、'.join(lecturer.topics)}）"
                    if lecturer.topics
                    else lecturer.name
                    for lecturer in item.lecturers
                    if not lecturer.retired
                ],
                materials=[f"{material.name} {count}" for material, count in item.materials],
            )
            for item in items
        ],
    )


def sample_menu_brochure(context: PrintContext) -> MenuBrochureData:
    every_day = "09:00—12:00、14:00—17:30"
    return MenuBrochureData(
        base_name="翠湖红色记忆馆",
        base_type="红色型",
        introduction="翠湖红色记忆馆位于翠湖南路，以图片、实物和场景再现翠湖地区的革命历史，"
        "是区委组织部命名的开放式组织生活基地。\n馆内设有党员活动室和多功能厅，可同时接待两批"
        "来访党员。",
        address="五华区翠湖南路 8 号",
        contact="赵敏",
        phone="0871-65123457",
        hours=[every_day] * 5 + ["09:00—12:00", "不开放"],
        closures=["春节 每年 1月28日至2月4日", "国庆 每年 10月1日至10月7日"],
        rooms=["一楼展厅（60 人）", "党员活动室（40 人）"],
        items=[
            BrochureItem(
                "重温入党誓词",
                "在党旗下重温入党誓词，由支部书记领誓，全体党员庄严宣誓。",
                30,
                1,
                60,
                [],
                ["党旗 1"],
            ),
            BrochureItem(
                "专题党课《红色翠湖》",
                "讲述翠湖地区的革命故事和先烈事迹，结合展陈现场讲解。",
                90,
                10,
                60,
                ["杨红梅（党史、革命文化）", "张建国（党史）"],
                ["投影仪 1"],
            ),
        ],
    )

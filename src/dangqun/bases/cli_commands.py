"""``dangqun bases``: list, book, cancel, stats (issue 14, "CLI"), for district IT and scripts.

Declared in ``bases/feature.py``; signs in like every command (:class:`~dangqun.cli_kit.CliKit`).
``book`` goes through the same service and the same ``BEGIN IMMEDIATE`` transaction as the
booking dialog, so a script and the front desk can never both take the last places. Exit codes:
0 done (``book`` prints the booking number); 1 refused, the reason in Chinese on standard error.
"""

from __future__ import annotations

import argparse
import json
from datetime import date, time
from functools import partial
from typing import TYPE_CHECKING

from dangqun.bases.document_commands import add_document_commands
from dangqun.cli_kit import EXIT_OK, CliKit
from dangqun.core.errors import FieldError, ValidationError

if TYPE_CHECKING:
    from dangqun.bases.queries import Tally


def add_commands(
    commands: argparse._SubParsersAction[argparse.ArgumentParser], kit: CliKit
) -> None:
    """Register ``bases`` and its sub-commands on the CLI's ``add_subparsers()`` object."""
    bases = commands.add_parser("bases", help="阵地预约：阵地和活动室、预约、取消、统计")
    actions = bases.add_subparsers(dest="bases_command", metavar="操作", required=True)

    listing = actions.add_parser("list", help="列出阵地、活动室（编号、容纳人数）和开放时间")
    listing.add_argument("--json", action="store_true", help="以 JSON 输出")
    listing.set_defaults(handler=partial(command_list, kit=kit))

    book = actions.add_parser("book", help="预约活动室；成功时输出预约编号")
    book.add_argument("--room", required=True, type=int, metavar="ID", help="活动室编号")
    book.add_argument("--date", required=True, metavar="YYYY-MM-DD", help="日期")
    book.add_argument("--start", required=True, metavar="HH:MM", help="开始时间（当地时间）")
    book.add_argument("--end", required=True, metavar="HH:MM", help="结束时间（当天）")
    book.add_argument("--headcount", required=True, type=int, metavar="N", help="预计人数")
    book.add_argument("--org", required=True, metavar="NAME", help="来访组织名称")
    book.add_argument(
        "--org-type",
        required=True,
        metavar="TYPE",
        help="组织类型：支部、驻区单位、两新组织、流动党员小组",
    )
    book.add_argument("--contact", required=True, metavar="NAME", help="联系人")
    book.add_argument("--phone", required=True, metavar="P", help="联系电话")
    book.add_argument(
        "--menu-item",
        type=int,
        action="append",
        default=[],
        metavar="ID",
        help="特色菜单编号（可多次）",
    )
    book.add_argument(
        "--channel", default="电话", metavar="方式", help="预约方式：电话（默认）、现场、线上"
    )
    book.add_argument("--json", action="store_true", help="以 JSON 输出")
    book.set_defaults(handler=partial(command_book, kit=kit))

    cancel = actions.add_parser("cancel", help="取消预约（须写明原因）")
    cancel.add_argument("number", metavar="NO", help="预约编号，如 YY-2026-000001")
    cancel.add_argument("--reason", required=True, metavar="R", help="取消原因")
    cancel.set_defaults(handler=partial(command_cancel, kit=kit))

    stats = actions.add_parser("stats", help="按实际签到统计批次和人次")
    stats.add_argument("--from", dest="starts_on", required=True, metavar="D", help="开始日期")
    stats.add_argument("--to", dest="ends_on", required=True, metavar="D", help="结束日期（含）")
    stats.add_argument("--base", type=int, metavar="ID", help="只统计一个阵地")
    stats.add_argument("--json", action="store_true", help="以 JSON 输出")
    stats.set_defaults(handler=partial(command_stats, kit=kit))

    add_document_commands(actions, kit)


def _date(text: str, field: str, label: str) -> date:
    try:
        return date.fromisoformat(text.strip())
    except ValueError:
        raise ValidationError.single(field, f"{label}“{text}”应写作 YYYY-MM-DD") from None


def _time(text: str, field: str, label: str) -> time:
    try:
        parsed = time.fromisoformat(text.strip())
    except ValueError:
        raise ValidationError.single(field, f"{label}“{text}”应写作 HH:MM（如 09:30）") from None
    return parsed.replace(second=0, microsecond=0)


def command_list(arguments: argparse.Namespace, kit: CliKit) -> int:
    from dangqun.bases.service import list_bases

    with kit.initialized(arguments) as application:
        bases = list_bases(application.database, kit.actor())
    if arguments.json:
        payload = [
            {
                "id": base.id,
                "name": base.name,
                "type": base.base_type_label,
                "address": base.address,
                "rooms": [
                    {
                        "id": room.id,
                        "name": room.name,
                        "capacity": room.capacity,
                        "exclusive": room.exclusive,
                    }
                    for room in base.rooms
                ],
                "hours": {
                    str(weekday): [interval.text for interval in base.hours.get(weekday, ())]
                    for weekday in range(7)
                },
                "closures": [closure.text for closure in base.closures],
            }
            for base in bases
        ]
        print(json.dumps(payload, ensure_ascii=False, indent=2))
        return EXIT_OK
    if not bases:
        print("还没有阵地。")
    for base in bases:
        print(f"阵地 {base.id} {base.name}（{base.base_type_label}）{base.address}")
        for room in base.rooms:
            use = "，独占使用" if room.exclusive else ""
            print(f"  活动室 {room.id} {room.name}：容纳 {room.capacity} 人{use}")
        print("  开放时间：" + "；".join(base.hours_lines()))
        for closure in base.closures:
            print(f"  闭馆：{closure.text}")
    return EXIT_OK


def command_book(arguments: argparse.Namespace, kit: CliKit) -> int:
    from dangqun.bases.service import (
        CHANNEL_LABELS,
        ORGANIZATION_TYPE_LABELS,
        BookingForm,
        book,
        get_booking,
    )
    from dangqun.bases.vocabulary import parse_label

    errors: list[FieldError] = []
    org_type = parse_label(ORGANIZATION_TYPE_LABELS, arguments.org_type)
    if org_type is None:
        errors.append(
            FieldError(
                "org_type",
                f"组织类型“{arguments.org_type}”应为：支部、驻区单位、两新组织、流动党员小组",
            )
        )
    channel = parse_label(CHANNEL_LABELS, arguments.channel)
    if channel is None:
        errors.append(FieldError("channel", f"预约方式“{arguments.channel}”应为：电话、现场、线上"))
    on_date = _date(arguments.date, "on_date", "日期")
    starts_at = _time(arguments.start, "starts_at", "开始时间")
    ends_at = _time(arguments.end, "ends_at", "结束时间")
    if errors:
        raise ValidationError(errors)
    assert org_type is not None and channel is not None
    form = BookingForm(
        room_id=arguments.room,
        on_date=on_date,
        starts_at=starts_at,
        ends_at=ends_at,
        headcount=arguments.headcount,
        organization=arguments.org,
        org_type=org_type,
        contact=arguments.contact,
        phone=arguments.phone,
        menu_item_ids=tuple(arguments.menu_item),
        channel=channel,
    )
    with kit.initialized(arguments) as application:
        actor = kit.actor()
        booking = get_booking(application.database, actor, book(application.database, actor, form))
    if arguments.json:
        print(
            json.dumps(
                {
                    "number": booking.number,
                    "id": booking.id,
                    "room": booking.room_name,
                    "date": booking.on_date.isoformat(),
                    "start": f"{booking.starts_at:%H:%M}",
                    "end": f"{booking.ends_at:%H:%M}",
                    "time_zone": booking.time_zone,
                    "headcount": booking.headcount,
                    "status": booking.status.value,
                    "lecturer": booking.lecturer or None,
                },
                ensure_ascii=False,
                indent=2,
            )
        )
    else:
        print(booking.number)
    return EXIT_OK


def command_cancel(arguments: argparse.Namespace, kit: CliKit) -> int:
    from dangqun.bases.service import cancel_booking, find_booking

    with kit.initialized(arguments) as application:
        actor = kit.actor()
        booking = find_booking(application.database, actor, arguments.number)
        cancel_booking(application.database, actor, booking.id, arguments.reason)
    print(f"已取消预约 {booking.number}")
    return EXIT_OK


def command_stats(arguments: argparse.Namespace, kit: CliKit) -> int:
    from dangqun.bases.service import statistics

    starts_on = _date(arguments.starts_on, "starts_on", "开始日期")
    ends_on = _date(arguments.ends_on, "ends_on", "结束日期")
    if ends_on < starts_on:
        raise ValidationError.single("ends_on", "结束日期不能早于开始日期")
    with kit.initialized(arguments) as application:
        result = statistics(
            application.database, kit.actor(), starts_on, ends_on, base_id=arguments.base
        )

    def tallies(rows: tuple[Tally, ...]) -> list[dict[str, object]]:
        return [{"name": t.label, "visits": t.visits, "people": t.people} for t in rows]

    if arguments.json:
        print(
            json.dumps(
                {
                    "from": starts_on.isoformat(),
                    "to": ends_on.isoformat(),
                    "visits": result.visits,
                    "people": result.people,
                    "by_month": tallies(result.by_period),
                    "by_base": tallies(result.by_base),
                    "by_org_type": tallies(result.by_org_type),
                    "by_organization": tallies(result.by_organization),
                    "by_menu_item": tallies(result.by_menu_item),
                },
                ensure_ascii=False,
                indent=2,
            )
        )
        return EXIT_OK
    print(f"{starts_on.isoformat()} 至 {ends_on.isoformat()}：{result.summary}")
    for title, rows in (
        ("按月", result.by_period),
        ("按阵地", result.by_base),
        ("按来访类型", result.by_org_type),
        ("按来访组织", result.by_organization),
        ("按特色菜单", result.by_menu_item),
    ):
        if rows:
            print(f"{title}：")
            for tally in rows:
                print(f"  {tally.label}：{tally.visits} 批 {tally.people} 人次")
    return EXIT_OK

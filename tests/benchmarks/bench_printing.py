"""Printing speed: 500 certificates and a 20,000-row roster vs raw ReportLab canvas code;
one page of minutes; the peak memory of a 100,000-row roster.

Targets (issue 3): 500 certificates in one PDF at most 2× the time of raw canvas code drawing
the same text and shapes, measured in the same run; one page of minutes under 300 ms after the
first font load (fonts are registered once per process). Issue 12: the roster of 20,000 rows
at most 3× raw canvas code drawing the same rows (drawString per cell, grid lines, the same
page size and rows per page), and a 100,000-row roster under 300 MB peak RSS, measured in a
fresh process (``resource.getrusage``). Prints one JSON line per figure.

    python tests/benchmarks/bench_printing.py [--certificates 500] [--repeat 5]
        [--roster 20000] [--roster-memory 100000]
"""

from __future__ import annotations

import argparse
import dataclasses
import itertools
import json
import math
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from datetime import date
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from reportlab.graphics.barcode.qr import QrCodeWidget
from reportlab.lib import colors
from reportlab.lib.pagesizes import A4, landscape
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas

from dangqun.core.privacy import mask_address, mask_id_number, mask_phone
from dangqun.members.documents.member_roster import (
    MemberRosterData,
    RosterCounts,
    RosterMember,
    build_member_roster,
)
from dangqun.minutes.documents.minutes_record import build_minutes_record, sample_minutes_record
from dangqun.printing.batch import render_to_file
from dangqun.printing.fonts import choose_document_fonts, reset_font_cache
from dangqun.printing.page_kit import (
    PageLayout,
    PrintContext,
    chinese_date,
    format_duration,
    layout_specification,
)
from dangqun.printing.service import render_documents
from dangqun.timebank.documents.volunteer_certificate import (
    VolunteerCertificateData,
    certificate_code,
    sample_volunteer_certificate,
)
from tests.benchmarks.common import emit

CENTER_ID = "6f1c2e1a-3b4c-4d5e-8f90-123456789abc"


def context_for_run() -> PrintContext:
    return PrintContext(
        "翠湖社区党群服务中心",
        CENTER_ID,
        date(2026, 11, 22),
        choose_document_fonts(),
        verification_key=bytes(range(32)),
    )


def certificates(context: PrintContext, count: int) -> Iterator[VolunteerCertificateData]:
    sample = sample_volunteer_certificate(context)
    for number in range(1, count + 1):
        yield dataclasses.replace(
            sample,
            certificate_number=f"ZYZM-2026-{number:06d}",
            volunteer_name=f"志愿者{number:03d}",
            service_minutes=30 + number,
        )


def engine_certificates(context: PrintContext, count: int, path: Path) -> None:
    render_documents(
        "volunteer_certificate", certificates(context, count), context, path, total=count
    )


def _wrap(text: str, per_line: int) -> list[str]:
    return [text[index : index + per_line] for index in range(0, len(text), per_line)]


def raw_certificates(context: PrintContext, count: int, path: Path) -> None:
    """Hand-placed canvas code drawing the same text and shapes, as a programmer would
    without the page kit: fixed positions, lines pre-cut at a fixed character count."""
    body_font = context.fonts.body.name
    title_font = context.fonts.title.name
    canvas = Canvas(str(path), pagesize=A4, initialFontName=body_font, pageCompression=1)
    width, height = A4
    red = colors.HexColor("#C8161D")
    for data in certificates(context, count):
        canvas.setStrokeColor(red)
        canvas.setLineWidth(2.4)
        canvas.rect(12 * mm, 12 * mm, width - 24 * mm, height - 24 * mm)
        canvas.setLineWidth(0.7)
        canvas.rect(14.5 * mm, 14.5 * mm, width - 29 * mm, height - 29 * mm)
        canvas.setFillColor(colors.black)
        canvas.setFont(body_font, 10.5)
        canvas.drawRightString(
            width - 28 * mm, height - 32 * mm, f"编号：{data.certificate_number}"
        )
        canvas.setFillColor(red)
        text = canvas.beginText()
        text.setTextOrigin(width / 2 - 108, height - 60 * mm)
        text.setFont(title_font, 36)
        text.setCharSpace(12.6)
        text.textOut("志愿服务证明")
        canvas.drawText(text)
        canvas.setFillColor(colors.black)
        body = (
            f"兹证明 {data.volunteer_name} 同志于{chinese_date(data.service_from)}至"
            f"{chinese_date(data.service_to)}期间，在{data.issuing_organization}参加志愿服务，"
            f"服务内容为：{data.service_content}。经核实，累计服务时长"
            f"{format_duration(data.service_minutes)}。"
        )
        canvas.setFont(body_font, 16)
        y = height - 85 * mm
        for line in _wrap("　　" + body, 28):
            canvas.drawString(28 * mm, y, line)
            y -= 29
        canvas.drawString(28 * mm, y, "　　特此证明。")
        y -= 40
        cells = [
            ("志愿者", data.volunteer_name, "志愿者编号", data.volunteer_number),
            ("证件类型", data.id_type, "证件号码", mask_id_number(data.id_number)),
            ("服务时长", format_duration(data.service_minutes), "联系电话", data.contact),
            ("负责人", data.person_in_charge, "经办人", data.handler),
            ("出具单位", data.issuing_organization, "", ""),
            ("备注", data.notes, "", ""),
        ]
        canvas.setFont(body_font, 12)
        canvas.setLineWidth(0.6)
        canvas.setStrokeColor(colors.grey)
        left, table_width, row_height = 28 * mm, width - 56 * mm, 20
        columns = [left, left + 70, left + 220, left + 290, left + table_width]
        for row in cells:
            canvas.setFillColor(colors.HexColor("#F1F1F1"))
            canvas.rect(left, y - row_height, 70, row_height, stroke=1, fill=1)
            canvas.rect(left + 70, y - row_height, table_width - 70, row_height, stroke=1, fill=0)
            canvas.setFillColor(colors.black)
            canvas.drawCentredString(left + 35, y - 14, row[0])
            canvas.drawString(left + 75, y - 14, row[1])
            if row[2]:
                canvas.rect(columns[2], y - row_height, 70, row_height, stroke=1, fill=0)
                canvas.drawCentredString(columns[2] + 35, y - 14, row[2])
                canvas.drawString(columns[3] + 5, y - 14, row[3])
            y -= row_height
        canvas.setFont(body_font, 10.5)
        canvas.drawString(
            left,
            y - 16,
            "本证明依据《志愿服务记录与证明出具办法（试行）》免费出具，服务时长为实际服务时间。",
        )
        canvas.setStrokeColor(colors.HexColor("#D9A3A3"))
        canvas.setDash(3, 3)
        canvas.circle(width - 63 * mm, 60 * mm, 21 * mm)
        canvas.setDash()
        canvas.setFont(body_font, 14)
        canvas.drawCentredString(width - 63 * mm, 64 * mm, data.issuing_organization)
        canvas.drawCentredString(width - 63 * mm, 56 * mm, chinese_date(data.issued_on))
        code = certificate_code(data, context)
        encoder = QrCodeWidget(code, barLevel="M", barBorder=0).qr
        encoder.make()
        size = 22 * mm
        module = size / encoder.getModuleCount()
        path_object = canvas.beginPath()
        for row_index, row_modules in enumerate(encoder.modules):
            top = 30 * mm + size - (row_index + 1) * module
            column = 0
            for dark, run in itertools.groupby(row_modules):
                length = len(list(run))
                if dark:
                    path_object.rect(28 * mm + column * module, top, length * module, module)
                column += length
        canvas.drawPath(path_object, stroke=0, fill=1)
        canvas.setFont(body_font, 10.5)
        canvas.drawString(54 * mm, 46 * mm, f"证明编号：{data.certificate_number}")
        canvas.drawString(54 * mm, 41 * mm, f"核验码：{code.rsplit('|', 1)[-1]}")
        canvas.drawString(54 * mm, 36 * mm, "扫描二维码可核验本证明的真伪")
        canvas.showPage()
    canvas.save()


def one_page_minutes(context: PrintContext) -> Any:
    """The signed sample record (header block, QR code and short code) cut to one page: agenda
    titles only, resolutions without their tally, no corrections — the full sample takes two."""
    sample = sample_minutes_record(context)
    return dataclasses.replace(
        sample,
        agenda=tuple(dataclasses.replace(item, content="", speeches=()) for item in sample.agenda),
        resolutions=tuple(
            dataclasses.replace(line, tally="", verdict="") for line in sample.resolutions
        ),
        corrections=(),
    )


def timed(function: Any, *arguments: Any) -> float:
    start = time.perf_counter()
    function(*arguments)
    return time.perf_counter() - start


def main(count: int, repeat: int) -> list[dict[str, Any]]:
    results = []
    with tempfile.TemporaryDirectory() as folder:
        directory = Path(folder)
        reset_font_cache()
        start = time.perf_counter()
        context = context_for_run()
        minutes_path = directory / "minutes.pdf"
        render_to_file(
            [build_minutes_record(one_page_minutes(context), context)], context, minutes_path
        )
        first_minutes = time.perf_counter() - start
        warm = [
            timed(
                lambda: render_to_file(
                    [build_minutes_record(one_page_minutes(context_for_run()), context_for_run())],
                    context,
                    minutes_path,
                )
            )
            for _ in range(max(repeat, 5))
        ]
        from subprocess import run as run_process

        pages = run_process(["pdfinfo", str(minutes_path)], capture_output=True, text=True).stdout
        results.append(
            emit(
                "one_page_of_minutes",
                {
                    "first_run_seconds_including_font_load": round(first_minutes, 3),
                    "warm_median_seconds": round(statistics.median(warm), 3),
                    "warm_max_seconds": round(max(warm), 3),
                    "target_seconds": 0.3,
                    "meets_target": max(warm) < 0.3,
                    "pages": next(
                        (
                            line.split()[-1]
                            for line in pages.splitlines()
                            if line.startswith("Pages")
                        ),
                        "?",
                    ),
                    "font": context.fonts.body.family,
                },
            )
        )
        engine_times = []
        raw_times = []
        for _ in range(repeat):
            engine_times.append(
                timed(engine_certificates, context, count, directory / "engine.pdf")
            )
            raw_times.append(timed(raw_certificates, context, count, directory / "raw.pdf"))
        engine, raw = statistics.median(engine_times), statistics.median(raw_times)
        results.append(
            emit(
                "certificates_batch",
                {
                    "certificates": count,
                    "engine_median_seconds": round(engine, 3),
                    "raw_canvas_median_seconds": round(raw, 3),
                    "ratio_to_raw_canvas": round(engine / raw, 2),
                    "target_ratio": 2.0,
                    "meets_target": engine / raw <= 2.0,
                    "engine_file_kib": round((directory / "engine.pdf").stat().st_size / 1024),
                    "raw_file_kib": round((directory / "raw.pdf").stat().st_size / 1024),
                    "repeats": repeat,
                },
            )
        )
    return results


SURNAMES = (
    "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾萧田董潘袁于蒋蔡余杜叶程"
)
GIVEN = "建国秀英伟洋帆佳明华丽军平强敏静杰磊娟涛超霞"


def roster_members(count: int) -> Iterator[RosterMember]:
    """Synthetic members, one line each, made one at a time (the loader streams too)."""
    for number in range(count):
        surname = SURNAMES[number % len(SURNAMES)]
        given = GIVEN[number % len(GIVEN)] + GIVEN[(number // 7) % len(GIVEN)]
        yield RosterMember(
            name=surname + given,
            gender="男" if number % 2 else "女",
            ethnicity="汉族",
            birth_date=date(1950 + number % 50, 1 + number % 12, 1),
            id_number=f"5301021970{number % 10_000:04d}{number % 1000:03d}1",
            education="大学本科",
            category="正式党员",
            joined_on=date(1990 + number % 30, 7, 1),
            confirmed_on=date(1991 + number % 30, 7, 1),
            work_unit="五华区市场监督管理局"[: 4 + number % 4],
            phone=f"139{number:08d}",
            address=f"五华区翠湖南路{number % 300}号",
            kind="社区党员",
        )


def roster_data(count: int) -> MemberRosterData:
    counts = RosterCounts(count, 0, False)
    return MemberRosterData("第一网格党支部", date(2026, 11, 22), roster_members(count), counts)


def engine_roster(context: PrintContext, count: int, path: Path) -> int:
    plan = build_member_roster(roster_data(count), context)
    return render_to_file([plan], context, path).pages


ROSTER_HEADERS = (
    "序号", "姓名", "性别", "民族", "出生年月", "公民身份号码", "学历", "人员类别",
    "入党时间", "转正时间", "工作单位及职务", "联系电话", "现居住地址", "党员类型",
)  # fmt: skip
ROSTER_SHARES = (10.5, 14.5, 8, 12, 13, 32.5, 20.5, 14.5, 13, 13, 26, 21, 27, 17.5)


def raw_roster(context: PrintContext, count: int, path: Path, rows_per_page: int) -> None:
    """What a programmer writes by hand: a header row, then ``drawString`` per cell and the
    grid lines, ``rows_per_page`` rows to a landscape A4 page, with the same masking."""
    font = context.fonts.body.name
    canvas = Canvas(str(path), pagesize=landscape(A4), initialFontName=font, pageCompression=1)
    specification = layout_specification(PageLayout.LANDSCAPE, context.page)
    left = specification.margins.left
    width = specification.frame_width
    scale = width / sum(ROSTER_SHARES)
    edges = [left]
    for share in ROSTER_SHARES:
        edges.append(edges[-1] + share * scale)
    row_height = 17.7
    top_of_page = specification.page_size[1] - specification.margins.top
    members = roster_members(count)
    number = 0
    while number < count:
        canvas.setFont(font, 9)
        y = top_of_page
        canvas.setFillColor(colors.HexColor("#F1F1F1"))
        canvas.rect(left, y - row_height, width, row_height, stroke=0, fill=1)
        canvas.setFillColor(colors.black)
        for index, header in enumerate(ROSTER_HEADERS):
            canvas.drawCentredString((edges[index] + edges[index + 1]) / 2, y - 12, header)
        y -= row_height
        for member in itertools.islice(members, rows_per_page):
            number += 1
            cells = (
                str(number), member.name, member.gender, member.ethnicity,
                f"{member.birth_date:%Y.%m}" if member.birth_date else "",
                mask_id_number(member.id_number), member.education, member.category,
                f"{member.joined_on:%Y.%m}" if member.joined_on else "",
                f"{member.confirmed_on:%Y.%m}" if member.confirmed_on else "",
                member.work_unit, mask_phone(member.phone), mask_address(member.address),
                member.kind,
            )  # fmt: skip
            for index, cell in enumerate(cells):
                canvas.drawString(edges[index] + 2, y - 12, cell)
            y -= row_height
            canvas.line(left, y, left + width, y)
        for edge in edges:
            canvas.line(edge, top_of_page, edge, y)
        canvas.line(left, top_of_page, left + width, top_of_page)
        canvas.showPage()
    canvas.save()


def roster_memory(count: int) -> dict[str, Any]:
    """Run in a fresh process: the peak RSS of laying out a ``count``-row roster."""
    context = context_for_run()
    with tempfile.TemporaryDirectory() as folder:
        start = time.perf_counter()
        pages = engine_roster(context, count, Path(folder) / "roster.pdf")
        seconds = time.perf_counter() - start
    peak_kib = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return {
        "rows": count,
        "pages": pages,
        "seconds": round(seconds, 1),
        "peak_mib": peak_kib // 1024,
    }


def roster_figures(count: int, memory_rows: int, repeat: int) -> list[dict[str, Any]]:
    results = []
    context = context_for_run()
    with tempfile.TemporaryDirectory() as folder:
        directory = Path(folder)
        engine_times, raw_times, pages = [], [], 0
        for _ in range(repeat):
            start = time.perf_counter()
            pages = engine_roster(context, count, directory / "engine.pdf")
            engine_times.append(time.perf_counter() - start)
            rows_per_page = math.ceil(count / pages)
            raw_times.append(
                timed(raw_roster, context, count, directory / "raw.pdf", rows_per_page)
            )
        engine, raw = statistics.median(engine_times), statistics.median(raw_times)
        results.append(
            emit(
                "roster_streamed",
                {
                    "rows": count,
                    "pages": pages,
                    "engine_median_seconds": round(engine, 2),
                    "raw_canvas_median_seconds": round(raw, 2),
                    "ratio_to_raw_canvas": round(engine / raw, 2),
                    "target_ratio": 3.0,
                    "meets_target": engine / raw <= 3.0,
                    "repeats": repeat,
                },
            )
        )
    child = subprocess.run(
        [sys.executable, __file__, "--measure-roster-memory", str(memory_rows)],
        capture_output=True,
        text=True,
        check=True,
    )
    memory = json.loads(child.stdout.strip().splitlines()[-1])
    results.append(
        emit(
            "roster_peak_memory",
            {**memory, "target_mib": 300, "meets_target": memory["peak_mib"] < 300},
        )
    )
    return results


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--certificates", type=int, default=500)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--roster", type=int, default=20_000, help="rows of the timed roster")
    parser.add_argument(
        "--roster-memory",
        type=int,
        default=100_000,
        help="rows of the roster whose memory is measured",
    )
    parser.add_argument("--only-roster", action="store_true", help="the roster figures only")
    parser.add_argument("--measure-roster-memory", type=int, help=argparse.SUPPRESS)
    options = parser.parse_args()
    if options.measure_roster_memory:
        print(json.dumps(roster_memory(options.measure_roster_memory)))
        sys.exit(0)
    if not options.only_roster:
        main(options.certificates, options.repeat)
    roster_figures(options.roster, options.roster_memory, options.repeat)

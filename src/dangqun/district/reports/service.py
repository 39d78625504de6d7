"""The district report's services: compute it, write it as PDF or Excel (issue 17).

The one module of :mod:`dangqun.district.reports` the CLI and the workbench import (the package
docstring shows how). A report reads the district database in one read transaction and holds
counts only — no name of a member, no ID number — so it needs no masking; writing the file is
recorded in the district's audit (``district.report``: period, format, file), as every export
is, and the file is owner-only from its first byte (ARCHITECTURE "What is protected").
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

from dangqun.core.clock import local_today, utc_now
from dangqun.core.errors import ValidationError
from dangqun.core.paths import write_private_file
from dangqun.district.database import DistrictDatabase, DistrictError
from dangqun.district.reports.figures import CenterFigures, DistrictReport, compute
from dangqun.district.reports.periods import Period, parse_period

__all__ = [
    "CenterFigures",
    "DistrictReport",
    "Period",
    "district_report",
    "parse_period",
    "report_format",
    "write_report",
]

FORMATS = {".pdf": "pdf", ".xlsx": "xlsx"}


def district_report(
    db: DistrictDatabase, period: Period, today: date | None = None
) -> DistrictReport:
    """The figures of ``period`` (see :mod:`.figures`); ``today`` decides what is overdue."""
    identity = db.identity()
    dialect = db.database.engine.dialect.name
    with db.reading() as session:
        return compute(session, dialect, identity.name, period, today or local_today(), utc_now())


def report_format(path: Path, option: str = "out") -> str:
    """``pdf`` or ``xlsx`` from the file name, or a Chinese refusal naming ``--out``."""
    found = FORMATS.get(path.suffix.lower())
    if found is None:
        raise ValidationError.single(
            option, f"--{option}“{path}”：报表文件名应以 .pdf 或 .xlsx 结尾。"
        )
    if path.is_dir():
        raise ValidationError.single(option, f"--{option}“{path}”是一个文件夹，请给出文件名。")
    if not path.parent.is_dir():
        raise ValidationError.single(option, f"--{option} 的文件夹“{path.parent}”不存在。")
    return found


def write_report(db: DistrictDatabase, report: DistrictReport, path: Path) -> None:
    """Render ``report`` to ``path`` (the format from its suffix), owner-only, in one piece,
    and record the export in the district's audit."""
    kind = report_format(path)
    if kind == "pdf":
        from dangqun.district.reports.pdf import report_pdf

        content = report_pdf(report)
    else:
        from dangqun.district.reports.excel import report_workbook

        content = report_workbook(report)
    try:
        write_private_file(path, content)
    except OSError as error:
        raise DistrictError(f"报表没能写入“{path}”（{error.strerror or error}）。") from error
    with db.writing() as session:
        db.audit(
            session,
            "district.report",
            {"period": report.period.code, "format": kind, "file": str(path)},
        )
        session.commit()

"""How a center's paper is set up: margins of running-text documents and the seal guide.

GB/T 9704-2012 §5.2.1 puts the text block 37 mm ± 1 mm from the top edge and 28 mm ± 1 mm from
the left edge of A4 (156 mm × 225 mm: 22 lines of 28 characters in 三号). Centers that print on
pre-printed letterhead (红头纸) need the block lower or further right, so both are settings.
The seal (公章) goes over the issuing organization and the date by hand: the paper leaves a blank
there with "（盖章）"; a faint guide circle is an option for centers aligning a stamp, off by
default because it shows under red ink.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from dangqun.core.db import Database
from dangqun.core.setting_definitions import SettingDefinition, integer_between, register_setting
from dangqun.core.settings import get_setting

GB9704_TOP_MARGIN_MM = 37
GB9704_LEFT_MARGIN_MM = 28


def _validate_flag(value: Any) -> str | None:
    return None if isinstance(value, bool) else "必须是“是”或“否”"


PRINT_TOP_MARGIN_MM = register_setting(
    SettingDefinition(
        "print_top_margin_mm",
        "公文式文书上边距（毫米）",
        GB9704_TOP_MARGIN_MM,
        integer_between(15, 80, " 毫米"),
    )
)
PRINT_LEFT_MARGIN_MM = register_setting(
    SettingDefinition(
        "print_left_margin_mm",
        "公文式文书左边距（毫米）",
        GB9704_LEFT_MARGIN_MM,
        integer_between(15, 45, " 毫米"),
    )
)
PRINT_SEAL_GUIDE = register_setting(
    SettingDefinition("print_seal_guide", "在盖章处印浅色对位圆圈", False, _validate_flag)
)


@dataclass(frozen=True)
class PageSettings:
    """The paper settings of one center, read once per print."""

    top_margin_mm: int = GB9704_TOP_MARGIN_MM
    left_margin_mm: int = GB9704_LEFT_MARGIN_MM
    seal_guide: bool = False


def read_page_settings(database: Database) -> PageSettings:
    with database.reading() as session:
        return PageSettings(
            top_margin_mm=int(get_setting(session, PRINT_TOP_MARGIN_MM)),
            left_margin_mm=int(get_setting(session, PRINT_LEFT_MARGIN_MM)),
            seal_guide=bool(get_setting(session, PRINT_SEAL_GUIDE)),
        )

"""The minutes module's settings (DOMAIN §4: local practice is a setting, not a constant).

Imported by :mod:`dangqun.minutes.models`, so wherever the schema is loaded the settings are
known. Standard library and :mod:`dangqun.core.setting_definitions` only.

* ``minutes_party_lesson_months`` (default 3): a branch gives a 党课 once every this many months
  — the 条例 fixes no frequency; quarterly is the common local rule (DOMAIN §4). 12 = once a year.
* ``minutes_committee_months`` (default 1): 支部委员会 "monthly, or as needed" (条例 art. 12);
  a center whose branches meet every two months sets 2.
* ``minutes_attachment_max_mb`` (default 10): the largest attachment (photo, scan) accepted;
  the bytes live in the database so every backup carries them, which is why it stays small.
"""

from __future__ import annotations

from dangqun.core.setting_definitions import SettingDefinition, integer_between, register_setting


def _months(value: object) -> str | None:
    return integer_between(1, 12, " 个月")(value) or (
        None
        if isinstance(value, int) and 12 % value == 0
        else "必须能整除 12（1、2、3、4、6 或 12）"
    )


PARTY_LESSON_MONTHS = register_setting(
    SettingDefinition("minutes_party_lesson_months", "党课至少每几个月一次", 3, _months)
)
COMMITTEE_MONTHS = register_setting(
    SettingDefinition("minutes_committee_months", "支部委员会至少每几个月一次", 1, _months)
)
ATTACHMENT_MAX_MB = register_setting(
    SettingDefinition(
        "minutes_attachment_max_mb", "会议记录附件最大（MB）", 10, integer_between(1, 50, " MB")
    )
)

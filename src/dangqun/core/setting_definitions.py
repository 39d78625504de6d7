"""The registry of center-wide settings: what each one is called, its default and its rule.

Each module registers the settings it owns (``register_setting``), so the settings page and
``dangqun check`` see them all. Kept apart from the table (:mod:`dangqun.core.settings`) and
free of SQLAlchemy, because the first window reads the font size before the ORM is imported.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True)
class SettingDefinition:
    key: str
    label: str
    default: Any
    validate: Callable[[Any], str | None]
    """Returns a Chinese reason when the value is refused, None when it is fine."""


_REGISTRY: dict[str, SettingDefinition] = {}


def register_setting(definition: SettingDefinition) -> SettingDefinition:
    _REGISTRY[definition.key] = definition
    return definition


def setting_definitions() -> list[SettingDefinition]:
    return list(_REGISTRY.values())


def registered_setting(key: str) -> SettingDefinition | None:
    return _REGISTRY.get(key)


def integer_between(low: int, high: int, unit: str) -> Callable[[Any], str | None]:
    def validate(value: Any) -> str | None:
        if isinstance(value, bool) or not isinstance(value, int):
            return f"必须是整数（{low}–{high}{unit}）"
        if not low <= value <= high:
            return f"必须在 {low} 到 {high}{unit} 之间"
        return None

    return validate


def optional_text(max_length: int) -> Callable[[Any], str | None]:
    def validate(value: Any) -> str | None:
        if not isinstance(value, str):
            return "必须是文字"
        if len(value) > max_length:
            return f"不能超过 {max_length} 个字符"
        return None

    return validate


IDLE_LOCK_MINUTES = register_setting(
    SettingDefinition(
        "idle_lock_minutes", "无操作自动锁定（分钟）", 10, integer_between(1, 240, " 分钟")
    )
)
LOGIN_LOCKOUT_MINUTES = register_setting(
    SettingDefinition(
        "login_lockout_minutes",
        "密码连续错误 5 次后锁定（分钟）",
        15,
        integer_between(1, 1440, " 分钟"),
    )
)
SMALLEST_FONT_POINT_SIZE = 9
LARGEST_FONT_POINT_SIZE = 20
"""The largest UI font a center may choose; tests/ui/test_clipping.py shows every page at it.

20 pt, about 1.5 times the default 13 pt (issue 11). At 24 pt a 1024-pixel screen holds some 30
characters a line, and the 党员 form's sixteen-item record no longer fits in two columns (it
needed 1,132 px); 20 pt keeps every page and dialog whole at 1024×768. A larger size stored by
an earlier version is shown at this one (:func:`clamped_font_point_size`)."""
FONT_POINT_SIZE = register_setting(
    SettingDefinition(
        "font_point_size",
        "界面字号（磅）",
        13,
        integer_between(SMALLEST_FONT_POINT_SIZE, LARGEST_FONT_POINT_SIZE, " 磅"),
    )
)


def clamped_font_point_size(point_size: int) -> int:
    """The stored font size within the sizes the screens are made for."""
    return min(max(point_size, SMALLEST_FONT_POINT_SIZE), LARGEST_FONT_POINT_SIZE)


def decode_setting(definition: SettingDefinition, stored_json: str | None) -> Any:
    """The value of a stored row (None: no row, so the default)."""
    if stored_json is None:
        return definition.default
    import json  # here, not at the top: the first window reads the font size before json is due

    return json.loads(stored_json)

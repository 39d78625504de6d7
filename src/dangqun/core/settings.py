"""Center-wide settings: a registry of typed definitions and a key/value table.

Each module registers the settings it owns (``register_setting``), so the settings page and
``dangqun check`` see them all; values are validated and audited like any other write.
Per-machine state (window geometry, last printer) is not here: it lives in ui-state.ini.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from sqlalchemy import String, Text, select
from sqlalchemy.orm import Mapped, Session, mapped_column

from dangqun.core.db import Database
from dangqun.core.errors import ValidationError
from dangqun.core.model_base import Base
from dangqun.core.security import Actor, Permission


class SettingRow(Base):
    __tablename__ = "settings"

    key: Mapped[str] = mapped_column(String(64), primary_key=True)
    value_json: Mapped[str] = mapped_column(Text)


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
FONT_POINT_SIZE = register_setting(
    SettingDefinition("font_point_size", "界面字号（磅）", 13, integer_between(9, 24, " 磅"))
)


def get_setting(session: Session, definition: SettingDefinition) -> Any:
    stored = session.get(SettingRow, definition.key)
    return definition.default if stored is None else json.loads(stored.value_json)


def read_setting(database: Database, definition: SettingDefinition) -> Any:
    with database.reading() as session:
        return get_setting(session, definition)


def update_settings(database: Database, actor: Actor, changes: dict[str, Any]) -> None:
    """Validate every change first, then write all of them in one audited transaction."""
    actor.require(Permission.MANAGE_SETTINGS)
    errors = []
    from dangqun.core.errors import FieldError

    for key, value in changes.items():
        definition = _REGISTRY.get(key)
        if definition is None:
            errors.append(FieldError(key, f"未知的设置项“{key}”"))
            continue
        reason = definition.validate(value)
        if reason:
            errors.append(FieldError(key, f"{definition.label}{reason}"))
    if errors:
        raise ValidationError(errors)
    with database.unit_of_work(actor) as work:
        for key, value in changes.items():
            definition = _REGISTRY[key]
            before = get_setting(work.session, definition)
            if before == value:
                continue
            row = work.session.get(SettingRow, key)
            if row is None:
                work.session.add(SettingRow(key=key, value_json=json.dumps(value)))
            else:
                row.value_json = json.dumps(value)
            work.audit("settings.update", "setting", key, {"value": before}, {"value": value})
        work.commit()


def all_settings(session: Session) -> dict[str, Any]:
    stored = {row.key: json.loads(row.value_json) for row in session.scalars(select(SettingRow))}
    return {d.key: stored.get(d.key, d.default) for d in _REGISTRY.values()}

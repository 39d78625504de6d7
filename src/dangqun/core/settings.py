"""Center-wide settings: the key/value table behind the registry of
:mod:`dangqun.core.setting_definitions`; values are validated and audited like any other write.
Per-machine state (window geometry, last printer) is not here: it lives in ui-state.ini.
"""

from __future__ import annotations

import json
from typing import Any

from sqlalchemy import String, Text, select
from sqlalchemy.orm import Mapped, Session, mapped_column

from dangqun.core.db import Database
from dangqun.core.errors import FieldError, ValidationError
from dangqun.core.model_base import Base
from dangqun.core.security import Actor, Permission
from dangqun.core.setting_definitions import (
    SettingDefinition,
    decode_setting,
    registered_setting,
    setting_definitions,
)


class SettingRow(Base):
    __tablename__ = "settings"

    key: Mapped[str] = mapped_column(String(64), primary_key=True)
    value_json: Mapped[str] = mapped_column(Text)


def get_setting(session: Session, definition: SettingDefinition) -> Any:
    stored = session.get(SettingRow, definition.key)
    return decode_setting(definition, None if stored is None else stored.value_json)


def read_setting(database: Database, definition: SettingDefinition) -> Any:
    with database.reading() as session:
        return get_setting(session, definition)


def update_settings(database: Database, actor: Actor, changes: dict[str, Any]) -> None:
    """Validate every change first, then write all of them in one audited transaction."""
    actor.require(Permission.MANAGE_SETTINGS)
    errors = []
    for key, value in changes.items():
        definition = registered_setting(key)
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
            definition = registered_setting(key)
            assert definition is not None  # validated above
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
    return {d.key: stored.get(d.key, d.default) for d in setting_definitions()}


def read_all_settings(database: Database) -> dict[str, Any]:
    """Every registered setting's current value (its default when never saved)."""
    with database.reading() as session:
        return all_settings(session)

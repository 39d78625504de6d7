"""The center's identity: name, 12-digit division code and a random id made once.

The id and division code go into every exported record later (DOMAIN.md §5), so the id is
never changed after creation; the name and code can be corrected by an administrator.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from sqlalchemy import String, select
from sqlalchemy.orm import Mapped, Session, mapped_column

from dangqun.core.db import Database
from dangqun.core.errors import FieldError, NotInitialized, ValidationError
from dangqun.core.model_base import Base, SyncedRecord
from dangqun.core.security import Actor, Permission

DIVISION_CODE_PATTERN = re.compile(r"^\d{12}$")
# GB/T 2260 province prefixes (11 北京 … 82 澳门); 71 台湾 included as the standard lists it.
PROVINCE_PREFIXES = frozenset(
    {
        "11", "12", "13", "14", "15", "21", "22", "23", "31", "32", "33", "34", "35", "36",
        "37", "41", "42", "43", "44", "45", "46", "50", "51", "52", "53", "54", "61", "62",
        "63", "64", "65", "71", "81", "82",
    }
)  # fmt: skip


class Center(SyncedRecord, Base):
    __tablename__ = "center"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(100))
    division_code: Mapped[str] = mapped_column(String(12))

    @property
    def center_id(self) -> str:
        """The random, permanent identity of this center (its row's sync uuid)."""
        return self.uuid


@dataclass(frozen=True)
class CenterInfo:
    center_id: str
    name: str
    division_code: str

    @property
    def county_code(self) -> str:
        return self.division_code[:6]


def validate_center(name: str, division_code: str) -> list[FieldError]:
    errors = []
    if not name.strip():
        errors.append(FieldError("center_name", "服务中心名称不能为空"))
    elif len(name.strip()) > 100:
        errors.append(FieldError("center_name", "服务中心名称不能超过 100 个字符"))
    code = division_code.strip()
    if not DIVISION_CODE_PATTERN.match(code):
        errors.append(
            FieldError(
                "division_code",
                "行政区划代码必须是 12 位数字（6 位县级代码 + 3 位街道 + 3 位社区，"
                "例如 530102001001）",
            )
        )
    elif code[:2] not in PROVINCE_PREFIXES:
        errors.append(
            FieldError("division_code", f"行政区划代码的前两位“{code[:2]}”不是有效的省级代码")
        )
    elif code[2:6] == "0000":
        errors.append(
            FieldError("division_code", "行政区划代码的前 6 位应是县级（区）代码，不能以 0000 结尾")
        )
    return errors


def find_center(session: Session) -> Center | None:
    return session.scalar(select(Center).order_by(Center.id).limit(1))


def center_info(database: Database) -> CenterInfo:
    with database.reading() as session:
        center = find_center(session)
        if center is None:
            raise NotInitialized("这个数据目录还没有初始化服务中心，请先完成首次设置。")
        return CenterInfo(center.center_id, center.name, center.division_code)


def update_center(database: Database, actor: Actor, name: str, division_code: str) -> CenterInfo:
    actor.require(Permission.MANAGE_SETTINGS)
    errors = validate_center(name, division_code)
    if errors:
        raise ValidationError(errors)
    with database.unit_of_work(actor) as work:
        center = find_center(work.session)
        if center is None:
            raise NotInitialized("这个数据目录还没有初始化服务中心，请先完成首次设置。")
        before = {"name": center.name, "division_code": center.division_code}
        center.name = name.strip()
        center.division_code = division_code.strip()
        work.audit(
            "center.update",
            "center",
            center.uuid,
            before,
            {"name": center.name, "division_code": center.division_code},
        )
        info = CenterInfo(center.center_id, center.name, center.division_code)
        work.commit()
    return info

"""The center's identity: name, 12-digit division code and a random id made once; and what
paper needs besides (issue 11): the party organization's full name, address, contact person
and phone.

The id and division code go into every exported record later (DOMAIN.md §5), so the id is
never changed after creation; the name, code and contact details can be corrected by an
administrator. The contact details are optional: a center is usable without them, and the
documents that print them leave the line out when one is blank.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from sqlalchemy import String, select
from sqlalchemy.orm import Mapped, Session, mapped_column

from dangqun.core.db import Database
from dangqun.core.errors import FieldError, NotInitialized, ValidationError
from dangqun.core.model_base import Base, SyncedRecord
from dangqun.core.parsing import clean_text, normalize_phone
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
CENTER_SUFFIXES = ("党群服务中心", "党群服务站", "服务中心", "服务站")
"""What a center's name ends in, longest first; the rest names the community (翠湖社区)."""
CONTACT_LENGTHS = {
    "party_organization": 100,
    "address": 200,
    "contact_person": 64,
    "contact_phone": 32,
}
CONTACT_LABELS = {
    "party_organization": "党组织全称",
    "address": "地址",
    "contact_person": "联系人",
    "contact_phone": "联系电话",
}
FIRST_RUN_ACTOR = "首次设置"
"""The actor name of the first run's unit of work: its audit entries name what it made."""


class Center(SyncedRecord, Base):
    __tablename__ = "center"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(100))
    division_code: Mapped[str] = mapped_column(String(12))
    party_organization: Mapped[str] = mapped_column(String(100), default="", server_default="")
    address: Mapped[str] = mapped_column(String(200), default="", server_default="")
    contact_person: Mapped[str] = mapped_column(String(64), default="", server_default="")
    contact_phone: Mapped[str] = mapped_column(String(32), default="", server_default="")

    @property
    def center_id(self) -> str:
        """The random, permanent identity of this center (its row's sync uuid)."""
        return self.uuid

    @property
    def contact(self) -> CenterContact:
        return CenterContact(
            self.party_organization, self.address, self.contact_person, self.contact_phone
        )

    @property
    def info(self) -> CenterInfo:
        return CenterInfo(self.center_id, self.name, self.division_code, self.contact)


@dataclass(frozen=True)
class CenterContact:
    """What a printed notice or certificate needs besides the center's name (issue 11)."""

    party_organization: str = ""
    """The party organization's full name, as on paper: 中共翠湖社区委员会."""
    address: str = ""
    contact_person: str = ""
    contact_phone: str = ""

    def audit_view(self) -> dict[str, str]:
        return {
            "party_organization": self.party_organization,
            "address": self.address,
            "contact_person": self.contact_person,
            "contact_phone": self.contact_phone,
        }


@dataclass(frozen=True)
class CenterInfo:
    center_id: str
    name: str
    division_code: str
    contact: CenterContact = CenterContact()

    @property
    def county_code(self) -> str:
        return self.division_code[:6]

    @property
    def party_organization(self) -> str:
        return self.contact.party_organization

    @property
    def address(self) -> str:
        return self.contact.address

    @property
    def contact_person(self) -> str:
        return self.contact.contact_person

    @property
    def contact_phone(self) -> str:
        return self.contact.contact_phone


def default_party_organization(center_name: str) -> str:
    """The community party organization's usual full name, derived from the center's name.

    Issue 11: a fresh center needs its 社区党组织 before a roster can be imported, and the
    wizard and ``dangqun init`` offer this name to accept or correct. The community's name is
    what precedes the center suffix (翠湖社区党群服务中心 → 翠湖社区); a community party
    organization is named 中共＋community＋委员会 (中共翠湖社区委员会; DOMAIN.md: 社区党委). A
    name without "社区" or "村" (幸福里党群服务中心) gets "社区" added, because the organization
    made is a community one. Empty when the name gives no community (党群服务中心 alone): the
    user must then type the name.
    """
    stem = clean_text(center_name)
    for suffix in CENTER_SUFFIXES:
        if stem.endswith(suffix):
            stem = stem[: -len(suffix)]
            break
    stem = stem.removeprefix("中共").strip()
    if not stem:
        return ""
    if not stem.endswith(("社区", "村")):
        stem += "社区"
    return f"中共{stem}委员会"


def validate_contact(contact: CenterContact) -> tuple[CenterContact, list[FieldError]]:
    """The contact details cleaned (phone in its stored form) and what is wrong with them."""
    errors: list[FieldError] = []
    values = {key: clean_text(value) for key, value in contact.audit_view().items()}
    for key, limit in CONTACT_LENGTHS.items():
        if len(values[key]) > limit:
            errors.append(FieldError(key, f"{CONTACT_LABELS[key]}不能超过 {limit} 个字符"))
    if values["contact_phone"]:
        phone, problem, _warning = normalize_phone(values["contact_phone"])
        if problem is not None:
            errors.append(FieldError("contact_phone", f"联系电话：{problem}"))
        else:
            values["contact_phone"] = phone or ""
    return CenterContact(**values), errors


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
    """The center as every reader sees it, contact details included (printing uses them)."""
    with database.reading() as session:
        center = find_center(session)
        if center is None:
            raise NotInitialized("这个数据目录还没有初始化服务中心，请先完成首次设置。")
        return center.info


def _audit_view(center: Center) -> dict[str, str]:
    return {"name": center.name, "division_code": center.division_code} | (
        center.contact.audit_view()
    )


def update_center(
    database: Database,
    actor: Actor,
    name: str,
    division_code: str,
    contact: CenterContact | None = None,
) -> CenterInfo:
    """Correct the center's name and code and, when given, its contact details (None keeps
    them), as one audited change."""
    actor.require(Permission.MANAGE_SETTINGS)
    errors = validate_center(name, division_code)
    cleaned: CenterContact | None = None
    if contact is not None:
        cleaned, contact_errors = validate_contact(contact)
        errors += contact_errors
    if errors:
        raise ValidationError(errors)
    with database.unit_of_work(actor) as work:
        center = find_center(work.session)
        if center is None:
            raise NotInitialized("这个数据目录还没有初始化服务中心，请先完成首次设置。")
        before = _audit_view(center)
        center.name = name.strip()
        center.division_code = division_code.strip()
        if cleaned is not None:
            center.party_organization = cleaned.party_organization
            center.address = cleaned.address
            center.contact_person = cleaned.contact_person
            center.contact_phone = cleaned.contact_phone
        work.audit("center.update", "center", center.uuid, before, _audit_view(center))
        info = center.info
        work.commit()
    return info

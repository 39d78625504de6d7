"""The center's import of a district package (issue 17): verified with the installed district key,
addressed to this center, applied in one transaction (catalogue items marked as district-provided,
transferred members registered as 转入 with their event, notices kept), idempotent, audited."""

from __future__ import annotations

import json
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import func, select

from dangqun import __version__
from dangqun.bases.models import BaseSite, MenuItem
from dangqun.bootstrap import Application
from dangqun.core.audit import AuditEntry
from dangqun.core.center import center_info
from dangqun.core.errors import ValidationError
from dangqun.core.security import Actor
from dangqun.members.models import Member, MemberEvent, Organization
from dangqun.migrations import head_revision
from dangqun.sync import crypto, inbound, keys
from dangqun.sync.package import (
    DISTRICT_KIND,
    PackageHeader,
    PackageRejected,
    TableData,
    schema_hash,
    table_columns,
    write_package,
)
from dangqun.timebank.models import ServiceCategory

BASE_UUID = "00000000-0000-4000-8000-0000000000b1"
TRANSFER = {
    "uuid": "00000000-0000-4000-8000-0000000000e1",
    "name": "转入者",
    "id_number": "11010519491231002X",
    "gender_code": "2",
    "ethnicity_code": "01",
    "birth_date": date(1949, 12, 31),
    "education_code": None,
    "kind": "floating_out",
    "category": "full",
    "joined_on": date(1975, 7, 1),
    "confirmed_on": None,
    "work_unit": None,
    "phone": None,
    "household_registration": None,
    "address": None,
    "party_standing": "正常",
    "from_center": "金碧社区党群服务中心",
    "from_organization": "第一网格党支部",
    "transferred_on": date(2026, 8, 3),
}


def rows(**changes: Any) -> dict[str, list[dict[str, Any]]]:
    content: dict[str, list[dict[str, Any]]] = {
        inbound.BASES: [
            {
                "uuid": BASE_UUID,
                "name": "区党史教育基地",
                "base_type": "red",
                "address": "五华区某路 1 号",
                "introduction": None,
            }
        ],
        inbound.MENU_ITEMS: [
            {
                "uuid": "00000000-0000-4000-8000-0000000000c1",
                "base_uuid": BASE_UUID,
                "name": "重温入党誓词",
                "description": "区级统一菜单",
                "duration_minutes": 60,
                "min_group": 5,
                "max_group": 40,
            }
        ],
        inbound.CATEGORIES: [{"uuid": "00000000-0000-4000-8000-0000000000d1", "name": "区级宣讲"}],
        inbound.TRANSFERS: [dict(TRANSFER)],
        inbound.NOTICES: [
            {
                "uuid": "00000000-0000-4000-8000-0000000000f1",
                "title": "关于报送三季度数据的通知",
                "text": "请于 10 月 5 日前报送。",
                "issued_on": date(2026, 9, 1),
            }
        ],
    }
    content.update(changes)
    return content


def district_package(
    folder: Path,
    key: Any,
    center_uuid: str,
    content: dict[str, list[dict[str, Any]]],
    *,
    seq: int = 1,
    kind: str = DISTRICT_KIND,
) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    written = write_package(
        folder,
        PackageHeader(
            center_uuid=center_uuid,
            center_name="翠湖社区党群服务中心",
            division_code="530102001001",
            database_id=crypto.fingerprint(key.public_key()),
            seq=seq,
            previous_sha256=None,
            counter_from=0,
            counter_to=0,
            full=True,
            schema_revision=head_revision(),
            schema_hash=schema_hash(inbound.PACKAGE_TABLES.values()),
            app_version=__version__,
            created_at=datetime(2026, 9, 2, 8, 0, tzinfo=UTC),
            kind=kind,
        ),
        [
            TableData(name, table_columns(inbound.PACKAGE_TABLES[name]), {}, content[name])
            for name in inbound.ORDER
        ],
        [],
        key,
        None,
    )
    target = written.path.with_name(f"seq{seq}-{kind}{inbound.DISTRICT_PACKAGE_SUFFIX}")
    written.path.replace(target)
    return target


@pytest.fixture
def district(application: Application, admin: Actor, tmp_path: Path) -> crypto.DistrictKeys:
    """The district's keys, its public key installed at the center."""
    made = crypto.generate_district_keys()
    public = tmp_path / "district.dqkey"
    crypto.write_public_key_file(public, crypto.district_public_key_file(made, "五华区委组织部"))
    keys.install_district_key(application.database, application.paths.keys, admin, public)
    return made


def branch_code(application: Application) -> str:
    with application.database.reading() as session:
        code = session.scalar(
            select(Organization.code).where(Organization.level == "grid_branch").limit(1)
        )
    assert code is not None
    return code


def counts(application: Application) -> tuple[int, ...]:
    with application.database.reading() as session:
        return tuple(
            session.scalar(select(func.count()).select_from(model)) or 0
            for model in (BaseSite, MenuItem, ServiceCategory, Member, MemberEvent, AuditEntry)
        )


@pytest.mark.demo_members(3)
def test_import_applies_everything_once_and_marks_it(
    application: Application, admin: Actor, district: crypto.DistrictKeys, tmp_path: Path
) -> None:
    center_uuid = center_info(application.database).center_id
    path = district_package(tmp_path / "usb", district.signing, center_uuid, rows())
    code = branch_code(application)

    outcome = inbound.import_district_package(
        application.database, application.paths.keys, admin, path, branch_code=code
    )

    assert outcome.created == {
        inbound.BASES: 1,
        inbound.MENU_ITEMS: 1,
        inbound.CATEGORIES: 1,
        inbound.TRANSFERS: 1,
        inbound.NOTICES: 1,
    }
    assert "已导入五华区委组织部下发的第 1 号数据包" in outcome.lines()[0]
    with application.database.reading() as session:
        member = session.scalar(select(Member).where(Member.id_number == TRANSFER["id_number"]))
        assert member is not None
        assert member.kind == "local"  # a floating kind described their place at the old center
        assert member.origin_organization == "金碧社区党群服务中心第一网格党支部"
        assert member.registered_on == date(2026, 8, 3)
        assert session.get(Organization, member.organization_id).code == code  # type: ignore[union-attr]
        events = {
            (event.event_type, event.occurred_on, event.details_json)
            for event in session.scalars(
                select(MemberEvent).where(MemberEvent.member_id == member.id)
            )
        }
        base = session.scalar(select(BaseSite).where(BaseSite.name == "区党史教育基地"))
        assert base is not None and base.base_type == "red" and base.uuid != BASE_UUID
        item = session.scalar(select(MenuItem).where(MenuItem.base_id == base.id))
        assert item is not None and item.name == "重温入党誓词"
        member_uuid, base_uuid, item_uuid = member.uuid, base.uuid, item.uuid
    transfer_in = [e for e in events if e[0] == "transfer_in"]
    assert len(transfer_in) == 1 and transfer_in[0][1] == date(2026, 8, 3)
    assert json.loads(transfer_in[0][2] or "{}") == {"from": "金碧社区党群服务中心第一网格党支部"}

    provided = inbound.district_items(application.database, admin)
    assert provided["bases_bases"] == {base_uuid}
    assert provided["bases_menu_items"] == {item_uuid}
    assert provided["members"] == {member_uuid}
    assert len(provided["timebank_categories"]) == 1
    (notice,) = inbound.district_notices(application.database, admin)
    assert (notice.title, notice.issued_on) == ("关于报送三季度数据的通知", "2026-09-01")

    before = counts(application)
    again = inbound.import_district_package(
        application.database, application.paths.keys, admin, path, branch_code=code
    )
    assert again.already and "已导入过" in again.lines()[0]
    assert counts(application) == before


@pytest.mark.demo_members(3)
def test_a_later_package_updates_in_place_and_passes_over_arrived_members(
    application: Application, admin: Actor, district: crypto.DistrictKeys, tmp_path: Path
) -> None:
    center_uuid = center_info(application.database).center_id
    code = branch_code(application)
    first = district_package(tmp_path / "usb", district.signing, center_uuid, rows())
    inbound.import_district_package(
        application.database, application.paths.keys, admin, first, branch_code=code
    )
    changed = rows()
    changed[inbound.BASES][0]["address"] = "五华区某路 2 号"
    second = district_package(tmp_path / "usb", district.signing, center_uuid, changed, seq=2)

    outcome = inbound.import_district_package(
        application.database, application.paths.keys, admin, second
    )

    assert outcome.updated == {inbound.BASES: 1}
    assert outcome.unchanged == {inbound.MENU_ITEMS: 1, inbound.CATEGORIES: 1, inbound.NOTICES: 1}
    assert outcome.skipped == ["转入党员 转入者：本中心已有此人（在册），没有重复登记"]
    with application.database.reading() as session:
        bases = session.scalars(select(BaseSite).where(BaseSite.name == "区党史教育基地")).all()
        assert [b.address for b in bases] == ["五华区某路 2 号"]

    replay = district_package(tmp_path / "other", district.signing, center_uuid, rows(), seq=2)
    with pytest.raises(PackageRejected, match="第 2 号区级数据包已经导入过，但内容不同"):
        inbound.import_district_package(application.database, application.paths.keys, admin, replay)


@pytest.mark.demo_members(3)
def test_refusals_leave_the_center_unchanged(
    application: Application, admin: Actor, district: crypto.DistrictKeys, tmp_path: Path
) -> None:
    center_uuid = center_info(application.database).center_id
    before = counts(application)
    stranger = crypto.generate_district_keys()
    foreign = district_package(tmp_path / "a", stranger.signing, center_uuid, rows())
    with pytest.raises(PackageRejected, match="不是由本中心安装的区级公钥（五华区委组织部）签名的"):
        inbound.import_district_package(
            application.database, application.paths.keys, admin, foreign
        )

    elsewhere = district_package(
        tmp_path / "b", district.signing, "11111111-2222-4333-8444-555555555555", rows()
    )
    with pytest.raises(PackageRejected, match="不是本中心"):
        inbound.import_district_package(
            application.database, application.paths.keys, admin, elsewhere
        )

    center_kind = district_package(
        tmp_path / "c", district.signing, center_uuid, rows(), kind="center"
    )
    with pytest.raises(PackageRejected, match="不是区级下发的数据包"):
        inbound.import_district_package(
            application.database, application.paths.keys, admin, center_kind
        )

    whole = district_package(tmp_path / "d", district.signing, center_uuid, rows())
    with pytest.raises(ValidationError, match="请用 --branch"):
        inbound.import_district_package(application.database, application.paths.keys, admin, whole)

    bad = rows()
    bad[inbound.MENU_ITEMS][0]["max_group"] = 2
    broken = district_package(tmp_path / "e", district.signing, center_uuid, bad)
    with pytest.raises(ValidationError, match="特色菜单“重温入党誓词”：最多人数"):
        inbound.import_district_package(
            application.database,
            application.paths.keys,
            admin,
            broken,
            branch_code=branch_code(application),
        )
    assert counts(application) == before


def test_without_an_installed_district_key_nothing_is_imported(
    application: Application, admin: Actor, tmp_path: Path
) -> None:
    made = crypto.generate_district_keys()
    path = district_package(
        tmp_path, made.signing, center_info(application.database).center_id, rows()
    )
    with pytest.raises(PackageRejected, match="还没有安装区级公钥"):
        inbound.import_district_package(application.database, application.paths.keys, admin, path)

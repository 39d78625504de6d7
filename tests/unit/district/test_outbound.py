"""Packages back to centers (issue 17): the content file checked with named faults, transfers
found from the centers' own packages, a signed district-kind package the center verifies,
seq and previous SHA-256 chained per center, recorded and audited; SQLite and PostgreSQL."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import select

from dangqun.core.errors import ValidationError
from dangqun.district import outbound
from dangqun.district.database import DistrictError
from dangqun.district.models import DistrictAuditEntry
from dangqun.sync import crypto, inbound
from dangqun.sync.package import DISTRICT_KIND, TableData, open_package
from tests.unit.district.test_checks import SHARED, District, make_district, member

CONTENT = {
    "bases": [
        {
            "name": "区党史教育基地",
            "base_type": "红色型",
            "menu": [
                {"name": "重温入党誓词", "duration_minutes": 60, "min_group": 5, "max_group": 40}
            ],
        }
    ],
    "service_categories": ["区级宣讲"],
    "notices": [
        {"title": "关于报送三季度数据的通知", "text": "请按时报送。", "date": "2026-09-01"}
    ],
}


@pytest.fixture
def district(district_url: str, tmp_path: Path) -> Iterator[District]:
    made = make_district(district_url, tmp_path, ("翠湖社区党群服务中心", "金碧社区党群服务中心"))
    yield made
    made.db.dispose()


def content_file(folder: Path, document: object) -> Path:
    path = folder / "下发内容.json"
    path.write_text(json.dumps(document, ensure_ascii=False), encoding="utf-8")
    return path


def test_content_file_faults_are_named(tmp_path: Path) -> None:
    bad = {
        "bases": [{"name": "甲", "base_type": "蓝色型"}, {"name": "乙", "base_type": "basic",
                   "menu": [{"name": "课", "duration_minutes": "一小时", "min_group": 1,
                             "max_group": 2}]}],
        "notices": [{"title": "通知", "text": "正文", "date": "九月一日"}],
    }  # fmt: skip
    with pytest.raises(ValidationError) as refused:
        outbound.read_content(content_file(tmp_path, bad), "f" * 64)
    messages = [error.message for error in refused.value.errors]
    assert messages == [
        "bases 第 1 项（甲）：阵地类型（base_type）应是基础型、红色型、公益型或科技型",
        "bases 第 2 项（乙）的 menu 第 1 项：活动时长（duration_minutes）应是正整数",
        "notices 第 1 项（通知）：日期（date）应写成 2026-09-01",
    ]
    (tmp_path / "broken.json").write_text("{", encoding="utf-8")
    with pytest.raises(ValidationError, match="不是有效的 UTF-8 JSON 文件"):
        outbound.read_content(tmp_path / "broken.json", "f" * 64)
    first = outbound.read_content(content_file(tmp_path, CONTENT), "f" * 64)
    again = outbound.read_content(content_file(tmp_path, CONTENT), "f" * 64)
    assert first.rows == again.rows  # stable uuids: a center updates what it has


def test_send_writes_a_signed_chained_package_with_transfers(
    district: District, tmp_path: Path
) -> None:
    cuihu, jinbi = district.centers
    organization = TableData(
        "organizations",
        ["uuid", "created_at", "updated_at", "change_seq", "name"],
        {},
        [{"uuid": "00000000-0000-4000-8000-00000000a001", "created_at": "2026-03-01T08:00:00Z",
          "updated_at": "2026-03-01T08:00:00Z", "change_seq": 1, "name": "第一网格党支部"}],
    )  # fmt: skip
    leaving = member(
        "张三", SHARED, 1, status="transferred_out", destination="翠湖社区党群服务中心"
    )
    leaving["organization_id"] = "00000000-0000-4000-8000-00000000a001"
    elsewhere = member(
        "李四", "530102198001010011", 2, status="transferred_out", destination="外省"
    )
    district.load(jinbi, [leaving, elsewhere], extra=[organization])
    out = tmp_path / "usb-back"
    out.mkdir()
    same_name = out / f"530102001001-{cuihu.uuid.replace('-', '')[:8]}-000001.dqpkg"
    same_name.write_bytes(b"the center's own package")

    sent = outbound.send_package(
        district.db, None, cuihu.uuid[:8], out, content_file=content_file(tmp_path, CONTENT),
        keys_directory=district.keys,
    )  # fmt: skip

    assert sent.seq == 1 and sent.path.suffix == ".dqdist"
    assert sent.counts == {
        inbound.BASES: 1,
        inbound.MENU_ITEMS: 1,
        inbound.CATEGORIES: 1,
        inbound.TRANSFERS: 1,
        inbound.NOTICES: 1,
    }
    assert same_name.read_bytes() == b"the center's own package"
    assert sorted(p.name for p in out.iterdir()) == sorted([same_name.name, sent.path.name])
    signing = crypto.read_public_key_file(district.public_key, "district").signing_public_key
    with open_package(
        sent.path, [signing], schema=inbound.PACKAGE_TABLES, kind=DISTRICT_KIND
    ) as opened:
        assert opened.manifest["kind"] == "district"
        assert opened.manifest["center"]["uuid"] == cuihu.uuid
        assert opened.manifest["previous_sha256"] is None
        (transfer,) = list(opened.rows(inbound.TRANSFERS))
    assert transfer["id_number"] == SHARED
    assert transfer["from_center"] == "金碧社区党群服务中心"
    assert transfer["from_organization"] == "第一网格党支部"

    district.load(cuihu, [member("张三", SHARED, 1)])  # arrived: no longer carried
    second = outbound.send_package(
        district.db, None, "翠湖社区党群服务中心", out, content_file=content_file(tmp_path, CONTENT),
        keys_directory=district.keys,
    )  # fmt: skip
    assert second.seq == 2 and inbound.TRANSFERS not in {k for k, v in second.counts.items() if v}
    with open_package(
        second.path, [signing], schema=inbound.PACKAGE_TABLES, kind=DISTRICT_KIND
    ) as opened:
        assert opened.manifest["previous_sha256"] == sent.sha256
    with district.db.reading() as session:
        audited = (
            session.execute(
                select(DistrictAuditEntry.detail).where(
                    DistrictAuditEntry.action == "district.send"
                )
            )
            .scalars()
            .all()
        )
    assert [entry["seq"] for entry in audited] == [1, 2]


def test_nothing_to_send_and_unknown_center_are_refused(district: District, tmp_path: Path) -> None:
    with pytest.raises(DistrictError, match="没有要发给 翠湖社区党群服务中心 的内容"):
        outbound.send_package(
            district.db, None, "翠湖社区党群服务中心", tmp_path, keys_directory=district.keys
        )
    with pytest.raises(ValidationError, match="没有这个已登记的服务中心"):
        outbound.send_package(
            district.db, None, "不存在的中心", tmp_path, keys_directory=district.keys
        )
    assert not list(tmp_path.glob("*.dqdist"))

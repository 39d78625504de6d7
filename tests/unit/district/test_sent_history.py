"""The history of packages sent back to centers (issue 17, 下发): ``sent_packages`` newest first,
for all centers or one (named as ``--center`` names it), and ``district sent`` in Chinese and
JSON, with a clear line for a district that sent nothing. SQLite and PostgreSQL."""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

from dangqun import cli
from dangqun.core.clock import format_local
from dangqun.core.errors import ValidationError
from dangqun.core.security import Actor, Role
from dangqun.district import outbound, service
from dangqun.district.database import DistrictDatabase
from dangqun.sync import inbound
from tests.cli_helpers import run_words
from tests.unit.district.packages import FakeCenter

CUIHU = "翠湖社区党群服务中心"
JINBI = "金碧社区党群服务中心"
READER = Actor(3, "reader", "只读", Role.READ_ONLY)


@dataclass
class Sent:
    db: DistrictDatabase
    url: str
    centers: dict[str, FakeCenter]
    made: list[outbound.SentPackage]


def _content(folder: Path, document: dict[str, object]) -> Path:
    path = folder / f"下发内容-{len(list(folder.glob('*.json')))}.json"
    path.write_text(json.dumps(document, ensure_ascii=False), encoding="utf-8")
    return path


@pytest.fixture
def sent(district_url: str, tmp_path: Path) -> Iterator[Sent]:
    """Two centers and three sends: 翠湖 no. 1 (a category), 金碧 no. 1 (a notice), 翠湖
    no. 2 (a base with its menu and a category)."""
    db = service.open_district(district_url, create=True)
    (tmp_path / "key").mkdir()
    service.init_district(db, "五华区委组织部", tmp_path / "key", tmp_path / "keys")
    centers = {name: FakeCenter(name) for name in (CUIHU, JINBI)}
    for center in centers.values():
        service.register_center(db, center.public_key_file(tmp_path))
    usb = tmp_path / "usb"
    usb.mkdir()
    documents = [
        (CUIHU, {"service_categories": ["理论宣讲"]}),
        (JINBI, {"notices": [{"title": "关于报送数据的通知", "text": "请按时报送。",
                              "date": "2026-09-01"}]}),
        (CUIHU, {"bases": [{"name": "区党史教育基地", "base_type": "红色型", "menu": [
            {"name": "重温入党誓词", "duration_minutes": 60, "min_group": 5,
             "max_group": 40}]}], "service_categories": ["理论宣讲"]}),
    ]  # fmt: skip
    made = [
        outbound.send_package(
            db,
            None,
            name,
            usb,
            content_file=_content(tmp_path, document),
            keys_directory=tmp_path / "keys",
        )
        for name, document in documents
    ]
    yield Sent(db, district_url, centers, made)
    db.dispose()


def test_sent_packages_are_listed_newest_first_and_by_center(sent: Sent) -> None:
    records = outbound.sent_packages(sent.db, actor=READER)  # 查看 is enough

    assert [(r.center_name, r.seq) for r in records] == [(CUIHU, 2), (JINBI, 1), (CUIHU, 1)]
    newest, notice, first = records
    assert newest.file_name == sent.made[2].path.name
    assert newest.sha256 == sent.made[2].sha256
    assert newest.division_code == "530102001001"
    assert newest.center_uuid == sent.centers[CUIHU].uuid
    assert newest.created_at >= notice.created_at >= first.created_at
    assert newest.carried() == "阵地 1，特色菜单 1，服务类别 1"
    assert notice.counts[inbound.NOTICES] == 1
    assert newest.line() == (
        f"{format_local(newest.created_at)}  {CUIHU}（区划代码 530102001001）第 2 号："
        f"阵地 1，特色菜单 1，服务类别 1｜文件 {newest.file_name}｜SHA-256 {newest.sha256}"
    )
    assert newest.as_json()["counts"][inbound.MENU_ITEMS] == 1

    by_name = outbound.sent_packages(sent.db, CUIHU)
    by_id = outbound.sent_packages(sent.db, sent.centers[JINBI].uuid[:8])
    assert [(r.center_name, r.seq) for r in by_name] == [(CUIHU, 2), (CUIHU, 1)]
    assert [(r.center_name, r.seq) for r in by_id] == [(JINBI, 1)]
    with pytest.raises(ValidationError) as refused:
        outbound.sent_packages(sent.db, "盘龙社区党群服务中心")
    assert refused.value.errors[0].field == "center"
    assert (
        refused.value.errors[0].message
        == "--center“盘龙社区党群服务中心”：没有这个已登记的服务中心"
    )


def test_district_sent_lists_in_chinese_and_json(
    sent: Sent, capsys: pytest.CaptureFixture[str]
) -> None:
    assert cli.main(["district", "sent", "--db", sent.url]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert len(lines) == 3
    assert f"{CUIHU}（区划代码 530102001001）第 2 号：阵地 1，特色菜单 1，服务类别 1" in lines[0]
    assert f"{JINBI}（区划代码 530102001001）第 1 号：通知 1" in lines[1]

    assert cli.main(["district", "sent", "--db", sent.url, "--center", JINBI, "--json"]) == 0
    (package,) = json.loads(capsys.readouterr().out)["packages"]
    assert package["center"] == JINBI and package["seq"] == 1
    assert package["file"] == sent.made[1].path.name
    assert package["sha256"] == sent.made[1].sha256
    assert package["counts"][inbound.NOTICES] == 1

    assert cli.main(["district", "sent", "--db", sent.url, "--center", "不存在"]) == 1
    assert capsys.readouterr().err.strip() == "错误：--center“不存在”：没有这个已登记的服务中心"


def test_district_sent_on_a_district_that_sent_nothing(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A real process: the empty district says so and exits 0; JSON gives an empty list."""
    db = tmp_path / "district.sqlite3"
    setup = service.open_district(str(db), create=True)
    try:
        service.init_district(setup, "五华区委组织部", tmp_path, tmp_path / "keys")
    finally:
        setup.dispose()

    result = run_words("district", "sent", "--db", str(db))

    assert (result.returncode, result.stdout, result.stderr) == (
        0,
        "尚未向任何中心下发数据包。\n",
        "",
    )
    assert cli.main(["district", "sent", "--db", str(db), "--json"]) == 0
    assert json.loads(capsys.readouterr().out) == {"packages": []}

"""``dangqun district …`` as a real process (issue 16), on SQLite and on PostgreSQL: init writes
the keys owner-only and the public key file, register-center trusts a center, import takes a
folder in sequence order with a JSON report and signed receipts, status names gaps; no center
sign-in is needed and refusals are Chinese sentences, never tracebacks."""

from __future__ import annotations

import json
import stat
import sys
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.cli_helpers import run_words
from tests.unit.district.databases import BACKENDS, district_database_url
from tests.unit.district.packages import FakeCenter, center_row


@pytest.fixture(params=BACKENDS)
def db_url(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    yield from district_database_url(request.param, tmp_path)


def district(*words: str) -> tuple[int, str, str]:
    result = run_words("district", *words)
    assert "Traceback" not in result.stderr
    return result.returncode, result.stdout, result.stderr


@pytest.mark.slow  # about eight processes per database backend
def test_init_register_import_and_status(db_url: str, tmp_path: Path) -> None:
    keys = tmp_path / "keys"
    out = tmp_path / "to-centers"
    out.mkdir()
    code, stdout, stderr = district(
        "init", "--db", db_url, "--name", "五华区委组织部", "--out", str(out), "--keys", str(keys)
    )
    assert code == 0, stderr
    assert "签名公钥指纹" in stdout
    (public_key_file,) = out.glob("*.dqkey")
    if sys.platform != "win32":
        assert stat.S_IMODE(keys.stat().st_mode) == 0o700
        assert {stat.S_IMODE(p.stat().st_mode) for p in keys.iterdir()} == {0o600}
    code, _, stderr = district("init", "--db", db_url, "--name", "再来", "--out", str(out))
    assert code == 1 and "已经初始化过" in stderr

    center = FakeCenter("翠湖社区党群服务中心")
    code, stdout, stderr = district(
        "register-center", "--db", db_url, str(center.public_key_file(tmp_path))
    )
    assert code == 0, stderr
    assert "已登记服务中心：翠湖社区党群服务中心" in stdout

    usb = tmp_path / "usb"
    for number in (1, 2, 4):
        if number == 4:
            center.seq = 3
        center.package(
            usb,
            [center_row(str(uuid.uuid4()), number, f"第{number}版")],
            district_key_file=public_key_file,
            counter_from=number - 1,
        )
    receipts = tmp_path / "receipts"
    receipts.mkdir()
    report = tmp_path / "report.json"
    code, stdout, stderr = district(
        "import", "--db", db_url, str(usb), "--keys", str(keys),
        "--report", str(report), "--receipt-out", str(receipts),
    )  # fmt: skip
    assert code == 0, stderr
    assert "中心 翠湖社区党群服务中心：缺第 3 号数据包" in stdout
    payload = json.loads(report.read_text(encoding="utf-8"))
    assert [p["seq"] for p in payload["packages"]] == [1, 2, 4]
    assert payload["counts"]["imported"] == 3
    assert len(list(receipts.glob("*.dqrcpt"))) == 1

    code, stdout, _ = district("import", "--db", db_url, str(usb), "--keys", str(keys))
    assert code == 0 and stdout.count("：已导入过（") == 3

    code, stdout, _ = district("status", "--db", db_url, "--json")
    (state,) = json.loads(stdout)["centers"]
    assert (state["packages"], state["last_seq"], state["missing"], state["records"]) == (
        3,
        4,
        [3],
        3,
    )

    foreign = FakeCenter("未登记的中心").package(
        tmp_path / "other", [center_row(str(uuid.uuid4()), 1, "乙")]
    )
    code, stdout, _ = district("import", "--db", db_url, str(foreign), "--keys", str(keys))
    assert code == 3
    assert "已拒绝" in stdout and "签名" in stdout


def test_a_missing_database_and_a_bad_url_are_refused_in_chinese(tmp_path: Path) -> None:
    code, _, stderr = district("status", "--db", str(tmp_path / "none.sqlite3"))
    assert code == 1 and "不存在" in stderr
    assert not (tmp_path / "none.sqlite3").exists()
    code, _, stderr = district("status", "--db", "mysql://x@y/z")
    assert code == 1 and "只支持" in stderr

"""``district send`` → ``sync import`` → ``district duplicates`` / ``settings`` / ``status`` as real
processes (issue 17): the center imports what its district signed, once, and refuses a package
another district signed with a Chinese reason and exit code 1, never a traceback."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from tests.cli_helpers import init, run_cli, run_words

CONTENT = {
    "bases": [{"name": "区党史教育基地", "base_type": "红色型", "menu": [
        {"name": "重温入党誓词", "duration_minutes": 60, "min_group": 5, "max_group": 40}]}],
    "service_categories": ["区级宣讲"],
    "notices": [{"title": "关于报送三季度数据的通知", "text": "请按时报送。", "date": "2026-09-01"}],
}  # fmt: skip


def words(*arguments: str) -> tuple[int, str, str]:
    result = run_words(*arguments)
    assert "Traceback" not in result.stderr
    return result.returncode, result.stdout, result.stderr


def make_district(folder: Path, name: str) -> tuple[str, Path, Path]:
    """A district database, its keys folder and the public key file for the centers."""
    folder.mkdir()
    db, keys, out = str(folder / "district.sqlite3"), folder / "keys", folder / "out"
    out.mkdir()
    code, _, stderr = words(
        "district", "init", "--db", db, "--name", name, "--out", str(out), "--keys", str(keys)
    )
    assert code == 0, stderr
    (public,) = out.glob("*.dqkey")
    return db, keys, public


@pytest.mark.slow  # a dozen processes
def test_send_import_once_and_refuse_a_foreign_district(tmp_path: Path) -> None:
    db, keys, public = make_district(tmp_path / "district", "五华区委组织部")
    center = tmp_path / "center"
    assert init(center).returncode == 0
    result = run_cli(center, "sync", "keys", "--install-district", str(public))
    assert result.returncode == 0, result.stderr
    shown = run_cli(center, "sync", "keys", "--show").stdout
    center_key = re.search(r"本中心公钥文件：(\S+)", shown)
    assert center_key is not None
    code, _, stderr = words("district", "register-center", "--db", db, center_key.group(1))
    assert code == 0, stderr

    content = tmp_path / "下发内容.json"
    content.write_text(json.dumps(CONTENT, ensure_ascii=False), encoding="utf-8")
    usb = tmp_path / "usb"
    usb.mkdir()
    code, stdout, stderr = words(
        "district", "send", "--db", db, "--center", "翠湖社区党群服务中心", "--out", str(usb),
        "--content", str(content), "--keys", str(keys), "--json",
    )  # fmt: skip
    assert code == 0, stderr
    sent = json.loads(stdout)
    assert sent["seq"] == 1 and sent["counts"]["district_bases"] == 1

    result = run_cli(center, "sync", "import", sent["file"])
    assert result.returncode == 0, result.stderr
    assert "已导入五华区委组织部下发的第 1 号数据包" in result.stdout
    assert "阵地：新增 1，更新 0，未变 0" in result.stdout
    assert "通知（2026-09-01）关于报送三季度数据的通知：请按时报送。" in result.stdout
    again = run_cli(center, "sync", "import", sent["file"], "--json")
    assert again.returncode == 0 and json.loads(again.stdout)["already_imported"] is True

    other_db, other_keys, _ = make_district(tmp_path / "other", "盘龙区委组织部")
    code, _, stderr = words("district", "register-center", "--db", other_db, center_key.group(1))
    assert code == 0, stderr
    foreign_out = tmp_path / "foreign"
    foreign_out.mkdir()
    code, stdout, stderr = words(
        "district", "send", "--db", other_db, "--center", "翠湖社区党群服务中心",
        "--out", str(foreign_out), "--content", str(content), "--keys", str(other_keys), "--json",
    )  # fmt: skip
    assert code == 0, stderr
    refused = run_cli(center, "sync", "import", json.loads(stdout)["file"])
    assert refused.returncode == 1
    assert "不是由本中心安装的区级公钥（五华区委组织部）签名的" in refused.stderr
    assert "Traceback" not in refused.stderr

    code, stdout, _ = words("district", "duplicates", "--db", db)
    assert code == 0 and "同一身份号码在两个以上中心在册：0 人" in stdout
    code, _, stderr = words("district", "duplicates", "--db", db, "--both")
    assert code != 0 and "只能与 --resolve" in stderr
    code, stdout, _ = words("district", "settings", "--db", db, "--overdue-days", "40")
    assert code == 0 and "数据包逾期天数：40" in stdout
    code, stdout, _ = words("district", "status", "--db", db, "--json")
    assert code == 0 and json.loads(stdout)["overdue"] == []

"""``dangqun sync …`` through the real command line (issue 16)."""

from __future__ import annotations

import json
from datetime import UTC, datetime
from pathlib import Path

import pytest

from dangqun.cli_kit import EXIT_FAILED, EXIT_OK, EXIT_USAGE
from dangqun.sync import crypto, receipts
from dangqun.sync.package import open_package
from tests.cli_helpers import init, run_cli


@pytest.mark.slow
def test_keys_export_receipt_and_incremental_export(tmp_path: Path) -> None:
    data = tmp_path / "center"
    assert init(data).returncode == EXIT_OK
    usb = tmp_path / "usb"
    usb.mkdir()

    shown = run_cli(data, "sync", "keys", "--show")
    assert shown.returncode == EXIT_OK, shown.stderr
    public_path = Path(shown.stdout.splitlines()[0].split("：", 1)[1])
    center_key = crypto.read_public_key_file(public_path, role="center")
    assert crypto.grouped_fingerprint(center_key.signing_fingerprint) in shown.stdout
    assert "尚未安装" in shown.stdout

    clear = run_cli(data, "sync", "export", "--out", str(usb), "--json")
    assert clear.returncode == EXIT_OK, clear.stderr
    assert "警告：尚未安装区级公钥" in clear.stderr
    payload = json.loads(clear.stdout)
    assert payload["full"] and not payload["encrypted"] and payload["warnings"]

    district = crypto.generate_district_keys()
    district_file = tmp_path / "district.dqkey"
    crypto.write_public_key_file(district_file, crypto.district_public_key_file(district, "某区"))
    installed = run_cli(data, "sync", "keys", "--install-district", str(district_file))
    assert installed.returncode == EXIT_OK, installed.stderr
    assert "已安装区级公钥：某区" in installed.stdout

    sealed = run_cli(data, "sync", "export", "--out", str(usb), "--json")
    assert sealed.returncode == EXIT_OK, sealed.stderr
    second = json.loads(sealed.stdout)
    assert second["seq"] == 2 and second["encrypted"] and second["full"]
    assert second["warnings"] == [] and sealed.stderr == ""
    with open_package(
        Path(second["file"]), [center_key.signing_public_key], district.encryption
    ) as opened:
        assert opened.manifest["center"]["uuid"] == center_key.center_uuid
        receipt = receipts.write_receipt(
            tmp_path,
            district.signing,
            "某区",
            center_key.center_uuid or "",
            [receipts.ReceiptEntry(2, opened.sha256, second["counter_to"], "imported")],
            datetime.now(UTC),
        )
    read = run_cli(data, "sync", "receipt", str(receipt), "--json")
    assert read.returncode == EXIT_OK, read.stderr
    assert json.loads(read.stdout)["acknowledged"] == [2]

    after = run_cli(data, "sync", "export", "--out", str(usb))
    assert after.returncode == EXIT_OK, after.stderr
    assert "已生成第 3 号数据包（增量，已加密）" in after.stdout
    assert "0 条记录" in after.stdout


def test_refusals_speak_chinese_and_exit_1(tmp_path: Path) -> None:
    data = tmp_path / "center"
    assert init(data).returncode == EXIT_OK
    bogus = tmp_path / "bogus.dqrcpt"
    bogus.write_text("{}", encoding="utf-8")
    refused = run_cli(data, "sync", "receipt", str(bogus))
    assert refused.returncode == EXIT_FAILED
    assert "尚未安装区级公钥" in refused.stderr and "Traceback" not in refused.stderr
    wrong = run_cli(data, "sync", "keys", "--install-district", str(bogus))
    assert wrong.returncode == EXIT_FAILED and "不是党群服务中心的公钥文件" in wrong.stderr
    nowhere = run_cli(data, "sync", "export", "--out", str(tmp_path / "missing"))
    assert nowhere.returncode == EXIT_FAILED and "不存在" in nowhere.stderr
    assert run_cli(data, "sync", "keys").returncode == EXIT_USAGE

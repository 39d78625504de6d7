"""数据同步 page (issue 16): key status and install, the public key handed out, 生成上报数据包
with its confirmation, progress and result, 导入回执 marking packages 已确认, the history, the
empty state, and what each role is offered — all through the page, on real files."""

from __future__ import annotations

import threading
from datetime import UTC, datetime
from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from dangqun.bootstrap import Application
from dangqun.core.center import center_info
from dangqun.core.security import Actor, Role
from dangqun.core.users import create_user
from dangqun.sync import crypto, receipts
from dangqun.sync.export import package_history
from dangqun.sync.keys import CENTER_PUBLIC_KEY_FILE, export_center_public_key
from dangqun.sync.package import open_package
from dangqun.ui.context import AppEvents, UiContext, open_ui_state
from dangqun.ui.main_window import signed_in_window
from dangqun.ui.pages import page_spec, sync_page
from dangqun.ui.pages.sync_page import SyncPage
from dangqun.ui.sync import export_dialog
from dangqun.ui.sync.export_dialog import ExportCancelled, ExportDialog, run_export
from dangqun.ui.widgets import file_dialogs, message_boxes
from tests.conftest import actor_of

WAIT_MS = 20_000


def shown(qtbot, application: Application, actor: Actor) -> SyncPage:
    window = signed_in_window(
        UiContext(application, actor, open_ui_state(application.paths), AppEvents())
    )
    qtbot.addWidget(window)
    window.resize(1024, 768)
    window.show()
    page = window.show_page("sync")
    assert isinstance(page, SyncPage)
    qtbot.waitUntil(page.is_ready, timeout=WAIT_MS)
    return page


def reloaded(qtbot, page: SyncPage) -> None:
    """Wait for the reload a change announced (the page re-reads in the background)."""
    qtbot.waitUntil(lambda: not page.loading and page.overview is not None, timeout=WAIT_MS)


def district_key_file(folder: Path, name: str = "某区委组织部") -> tuple[Path, crypto.DistrictKeys]:
    keys = crypto.generate_district_keys()
    path = folder / "district.dqkey"
    crypto.write_public_key_file(path, crypto.district_public_key_file(keys, name))
    return path, keys


@pytest.fixture
def usb(tmp_path: Path) -> Path:
    folder = tmp_path / "usb"
    folder.mkdir()
    return folder


@pytest.fixture
def infos(monkeypatch) -> list[str]:
    shown_messages: list[str] = []
    monkeypatch.setattr(
        message_boxes, "show_info", lambda _parent, _title, text: shown_messages.append(text)
    )
    return shown_messages


def install_through_page(qtbot, page: SyncPage, monkeypatch, key_file: Path) -> None:
    monkeypatch.setattr(file_dialogs, "open_file", lambda *_args: key_file)
    page.install_button.click()
    qtbot.waitUntil(
        lambda: page.overview is not None and page.overview.district is not None, timeout=WAIT_MS
    )
    reloaded(qtbot, page)


def export_through_page(qtbot, page: SyncPage, folder: Path, full: bool = False) -> ExportDialog:
    page.export_button.click()
    dialog = page.findChild(ExportDialog)
    assert dialog is not None and dialog.isVisible()
    dialog.folder_edit.setText(str(folder))
    dialog.full_radio.setChecked(full)
    dialog.start_button.click()
    qtbot.waitUntil(lambda: dialog.outcome is not None, timeout=WAIT_MS)
    return dialog


def test_a_fresh_center_shows_the_empty_state_and_warns_that_packages_travel_in_clear(
    qtbot, application: Application, admin: Actor
) -> None:
    page = shown(qtbot, application, admin)
    assert page_spec("sync").module == "dangqun.ui.pages.sync_page"
    assert page.empty_label.isVisible()
    assert page.packages_table.rowCount() == 0 and page.receipts_table.rowCount() == 0
    assert "明文" in page.district_label.text()
    assert page.district_label.property("role") == "warning"
    assert page.install_button.isVisible() and page.install_button.text() == "安装区级公钥…"
    fingerprint = crypto.grouped_fingerprint(
        crypto.read_public_key_file(
            application.paths.keys / CENTER_PUBLIC_KEY_FILE
        ).signing_fingerprint
    )
    assert fingerprint in page.center_label.text()


def test_each_role_is_offered_what_the_services_allow(
    qtbot, application: Application, admin: Actor
) -> None:
    create_user(application.database, admin, "clerk", "李华", Role.STAFF, "staff-pass-123")
    create_user(application.database, admin, "guest", "王五", Role.READ_ONLY, "guest-pass-123")
    offered = {}
    for name in ("admin", "clerk", "guest"):
        page = shown(qtbot, application, actor_of(application, name))
        offered[name] = (
            page.export_button.isVisibleTo(page),
            page.receipt_button.isVisibleTo(page),
            page.install_button.isVisibleTo(page),
            page.public_key_button.isVisibleTo(page),
        )
        assert page.role_label.text()
    assert offered == {
        "admin": (True, True, True, True),
        "clerk": (False, True, False, True),
        "guest": (False, False, False, True),
    }


def test_install_export_and_receipt_through_the_page(
    qtbot,
    application: Application,
    admin: Actor,
    usb: Path,
    tmp_path: Path,
    monkeypatch,
    infos: list[str],
) -> None:
    page = shown(qtbot, application, admin)
    key_file, district = district_key_file(tmp_path)
    install_through_page(qtbot, page, monkeypatch, key_file)
    assert "某区委组织部" in page.district_label.text()
    fingerprint = crypto.fingerprint(district.signing.public_key())
    assert crypto.grouped_fingerprint(fingerprint) in page.district_label.text()
    assert page.district_label.property("role") is None
    assert page.install_button.text() == "更换区级公钥…"
    assert any("已安装" in text for text in infos)

    confirmations: list[str] = []
    monkeypatch.setattr(
        message_boxes, "confirm", lambda *args, **kwargs: confirmations.append(args[1]) or True
    )
    dialog = export_through_page(qtbot, page, usb)
    assert confirmations == []  # encrypted: nothing to confirm
    result = dialog.outcome
    assert result is not None and result.path.parent == usb and result.path.exists()
    assert result.full and result.encrypted and result.seq == 1
    assert result.path.name in dialog.status_label.text()
    assert f"{result.counter_to:,}" in dialog.status_label.text()
    assert dialog.tables_view.rowCount() == len(result.tables)
    assert {dialog.tables_view.item(row, 0).text() for row in range(len(result.tables))} == set(
        result.tables
    )
    public = crypto.read_public_key_file(application.paths.keys / CENTER_PUBLIC_KEY_FILE)
    with open_package(result.path, [public.signing_public_key], district.encryption) as opened:
        assert opened.manifest["seq"] == 1
        assert sum(1 for _ in opened.rows("center")) == 1
    dialog.cancel_button.click()  # now 关闭
    assert not dialog.isVisible()

    reloaded(qtbot, page)
    assert not page.empty_label.isVisible()
    assert page.packages_table.rowCount() == 1
    assert page.packages_table.item(0, 6).text() == "待确认"
    assert page.packages_table.item(0, 8).text() == result.path.name
    assert "1" in page.tabs.tabText(0)

    receipt = receipts.write_receipt(
        tmp_path,
        district.signing,
        "某区委组织部",
        center_info(application.database).center_id,
        [receipts.ReceiptEntry(1, result.sha256, result.counter_to, "imported")],
        datetime.now(UTC),
    )
    monkeypatch.setattr(file_dialogs, "open_file", lambda *_args: receipt)
    infos.clear()
    page.receipt_button.click()
    qtbot.waitUntil(lambda: bool(infos), timeout=WAIT_MS)
    assert "1" in infos[0] and "某区委组织部" in infos[0]
    reloaded(qtbot, page)
    qtbot.waitUntil(lambda: page.packages_table.item(0, 6).text() == "已确认", timeout=WAIT_MS)
    assert page.receipts_table.rowCount() == 1
    assert page.receipts_table.item(0, 1).text() == "某区委组织部"
    assert page.receipts_table.item(0, 4).text() == receipt.name
    assert package_history(application.database, admin)[0].acknowledged_at is not None

    second = export_through_page(qtbot, page, usb).outcome
    assert second is not None and not second.full
    assert second.counter_from == result.counter_to


def test_without_a_district_key_the_export_asks_first(
    qtbot, application: Application, admin: Actor, usb: Path, monkeypatch
) -> None:
    page = shown(qtbot, application, admin)
    answers = [False, True]
    asked: list[str] = []

    def confirm(_parent, title, *_rest, **_options):
        asked.append(title)
        return answers.pop(0)

    monkeypatch.setattr(message_boxes, "confirm", confirm)
    page.export_button.click()
    dialog = page.findChild(ExportDialog)
    assert "不会加密" in dialog.key_label.text() or "明文" in dialog.key_label.text()
    dialog.folder_edit.setText(str(usb))
    dialog.start_button.click()
    assert len(asked) == 1 and not dialog.running and list(usb.iterdir()) == []
    dialog.start_button.click()
    qtbot.waitUntil(lambda: dialog.outcome is not None, timeout=WAIT_MS)
    assert len(asked) == 2
    assert not dialog.outcome.encrypted
    assert "明文" in dialog.status_label.text()  # the service's warning, shown with the result
    assert [path.name for path in usb.iterdir()] == [dialog.outcome.path.name]


def test_a_missing_folder_is_shown_beside_the_field(
    qtbot, application: Application, admin: Actor, tmp_path: Path, monkeypatch
) -> None:
    monkeypatch.setattr(message_boxes, "confirm", lambda *args, **kwargs: True)
    page = shown(qtbot, application, admin)
    dialog = page.open_export()
    dialog.folder_edit.setText(str(tmp_path / "no-such-stick"))
    dialog.start_button.click()
    qtbot.waitUntil(lambda: not dialog.running and dialog.folder_error.isVisible(), timeout=WAIT_MS)
    assert "不存在" in dialog.folder_error.text()
    assert dialog.outcome is None and package_history(application.database, admin) == []


def test_a_cancelled_export_leaves_no_file_and_no_history(
    application: Application, admin: Actor, usb: Path
) -> None:
    cancel = threading.Event()
    cancel.set()
    with pytest.raises(ExportCancelled):
        run_export(
            application.database,
            application.paths.database,
            application.paths.keys,
            admin,
            usb,
            False,
            cancel,
            lambda _done, _total: None,
        )
    assert list(usb.iterdir()) == []
    assert package_history(application.database, admin) == []


def test_cancel_while_running_stops_the_worker(
    qtbot, application: Application, admin: Actor, usb: Path, monkeypatch
) -> None:
    monkeypatch.setattr(message_boxes, "confirm", lambda *args, **kwargs: True)
    page = shown(qtbot, application, admin)
    dialog = page.open_export()
    dialog.folder_edit.setText(str(usb))
    dialog.start_button.click()
    assert dialog.running
    dialog.reject()  # Cancel while it runs: asks the worker to stop, the dialog stays
    assert dialog.cancel_event.is_set() and dialog.isVisible()
    qtbot.waitUntil(lambda: not dialog.running, timeout=WAIT_MS)
    if dialog.outcome is None:  # stopped in time: nothing left behind
        assert list(usb.iterdir()) == []
        assert "已取消" in dialog.status_label.text()
        assert dialog.start_button.isEnabled()


def test_the_public_key_is_handed_out_through_the_page(
    qtbot, application: Application, admin: Actor, usb: Path, monkeypatch, infos: list[str]
) -> None:
    page = shown(qtbot, application, admin)
    monkeypatch.setattr(sync_page, "choose_folder", lambda *_args: usb)
    page.public_key_button.click()
    qtbot.waitUntil(lambda: bool(infos), timeout=WAIT_MS)
    code = center_info(application.database).division_code
    saved = usb / f"{code}-{CENTER_PUBLIC_KEY_FILE}"
    assert saved.read_bytes() == (application.paths.keys / CENTER_PUBLIC_KEY_FILE).read_bytes()
    document = crypto.read_public_key_file(saved, role="center")
    assert crypto.grouped_fingerprint(document.signing_fingerprint) in infos[0]


def test_the_page_services_refuse_a_missing_folder_and_start_empty(
    application: Application, admin: Actor, tmp_path: Path
) -> None:
    """export_center_public_key refuses a missing folder; a fresh center read no receipt."""
    from dangqun.core.errors import ValidationError

    with pytest.raises(ValidationError):
        export_center_public_key(
            application.database, application.paths.keys, admin, tmp_path / "missing"
        )
    assert receipts.receipt_history(application.database, admin) == []


def test_the_export_dialog_remembers_the_stick(
    qtbot, application: Application, admin: Actor, usb: Path, monkeypatch
) -> None:
    monkeypatch.setattr(message_boxes, "confirm", lambda *args, **kwargs: True)
    monkeypatch.setattr(export_dialog, "choose_folder", lambda *_args: usb)
    page = shown(qtbot, application, admin)
    dialog = page.open_export()
    dialog.browse_button.click()
    assert dialog.folder_edit.text() == str(usb)
    dialog.start_button.click()
    qtbot.waitUntil(lambda: dialog.outcome is not None, timeout=WAIT_MS)
    dialog.close()
    again = page.open_export()
    assert again.folder_edit.text() == str(usb)
    assert again.windowModality() == Qt.WindowModality.WindowModal

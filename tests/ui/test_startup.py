"""``run_gui``: refusals at start-up are shown in Chinese with exit code 1; a whole session
runs from login to the exit backup."""

from __future__ import annotations

import gc
from datetime import datetime, timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication

from dangqun import app as gui
from dangqun import cli
from dangqun.bootstrap import Application
from dangqun.core.backup import list_backups
from dangqun.core.paths import DataPaths
from dangqun.resources_path import resource_path, resources_root
from dangqun.ui.dialogs.first_run_wizard import FirstRunWizard
from dangqun.ui.main_window import MainWindow

from .conftest import ADMIN_PASSWORD, CENTER_ANSWERS
from .test_first_run_wizard import finish, go_to_last_page


@pytest.fixture
def shown_errors(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    shown: list[str] = []
    monkeypatch.setattr(gui, "show_startup_error", shown.append)
    return shown


def test_a_second_instance_is_refused_with_exit_code_1(
    application: Application, shown_errors: list[str]
) -> None:
    exit_code = gui.run_gui(str(application.paths.root))

    assert exit_code == 1
    assert len(shown_errors) == 1 and "正在使用这个数据目录" in shown_errors[0]


def test_a_file_that_is_not_a_database_is_refused(
    data_paths: DataPaths, shown_errors: list[str]
) -> None:
    data_paths.root.mkdir(parents=True)
    data_paths.database.write_bytes(b"this is a letter, not a database" * 10)

    assert cli.gui_main(["--data-dir", str(data_paths.root)]) == 1
    assert gc.isenabled()  # start_gui paused the collector; the refusal resumed it
    assert "不是 dangqun 的数据库文件" in shown_errors[0]
    assert data_paths.database.read_bytes().startswith(b"this is a letter")


def test_a_whole_session_from_login_to_exit_backup(
    qtbot, qapp: QApplication, initialized_paths: DataPaths
) -> None:
    steps: list[str] = []

    def visible(kind: type) -> object | None:
        return next(
            (w for w in QApplication.topLevelWidgets() if isinstance(w, kind) and w.isVisible()),
            None,
        )

    def sign_in() -> None:
        window = visible(MainWindow)
        if window is None or not window.sign_in_panel.isVisible():
            QTimer.singleShot(50, sign_in)
            return
        steps.append("login")
        panel = window.sign_in_panel
        panel.ui.usernameEdit.setText("admin")
        panel.ui.passwordEdit.setText(ADMIN_PASSWORD)
        panel.ui.signInButton.click()
        QTimer.singleShot(50, leave)

    def leave() -> None:
        window = visible(MainWindow)
        daily = [b for b in list_backups(initialized_paths.backups) if b.kind == "daily"]
        # Backup names have one-second resolution; leave in a later second than the daily one.
        if (
            window is None
            or not window.signed_in
            or not daily
            or datetime.now() < daily[0].taken_at + timedelta(seconds=1)
        ):
            QTimer.singleShot(50, leave)
            return
        steps.append(window.current_page_key() or "")
        window.ui.exitAction.trigger()

    QTimer.singleShot(0, sign_in)
    try:
        exit_code = gui.run_gui(str(initialized_paths.root))
    finally:
        qapp.setQuitOnLastWindowClosed(True)

    assert exit_code == 0
    assert steps == ["login", "home"]
    kinds = [backup.kind for backup in list_backups(initialized_paths.backups)]
    assert kinds[0] == "exit"  # rotation keeps the newest automatic backup of the day
    assert not initialized_paths.lock_file.exists() or _lock_is_free(initialized_paths)


def _visible(kind: type) -> object | None:
    return next(
        (w for w in QApplication.topLevelWidgets() if isinstance(w, kind) and w.isVisible()),
        None,
    )


def _when_visible(kind: type, then) -> None:
    widget = _visible(kind)
    if widget is None:
        QTimer.singleShot(50, lambda: _when_visible(kind, then))
    else:
        then(widget)


def test_a_new_directory_runs_the_wizard_then_signs_in_with_the_new_account(
    qtbot, qapp: QApplication, data_paths: DataPaths
) -> None:
    steps: list[str] = []

    def set_up(wizard: FirstRunWizard) -> None:
        steps.append("wizard")
        go_to_last_page(wizard)
        finish(wizard)
        _when_visible(MainWindow, sign_in)

    def sign_in(window: MainWindow) -> None:
        panel = window.sign_in_panel
        steps.append(f"login as {panel.ui.usernameEdit.text()}")
        panel.ui.passwordEdit.setText(ADMIN_PASSWORD)
        panel.ui.signInButton.click()
        leave(window)

    def leave(window: MainWindow) -> None:
        if not window.signed_in:
            QTimer.singleShot(50, lambda: leave(window))
            return
        steps.append(window.center_label.text())
        window.ui.exitAction.trigger()

    QTimer.singleShot(0, lambda: _when_visible(FirstRunWizard, set_up))
    try:
        exit_code = gui.run_gui(str(data_paths.root))
    finally:
        qapp.setQuitOnLastWindowClosed(True)

    assert exit_code == 0
    assert steps == ["wizard", "login as admin", CENTER_ANSWERS.center_name]
    assert _lock_is_free(data_paths)


def test_cancelling_the_wizard_quits_and_frees_the_directory(
    qtbot, qapp: QApplication, data_paths: DataPaths
) -> None:
    QTimer.singleShot(0, lambda: _when_visible(FirstRunWizard, lambda wizard: wizard.reject()))
    try:
        exit_code = gui.run_gui(str(data_paths.root))
    finally:
        qapp.setQuitOnLastWindowClosed(True)

    assert exit_code == 0
    assert _lock_is_free(data_paths)
    assert list_backups(data_paths.backups) == []


def _lock_is_free(paths: DataPaths) -> bool:
    from dangqun.core.instance_lock import InstanceLock

    lock = InstanceLock(paths.lock_file)
    lock.acquire()
    lock.release()
    return True


def test_resources_are_found_from_the_source_checkout() -> None:
    assert (resources_root() / "theme.qss").is_file()
    assert resource_path("i18n", "dangqun_zh_CN.qm").is_file()
    assert isinstance(resource_path("theme.qss"), Path)


def _click_in_message_box(button_text: str, seen: list[str]):
    from PySide6.QtWidgets import QMessageBox

    def click(box: QMessageBox) -> None:
        seen.append(f"{box.text()}\n{box.informativeText()}")
        for button in box.buttons():
            if button.text() == button_text:
                button.click()
                return
        raise AssertionError([button.text() for button in box.buttons()])

    QTimer.singleShot(0, lambda: _when_visible(QMessageBox, click))


def _lost_database_beside_a_backup(initialized_paths: DataPaths):
    from dangqun.core.backup import create_backup

    create_backup(initialized_paths.database, initialized_paths.backups, "daily")
    newest = create_backup(initialized_paths.database, initialized_paths.backups, "manual")
    initialized_paths.database.unlink()
    return newest


def test_a_lost_database_is_offered_the_newest_backup_instead_of_the_wizard(
    qtbot, qapp: QApplication, initialized_paths: DataPaths
) -> None:
    """Issue 10: a deleted database beside backups led straight to a new, empty center."""
    newest = _lost_database_beside_a_backup(initialized_paths)
    seen: list[str] = []
    centers: list[str] = []

    def leave(window: MainWindow) -> None:
        centers.append(window.center_label.text())
        window.close()

    _click_in_message_box("恢复", seen)
    QTimer.singleShot(0, lambda: _when_visible(MainWindow, leave))
    try:
        exit_code = gui.run_gui(str(initialized_paths.root))
    finally:
        qapp.setQuitOnLastWindowClosed(True)

    assert exit_code == 0
    assert newest.path.name in seen[0]
    assert newest.taken_at.strftime("%Y-%m-%d %H:%M:%S") in seen[0]
    assert "大小" in seen[0]
    assert centers == [CENTER_ANSWERS.center_name]
    assert _lock_is_free(initialized_paths)


def test_a_lost_database_may_still_become_a_new_center(
    qtbot, qapp: QApplication, initialized_paths: DataPaths
) -> None:
    _lost_database_beside_a_backup(initialized_paths)
    seen: list[str] = []
    wizards: list[FirstRunWizard] = []

    def cancel(wizard: FirstRunWizard) -> None:
        wizards.append(wizard)
        wizard.reject()

    _click_in_message_box("仍然新建服务中心", seen)
    QTimer.singleShot(0, lambda: _when_visible(FirstRunWizard, cancel))
    try:
        exit_code = gui.run_gui(str(initialized_paths.root))
    finally:
        qapp.setQuitOnLastWindowClosed(True)

    assert exit_code == 0
    assert len(seen) == 1 and len(wizards) == 1

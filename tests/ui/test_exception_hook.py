"""Unhandled exceptions: logged with the traceback, shown in Chinese, copyable; the app lives."""

from __future__ import annotations

import sys
import threading
from collections.abc import Iterator

import pytest
from PySide6.QtGui import QGuiApplication

from dangqun.bootstrap import Application
from dangqun.ui.exception_hook import ExceptionReporter, current_log_file


class FrontDeskMistake(Exception):
    pass


@pytest.fixture
def reporter(qtbot, application: Application) -> Iterator[ExceptionReporter]:
    """Logging is configured by ``open_application`` (the ``application`` fixture)."""
    hook = ExceptionReporter()
    yield hook
    hook.uninstall()
    if hook.dialog is not None:
        hook.dialog.close()


def raise_and_report(reporter: ExceptionReporter) -> None:
    try:
        raise FrontDeskMistake("打印机没有纸了")
    except FrontDeskMistake:
        reporter.handle_exception(*sys.exc_info())


def test_an_unhandled_exception_is_logged_and_shown(
    qtbot, reporter: ExceptionReporter, application: Application
) -> None:
    raise_and_report(reporter)

    qtbot.waitUntil(lambda: reporter.dialog is not None and reporter.dialog.isVisible())
    dialog = reporter.dialog
    assert dialog.ui.headlineLabel.text() == "抱歉，程序出了点问题"
    assert "之前已保存的数据不受影响" in dialog.ui.messageLabel.text()
    assert dialog.ui.copyButton.text() == "复制详细信息(&C)"
    log_file = application.paths.logs / "dangqun.log"
    assert current_log_file() == str(log_file)
    assert str(log_file) in dialog.ui.logLabel.text()
    logged = log_file.read_text(encoding="utf-8")
    assert "FrontDeskMistake: 打印机没有纸了" in logged
    assert "raise_and_report" in logged  # the traceback, not only the message


def test_copy_details_puts_the_traceback_on_the_clipboard(
    qtbot, reporter: ExceptionReporter
) -> None:
    raise_and_report(reporter)
    qtbot.waitUntil(lambda: reporter.dialog is not None)
    assert not reporter.dialog.ui.detailsText.isVisible()

    reporter.dialog.ui.copyButton.click()

    copied = QGuiApplication.clipboard().text()
    assert "Traceback (most recent call last)" in copied
    assert "FrontDeskMistake: 打印机没有纸了" in copied
    assert reporter.dialog.ui.copyButton.text() == "已复制"
    reporter.dialog.ui.detailsToggle.click()
    assert reporter.dialog.ui.detailsText.isVisible()


def test_further_errors_join_the_open_dialog(qtbot, reporter: ExceptionReporter) -> None:
    raise_and_report(reporter)
    qtbot.waitUntil(lambda: reporter.dialog is not None)
    first = reporter.dialog

    raise_and_report(reporter)
    qtbot.waitUntil(lambda: first.error_count == 2)

    assert reporter.dialog is first
    assert first.ui.headlineLabel.text() == "抱歉，程序出了点问题（共 2 个错误）"


def test_the_dialog_opens_from_the_event_loop_not_inside_the_failing_call(
    qtbot, reporter: ExceptionReporter
) -> None:
    raise_and_report(reporter)
    raise_and_report(reporter)
    assert reporter.dialog is None  # posted: the failing slot returns first

    qtbot.waitUntil(lambda: reporter.dialog is not None and reporter.dialog.isVisible())
    assert reporter.dialog.error_count == 2  # both, in one dialog
    assert len(reporter.reported) == 2


def test_a_worker_thread_exception_reaches_the_gui(
    qtbot, reporter: ExceptionReporter, application: Application
) -> None:
    reporter.install()

    def work() -> None:
        raise FrontDeskMistake("后台任务出错")

    thread = threading.Thread(target=work, name="backup-worker")
    thread.start()
    thread.join()

    qtbot.waitUntil(lambda: reporter.dialog is not None and reporter.dialog.isVisible())
    assert "(thread backup-worker)" in reporter.dialog.details
    assert "后台任务出错" in (application.paths.logs / "dangqun.log").read_text("utf-8")


def test_install_and_uninstall_restore_the_previous_hooks(reporter: ExceptionReporter) -> None:
    before, before_thread = sys.excepthook, threading.excepthook

    reporter.install()
    assert sys.excepthook == reporter.handle_exception
    assert threading.excepthook == reporter.handle_thread_exception

    reporter.uninstall()
    assert sys.excepthook is before and threading.excepthook is before_thread


def test_keyboard_interrupt_is_not_reported(reporter: ExceptionReporter) -> None:
    try:
        raise KeyboardInterrupt
    except KeyboardInterrupt:
        reporter.handle_exception(*sys.exc_info())
    assert reporter.reported == []

"""Unhandled exceptions: logged with the traceback, shown in Chinese, copyable; the app lives."""

from __future__ import annotations

import re
import sys
import threading
from collections.abc import Iterator
from datetime import date

import pytest
from openpyxl import Workbook
from PySide6.QtGui import QGuiApplication
from sqlalchemy import event, text
from sqlalchemy.exc import IntegrityError

from dangqun.bootstrap import Application
from dangqun.core.parsing import id_number_for
from dangqun.members.importer import import_roster
from dangqun.members.organizations import add_organization
from dangqun.ui.exception_hook import ExceptionReporter, current_log_file
from tests.conftest import actor_of

ID_NUMBER = re.compile(r"\d{17}[\dXx]")
PHONE = re.compile(r"1\d{10}")


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


def roster_with_personal_data(application: Application, path) -> None:
    """Twenty people with ID numbers and mobiles, in a branch that exists."""
    admin = actor_of(application, "admin")
    street = add_organization(application.database, admin, None, "翠湖街道党工委")
    community = add_organization(application.database, admin, street.id, "翠湖社区党委")
    add_organization(application.database, admin, community.id, "第一网格党支部")
    workbook = Workbook()
    sheet = workbook.active
    sheet.append(["姓名", "民族", "身份证号码", "所在支部", "入党日期", "手机号码"])
    for number in range(20):
        id_number = id_number_for("530102", date(1980, 1, 1 + number), 11)
        sheet.append(["张" + "一二三四五六七八九十"[number % 10] + "明", "汉族", id_number,
                      "第一网格党支部", "2010-07-01", f"1380000{number:04d}"])  # fmt: skip
    workbook.save(path)


def report_failure(reporter: ExceptionReporter, application: Application, path) -> None:
    try:
        import_roster(application.database, actor_of(application, "admin"), path)
    except Exception:  # whatever reaches the hook: run_service sends every unexpected error here
        reporter.handle_exception(*sys.exc_info())
    else:
        raise AssertionError("the import should have failed")  # pragma: no cover


def assert_nothing_personal(reporter: ExceptionReporter, application: Application) -> None:
    logged = (application.paths.logs / "dangqun.log").read_text("utf-8")
    for text_seen in (logged, *reporter.reported):
        assert not ID_NUMBER.search(text_seen), ID_NUMBER.search(text_seen)
        assert not PHONE.search(text_seen), PHONE.search(text_seen)


def test_a_failed_import_on_a_full_disk_puts_no_personal_data_in_the_log_or_dialog(
    qtbot, reporter: ExceptionReporter, application: Application, tmp_path
) -> None:
    """Issue 10: a staff import on a full disk wrote 20 ID numbers with phones into the log."""
    roster_with_personal_data(application, tmp_path / "roster.xlsx")

    @event.listens_for(application.database.engine, "checkout")
    def full_disk(dbapi_connection, _record, _proxy) -> None:
        pages = dbapi_connection.execute("PRAGMA page_count").fetchone()[0]
        dbapi_connection.execute(f"PRAGMA max_page_count = {pages}")

    report_failure(reporter, application, tmp_path / "roster.xlsx")

    qtbot.waitUntil(lambda: reporter.dialog is not None and reporter.dialog.isVisible())
    assert "database or disk is full" in reporter.dialog.details
    assert_nothing_personal(reporter, application)


def test_a_constraint_violation_puts_no_personal_data_in_the_log_or_dialog(
    qtbot, reporter: ExceptionReporter, application: Application, tmp_path
) -> None:
    roster_with_personal_data(application, tmp_path / "roster.xlsx")
    with application.database.unit_of_work(actor_of(application, "admin")) as work:
        work.session.execute(text("CREATE UNIQUE INDEX test_one_name ON members (name)"))
        work.commit()  # two 张一明 in the roster now violate a rule the importer does not know

    report_failure(reporter, application, tmp_path / "roster.xlsx")

    qtbot.waitUntil(lambda: reporter.dialog is not None and reporter.dialog.isVisible())
    assert "UNIQUE constraint failed: members.name" in reporter.dialog.details
    assert_nothing_personal(reporter, application)


def test_values_quoted_by_an_error_message_are_redacted(
    qtbot, reporter: ExceptionReporter, application: Application
) -> None:
    """A server database (the district's PostgreSQL) quotes the row in its message, and an
    engine built elsewhere may not hide its parameters: the report strips both."""
    number, phone = "53010219850615123X", "13812345678"
    try:
        raise IntegrityError(
            "INSERT INTO members (id_number, phone) VALUES (%(id_number)s, %(phone)s)",
            {"id_number": number, "phone": phone},
            Exception(
                "duplicate key value violates unique constraint\n"
                f"DETAIL:  Key (id_number)=({number}) already exists."
            ),
        )
    except IntegrityError:
        reporter.handle_exception(*sys.exc_info())

    qtbot.waitUntil(lambda: reporter.dialog is not None)
    details = reporter.dialog.details
    assert "duplicate key value violates unique constraint" in details
    assert "[parameters hidden]" in details and "DETAIL: [hidden]" in details
    assert number not in details and phone not in details
    assert_nothing_personal(reporter, application)

"""The print preview window offscreen: navigation, zoom, printing to a PDF printer, saving."""

from __future__ import annotations

import subprocess
import threading
from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings
from PySide6.QtGui import QPageRanges
from PySide6.QtPdfWidgets import QPdfView
from PySide6.QtPrintSupport import QPrintDialog, QPrinter, QPrinterInfo
from PySide6.QtWidgets import QDialog

from dangqun.printing.batch import render_to_bytes
from dangqun.printing.fonts import choose_document_fonts
from dangqun.printing.page_kit import PrintContext
from dangqun.printing.registry import sample_plan
from dangqun.ui import print_preview
from dangqun.ui.print_preview import (
    LAST_PRINTER_KEY,
    LAST_SAVE_DIRECTORY_KEY,
    PrintPreviewWindow,
    preview_pdf_job,
    selected_pages,
)
from tests.conftest import requires_poppler


def sample_pdf(kind: str) -> bytes:
    context = PrintContext(
        "翠湖社区党群服务中心",
        "6f1c2e1a-3b4c-4d5e-8f90-123456789abc",
        date(2026, 11, 22),
        choose_document_fonts(),
        bytes(32),
    )
    return render_to_bytes([sample_plan(kind, context)], context)


@pytest.fixture
def ui_state(tmp_path: Path) -> QSettings:
    return QSettings(str(tmp_path / "ui-state.ini"), QSettings.Format.IniFormat)


@pytest.fixture
def window(qtbot, ui_state: QSettings) -> PrintPreviewWindow:  # type: ignore[no-untyped-def]
    preview = PrintPreviewWindow(sample_pdf("time_statement"), "时间银行对账单", ui_state)
    qtbot.addWidget(preview)
    preview.show()
    return preview


def test_opens_on_the_first_page_fitting_the_width(window: PrintPreviewWindow) -> None:
    assert window.page_count == 3
    assert window.current_page() == 0
    assert window.view.zoomMode() == QPdfView.ZoomMode.FitToWidth
    assert not window.ui.previousPageButton.isEnabled()
    assert "3" in window.ui.pageCountLabel.text()


def test_page_navigation(qtbot, window: PrintPreviewWindow) -> None:  # type: ignore[no-untyped-def]
    window.ui.nextPageButton.click()
    qtbot.waitUntil(lambda: window.current_page() == 1)
    assert window.ui.pageSpin.value() == 2
    window.ui.pageSpin.setValue(3)
    qtbot.waitUntil(lambda: window.current_page() == 2)
    assert not window.ui.nextPageButton.isEnabled()


def test_zoom_steps_and_fit_modes(window: PrintPreviewWindow) -> None:
    window.set_zoom(1.0)
    window.ui.zoomInButton.click()
    assert window.view.zoomFactor() == pytest.approx(1.25)
    assert window.ui.zoomLabel.text() == "125%"
    window.ui.zoomOutButton.click()
    window.ui.zoomOutButton.click()
    assert window.view.zoomFactor() == pytest.approx(0.75)
    window.ui.fitPageButton.click()
    assert window.view.zoomMode() == QPdfView.ZoomMode.FitInView
    assert window.ui.fitPageButton.isChecked() and not window.ui.fitWidthButton.isChecked()


@requires_poppler
def test_printing_renders_every_page_at_printer_resolution(
    window: PrintPreviewWindow, tmp_path: Path
) -> None:
    printer = window.prepared_printer()
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(tmp_path / "printed.pdf"))
    printer.setResolution(150)
    assert window.print_to(printer)
    info = subprocess.run(
        ["pdfinfo", str(tmp_path / "printed.pdf")], capture_output=True, text=True, check=True
    ).stdout
    assert "Pages:           3" in info
    assert "A4" in info


def test_page_range_from_the_print_dialog(window: PrintPreviewWindow) -> None:
    printer = QPrinter()
    printer.setPrintRange(QPrinter.PrintRange.PageRange)
    ranges = QPageRanges()
    ranges.addRange(2, 3)
    printer.setPageRanges(ranges)
    assert selected_pages(printer, 3) == [1, 2]
    assert selected_pages(QPrinter(), 3) == [0, 1, 2]


def test_last_printer_is_remembered(
    window: PrintPreviewWindow,
    ui_state: QSettings,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """打印… remembers the printer the user chose in the print dialog, and the next print
    starts from it. The machine is given one printer, 前台打印机 (Qt drops the name of a printer
    it does not know), whose pages go to a PDF file; the dialog's exec is the user choosing it
    and pressing OK."""
    chosen = "前台打印机"
    names: dict[int, str] = {}
    monkeypatch.setattr(QPrinterInfo, "availablePrinterNames", staticmethod(lambda: [chosen]))
    monkeypatch.setattr(
        QPrinter, "setPrinterName", lambda self, name: names.update({id(self): name})
    )
    monkeypatch.setattr(QPrinter, "printerName", lambda self: names.get(id(self), ""))
    offered: list[str] = []

    def user_chooses(dialog: QPrintDialog) -> int:
        printer = dialog.printer()
        offered.append(printer.printerName())
        printer.setPrinterName(chosen)
        printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
        printer.setOutputFileName(str(tmp_path / f"printed-{len(offered)}.pdf"))
        printer.setResolution(96)  # what is remembered is the point here, not 1,200 dpi pages
        return int(QDialog.DialogCode.Accepted)

    monkeypatch.setattr(QPrintDialog, "exec", user_chooses)

    window.ui.printButton.click()

    assert offered == [""]  # nothing remembered yet: the system's default
    assert ui_state.value(LAST_PRINTER_KEY) == chosen
    assert (tmp_path / "printed-1.pdf").exists()

    window.ui.printButton.click()

    assert offered == ["", chosen]


def test_a_remembered_printer_that_is_gone_is_ignored(
    window: PrintPreviewWindow, ui_state: QSettings
) -> None:
    ui_state.setValue(LAST_PRINTER_KEY, "已拆走的打印机")
    assert window.prepared_printer().printerName() != "已拆走的打印机"


def test_save_as_pdf_writes_the_same_bytes(
    window: PrintPreviewWindow, ui_state: QSettings, tmp_path: Path
) -> None:
    target = tmp_path / "exports" / "对账单"
    assert window.save_to(target)
    saved = target.with_name("对账单.pdf")
    assert saved.read_bytes() == window.pdf
    assert ui_state.value(LAST_SAVE_DIRECTORY_KEY) == str(saved.parent)


def test_save_failure_is_explained_and_nothing_is_left(
    window: PrintPreviewWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    shown: list[str] = []
    monkeypatch.setattr(
        print_preview.message_boxes, "show_error", lambda _parent, _title, text: shown.append(text)
    )
    blocker = tmp_path / "not-a-directory"
    blocker.write_text("x")
    assert not window.save_to(blocker / "a.pdf")
    assert shown and "a.pdf" in shown[0]


def test_background_job_opens_the_preview(qtbot, ui_state: QSettings) -> None:  # type: ignore[no-untyped-def]
    opened: list[PrintPreviewWindow] = []
    pdf = sample_pdf("volunteer_certificate")

    def job(report, cancel: threading.Event) -> bytes:  # type: ignore[no-untyped-def]
        report(1, 1)
        return pdf

    from PySide6.QtWidgets import QWidget

    parent = QWidget()
    qtbot.addWidget(parent)
    preview_pdf_job(parent, ui_state, "志愿服务证明", job, on_shown=opened.append)
    qtbot.waitUntil(lambda: bool(opened), timeout=10_000)
    assert opened[0].page_count == 1
    opened[0].close()


def test_cancelled_job_opens_nothing(qtbot, ui_state: QSettings) -> None:  # type: ignore[no-untyped-def]
    from dangqun.printing.batch import PrintCancelled

    opened: list[PrintPreviewWindow] = []
    finished = threading.Event()

    def job(report, cancel: threading.Event) -> bytes:  # type: ignore[no-untyped-def]
        finished.set()
        raise PrintCancelled("已取消")

    from PySide6.QtWidgets import QWidget

    parent = QWidget()
    qtbot.addWidget(parent)
    preview_pdf_job(parent, ui_state, "证明", job, on_shown=opened.append)
    qtbot.waitUntil(finished.is_set, timeout=10_000)
    qtbot.wait(200)
    assert opened == []


def test_a_name_character_no_font_has_is_named_above_the_pages_before_printing(
    qtbot,  # type: ignore[no-untyped-def]
    ui_state: QSettings,
) -> None:
    """Issue 12: a rare name character (𠀀, U+20000, in no font here) is said before printing;
    the characters the shipped font has (䶮, 堃) are not."""
    from dataclasses import replace

    from PySide6.QtWidgets import QWidget

    from dangqun.printing.registry import document_kind

    context = PrintContext(
        "翠湖社区党群服务中心",
        "6f1c2e1a-3b4c-4d5e-8f90-123456789abc",
        date(2026, 11, 22),
        choose_document_fonts(),
        bytes(32),
    )
    definition = document_kind("volunteer_certificate")

    def job(report, cancel: threading.Event) -> bytes:  # type: ignore[no-untyped-def]
        item = replace(definition.sample(context), volunteer_name="王䶮堃𠀀")
        return render_to_bytes([definition.build(item, context)], context, "", 1, report, cancel)

    opened: list[PrintPreviewWindow] = []
    parent = QWidget()
    qtbot.addWidget(parent)
    preview_pdf_job(parent, ui_state, "志愿服务证明", job, on_shown=opened.append)
    qtbot.waitUntil(lambda: bool(opened), timeout=20_000)
    window = opened[0]
    assert window.missing_characters == ("𠀀",)
    warning = window.missing_characters_warning
    assert warning.isVisible()
    assert "𠀀（U+20000）" in warning.text() and "䶮" not in warning.text()
    assert "打印" in warning.text()
    window.close()


def test_no_warning_when_every_character_has_a_font(window: PrintPreviewWindow) -> None:
    assert window.missing_characters == ()
    assert not window.missing_characters_warning.isVisible()


def test_the_progress_is_worded_in_what_is_counted(qtbot) -> None:  # type: ignore[no-untyped-def]
    """A batch counts documents (份); one long roster counts pages (页) of an estimate."""
    from PySide6.QtWidgets import QWidget

    parent = QWidget()
    qtbot.addWidget(parent)
    batch = print_preview.PrintJobProgress(parent, "志愿服务证明")
    batch.report(3, 500)
    assert batch.labelText() == "已生成 3 / 500 份…"
    pages = print_preview.PrintJobProgress(parent, "花名册", print_preview.ProgressUnit.PAGES)
    pages.report(1200, 1310)
    assert pages.labelText() == "已生成 1,200 / 约 1,310 页…"
    assert (pages.value(), pages.maximum()) == (1200, 1310)

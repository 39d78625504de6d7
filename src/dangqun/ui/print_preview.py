"""The print preview window: look at the PDF, then print it or save it.

Why a PDF preview and not a QPrintPreviewDialog: the engine (``dangqun.printing``) makes the
PDF that is archived and verified, so the preview shows exactly that file — the same bytes are
saved or printed. Printing renders each PDF page with QtPdf at the printer's resolution, in
horizontal bands so a 1200 dpi printer does not need a 140 MB image per page, and paints it
full-page (our documents carry their own margins). The last printer used is remembered in the
per-machine ``ui-state.ini`` (it is a property of this PC, not of the center).

Building a large PDF (500 certificates) takes seconds, so :func:`preview_pdf_job` runs the job
on the thread pool behind a progress dialog whose Cancel stops the batch. It also collects the
characters no embedded font has (a rare name character, issue 12) while the job renders, and
the window names them above the pages, so the clerk knows before printing that they would
come out blank or in another typeface.
"""

from __future__ import annotations

import contextlib
import enum
import os
import sys
import tempfile
import threading
from collections.abc import Callable, Iterable, Sequence
from pathlib import Path
from typing import Any

from PySide6.QtCore import (
    QBuffer,
    QByteArray,
    QIODevice,
    QMarginsF,
    QPointF,
    QRect,
    QRectF,
    QSettings,
    QSize,
    Qt,
)
from PySide6.QtGui import (
    QCloseEvent,
    QIcon,
    QKeySequence,
    QPageLayout,
    QPageSize,
    QPainter,
    QResizeEvent,
    QShortcut,
    QShowEvent,
)
from PySide6.QtPdf import QPdfDocument, QPdfDocumentRenderOptions
from PySide6.QtPdfWidgets import QPdfView
from PySide6.QtPrintSupport import QPrintDialog, QPrinter, QPrinterInfo
from PySide6.QtWidgets import (
    QApplication,
    QBoxLayout,
    QDialog,
    QFileDialog,
    QLabel,
    QProgressDialog,
    QWidget,
)

from dangqun.core.errors import DangqunError
from dangqun.ui.forms.ui_print_preview import Ui_PrintPreviewWindow
from dangqun.ui.icons import ICON_GREY, icon
from dangqun.ui.threads import run_in_background
from dangqun.ui.widgets import message_boxes
from dangqun.ui.widgets.window_fit import room_for

LAST_PRINTER_KEY = "printing/last_printer"
LAST_SAVE_DIRECTORY_KEY = "printing/last_save_directory"
ZOOM_STEPS = (0.25, 0.33, 0.5, 0.67, 0.75, 1.0, 1.25, 1.5, 2.0, 3.0, 4.0)
RENDER_BAND_PIXELS = 1024
"""Height of one rendered band: 4960 px wide at 600 dpi × 1024 px × 4 bytes ≈ 20 MB."""

PdfJob = Callable[[Callable[[int, int | None], None], threading.Event], bytes]
"""Builds a PDF off the GUI thread: ``job(report_progress(done, total), cancel) -> bytes``."""


def character_list(characters: Sequence[str]) -> str:
    """Each character with its code point: the screen font cannot draw a character no font
    has either, and the code lets the clerk look it up (𠀀（U+20000）)."""
    return " ".join(f"{character}（U+{ord(character):04X}）" for character in characters)


def _icon(name: str) -> QIcon:
    return icon(name, ICON_GREY, selected_color=None)


def write_pdf_file(path: Path, data: bytes) -> None:
    """Write atomically, so a full USB stick leaves the old file, not half a new one."""
    path.parent.mkdir(parents=True, exist_ok=True)
    handle, temporary_name = tempfile.mkstemp(
        prefix=f".{path.name}.", suffix=".part", dir=path.parent
    )
    try:
        with os.fdopen(handle, "wb") as stream:
            stream.write(data)
        os.replace(temporary_name, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(temporary_name)
        raise


def selected_pages(printer: QPrinter, page_count: int) -> list[int]:
    """Zero-based page numbers the print dialog asked for (all pages by default)."""
    if printer.printRange() == QPrinter.PrintRange.PageRange:
        pages: list[int] = []
        for page_range in printer.pageRanges().toRangeList():
            first = max(page_range.from_, 1)
            last = min(page_range.to, page_count)
            pages.extend(range(first - 1, last))
        if pages:
            return pages
    return list(range(page_count))


def paint_pdf_pages(
    document: QPdfDocument,
    printer: QPrinter,
    pages: Sequence[int],
    progress: Callable[[int], bool] | None = None,
) -> bool:
    """Paint ``pages`` of ``document`` onto ``printer`` at its resolution; False if cancelled.

    Each page is rendered in bands (:data:`RENDER_BAND_PIXELS` high) and drawn at real size,
    centered on the paper and turned when its orientation differs from the paper's.
    ``progress(done)`` returning False cancels (the printer job is aborted).
    """
    printer.setFullPage(True)
    painter = QPainter()
    if not painter.begin(printer):
        raise DangqunError("无法开始打印：打印机没有响应，或打印文件无法写入。")
    try:
        dots_per_inch = printer.resolution()
        paper = printer.pageLayout().fullRectPixels(dots_per_inch)
        for position, page in enumerate(pages):
            if position:
                printer.newPage()
            if progress is not None and not progress(position):
                printer.abort()
                return False
            size = document.pagePointSize(page)
            width = max(round(size.width() / 72 * dots_per_inch), 1)
            height = max(round(size.height() / 72 * dots_per_inch), 1)
            painter.save()
            page_landscape = width > height
            paper_landscape = paper.width() > paper.height()
            available_width, available_height = paper.width(), paper.height()
            if page_landscape != paper_landscape:
                painter.translate(paper.width(), 0)
                painter.rotate(90)
                available_width, available_height = paper.height(), paper.width()
            scale = min(available_width / width, available_height / height, 1.0)
            left = (available_width - width * scale) / 2
            top = (available_height - height * scale) / 2
            options = QPdfDocumentRenderOptions()
            options.setScaledSize(QSize(width, height))
            for band_top in range(0, height, RENDER_BAND_PIXELS):
                band_height = min(RENDER_BAND_PIXELS, height - band_top)
                options.setScaledClipRect(QRect(0, band_top, width, band_height))
                image = document.render(page, QSize(width, band_height), options)
                painter.drawImage(
                    QRectF(left, top + band_top * scale, width * scale, band_height * scale),
                    image,
                )
            painter.restore()
        if progress is not None:
            progress(len(pages))
    finally:
        if painter.isActive():
            painter.end()
    return True


class PrintPreviewWindow(QDialog):
    """Shows one PDF (bytes) with zoom, page navigation, 打印… and 另存为 PDF."""

    def __init__(
        self,
        pdf: bytes,
        title: str,
        ui_state: QSettings,
        suggested_file_name: str = "",
        parent: QWidget | None = None,
        missing_characters: Sequence[str] = (),
    ) -> None:
        super().__init__(parent)
        self.ui = Ui_PrintPreviewWindow()
        self.ui.setupUi(self)
        self.setWindowFlag(Qt.WindowType.WindowMaximizeButtonHint, True)
        self.setWindowFlag(Qt.WindowType.WindowMinimizeButtonHint, True)
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose, True)
        self.pdf = pdf
        self.title = title
        self.ui_state = ui_state
        self.suggested_file_name = suggested_file_name or f"{title}.pdf"
        self.setWindowTitle(self.tr("Print preview — {title}").format(title=title))

        self._bytes = QByteArray(pdf)
        self._buffer = QBuffer(self._bytes, self)
        self._buffer.open(QIODevice.OpenModeFlag.ReadOnly)
        self.document = QPdfDocument(self)
        self.document.load(self._buffer)

        self.view = QPdfView(self.ui.viewContainer)
        self.view.setDocument(self.document)
        self.view.setPageMode(QPdfView.PageMode.MultiPage)
        self.view.setPageSpacing(16)
        self.ui.viewLayout.addWidget(self.view)

        self.missing_characters = tuple(missing_characters)
        self.missing_characters_warning = QLabel(self)
        self.missing_characters_warning.setObjectName("missingCharactersWarning")
        self.missing_characters_warning.setProperty("role", "warning")
        self.missing_characters_warning.setWordWrap(True)
        self.missing_characters_warning.setContentsMargins(12, 6, 12, 6)
        self.missing_characters_warning.setTextInteractionFlags(
            Qt.TextInteractionFlag.TextSelectableByMouse
        )
        if self.missing_characters:
            self.missing_characters_warning.setText(
                self.tr(
                    "No font on this computer has these characters: {characters}. They may "
                    "print blank or in another typeface: check them before printing, and "
                    "write them in by hand if needed."
                ).format(characters=character_list(self.missing_characters))
            )
        self.missing_characters_warning.setVisible(bool(self.missing_characters))
        self.ui.windowLayout.insertWidget(1, self.missing_characters_warning)

        ui = self.ui
        ui.previousPageButton.setIcon(_icon("page_previous"))
        ui.nextPageButton.setIcon(_icon("page_next"))
        ui.zoomInButton.setIcon(_icon("zoom_in"))
        ui.zoomOutButton.setIcon(_icon("zoom_out"))
        ui.fitWidthButton.setIcon(_icon("fit_width"))
        ui.fitPageButton.setIcon(_icon("fit_page"))
        ui.printButton.setIcon(_icon("print"))
        ui.saveButton.setIcon(_icon("save_pdf"))
        for button in (
            ui.previousPageButton,
            ui.nextPageButton,
            ui.zoomInButton,
            ui.zoomOutButton,
            ui.fitWidthButton,
            ui.fitPageButton,
        ):
            button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonIconOnly)
            button.setAutoRaise(True)
            button.setIconSize(QSize(22, 22))

        self.page_count = self.document.pageCount()
        ui.pageSpin.setRange(1, max(self.page_count, 1))
        ui.pageCountLabel.setText(self.tr("of {count}").format(count=self.page_count))
        ui.previousPageButton.clicked.connect(lambda: self.go_to_page(self.current_page() - 1))
        ui.nextPageButton.clicked.connect(lambda: self.go_to_page(self.current_page() + 1))
        ui.pageSpin.valueChanged.connect(lambda value: self.go_to_page(value - 1))
        self.view.pageNavigator().currentPageChanged.connect(self._page_changed)
        ui.zoomInButton.clicked.connect(lambda: self.step_zoom(+1))
        ui.zoomOutButton.clicked.connect(lambda: self.step_zoom(-1))
        ui.fitWidthButton.clicked.connect(lambda: self.set_fit(QPdfView.ZoomMode.FitToWidth))
        ui.fitPageButton.clicked.connect(lambda: self.set_fit(QPdfView.ZoomMode.FitInView))
        ui.printButton.clicked.connect(self.print_document)
        ui.saveButton.clicked.connect(self.save_as_pdf)
        ui.closeButton.clicked.connect(self.close)
        QShortcut(QKeySequence(QKeySequence.StandardKey.ZoomIn), self, lambda: self.step_zoom(+1))
        QShortcut(QKeySequence(QKeySequence.StandardKey.ZoomOut), self, lambda: self.step_zoom(-1))
        QShortcut(QKeySequence(QKeySequence.StandardKey.Print), self, self.print_document)
        QShortcut(QKeySequence(QKeySequence.StandardKey.Save), self, self.save_as_pdf)

        if self.page_count <= 1:
            self.set_fit(QPdfView.ZoomMode.FitInView)
        else:
            self.set_fit(QPdfView.ZoomMode.FitToWidth)
        self._update_navigation()
        if self.document.status() != QPdfDocument.Status.Ready or self.page_count == 0:
            ui.statusLabel.setText(self.tr("The document could not be opened."))
            ui.printButton.setEnabled(False)
            ui.saveButton.setEnabled(False)
        else:
            ui.statusLabel.setText(
                self.tr("{count} page(s). The printout looks exactly like this preview.").format(
                    count=self.page_count
                )
            )

    def showEvent(self, event: QShowEvent) -> None:
        """Opened no larger than the window it comes from (or the screen): the form's
        1040×820 ran off a 1024×768 screen and hid 关闭 (issue 11)."""
        super().showEvent(event)
        if event.spontaneous():
            return
        room = room_for(self)
        if room is not None:
            self.resize(self.size().boundedTo(room))

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._fit_toolbar()

    def _fit_toolbar(self) -> None:
        """The page and zoom controls above the document actions when one row does not fit
        (a 1024-wide screen at a large font cut 另存为 PDF and 打印 mid-word, issue 11)."""
        ui = self.ui
        margins = ui.toolbarLayout.contentsMargins()
        one_row = (
            ui.viewControlsLayout.sizeHint().width()
            + ui.documentActionsLayout.sizeHint().width()
            + ui.toolbarLayout.spacing()
            + 40  # the spacer between the groups
            + margins.left()
            + margins.right()
        )
        direction = (
            QBoxLayout.Direction.TopToBottom
            if ui.toolbarFrame.width() < one_row
            else QBoxLayout.Direction.LeftToRight
        )
        if ui.toolbarLayout.direction() != direction:
            ui.toolbarLayout.setDirection(direction)

    def closeEvent(self, event: QCloseEvent) -> None:
        """Detach the view before the document goes: QPdfView renders pages on a worker
        thread, and a window closed mid-render must not leave it drawing a freed document."""
        self.view.setDocument(None)  # type: ignore[arg-type]  # Qt accepts nullptr
        self.document.close()
        super().closeEvent(event)

    # --- navigation and zoom ------------------------------------------------------------

    def current_page(self) -> int:
        return int(self.view.pageNavigator().currentPage())

    def go_to_page(self, page: int) -> None:
        if not 0 <= page < self.page_count or page == self.current_page():
            self._update_navigation()
            return
        navigator = self.view.pageNavigator()
        navigator.jump(page, QPointF(), navigator.currentZoom())
        self._update_navigation()

    def _page_changed(self, _page: int) -> None:
        self._update_navigation()

    def _update_navigation(self) -> None:
        page = self.current_page()
        self.ui.pageSpin.blockSignals(True)
        self.ui.pageSpin.setValue(page + 1)
        self.ui.pageSpin.blockSignals(False)
        self.ui.previousPageButton.setEnabled(page > 0)
        self.ui.nextPageButton.setEnabled(page < self.page_count - 1)

    def effective_zoom(self) -> float:
        """The zoom factor on screen, also in the fit modes (QPdfView keeps it internal)."""
        mode = self.view.zoomMode()
        if mode == QPdfView.ZoomMode.Custom or self.page_count == 0:
            return float(self.view.zoomFactor())
        size = self.document.pagePointSize(max(self.current_page(), 0))
        dots = self.logicalDpiX() / 72
        viewport = self.view.viewport().size()
        width_zoom = viewport.width() / max(size.width() * dots, 1)
        if mode == QPdfView.ZoomMode.FitToWidth:
            return width_zoom
        return min(width_zoom, viewport.height() / max(size.height() * dots, 1))

    def step_zoom(self, direction: int) -> None:
        current = self.effective_zoom()
        if direction > 0:
            target = next((step for step in ZOOM_STEPS if step > current + 0.01), ZOOM_STEPS[-1])
        else:
            target = next(
                (step for step in reversed(ZOOM_STEPS) if step < current - 0.01), ZOOM_STEPS[0]
            )
        self.set_zoom(target)

    def set_zoom(self, factor: float) -> None:
        self.view.setZoomMode(QPdfView.ZoomMode.Custom)
        self.view.setZoomFactor(factor)
        self.ui.fitWidthButton.setChecked(False)
        self.ui.fitPageButton.setChecked(False)
        self.ui.zoomLabel.setText(f"{round(factor * 100)}%")

    def set_fit(self, mode: QPdfView.ZoomMode) -> None:
        self.view.setZoomMode(mode)
        self.ui.fitWidthButton.setChecked(mode == QPdfView.ZoomMode.FitToWidth)
        self.ui.fitPageButton.setChecked(mode == QPdfView.ZoomMode.FitInView)
        self.ui.zoomLabel.setText(
            self.tr("Width") if mode == QPdfView.ZoomMode.FitToWidth else self.tr("Page")
        )

    # --- output -------------------------------------------------------------------------

    def prepared_printer(self) -> QPrinter:
        """A printer set up for this document: the last printer used, A4, the document's
        orientation, no margins (the document carries its own)."""
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        last = str(self.ui_state.value(LAST_PRINTER_KEY, "") or "")
        if last and last in QPrinterInfo.availablePrinterNames():
            printer.setPrinterName(last)
        printer.setDocName(self.title)
        landscape = False
        if self.page_count:
            size = self.document.pagePointSize(0)
            landscape = size.width() > size.height()
        printer.setPageLayout(
            QPageLayout(
                QPageSize(QPageSize.PageSizeId.A4),
                QPageLayout.Orientation.Landscape
                if landscape
                else QPageLayout.Orientation.Portrait,
                QMarginsF(0, 0, 0, 0),
            )
        )
        printer.setFromTo(1, max(self.page_count, 1))
        return printer

    def print_document(self) -> None:
        if self.page_count == 0:
            return
        printer = self.prepared_printer()
        dialog = QPrintDialog(printer, self)
        dialog.setWindowTitle(self.tr("Print {title}").format(title=self.title))
        dialog.setMinMax(1, self.page_count)
        dialog.setOption(QPrintDialog.PrintDialogOption.PrintPageRange, True)
        dialog.setOption(QPrintDialog.PrintDialogOption.PrintCurrentPage, False)
        dialog.setOption(QPrintDialog.PrintDialogOption.PrintSelection, False)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return
        self.print_to(printer)

    def print_to(self, printer: QPrinter) -> bool:
        """Print to an already set-up printer (the dialog's, or a PDF printer in tests)."""
        if printer.printerName():
            self.ui_state.setValue(LAST_PRINTER_KEY, printer.printerName())
        pages = selected_pages(printer, self.page_count)
        progress_dialog = QProgressDialog(
            self.tr("Sending the pages to the printer…"),
            self.tr("Cancel"),
            0,
            len(pages),
            self,
        )
        progress_dialog.setWindowTitle(self.tr("Printing"))
        progress_dialog.setWindowModality(Qt.WindowModality.WindowModal)
        progress_dialog.setMinimumDuration(400)

        def report(done: int) -> bool:
            progress_dialog.setValue(done)
            QApplication.processEvents()
            return not progress_dialog.wasCanceled()

        try:
            finished = paint_pdf_pages(self.document, printer, pages, report)
        except DangqunError as error:
            message_boxes.show_error(self, self.tr("Printing failed"), error.message)
            return False
        finally:
            progress_dialog.close()
        return finished

    def save_as_pdf(self) -> None:
        directory = str(self.ui_state.value(LAST_SAVE_DIRECTORY_KEY, "") or "")
        if not directory or not Path(directory).is_dir():
            directory = str(Path.home())
        chosen, _filter = QFileDialog.getSaveFileName(
            self,
            self.tr("Save as PDF"),
            str(Path(directory) / self.suggested_file_name),
            self.tr("PDF documents (*.pdf)"),
        )
        if chosen:
            self.save_to(Path(chosen))

    def save_to(self, path: Path) -> bool:
        if path.suffix.lower() != ".pdf":
            path = path.with_name(path.name + ".pdf")
        try:
            write_pdf_file(path, self.pdf)
        except OSError as error:
            message_boxes.show_error(
                self,
                self.tr("Could not save"),
                self.tr("The file {path} could not be written ({reason}).").format(
                    path=str(path), reason=error.strerror or str(error)
                ),
            )
            return False
        self.ui_state.setValue(LAST_SAVE_DIRECTORY_KEY, str(path.parent))
        self.ui.statusLabel.setText(self.tr("Saved to {path}").format(path=str(path)))
        return True


class ProgressUnit(enum.Enum):
    """What a print job's progress counts: documents of a batch (500 certificates), or the
    pages of one long document (a roster reports pages, ``printing.batch`` page_progress;
    its total is the estimate made before printing)."""

    DOCUMENTS = "documents"
    PAGES = "pages"


class PrintJobProgress(QProgressDialog):
    """Progress of building a PDF, worded in what is counted (份 or 页, issue 12); Cancel
    sets the job's cancel event."""

    def __init__(
        self, parent: QWidget, title: str, unit: ProgressUnit = ProgressUnit.DOCUMENTS
    ) -> None:
        super().__init__(parent)
        self.unit = unit
        self.setWindowTitle(self.tr("Preparing to print"))
        self.setLabelText(self.tr("Preparing {title}…").format(title=title))
        self.setCancelButtonText(self.tr("Cancel"))
        self.setWindowModality(Qt.WindowModality.WindowModal)
        self.setMinimumDuration(300)
        self.setMinimumWidth(420)
        self.setAutoClose(False)
        self.setAutoReset(False)
        self.setRange(0, 0)
        self.cancel_event = threading.Event()
        self.canceled.connect(self.cancel_event.set)

    def report(self, done: int, total: int) -> None:
        if total > 0:
            self.setRange(0, total)
            self.setValue(done)
            if self.unit is ProgressUnit.PAGES:
                text = self.tr("Prepared {done} of about {total} pages…")
            else:
                text = self.tr("Prepared {done} of {total} documents…")
            self.setLabelText(text.format(done=f"{done:,}", total=f"{total:,}"))


def preview_pdf_job(
    parent: QWidget,
    ui_state: QSettings,
    title: str,
    job: PdfJob,
    suggested_file_name: str = "",
    on_shown: Callable[[PrintPreviewWindow], None] | None = None,
    unit: ProgressUnit = ProgressUnit.DOCUMENTS,
) -> None:
    """Build a PDF on the thread pool (cancellable), then open it in a preview window;
    ``unit`` is what the job's progress reports count."""
    progress = PrintJobProgress(parent, title, unit)

    cancel_event = progress.cancel_event  # the worker gets the event, never the widget

    def run(report: Callable[[int, int], None]) -> tuple[bytes, tuple[str, ...]]:
        from dangqun.printing.fonts import missing_glyphs_collected

        with missing_glyphs_collected() as missing:
            pdf = job(lambda done, total: report(done, total or 0), cancel_event)
        return pdf, tuple(sorted(missing))

    def succeeded(outcome: object) -> None:
        progress.close()
        if not isinstance(outcome, tuple):
            return
        pdf, missing = outcome
        window = PrintPreviewWindow(pdf, title, ui_state, suggested_file_name, parent, missing)
        window.show()
        if on_shown is not None:
            on_shown(window)

    def failed(error: BaseException) -> None:
        progress.close()
        from dangqun.printing.batch import PrintCancelled

        if isinstance(error, PrintCancelled):
            return
        if isinstance(error, DangqunError):
            message_boxes.show_error(
                parent,
                QApplication.translate("PrintPreviewWindow", "Printing failed"),
                error.message,
            )
            return
        sys.excepthook(type(error), error, error.__traceback__)

    progress.show()
    run_in_background(
        parent, run, on_success=succeeded, on_failure=failed, on_progress=progress.report
    )


def preview_documents(
    parent: QWidget,
    ui_state: QSettings,
    context: Any,
    kind: str,
    items: Iterable[Any],
    title: str,
    total: int | None = None,
    on_shown: Callable[[PrintPreviewWindow], None] | None = None,
) -> None:
    """Preview documents of one registered ``kind`` built from ``items`` (dataclasses).

    ``context`` is a :class:`dangqun.printing.page_kit.PrintContext` (from
    ``dangqun.printing.service.print_context_for``).
    """
    from dangqun.printing.batch import render_to_bytes
    from dangqun.printing.registry import document_kind

    definition = document_kind(kind)

    def job(report: Callable[[int, int | None], None], cancel: threading.Event) -> bytes:
        plans = (definition.build(item, context) for item in items)
        return render_to_bytes(plans, context, title, total, report, cancel)

    preview_pdf_job(parent, ui_state, title, job, f"{title}.pdf", on_shown)

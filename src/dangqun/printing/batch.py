"""Laying out documents into one PDF: one document or five hundred, streamed, cancellable.

Why streamed: a batch of 500 certificates is built from an iterator, one document's flowables
at a time (the next is asked for only when the previous one is laid out), so memory holds
one document's layout plus the finished pages, never 500 stories at once.

Why no Qt: the UI runs :func:`render_to_file` in a ``QThreadPool`` worker and passes a
``threading.Event`` to cancel and a callback for progress; the CLI and tests call it directly.
A cancelled or failed run leaves no file behind: the PDF is written to a temporary file beside
the target and renamed only when complete.

Issue 12: one long document (a 1,300-page roster) reports progress in pages and can be
cancelled between pages (``page_progress``); the command line watches the pages of whatever it
prints through :func:`terminal_page_progress` without every service passing a callback.
"""

from __future__ import annotations

import contextlib
import io
import os
import sys
import tempfile
import threading
from collections.abc import Callable, Iterable, Iterator
from contextvars import ContextVar
from dataclasses import dataclass
from pathlib import Path
from typing import Any, BinaryIO

from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import ActionFlowable, NextPageTemplate, PageBreak
from reportlab.platypus.doctemplate import BaseDocTemplate, PageTemplate
from reportlab.platypus.frames import Frame

from dangqun import __version__
from dangqun.core.errors import DangqunError
from dangqun.printing.fonts import missing_glyphs_collected
from dangqun.printing.page_kit import (
    DocumentPlan,
    PageLayout,
    PrintContext,
    define_page_total,
    draw_certificate_frame,
    draw_footer,
    draw_page_note,
    draw_sample_mark,
)

ProgressCallback = Callable[[int, int | None], None]
"""Called with (documents done, total or None) after each document is laid out."""
PageProgressCallback = Callable[[int], None]
"""Called with the pages finished so far, after each page."""

_page_observer: ContextVar[PageProgressCallback | None] = ContextVar(
    "dangqun_page_observer", default=None
)


@contextlib.contextmanager
def terminal_page_progress(stream: Any = None, every: int = 10) -> Iterator[None]:
    """While inside, renders report their pages on ``stream`` (standard error) as
    ``已排版 120 页…`` — only when it is a terminal, so redirected output and ``--json``
    stay clean; the line is erased at the end."""
    target = stream if stream is not None else sys.stderr
    if not target.isatty():
        yield
        return
    shown = False

    def observe(pages: int) -> None:
        nonlocal shown
        if pages % every == 0:
            target.write(f"\r已排版 {pages} 页…")
            target.flush()
            shown = True

    token = _page_observer.set(observe)
    try:
        yield
    finally:
        _page_observer.reset(token)
        if shown:
            target.write("\r\x1b[K")
            target.flush()


class PrintCancelled(DangqunError):
    """The user cancelled; nothing was written."""


class PrintFailed(DangqunError):
    """A document could not be produced; nothing was written."""


@dataclass(frozen=True)
class RenderSummary:
    documents: int
    pages: int
    missing_characters: tuple[str, ...] = ()
    """Characters no embedded font has (drawn with the built-in font or left blank), sorted."""


@dataclass
class _DocumentState:
    index: int
    plan_layout: PageLayout
    first_page: int
    page_note: str = ""
    pages: int = 0


class _DocumentStart(ActionFlowable):  # type: ignore[misc]  # ReportLab ships no type hints
    def __init__(self, index: int, layout: PageLayout, page_note: str) -> None:
        super().__init__(("documentStart", index, layout, page_note))


class _DocumentEnd(ActionFlowable):  # type: ignore[misc]
    def __init__(self, index: int) -> None:
        super().__init__(("documentEnd", index))


class _StreamingDocument(BaseDocTemplate):  # type: ignore[misc]
    """A doc template that pulls the next document's story only when the previous one ends.

    ReportLab's build loop reads the flowable list by reference, so the list is refilled
    from inside the ``documentEnd`` action. Cancellation and builder errors stop the loop by
    emptying the list (an exception raised inside an action would be re-typed by ReportLab)
    and are raised once the build has returned; saving is switched off so nothing is written.
    """

    def __init__(
        self,
        target: str | BinaryIO,
        context: PrintContext,
        plans: Iterator[DocumentPlan],
        first: DocumentPlan,
        title: str,
        total: int | None,
        progress: ProgressCallback | None,
        cancel: threading.Event | None,
        page_progress: PageProgressCallback | None = None,
    ) -> None:
        first_specification = context.layout(first.layout)
        super().__init__(
            target,
            pagesize=first_specification.page_size,
            title=title,
            author=context.center_name,
            subject=title,
            creator=f"dangqun {__version__}",
            initialFontName=context.fonts.body.name,
            initialFontSize=12,
            pageCompression=1,
        )
        self.context = context
        self.plans = plans
        self.total = total
        self.progress = progress
        self.cancel = cancel
        self.page_observers = [
            observer for observer in (page_progress, _page_observer.get()) if observer is not None
        ]
        self.stream: list[Any] = []
        self.current: _DocumentState | None = None
        self.documents_done = 0
        self.pages_done = 0
        self.stopped_by: BaseException | None = None
        ordered = [first.layout] + [layout for layout in PageLayout if layout is not first.layout]
        self.addPageTemplates([self._template(layout) for layout in ordered])
        self.stream.extend(self._story(0, first))

    def _template(self, layout: PageLayout) -> Any:
        specification = self.context.layout(layout)
        margins = specification.margins
        frame = Frame(
            margins.left,
            margins.bottom,
            specification.frame_width,
            specification.frame_height,
            leftPadding=0,
            rightPadding=0,
            topPadding=0,
            bottomPadding=0,
            id=f"{layout.value}-body",
        )
        return PageTemplate(
            id=layout.value,
            frames=[frame],
            pagesize=specification.page_size,
            onPageEnd=self._decorate_page,
        )

    def _story(self, index: int, plan: DocumentPlan) -> list[Any]:
        head: list[Any] = []
        if index > 0:
            head = [NextPageTemplate(plan.layout.value), PageBreak()]
        return [
            *head,
            _DocumentStart(index, plan.layout, plan.page_note),
            *plan.story,
            _DocumentEnd(index),
        ]

    # ReportLab calls these through the action flowables above.
    def handle_documentStart(self, index: int, layout: PageLayout, page_note: str) -> None:
        self.current = _DocumentState(index, layout, self.canv.getPageNumber(), page_note)

    def handle_documentEnd(self, index: int) -> None:
        state = self.current
        if state is not None:
            state.pages = self.canv.getPageNumber() - state.first_page + 1
            if self.context.layout(state.plan_layout).numbered:
                define_page_total(self.canv, index, state.pages, self.context.fonts)
        self.documents_done += 1
        try:
            if self.progress is not None:
                self.progress(self.documents_done, self.total)
            if self.cancel is not None and self.cancel.is_set():
                raise PrintCancelled("已取消打印，没有生成文件。")
            next_plan = next(self.plans, None)
            if next_plan is not None:
                self.stream.extend(self._story(index + 1, next_plan))
        except BaseException as error:  # stop the build; re-raised by render_plans
            self.stopped_by = error
            self.stream.clear()
            self._doSave = 0

    def _page_finished(self) -> None:
        """Report the page; a cancel stops the build here, between pages of one document."""
        if self.stopped_by is not None:
            return
        try:
            for observer in self.page_observers:
                observer(self.pages_done)
            if self.cancel is not None and self.cancel.is_set():
                raise PrintCancelled("已取消打印，没有生成文件。")
        except BaseException as error:  # stop the build; re-raised by render_plans
            self.stopped_by = error
            self.stream.clear()
            self._doSave = 0

    def _decorate_page(self, canvas: Canvas, _document: Any) -> None:
        state = self.current
        self.pages_done += 1
        self._page_finished()
        if state is None:
            return
        specification = self.context.layout(state.plan_layout)
        if self.context.sample:
            draw_sample_mark(canvas, specification, self.context)
        if specification.framed:
            draw_certificate_frame(canvas, specification.page_size)
        if state.page_note:
            draw_page_note(canvas, specification, self.context, state.page_note)
        if specification.footer or specification.numbered:
            draw_footer(
                canvas,
                specification,
                self.context,
                canvas.getPageNumber() - state.first_page + 1,
                state.index,
            )


def render_plans(
    plans: Iterable[DocumentPlan],
    context: PrintContext,
    target: str | BinaryIO,
    title: str = "",
    total: int | None = None,
    progress: ProgressCallback | None = None,
    cancel: threading.Event | None = None,
    page_progress: PageProgressCallback | None = None,
) -> RenderSummary:
    """Lay out ``plans`` (consumed lazily) into one PDF written to ``target``."""
    iterator = iter(plans)
    with missing_glyphs_collected() as missing:
        try:
            first = next(iterator)  # builds the first document: its characters count too
        except StopIteration:
            raise PrintFailed("没有可打印的文书。") from None
        document = _StreamingDocument(
            target,
            context,
            iterator,
            first,
            title or first.title,
            total,
            progress,
            cancel,
            page_progress,
        )
        document.build(document.stream)
    if document.stopped_by is not None:
        error = document.stopped_by
        if isinstance(error, DangqunError):
            raise error
        raise PrintFailed(f"生成文书时出错：{error}") from error
    return RenderSummary(document.documents_done, document.pages_done, tuple(sorted(missing)))


def render_to_bytes(
    plans: Iterable[DocumentPlan],
    context: PrintContext,
    title: str = "",
    total: int | None = None,
    progress: ProgressCallback | None = None,
    cancel: threading.Event | None = None,
    page_progress: PageProgressCallback | None = None,
) -> bytes:
    """The PDF in memory, for the preview window."""
    buffer = io.BytesIO()
    render_plans(plans, context, buffer, title, total, progress, cancel, page_progress)
    return buffer.getvalue()


def render_to_file(
    plans: Iterable[DocumentPlan],
    context: PrintContext,
    path: str | os.PathLike[str],
    title: str = "",
    total: int | None = None,
    progress: ProgressCallback | None = None,
    cancel: threading.Event | None = None,
    page_progress: PageProgressCallback | None = None,
) -> RenderSummary:
    """Write the PDF to ``path`` atomically: complete, or not at all (cancel, error)."""
    destination = Path(path)
    try:
        destination.parent.mkdir(parents=True, exist_ok=True)
        handle, temporary_name = tempfile.mkstemp(
            prefix=f".{destination.name}.", suffix=".part", dir=destination.parent
        )
    except OSError as error:
        raise PrintFailed(
            f"无法在“{destination.parent}”中写入文件（{error.strerror or error}）。"
        ) from error
    temporary = Path(temporary_name)
    try:
        with os.fdopen(handle, "wb") as stream:
            summary = render_plans(
                plans, context, stream, title, total, progress, cancel, page_progress
            )
        os.replace(temporary, destination)
    except OSError as error:
        with contextlib.suppress(OSError):
            temporary.unlink()
        raise PrintFailed(
            f"无法写入“{destination}”（{error.strerror or error}）。文件可能正被其他程序打开。"
        ) from error
    except BaseException:
        with contextlib.suppress(OSError):
            temporary.unlink()
        raise
    return summary

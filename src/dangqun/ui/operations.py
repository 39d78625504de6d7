"""One way for the UI to call a service: off the GUI thread, errors shown, changes announced.

In the spirit of Anki's ``CollectionOp`` (``qt/aqt/operations/``). A page or dialog never opens
a database session and never emits change signals by hand; it calls::

    run_service(
        self, self.context, partial(register_member, database, actor, draft),
        changes=Changes.of(MEMBER),
        on_success=self._saved,
        field_errors=self.errors,               # ValidationError beside the fields
        failure_title=self.tr("Cannot save"),
    )

* the call runs on the thread pool (``partial`` of plain values: no widget may travel);
* on success the :class:`~dangqun.core.changes.Changes` are announced on ``context.events``
  (pages subscribed to those entities refresh), then ``on_success(result)`` runs;
* a :class:`~dangqun.core.errors.ValidationError` goes beside the fields when a
  :class:`~dangqun.ui.widgets.field_errors.FieldErrors` is given, else into a message box;
* any other :class:`~dangqun.core.errors.DangqunError` is a message box titled
  ``failure_title`` with its Chinese message;
* anything else is a bug: it goes to ``sys.excepthook`` (logged, the error dialog).

``changes`` may be a function of the result when what changed depends on it (an import that
created branches). Reads use the same helper with ``changes`` left out.
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from typing import Any, TypeVar

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QWidget

from dangqun.core.changes import NOTHING, Changes
from dangqun.core.errors import DangqunError, ValidationError
from dangqun.ui.context import UiContext
from dangqun.ui.threads import BackgroundCall, ProgressCallback, run_in_background
from dangqun.ui.widgets import message_boxes
from dangqun.ui.widgets.field_errors import FieldErrors

Result = TypeVar("Result")


def run_service(
    parent: QWidget,
    context: UiContext,
    call: Callable[[], Result] | Callable[[ProgressCallback], Result],
    *,
    changes: Changes | Callable[[Any], Changes] = NOTHING,
    on_success: Callable[[Any], None] | None = None,
    on_failure: Callable[[BaseException], None] | None = None,
    field_errors: FieldErrors | None = None,
    failure_title: str = "",
    on_progress: ProgressCallback | None = None,
    with_progress: bool = False,
) -> BackgroundCall:
    """Run ``call()`` (or ``call(report_progress)`` with ``with_progress``) off the GUI thread.

    ``on_failure`` runs after the error has been shown (to re-enable a button), for expected
    and unexpected errors alike; an unexpected one is shown as a crash report, not a message.
    """
    function: Callable[[ProgressCallback], Any] = (
        call if with_progress else _IgnoreProgress(call)  # type: ignore[assignment,arg-type]
    )

    def succeeded(result: object) -> None:
        announced = changes(result) if callable(changes) else changes
        context.events.announce(announced)
        if on_success is not None:
            on_success(result)

    def failed(error: BaseException) -> None:
        if isinstance(error, DangqunError):
            show_service_error(parent, error, field_errors, failure_title)
        else:
            sys.excepthook(type(error), error, error.__traceback__)
        if on_failure is not None:
            on_failure(error)

    return run_in_background(parent, function, succeeded, failed, on_progress)


def show_service_error(
    parent: QWidget,
    error: DangqunError,
    field_errors: FieldErrors | None = None,
    failure_title: str = "",
) -> None:
    """A refused call as the user should see it: beside the fields, or in a message box."""
    title = failure_title or QCoreApplication.translate("ServiceCall", "Not done")
    if isinstance(error, ValidationError) and field_errors is not None:
        left = field_errors.show(error.errors)
        if left:
            message_boxes.show_error(parent, title, "\n".join(left))
        return
    message_boxes.show_error(parent, title, error.message)


class _IgnoreProgress:
    """``call()`` as the ``function(report_progress)`` the thread pool runs; holds no widget."""

    def __init__(self, call: Callable[[], Any]) -> None:
        self._call = call

    def __call__(self, _progress: ProgressCallback) -> Any:
        return self._call()

"""Dialogs whose OK button runs a service call and closes only when it succeeded."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtWidgets import QDialog, QWidget

from dangqun.core.changes import Changes
from dangqun.ui.context import UiContext
from dangqun.ui.operations import run_service
from dangqun.ui.threads import BackgroundCall
from dangqun.ui.widgets.field_errors import FieldErrors


class ServiceDialog(QDialog):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._save_call: BackgroundCall | None = None

    @property
    def is_saving(self) -> bool:
        return self._save_call is not None

    def save(self) -> bool:
        """Write through the service; show the refusal and return False to stay open."""
        raise NotImplementedError

    def accept(self) -> None:
        if self.save():
            super().accept()
        else:
            self.fit_messages()

    def save_in_background(
        self,
        context: UiContext,
        call: Callable[[], object],
        *,
        changes: Changes,
        field_errors: FieldErrors,
        buttons: QWidget,
        on_success: Callable[[Any], None],
    ) -> None:
        """Run a slow save (scrypt) off the GUI thread with ``buttons`` disabled meanwhile, so
        a second click cannot save twice; a refusal shows beside the fields and the dialog
        stays open, a success calls ``on_success`` (which closes with ``QDialog.accept``)."""
        buttons.setEnabled(False)

        # Plain callbacks, never a closure connected to the call's ``finished`` signal: PySide
        # wraps such a closure in a hidden receiver, and one outliving its sender corrupted the
        # heap in CI (``malloc_consolidate(): unaligned fastbin chunk``).
        def settle() -> None:
            self._save_call = None
            buttons.setEnabled(True)

        def succeeded(result: Any) -> None:
            settle()
            on_success(result)

        def failed(_error: BaseException) -> None:
            settle()
            self.fit_messages()

        self._save_call = run_service(
            self,
            context,
            call,
            changes=changes,
            on_success=succeeded,
            on_failure=failed,
            field_errors=field_errors,
            failure_title=self.windowTitle(),
        )

    def fit_messages(self) -> None:
        """Grow to show every (wrapped) error message: a top-level window's minimum size does
        not follow its labels' height-for-width, so Qt would clip a two-line message."""
        layout = self.layout()
        if layout is None:
            return
        layout.activate()
        needed = layout.totalHeightForWidth(self.width())
        if needed < 0:
            needed = layout.totalSizeHint().height()
        if needed > self.height():
            self.resize(self.width(), needed)

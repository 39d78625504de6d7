"""The fake feature's page: a label naming how many notes there are (read off the GUI thread
through the same helper real pages use)."""

from functools import partial

from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from dangqun.ui.context import UiContext
from dangqun.ui.operations import run_service
from tests.fake_feature.service import count_notes


class FakeNotesPage(QWidget):
    def __init__(self, context: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.label = QLabel("测试便条：正在读取", self)
        self.label.setObjectName("fakeNotesLabel")
        QVBoxLayout(self).addWidget(self.label)
        self._ready = False
        run_service(
            self, context, partial(count_notes, context.application.database), on_success=self._show
        )

    def _show(self, count: object) -> None:
        self.label.setText(f"测试便条：共 {count} 条")
        self._ready = True

    def is_ready(self) -> bool:
        return self._ready

"""Notice when nobody has touched the keyboard or mouse for a while.

An application-wide event filter records the time of the last key, click, wheel or touch
anywhere in the app; a single-shot timer wakes up when the idle time could have run out and
either emits :attr:`IdleWatcher.idle` or sleeps for the remainder. Recording a time stamp (not
restarting a timer on every mouse move) keeps the filter cheap: it sees every event of the app.

Mouse *moves* count as activity: a worker reading a long list with the mouse in hand is not
away from the desk.
"""

from __future__ import annotations

import time

from PySide6.QtCore import QCoreApplication, QEvent, QObject, QTimer, Signal

ACTIVITY_EVENTS = frozenset(
    {
        QEvent.Type.KeyPress,
        QEvent.Type.KeyRelease,
        QEvent.Type.MouseButtonPress,
        QEvent.Type.MouseButtonRelease,
        QEvent.Type.MouseButtonDblClick,
        QEvent.Type.MouseMove,
        QEvent.Type.Wheel,
        QEvent.Type.TouchBegin,
        QEvent.Type.TouchUpdate,
        QEvent.Type.InputMethod,
    }
)


class IdleWatcher(QObject):
    idle = Signal()

    def __init__(self, timeout_milliseconds: int, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.timeout_milliseconds = max(1, int(timeout_milliseconds))
        self._last_activity = time.monotonic()
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(self._check)
        self._watching = False

    @property
    def watching(self) -> bool:
        return self._watching

    def set_timeout(self, timeout_milliseconds: int) -> None:
        self.timeout_milliseconds = max(1, int(timeout_milliseconds))
        if self._watching:
            self._check()

    def start(self) -> None:
        """Begin (or resume after unlocking) with a fresh idle period."""
        application = QCoreApplication.instance()
        if application is not None and not self._watching:
            application.installEventFilter(self)
        self._watching = True
        self._last_activity = time.monotonic()
        self._timer.start(self.timeout_milliseconds)

    def stop(self) -> None:
        application = QCoreApplication.instance()
        if application is not None and self._watching:
            application.removeEventFilter(self)
        self._watching = False
        self._timer.stop()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() in ACTIVITY_EVENTS:
            self._last_activity = time.monotonic()
        return False

    def _check(self) -> None:
        if not self._watching:
            return
        idle_for = (time.monotonic() - self._last_activity) * 1000
        remaining = self.timeout_milliseconds - idle_for
        if remaining <= 0:
            self.stop()
            self.idle.emit()
        else:
            self._timer.start(int(remaining) + 1)

"""The main window: navigation on the left, the current page on the right, who and what below.

It knows pages only through the registry in :mod:`dangqun.ui.pages`; it builds a page the first
time it is shown. Session matters — signing in, locking, logging out, background backups — are
the :class:`dangqun.ui.session.SessionController`'s; the window only asks for them with signals,
so it can also be built alone for screenshots and tests.
"""

from __future__ import annotations

import logging
import sys

from PySide6.QtCore import QByteArray, QEvent, QSize, Qt, Signal
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence
from PySide6.QtWidgets import QLabel, QListWidgetItem, QMainWindow, QMessageBox, QWidget

from dangqun import __version__
from dangqun.bootstrap import backup_now
from dangqun.core.backup import BackupFile
from dangqun.core.center import center_info
from dangqun.core.errors import DangqunError
from dangqun.core.security import Permission
from dangqun.ui.context import UiContext
from dangqun.ui.formatting import last_backup, moment
from dangqun.ui.forms.ui_main_window import Ui_MainWindow
from dangqun.ui.icons import accent_icon, icon
from dangqun.ui.pages import PageSpec, available_pages
from dangqun.ui.threads import run_in_background
from dangqun.ui.widgets import message_boxes

log = logging.getLogger(__name__)

GEOMETRY_KEY = "main_window/geometry"
STATE_KEY = "main_window/state"
KEY_ROLE = Qt.ItemDataRole.UserRole
STATUS_MESSAGE_MILLISECONDS = 8000


class MainWindow(QMainWindow):
    lock_requested = Signal()
    log_out_requested = Signal()
    restore_completed = Signal()
    """The settings page replaced the database from a backup; the session must start over."""
    closed = Signal()

    def __init__(
        self,
        context: UiContext,
        remember_state: bool = True,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.context = context
        self.remember_state = remember_state
        self.ui = Ui_MainWindow()
        self.ui.setupUi(self)
        self.page_specs: list[PageSpec] = available_pages()
        self._page_index: dict[str, int] = {}
        self._pages: dict[str, QWidget] = {}
        self.page_actions: dict[str, QAction] = {}
        self._build_navigation()
        self._build_actions()
        self._build_status_bar()
        self.ui.screenStack.setCurrentWidget(self.ui.workspace)
        self.ui.applicationMark.setPixmap(accent_icon("app").pixmap(QSize(26, 26)))
        self.ui.lockCoverIcon.setPixmap(icon("lock", "#8A919C", None).pixmap(QSize(72, 72)))
        self.ui.navigationFooter.setText(self.tr("Version {version}").format(version=__version__))
        self.fit_navigation_width()
        context.events.backup_taken.connect(self.refresh_status)
        context.events.data_changed.connect(self._on_data_changed)
        self.refresh_status()
        if remember_state:
            self._restore_state()
        if self.page_specs:  # the day starts on the home page, wherever it ended yesterday
            self.show_page(self.page_specs[0].key)

    # -- construction -----------------------------------------------------------------------

    def _build_navigation(self) -> None:
        navigation = self.ui.navigationList
        for number, spec in enumerate(self.page_specs, start=1):
            item = QListWidgetItem(icon(spec.icon), spec.title)
            item.setData(KEY_ROLE, spec.key)
            item.setSizeHint(QSize(0, 48))
            shortcut = QKeySequence(f"Ctrl+{number}") if number <= 9 else QKeySequence()
            item.setToolTip(
                self.tr("{title} ({shortcut})").format(
                    title=spec.title,
                    shortcut=shortcut.toString(QKeySequence.SequenceFormat.NativeText),
                )
            )
            navigation.addItem(item)
            self._page_index[spec.key] = self.ui.pageStack.addWidget(QWidget())
            action = QAction(icon(spec.icon), spec.title, self)
            action.setObjectName(f"{spec.key}PageAction")
            action.setData(spec.key)
            action.setShortcut(shortcut)
            action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
            action.triggered.connect(self._on_page_action)
            self.ui.goMenu.addAction(action)
            self.addAction(action)
            self.page_actions[spec.key] = action
        navigation.currentRowChanged.connect(self._on_navigation_row)

    def _build_actions(self) -> None:
        ui = self.ui
        ui.backupNowAction.setIcon(icon("backup"))
        ui.lockAction.setIcon(icon("lock"))
        ui.logOutAction.setIcon(icon("logout"))
        ui.exitAction.setIcon(icon("exit"))
        ui.aboutAction.setIcon(icon("about"))
        may_back_up = self.context.can(Permission.BACKUP)
        ui.backupNowAction.setVisible(may_back_up)
        ui.backupNowAction.setEnabled(may_back_up)
        ui.backupNowAction.triggered.connect(self.back_up_now)
        ui.lockAction.triggered.connect(self.lock_requested)
        ui.logOutAction.triggered.connect(self.log_out_requested)
        ui.exitAction.triggered.connect(self.close)
        ui.aboutAction.triggered.connect(self._show_about)
        for action in (ui.lockAction, ui.exitAction):
            self.addAction(action)

    def _build_status_bar(self) -> None:
        bar = self.ui.statusBar
        self.center_label = QLabel(self)
        self.center_label.setObjectName("statusCenter")
        self.user_label = QLabel(self)
        self.user_label.setObjectName("statusUser")
        self.backup_label = QLabel(self)
        self.backup_label.setObjectName("statusBackup")
        for label in (self.center_label, self.user_label, self.backup_label):
            bar.addPermanentWidget(label)

    def fit_navigation_width(self) -> None:
        """One width for the navigation on every page, wide enough for its longest text.

        Without it the panel gives way to a wide page and the title wraps; recomputed when the
        font size setting changes, so large fonts never cut an item.
        """
        ui = self.ui
        for widget in (ui.applicationTitle, ui.navigationList):
            widget.ensurePolished()
        title = ui.applicationTitle.fontMetrics().horizontalAdvance(ui.applicationTitle.text())
        title_row = title + ui.applicationMark.sizeHint().width() + 8 + 16 + 12 + 24
        metrics = ui.navigationList.fontMetrics()
        longest_item = max(
            (metrics.horizontalAdvance(spec.title) for spec in self.page_specs), default=0
        )
        item_row = longest_item + ui.navigationList.iconSize().width() + 8 * 2 + 4 + 12 + 12 + 24
        ui.navigationPanel.setFixedWidth(max(216, title_row, item_row))

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() in (QEvent.Type.FontChange, QEvent.Type.StyleChange):
            self.fit_navigation_width()

    # -- pages ------------------------------------------------------------------------------

    def page_keys(self) -> list[str]:
        return [spec.key for spec in self.page_specs]

    def current_page_key(self) -> str | None:
        item = self.ui.navigationList.currentItem()
        return None if item is None else str(item.data(KEY_ROLE))

    def page(self, key: str) -> QWidget | None:
        """The page widget if it has been built (pages are built on first show)."""
        return self._pages.get(key)

    def show_page(self, key: str) -> QWidget:
        if key not in self._page_index:
            raise KeyError(f"no page {key!r} in this window")
        widget = self._ensure_page(key)
        row = self.page_keys().index(key)
        if self.ui.navigationList.currentRow() != row:
            self.ui.navigationList.setCurrentRow(row)  # comes back through _on_navigation_row
        self.ui.pageStack.setCurrentWidget(widget)
        return widget

    def _on_page_action(self) -> None:
        action = self.sender()
        if isinstance(action, QAction):
            self.show_page(str(action.data()))

    def _on_navigation_row(self, row: int) -> None:
        if 0 <= row < len(self.page_specs):
            self.show_page(self.page_specs[row].key)

    def _ensure_page(self, key: str) -> QWidget:
        existing = self._pages.get(key)
        if existing is not None:
            return existing
        spec = next(spec for spec in self.page_specs if spec.key == key)
        try:
            widget = spec.factory(self.context)
        except Exception:
            log.exception("page %s could not be built", key)
            sys.excepthook(*sys.exc_info())
            widget = self._unavailable_page(spec)
        widget.setObjectName(widget.objectName() or f"{key}Page")
        navigate = getattr(widget, "navigate_requested", None)
        if navigate is not None:
            navigate.connect(self.show_page)
        restore_completed = getattr(widget, "restore_completed", None)
        if restore_completed is not None:
            restore_completed.connect(self.restore_completed)
        index = self._page_index[key]
        placeholder = self.ui.pageStack.widget(index)
        self.ui.pageStack.insertWidget(index, widget)
        if placeholder is not None:
            self.ui.pageStack.removeWidget(placeholder)
            placeholder.deleteLater()
        self._pages[key] = widget
        return widget

    def _unavailable_page(self, spec: PageSpec) -> QWidget:
        label = QLabel(
            self.tr(
                "“{title}” could not be opened. The details were written to the log file; "
                "please tell your technical support."
            ).format(title=spec.title),
            self,
        )
        label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        label.setWordWrap(True)
        label.setProperty("role", "muted")
        return label

    # -- status -----------------------------------------------------------------------------

    def refresh_status(self) -> None:
        info = center_info(self.context.application.database)
        self.setWindowTitle(
            self.tr("{center} — Party–Masses Service Center Workbench").format(center=info.name)
        )
        self.center_label.setText(info.name)
        actor = self.context.actor
        self.user_label.setText(
            self.tr("User: {name} ({role})").format(name=actor.display_name, role=actor.role.label)
        )
        backup = last_backup(self.context.application)
        if backup is None:
            self.backup_label.setText(self.tr("Not backed up yet"))
            self.backup_label.setProperty("role", "statusWarning")
        else:
            self.backup_label.setText(
                self.tr("Last backup: {when}").format(when=moment(backup.taken_at))
            )
            self.backup_label.setProperty("role", None)
        self.backup_label.style().unpolish(self.backup_label)
        self.backup_label.style().polish(self.backup_label)

    def show_status_message(
        self, text: str, milliseconds: int = STATUS_MESSAGE_MILLISECONDS
    ) -> None:
        self.ui.statusBar.showMessage(text, milliseconds)

    def _on_data_changed(self, entity: str) -> None:
        if entity in ("center", "*"):
            self.refresh_status()

    # -- actions ----------------------------------------------------------------------------

    def back_up_now(self) -> None:
        if not self.context.can(Permission.BACKUP):
            return
        self.ui.backupNowAction.setEnabled(False)
        self.show_status_message(self.tr("Backing up …"), 0)
        application, actor = self.context.application, self.context.actor
        run_in_background(
            self,
            lambda _progress: backup_now(application, actor),
            on_success=self._backup_done,
            on_failure=self._backup_failed,
        )

    def _backup_done(self, backup: BackupFile) -> None:
        self.ui.backupNowAction.setEnabled(True)
        self.show_status_message(self.tr("Backed up to {path}").format(path=backup.path))
        self.context.events.backup_taken.emit()

    def _backup_failed(self, error: BaseException) -> None:
        self.ui.backupNowAction.setEnabled(True)
        self.ui.statusBar.clearMessage()
        if isinstance(error, DangqunError):
            message_boxes.show_error(self, self.tr("Backup failed"), error.message)
        else:
            sys.excepthook(type(error), error, error.__traceback__)

    def _show_about(self) -> None:
        info = center_info(self.context.application.database)
        QMessageBox.about(
            self,
            self.tr("About"),
            self.tr(
                "<h3>Party–Masses Service Center Workbench</h3>"
                "<p>Version {version}</p>"
                "<p>{center}<br>Division code {code}</p>"
                "<p>Data folder: {folder}</p>"
            ).format(
                version=__version__,
                center=info.name,
                code=info.division_code,
                folder=self.context.application.paths.root,
            ),
        )

    # -- locking ----------------------------------------------------------------------------

    def set_locked(self, locked: bool) -> None:
        """Hide everything on screen behind a plain cover while the lock dialog is up."""
        self.ui.screenStack.setCurrentWidget(self.ui.lockCover if locked else self.ui.workspace)
        self.ui.menuBar.setEnabled(not locked)
        for action in self.actions():
            action.setEnabled(not locked)
        if not locked:
            self.ui.backupNowAction.setEnabled(self.context.can(Permission.BACKUP))

    @property
    def locked(self) -> bool:
        return self.ui.screenStack.currentWidget() is self.ui.lockCover

    # -- state ------------------------------------------------------------------------------

    def _restore_state(self) -> None:
        state = self.context.ui_state
        geometry = state.value(GEOMETRY_KEY)
        if isinstance(geometry, QByteArray | bytes) and geometry:
            self.restoreGeometry(QByteArray(geometry))
        window_state = state.value(STATE_KEY)
        if isinstance(window_state, QByteArray | bytes) and window_state:
            self.restoreState(QByteArray(window_state))

    def save_state(self) -> None:
        state = self.context.ui_state
        state.setValue(GEOMETRY_KEY, self.saveGeometry())
        state.setValue(STATE_KEY, self.saveState())
        state.sync()

    def closeEvent(self, event: QCloseEvent) -> None:
        if self.remember_state:
            self.save_state()
        super().closeEvent(event)
        self.closed.emit()

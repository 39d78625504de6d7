"""The main window: navigation on the left, the current page on the right, who and what below.

It is the first thing on screen: before anyone signs in it shows the center's name and the
sign-in card (:class:`~dangqun.ui.sign_in_panel.SignInPanel`) on a cover;
:meth:`MainWindow.begin_session` opens the workspace for the signed-in user and
:meth:`MainWindow.end_session` puts the cover back on log-out. So the
window appears as fast as a bare Qt window, while the database opens behind the sign-in. The
workspace — navigation and pages, ``forms/workspace.ui`` — is built behind the cover once the
database is open (:meth:`MainWindow.prepare_workspace`): the first frame needs only the frame
of ``forms/main_window.ui`` and its covers.

This module is on that start-up path, before SQLAlchemy is imported (``dangqun.opening``):
services that need the ORM are imported in the methods that run during a session. Nor does the
first frame name PySide's ``Qt`` namespace (~20 ms of enums): the covers are centred by the
theme and the form's layouts, not by alignment flags, and ``Qt`` is imported where a session
needs it. ``tests/ui/test_start_up_path.py`` keeps both so.

It knows pages only through the registry in :mod:`dangqun.ui.pages`; it builds a page the first
time it is shown. Session matters — signing in, locking, logging out, background backups — are
the :class:`dangqun.ui.session.SessionController`'s; the window only asks for them with signals,
so it can also be built alone for screenshots and tests (:func:`signed_in_window`).
"""

from __future__ import annotations

import logging
import sys
from functools import partial

from PySide6.QtCore import QByteArray, QEvent, QObject, QSettings, QSize, QTimer, Signal
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence, QResizeEvent
from PySide6.QtWidgets import (
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QMessageBox,
    QWidget,
)

from dangqun import __version__
from dangqun.core.backup import BackupFile, latest_backup
from dangqun.core.changes import BACKUP, CENTER, Changes
from dangqun.core.paths import DataPaths
from dangqun.core.security import Permission
from dangqun.opening import OpeningFacts, read_opening_facts
from dangqun.ui.context import AppEvents, UiContext
from dangqun.ui.formatting import moment
from dangqun.ui.forms.ui_main_window import Ui_MainWindow
from dangqun.ui.icons import ICON_MUTED, icon, mark_icon
from dangqun.ui.pages import PageSpec, available_pages
from dangqun.ui.sign_in_panel import SignInPanel
from dangqun.ui.widgets.elided_label import ElidedLabel
from dangqun.ui.widgets.style_role import set_style_role

log = logging.getLogger(__name__)

GEOMETRY_KEY = "main_window/geometry"
STATE_KEY = "main_window/state"
STATUS_MESSAGE_MILLISECONDS = 8000
NAVIGATION_SHARE = 0.22
"""The most of the window's width the full navigation (title and names) may take: 277 of 1280
px does, 277 of 1024 px does not (issue 11), so a 1024-wide screen gets the compact one."""


class MainWindow(QMainWindow):
    lock_requested = Signal()
    log_out_requested = Signal()
    restore_completed = Signal()
    """The settings page replaced the database from a backup; the session must start over."""
    closed = Signal()
    on_screen = Signal()
    """The sign-in cover has been painted once: the window is on screen (start-up's end)."""

    def __init__(
        self,
        paths: DataPaths,
        facts: OpeningFacts,
        ui_state: QSettings,
        events: AppEvents,
        remember_state: bool = True,
        parent: QWidget | None = None,
        page_specs: list[PageSpec] | None = None,
    ) -> None:
        """``page_specs``: the navigation's pages, by default the center's registry (the
        district workbench, issue 17, gives its own list to the same shell)."""
        super().__init__(parent)
        self.paths = paths
        self.ui_state = ui_state
        self.events = events
        self.remember_state = remember_state
        self.context: UiContext | None = None
        self.center_name = facts.center_name
        self.ui = Ui_MainWindow()
        self.ui.setupUi(self)
        self.workspace: Workspace | None = None
        """None until :meth:`prepare_workspace` (once the database is open) or the first session."""
        self.page_specs: list[PageSpec] = available_pages() if page_specs is None else page_specs
        self._pages: dict[str, QWidget] = {}
        self.page_actions: dict[str, QAction] = {}
        self._build_actions()
        self._build_status_bar()
        self._build_covers()
        events.subscribe(self, (BACKUP,), self._on_backup_taken)
        events.subscribe(self, (CENTER,), self._on_center_changed)
        self._show_signed_out()
        self.ui.signInCover.installEventFilter(self)
        if remember_state:
            self._restore_state()

    # -- the session ------------------------------------------------------------------------

    @property
    def signed_in(self) -> bool:
        return self.context is not None

    def begin_session(self, context: UiContext) -> None:
        """Open the workspace for ``context.actor``, on the home page."""
        self.context = context
        workspace = self.prepare_workspace()
        may_back_up = context.can(Permission.BACKUP)
        self.ui.backupNowAction.setVisible(may_back_up)
        self._set_session_actions_enabled(True)
        self.ui.screenStack.setCurrentWidget(workspace)
        self._reload_center_name()
        if self.page_specs:  # the day starts on the home page, wherever it ended yesterday
            self.show_page(self.page_specs[0].key)

    def end_session(self) -> None:
        """Back to the sign-in cover: the pages go, with everything the user had on screen."""
        self.context = None
        if self.workspace is not None:
            self.workspace.ui.navigationList.setCurrentRow(-1)
            for page in list(self._pages.values()):
                self.workspace.ui.pageStack.removeWidget(page)
                page.deleteLater()
        self._pages.clear()
        self.center_name = self._signed_out_name()
        self._show_signed_out()

    def _signed_out_name(self) -> str:
        # A restore may have brought another center's file; its name is read as at start-up.
        return read_opening_facts(self.paths.database).center_name

    def _show_signed_out(self) -> None:
        self.ui.screenStack.setCurrentWidget(self.ui.signInCover)
        self.ui.signInCoverCenter.setText(self.center_name)
        self.sign_in_panel.reset()
        self._set_session_actions_enabled(False)
        self.refresh_status()

    def _set_session_actions_enabled(self, enabled: bool) -> None:
        """Outside a session only 退出 works; 关于 too reads the database, so it waits.

        Also undoes :meth:`set_locked`, which disables every action: logging out from the lock
        comes straight here.
        """
        self.ui.menuBar.setEnabled(True)
        self.ui.exitAction.setEnabled(True)
        for action in self.page_actions.values():
            action.setEnabled(enabled)
        for action in (
            self.ui.lockAction,
            self.ui.logOutAction,
            self.ui.aboutAction,
            self.verify_action,
            self.register_action,
        ):
            action.setEnabled(enabled)
        may_back_up = enabled and self.context is not None and self.context.can(Permission.BACKUP)
        self.ui.backupNowAction.setEnabled(may_back_up)

    # -- construction -----------------------------------------------------------------------

    def prepare_workspace(self) -> Workspace:
        """The workspace, built now if it has not been: behind the sign-in cover, it can be
        built while someone types their password rather than after 登录."""
        return self._build_workspace() if self.workspace is None else self.workspace

    def _build_workspace(self) -> Workspace:
        workspace = Workspace()
        self.ui.screenStack.addWidget(workspace)
        self.workspace = workspace
        self._build_navigation(workspace.ui.navigationList)
        self.fit_navigation_width()
        return workspace

    def _build_navigation(self, navigation: QListWidget) -> None:
        for number, spec in enumerate(self.page_specs, start=1):
            item = QListWidgetItem(icon(spec.icon), spec.title)  # row n shows page_specs[n]
            item.setSizeHint(QSize(0, 48))
            shortcut = QKeySequence(f"Ctrl+{number}") if number <= 9 else QKeySequence()
            item.setToolTip(
                self.tr("{title} ({shortcut})").format(
                    title=spec.title,
                    shortcut=shortcut.toString(QKeySequence.SequenceFormat.NativeText),
                )
            )
            navigation.addItem(item)
            action = QAction(icon(spec.icon), spec.title, self)
            action.setObjectName(f"{spec.key}PageAction")
            action.setData(spec.key)
            action.setShortcut(shortcut)
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
        ui.backupNowAction.triggered.connect(self.back_up_now)
        ui.lockAction.triggered.connect(self.lock_requested)
        ui.logOutAction.triggered.connect(self.log_out_requested)
        ui.exitAction.triggered.connect(self.close)
        ui.aboutAction.triggered.connect(self._show_about)
        # 核验文书 and 文书登记簿 (issue 12): the printing feature's dialogs, before 立即备份.
        self.verify_action = QAction(icon("verified"), self.tr("Verify a document…"), self)
        self.verify_action.setShortcuts([QKeySequence.fromString("Ctrl+Shift+V")])
        self.verify_action.triggered.connect(self.show_verify_dialog)
        self.register_action = QAction(
            icon("print"), self.tr("Register of issued documents…"), self
        )
        self.register_action.triggered.connect(self.show_document_register)
        ui.systemMenu.insertActions(ui.backupNowAction, [self.verify_action, self.register_action])
        ui.systemMenu.insertSeparator(ui.backupNowAction)
        self.addAction(self.verify_action)
        # setShortcuts with a list: PySide resolving setShortcut's overloads names the Qt namespace.
        ui.lockAction.setShortcuts([QKeySequence.fromString("Ctrl+L")])
        ui.exitAction.setShortcuts([QKeySequence.fromString("Ctrl+Q")])
        for action in (ui.lockAction, ui.exitAction):
            self.addAction(action)

    def _build_status_bar(self) -> None:
        bar = self.ui.statusBar
        # A long center name is shortened, never wrapped: the user and the backup warning
        # beside it must stay visible on a 1024-wide screen (issue 11).
        self.center_label = ElidedLabel(parent=self, minimum_characters=3)
        self.center_label.setObjectName("statusCenter")
        self.user_label = QLabel(self)
        self.user_label.setObjectName("statusUser")
        self.backup_label = QLabel(self)
        self.backup_label.setObjectName("statusBackup")
        # Its role set before the bar polishes it, so its first look needs no restyle.
        text, role = self._backup_status()
        self.backup_label.setText(text)
        self.backup_label.setProperty("role", role)
        for label in (self.center_label, self.user_label, self.backup_label):
            bar.addPermanentWidget(label)

    def _build_covers(self) -> None:
        """The sign-in cover; the lock cover's icon is drawn when it is first needed."""
        self.ui.signInCoverMark.setPixmap(mark_icon().pixmap(QSize(48, 48)))
        self.sign_in_panel = SignInPanel(self.ui_state, parent=self.ui.signInCover)
        self.ui.signInCardRow.insertWidget(1, self.sign_in_panel)  # between the two spacers

    def fit_navigation_width(self) -> None:
        """One width for the navigation on every page, wide enough for its longest text.

        Without it the panel gives way to a wide page and the title wraps; recomputed when the
        font size setting changes, so large fonts never cut an item. On a narrow window (issue
        11: 1024×768 front-desk screens, or a large font) the panel would take more than
        :data:`NAVIGATION_SHARE` of the width: it turns compact, the star mark without the
        application's title (which the window title also shows), as wide as the page names.
        """
        if self.workspace is None:
            return
        ui = self.workspace.ui
        for widget in (ui.applicationTitle, ui.navigationList):
            widget.ensurePolished()
        title = ui.applicationTitle.fontMetrics().horizontalAdvance(ui.applicationTitle.text())
        mark_row = ui.applicationMark.sizeHint().width() + 16 + 12
        title_row = title + mark_row + 8 + 24
        metrics = ui.navigationList.fontMetrics()
        longest_item = max(
            (metrics.horizontalAdvance(spec.title) for spec in self.page_specs), default=0
        )
        item_row = longest_item + ui.navigationList.iconSize().width() + 8 * 2 + 4 + 12 + 12 + 24
        full_width = max(216, title_row, item_row)
        compact = full_width > self.width() * NAVIGATION_SHARE
        ui.applicationTitle.setVisible(not compact)
        ui.applicationMark.setToolTip(ui.applicationTitle.text() if compact else "")
        ui.navigationPanel.setFixedWidth(max(mark_row, item_row) if compact else full_width)

    @property
    def navigation_compact(self) -> bool:
        """The navigation shows page names without the application's title (narrow window)."""
        return self.workspace is not None and self.workspace.ui.applicationTitle.isHidden()

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self.fit_navigation_width()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """Watches the sign-in cover's first paint only (see :attr:`on_screen`)."""
        if watched is self.ui.signInCover and event.type() == QEvent.Type.Paint:
            watched.removeEventFilter(self)
            QTimer.singleShot(0, self.on_screen.emit)  # after the rest of this frame is painted
        return False

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() in (QEvent.Type.FontChange, QEvent.Type.StyleChange):
            self.fit_navigation_width()

    # -- pages ------------------------------------------------------------------------------

    def page_keys(self) -> list[str]:
        return [spec.key for spec in self.page_specs]

    def current_page_key(self) -> str | None:
        row = -1 if self.workspace is None else self.workspace.ui.navigationList.currentRow()
        return self.page_specs[row].key if 0 <= row < len(self.page_specs) else None

    def page(self, key: str) -> QWidget | None:
        """The page widget if it has been built (pages are built on first show)."""
        return self._pages.get(key)

    def show_page(self, key: str) -> QWidget:
        if key not in self.page_keys():
            raise KeyError(f"no page {key!r} in this window")
        widget = self._ensure_page(key)
        assert self.workspace is not None  # built with the session _ensure_page requires
        navigation = self.workspace.ui.navigationList
        row = self.page_keys().index(key)
        if navigation.currentRow() != row:
            navigation.setCurrentRow(row)  # comes back through _on_navigation_row
        self.workspace.ui.pageStack.setCurrentWidget(widget)
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
        context, workspace = self.context, self.workspace
        if context is None or workspace is None:
            raise RuntimeError("pages are built only in a session (begin_session)")
        spec = next(spec for spec in self.page_specs if spec.key == key)
        try:
            widget = spec.factory(context)
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
        workspace.ui.pageStack.addWidget(widget)  # the stack's order does not matter; keys do
        self._pages[key] = widget
        return widget

    def _unavailable_page(self, spec: PageSpec) -> QWidget:
        from PySide6.QtCore import Qt

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
        self.setWindowTitle(
            self.tr("{center} — Party–Masses Service Center Workbench").format(
                center=self.center_name
            )
        )
        self.center_label.set_full_text(self.center_name)
        if self.context is None:
            self.user_label.setText(self.tr("Not signed in"))
        else:
            actor = self.context.actor
            self.user_label.setText(
                self.tr("User: {name} ({role})").format(
                    name=actor.display_name, role=actor.role.label
                )
            )
        text, role = self._backup_status()
        self.backup_label.setText(text)
        set_style_role(self.backup_label, role)

    def _backup_status(self) -> tuple[str, str | None]:
        """The status bar's backup text, and its style role (a warning before the first)."""
        backup = latest_backup(self.paths.backups)
        if backup is None:
            return self.tr("Not backed up yet"), "statusWarning"
        return self.tr("Last backup: {when}").format(when=moment(backup.taken_at)), None

    def _reload_center_name(self) -> None:
        """The name as the center service has it now (the settings page may have changed it)."""
        from dangqun.core.center import center_info  # ORM: imported once a session exists

        assert self.context is not None
        self.center_name = center_info(self.context.application.database).name
        self.refresh_status()

    def show_status_message(
        self, text: str, milliseconds: int = STATUS_MESSAGE_MILLISECONDS
    ) -> None:
        self.ui.statusBar.showMessage(text, milliseconds)

    def _on_center_changed(self, _changes: Changes) -> None:
        if self.context is not None:
            self._reload_center_name()

    def _on_backup_taken(self, _changes: Changes) -> None:
        self.refresh_status()

    # -- actions ----------------------------------------------------------------------------

    def back_up_now(self) -> None:
        from dangqun.bootstrap import backup_now  # ORM: imported once a session exists
        from dangqun.ui.operations import run_service

        context = self.context
        if context is None or not context.can(Permission.BACKUP):
            return
        self.ui.backupNowAction.setEnabled(False)
        self.show_status_message(self.tr("Backing up …"), 0)
        run_service(
            self,
            context,
            partial(backup_now, context.application, context.actor),
            changes=Changes.of(BACKUP),
            on_success=self._backup_done,
            on_failure=self._backup_failed,
            failure_title=self.tr("Backup failed"),
        )

    def _backup_done(self, backup: BackupFile) -> None:
        self.ui.backupNowAction.setEnabled(self.signed_in)
        self.show_status_message(self.tr("Backed up to {path}").format(path=backup.path))

    def _backup_failed(self, _error: BaseException) -> None:
        self.ui.backupNowAction.setEnabled(self.signed_in)
        self.ui.statusBar.clearMessage()

    def show_verify_dialog(self) -> None:
        from dangqun.ui.dialogs.verify_dialog import VerifyDialog

        if self.context is not None:
            from PySide6.QtCore import Qt

            dialog = VerifyDialog(self.context, self)
            dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
            dialog.open()

    def show_document_register(self) -> None:
        from dangqun.ui.dialogs.document_register_dialog import DocumentRegisterDialog

        if self.context is not None:
            from PySide6.QtCore import Qt

            dialog = DocumentRegisterDialog(self.context, self)
            dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
            dialog.open()

    def _show_about(self) -> None:
        from dangqun.core.center import center_info  # ORM: imported once a session exists

        if self.context is None:
            return
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
                folder=self.paths.root,
            ),
        )

    # -- locking ----------------------------------------------------------------------------

    def set_locked(self, locked: bool) -> None:
        """Hide everything on screen behind a plain cover while the lock dialog is up."""
        if locked:
            if self.ui.lockCoverIcon.pixmap().isNull():
                lock = icon("lock", ICON_MUTED, None)
                self.ui.lockCoverIcon.setPixmap(lock.pixmap(QSize(72, 72)))
            self.ui.screenStack.setCurrentWidget(self.ui.lockCover)
        elif self.workspace is not None:
            self.ui.screenStack.setCurrentWidget(self.workspace)
        self.ui.menuBar.setEnabled(not locked)
        for action in self.actions():
            action.setEnabled(not locked)
        if not locked:
            self._set_session_actions_enabled(True)

    @property
    def locked(self) -> bool:
        return self.ui.screenStack.currentWidget() is self.ui.lockCover

    # -- state ------------------------------------------------------------------------------

    def _restore_state(self) -> None:
        state = self.ui_state
        geometry = state.value(GEOMETRY_KEY)
        if isinstance(geometry, QByteArray | bytes) and geometry:
            self.restoreGeometry(QByteArray(geometry))
        window_state = state.value(STATE_KEY)
        if isinstance(window_state, QByteArray | bytes) and window_state:
            self.restoreState(QByteArray(window_state))

    def save_state(self) -> None:
        state = self.ui_state
        state.setValue(GEOMETRY_KEY, self.saveGeometry())
        state.setValue(STATE_KEY, self.saveState())
        state.sync()

    def closeEvent(self, event: QCloseEvent) -> None:
        if self.remember_state:
            self.save_state()
        super().closeEvent(event)
        self.closed.emit()


class Workspace(QWidget):
    """The navigation and the page stack (``forms/workspace.ui``), behind the covers."""

    def __init__(self) -> None:
        from dangqun.ui.forms.ui_workspace import Ui_Workspace  # its form names Qt's enums

        super().__init__()
        self.ui = Ui_Workspace()
        self.ui.setupUi(self)
        self.ui.applicationMark.setPixmap(mark_icon().pixmap(QSize(26, 26)))
        self.ui.navigationFooter.setText(self.tr("Version {version}").format(version=__version__))


def signed_in_window(context: UiContext, remember_state: bool = False) -> MainWindow:
    """A main window already in ``context``'s session (screenshots, tests, benchmarks)."""
    paths = context.application.paths
    window = MainWindow(
        paths, read_opening_facts(paths.database), context.ui_state, context.events, remember_state
    )
    window.begin_session(context)
    return window

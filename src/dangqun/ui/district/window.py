"""The district workbench's window: the center's shell with the district's pages (issue 17)."""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import partial
from pathlib import Path

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QMessageBox

from dangqun import __version__
from dangqun.core.backup import latest_backup
from dangqun.core.feature_kit import QT_TRANSLATE_NOOP, PageDeclaration
from dangqun.core.paths import DataPaths
from dangqun.core.security import Actor
from dangqun.district.database import DistrictDatabase, shown
from dangqun.opening import OpeningFacts
from dangqun.ui.context import AppEvents, UiContext
from dangqun.ui.formatting import moment
from dangqun.ui.main_window import MainWindow
from dangqun.ui.pages import PageSpec

PAGES_MODULE = "dangqun.ui.district.pages"
CHECKS_MODULE = "dangqun.ui.district.checks_page"
SEND_MODULE = "dangqun.ui.district.send_page"
DISTRICT_PAGES: tuple[PageDeclaration, ...] = (
    PageDeclaration(
        "centers",
        QT_TRANSLATE_NOOP("Pages", "Centers"),
        "building",
        f"{PAGES_MODULE}:DistrictCentersPage",
        QT_TRANSLATE_NOOP("Pages", "Each center's packages and gaps"),
        0,
    ),
    PageDeclaration(
        "imports",
        QT_TRANSLATE_NOOP("Pages", "Import"),
        "file_import",
        f"{PAGES_MODULE}:DistrictImportPage",
        QT_TRANSLATE_NOOP("Pages", "Import the centers' packages"),
        10,
    ),
    PageDeclaration(
        "members",
        QT_TRANSLATE_NOOP("Pages", "Party members"),
        "members",
        f"{PAGES_MODULE}:DistrictMembersPage",
        QT_TRANSLATE_NOOP("Pages", "Find members across the centers"),
        20,
    ),
    PageDeclaration(
        "reports",
        QT_TRANSLATE_NOOP("Pages", "Statistics"),
        "calendar_month",
        f"{PAGES_MODULE}:DistrictReportsPage",
        QT_TRANSLATE_NOOP("Pages", "District reports"),
        30,
    ),
    PageDeclaration(
        "checks",
        QT_TRANSLATE_NOOP("Pages", "Checks"),
        "verified",
        f"{CHECKS_MODULE}:DistrictChecksPage",
        QT_TRANSLATE_NOOP("Pages", "People registered at two centers, overdue packages"),
        40,
    ),
    PageDeclaration(
        "send",
        QT_TRANSLATE_NOOP("Pages", "Send"),
        "export",
        f"{SEND_MODULE}:DistrictSendPage",
        QT_TRANSLATE_NOOP("Pages", "Packages back to a center"),
        50,
    ),
)
"""The district's navigation (issue 17): titles translated in the ``Pages`` context."""


@dataclass
class DistrictContext(UiContext):
    """What a district page is given: the district database instead of a center's
    application (``application`` stays None — no center is open at the district)."""

    district: DistrictDatabase | None = field(default=None)

    @property
    def db(self) -> DistrictDatabase:
        assert self.district is not None
        return self.district


def district_data_paths(db: DistrictDatabase) -> DataPaths:
    """The district's folder: beside an SQLite file; for PostgreSQL beside its keys folder.
    The window keeps its ui-state and looks for backups (``backups/``) there."""
    root = db.path.parent if db.path is not None else db.keys_directory(None).parent
    root.mkdir(parents=True, exist_ok=True)
    return DataPaths(root)


class DistrictWindow(MainWindow):
    """The center's :class:`MainWindow` with the district's pages, name and backups."""

    def __init__(self, db: DistrictDatabase, ui_state: QSettings, events: AppEvents) -> None:
        self.db = db
        self.district_name = db.identity().name
        paths = district_data_paths(db)
        super().__init__(
            paths,
            OpeningFacts(self.district_name, 0),
            ui_state,
            events,
            remember_state=False,
            page_specs=[PageSpec(page) for page in DISTRICT_PAGES],
        )
        # The center's document register and lock screen have no district counterpart.
        for action in (self.verify_action, self.register_action, self.ui.lockAction):
            action.setVisible(False)

    def begin_district_session(self, actor: Actor) -> DistrictContext:
        context = DistrictContext(
            application=None,  # type: ignore[arg-type]
            actor=actor,
            ui_state=self.ui_state,
            events=self.events,
            district=self.db,
        )
        self.begin_session(context)
        return context

    def _signed_out_name(self) -> str:
        return self.district_name

    def _reload_center_name(self) -> None:
        self.center_name = self.district_name
        self.refresh_status()

    def refresh_status(self) -> None:
        super().refresh_status()
        self.setWindowTitle(
            self.tr("{district} — district workbench ({database})").format(
                district=self.district_name, database=shown(self.db.url)
            )
        )

    def _backup_status(self) -> tuple[str, str | None]:
        backup = latest_backup(self.paths.backups)
        if backup is None:
            return self.tr("Not backed up yet"), "statusWarning"
        return self.tr("Last backup: {moment}").format(moment=moment(backup.taken_at)), None

    def back_up_now(self) -> None:
        from dangqun.core.changes import BACKUP, Changes
        from dangqun.district.backup import back_up_district
        from dangqun.ui.operations import run_service

        context = self.context
        if context is None:
            return
        self.show_status_message(self.tr("Backing up …"), 0)
        run_service(
            self,
            context,
            partial(back_up_district, self.db, Path(self.paths.backups), context.actor),
            changes=Changes.of(BACKUP),
            on_success=lambda made: self.show_status_message(
                self.tr("Backed up to: {path}").format(path=made.path)
            ),
            on_failure=lambda _error: self.ui.statusBar.clearMessage(),
            failure_title=self.tr("Backup failed"),
        )

    def _show_about(self) -> None:
        QMessageBox.about(
            self,
            self.tr("About"),
            self.tr(
                "<h3>District workbench</h3><p>Version {version}</p><p>{district}</p>"
                "<p>Database: {database}</p>"
            ).format(version=__version__, district=self.district_name, database=shown(self.db.url)),
        )


def district_window(db: DistrictDatabase, ui_state: QSettings) -> DistrictWindow:
    """A window whose sign-in card checks the district's users (tests and the app)."""
    from dangqun.district import users

    events = AppEvents()
    window = DistrictWindow(db, ui_state, events)
    window.sign_in_panel.set_authenticator(partial(users.authenticate, db))
    window.sign_in_panel.signed_in.connect(window.begin_district_session)

    def log_out() -> None:
        if window.context is not None:
            users.record_logout(db, window.context.actor)
        window.end_session()

    window.log_out_requested.connect(log_out)
    return window

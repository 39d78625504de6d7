"""系统设置: one page of tabs, each tab its own module, registered like pages.

The shell's own tabs are declared here; a feature adds its tabs with ``Feature.settings_tabs``
(the printing feature declares 打印). :class:`dangqun.ui.settings.page.SettingsPage` reads both,
orders them by position and leaves out the tabs whose permission the user lacks, so a hidden tab
is never built and nothing on it can run for the wrong role.

Standard library only (like every declaration): the page registry reads it before the ORM.
"""

from dangqun.core.feature_kit import QT_TRANSLATE_NOOP, SettingsTabDeclaration

SHELL_TABS: tuple[SettingsTabDeclaration, ...] = (
    SettingsTabDeclaration(
        "center",
        QT_TRANSLATE_NOOP("SettingsTabs", "Center"),
        "dangqun.ui.settings.center_tab:CenterTab",
        position=10,
    ),
    SettingsTabDeclaration(
        "users",
        QT_TRANSLATE_NOOP("SettingsTabs", "Users"),
        "dangqun.ui.settings.users_tab:UsersTab",
        position=20,
        permission="MANAGE_USERS",
    ),
    SettingsTabDeclaration(
        "audit",
        QT_TRANSLATE_NOOP("SettingsTabs", "Audit log"),
        "dangqun.ui.settings.audit_tab:AuditTab",
        position=30,
        permission="VIEW_AUDIT_LOG",
    ),
    SettingsTabDeclaration(
        "backups",
        QT_TRANSLATE_NOOP("SettingsTabs", "Backup and restore"),
        "dangqun.ui.settings.backups_tab:BackupsTab",
        position=40,
        permission="BACKUP",
    ),
    SettingsTabDeclaration(
        "display",
        QT_TRANSLATE_NOOP("SettingsTabs", "Display and security"),
        "dangqun.ui.settings.display_tab:DisplayTab",
        position=90,
    ),
)
"""Positions leave room: a feature's tab at 50 (打印) sits between 备份与恢复 and 界面与安全."""

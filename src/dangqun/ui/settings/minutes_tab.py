"""系统设置 → 会议记录: the local rules of the minutes module (issue 15, DOMAIN §4: "党课
frequency and other local rules are settings").

How often a branch must give a 党课 and hold a 支部委员会 (months per period; the compliance
calendar and the home page's overdue list follow them at once) and the largest attachment a
meeting takes — the settings :mod:`dangqun.minutes.minutes_settings` registered — saved with
:func:`dangqun.core.settings.update_settings`: audited, each value checked by its registered
rule (a period must divide 12), the Chinese reason shown beside the field — the form of
:mod:`dangqun.ui.settings.module_settings_tab`, as the other modules' tabs. Everyone sees them;
only ``MANAGE_SETTINGS`` may change them (the service checks again).
"""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

from dangqun.minutes.minutes_settings import (
    ATTACHMENT_MAX_MB,
    COMMITTEE_MONTHS,
    PARTY_LESSON_MONTHS,
)
from dangqun.ui.context import UiContext
from dangqun.ui.settings.module_settings_tab import ModuleSettingsForm, SpinField


class MinutesTab(ModuleSettingsForm):
    def __init__(self, context: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(context, parent)
        self.build(
            self.tr("Meeting schedule and attachments"),
            (
                SpinField(
                    PARTY_LESSON_MONTHS,
                    self.tr("Party lesson at least every"),
                    self.tr(" months"),
                    self.tr(
                        "A branch gives a party lesson at least once in this many months "
                        "(quarterly is the usual local rule; 12: once a year). It must divide 12."
                    ),
                    minimum=1,
                    maximum=12,
                ),
                SpinField(
                    COMMITTEE_MONTHS,
                    self.tr("Branch committee at least every"),
                    self.tr(" months"),
                    self.tr(
                        "The regulations say monthly, or as needed; a center whose committees "
                        "meet every two months sets 2. It must divide 12."
                    ),
                    minimum=1,
                    maximum=12,
                ),
                SpinField(
                    ATTACHMENT_MAX_MB,
                    self.tr("Largest attachment"),
                    self.tr(" MB"),
                    self.tr(
                        "Photos and scans of a meeting are kept in the database so every backup "
                        "carries them: keep this small."
                    ),
                    minimum=1,
                    maximum=50,
                ),
            ),
            save_button_name="saveMinutesSettingsButton",
            failure_title=self.tr("Meeting minutes"),
        )

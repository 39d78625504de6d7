"""系统设置 → 阵地预约: the booking rules a center sets for itself (issue 14, "Rules").

Minimum notice, maximum advance, buffer minutes between bookings and the monthly quota per
visiting organization — the settings :mod:`dangqun.bases.booking_settings` registered — saved
with :func:`dangqun.core.settings.update_settings`: audited, each value checked by its
registered rule, the Chinese reason shown beside the field — the form of
:mod:`dangqun.ui.settings.module_settings_tab`, as the other modules' tabs. Everyone sees them;
only ``MANAGE_SETTINGS`` may change them (the service checks again).
"""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

from dangqun.bases.service import (
    BUFFER_MINUTES,
    MAX_ADVANCE_DAYS,
    MIN_NOTICE_MINUTES,
    MONTHLY_QUOTA,
)
from dangqun.ui.context import UiContext
from dangqun.ui.settings.module_settings_tab import ModuleSettingsForm, SpinField


class BasesTab(ModuleSettingsForm):
    def __init__(self, context: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(context, parent)
        self.build(
            self.tr("Booking rules"),
            (
                SpinField(
                    MIN_NOTICE_MINUTES,
                    self.tr("Minimum notice"),
                    self.tr(" minutes"),
                    self.tr("A booking starts at least this long after it is taken; 0: walk-ins."),
                    maximum=30 * 24 * 60,
                ),
                SpinField(
                    MAX_ADVANCE_DAYS,
                    self.tr("Maximum advance"),
                    self.tr(" days"),
                    self.tr("How far ahead a date may be booked."),
                    maximum=730,
                ),
                SpinField(
                    BUFFER_MINUTES,
                    self.tr("Buffer between bookings"),
                    self.tr(" minutes"),
                    self.tr("The room is held this long after each booking for tidying."),
                    maximum=240,
                ),
                SpinField(
                    MONTHLY_QUOTA,
                    self.tr("Monthly quota per organization"),
                    self.tr(" bookings"),
                    self.tr(
                        "The most bookings one visiting organization holds in a month; 0: none."
                    ),
                    maximum=1000,
                ),
            ),
            save_button_name="saveBasesSettingsButton",
            failure_title=self.tr("Bookings"),
        )

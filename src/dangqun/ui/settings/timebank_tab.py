"""系统设置 → 时间银行: the service categories and the limits of the minute ledger (issue 13).

* **Categories** are an editable list (add, rename, retire, restore) and are never deleted:
  records name their category, and a retired one only stops new records (DOMAIN §3: nothing is
  edited away). The time bank service requires ``MANAGE_SETTINGS`` for each change.
* **Limits** are the settings :mod:`dangqun.timebank.limits` registered (overdraft, warning
  level, daily and yearly caps, who verifies), saved with
  :func:`dangqun.core.settings.update_settings` — audited, each value checked by its registered
  rule, the Chinese reason shown beside the field — by the form of
  :mod:`dangqun.ui.settings.module_settings_tab`, as the other modules' tabs.

Everyone sees both; only ``MANAGE_SETTINGS`` sees the buttons (the services check again).
"""

from __future__ import annotations

from functools import partial
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QComboBox,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from dangqun.core.changes import Changes
from dangqun.core.security import Permission
from dangqun.core.setting_definitions import SettingDefinition
from dangqun.timebank.changes import SERVICE_CATEGORY
from dangqun.timebank.limits import (
    DAILY_CAP_MINUTES,
    OVERDRAFT_MINUTES,
    VERIFIER_RULE,
    WARNING_MINUTES,
    YEARLY_CAP_MINUTES,
)
from dangqun.timebank.service import (
    CategoryView,
    add_category,
    hours_in_words,
    list_categories,
    rename_category,
    set_category_retired,
)
from dangqun.timebank.vocabulary import VERIFIER_RULE_LABELS, VerifierRule
from dangqun.ui.context import UiContext
from dangqun.ui.operations import run_service
from dangqun.ui.settings.module_settings_tab import ModuleSettingsForm, SpinField, WidgetField
from dangqun.ui.settings.tab_kit import StatusNote, tab_icon
from dangqun.ui.threads import BackgroundCall
from dangqun.ui.widgets.field_errors import FieldErrors

RETIRED_GREY = QColor("#8A919C")


class TimebankTab(QWidget):
    loaded = Signal()
    """The categories and the settings were read and are shown."""

    def __init__(self, context: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.editable = context.can(Permission.MANAGE_SETTINGS)
        self.categories: list[CategoryView] = []
        self._category_call: BackgroundCall | None = None
        self._category_reads = 0
        layout = QVBoxLayout(self)

        categories_box = QGroupBox(self.tr("Service categories"), self)
        categories_layout = QVBoxLayout(categories_box)
        categories_help = QLabel(
            self.tr(
                "Categories are never deleted: a retired category keeps its records and only "
                "stops being offered for new ones."
            )
        )
        categories_help.setWordWrap(True)
        categories_layout.addWidget(categories_help)
        self.category_list = QListWidget(categories_box)
        self.category_list.setObjectName("categoryList")
        self.category_list.setMinimumHeight(150)
        self.category_list.currentItemChanged.connect(self._category_selected)
        categories_layout.addWidget(self.category_list)
        editing = QHBoxLayout()
        self.category_edit = QLineEdit(categories_box)
        self.category_edit.setObjectName("categoryNameEdit")
        self.category_edit.setPlaceholderText(self.tr("Category name"))
        editing.addWidget(self.category_edit, 1)
        self.add_button = QPushButton(tab_icon("user_add"), self.tr("Add"), categories_box)
        self.add_button.setObjectName("addCategoryButton")
        self.add_button.clicked.connect(self.add_category)
        editing.addWidget(self.add_button)
        self.rename_button = QPushButton(self.tr("Rename"), categories_box)
        self.rename_button.setObjectName("renameCategoryButton")
        self.rename_button.clicked.connect(self.rename_category)
        editing.addWidget(self.rename_button)
        self.retire_button = QPushButton(self.tr("Retire"), categories_box)
        self.retire_button.setObjectName("retireCategoryButton")
        self.retire_button.clicked.connect(self.toggle_retired)
        editing.addWidget(self.retire_button)
        categories_layout.addLayout(editing)
        self.category_error = QLabel(categories_box)
        self.category_error.setObjectName("categoryError")
        categories_layout.addWidget(self.category_error)
        self.category_status = QLabel(categories_box)
        categories_layout.addWidget(self.category_status)
        for widget in (self.category_edit, self.add_button, self.rename_button, self.retire_button):
            widget.setVisible(self.editable)
        layout.addWidget(categories_box)

        self.verifier_combo = QComboBox()
        self.verifier_combo.setObjectName("verifierRuleCombo")
        for rule, label in VERIFIER_RULE_LABELS.items():
            self.verifier_combo.addItem(label, rule)
        self.verifier_combo.setEnabled(self.editable)
        self.verifier_combo.currentIndexChanged.connect(self._explain_rule)
        self.verifier_help = QLabel()
        self.verifier_help.setObjectName("verifierRuleHelp")
        self.verifier_help.setWordWrap(True)
        minutes = self.tr(" minutes")
        limits = [
            SpinField(definition, caption, minutes, explanation, maximum=999_999, step=15)
            for definition, caption, explanation in (
                (
                    OVERDRAFT_MINUTES,
                    self.tr("Overdraft allowed"),
                    self.tr("0: a balance never goes below zero."),
                ),
                (
                    WARNING_MINUTES,
                    self.tr("Warn when less than"),
                    self.tr("above the lowest balance allowed, the desk is warned before posting."),
                ),
                (
                    DAILY_CAP_MINUTES,
                    self.tr("Most service a day"),
                    self.tr("per volunteer and service date (never more than 24 hours)."),
                ),
                (
                    YEARLY_CAP_MINUTES,
                    self.tr("Most service a year"),
                    self.tr("per volunteer and calendar year; 0: no yearly cap."),
                ),
            )
        ]
        self.limits = ModuleSettingsForm(context, self, section=True)
        self.limits.build(
            self.tr("Limits and verification"),
            [
                *limits,
                WidgetField(
                    VERIFIER_RULE,
                    self.tr("Who verifies a record"),
                    (self.verifier_combo, self.verifier_help),
                    self._show_rule,
                    self._chosen_rule,
                ),
            ],
            save_button_name="saveTimebankSettingsButton",
            failure_title=self.tr("Time bank"),
        )
        layout.addWidget(self.limits)
        layout.addStretch(1)
        self.save_button = self.limits.save_button
        self.saved_label = self.limits.saved_label
        self.read_only_note = self.limits.read_only_note
        self.limit_errors = self.limits.errors
        self.spins: dict[str, tuple[SettingDefinition, QSpinBox, QLabel]] = {}
        for field in limits:
            key = field.definition.key
            spin = self.limits.spins[key]
            self.spins[key] = (field.definition, spin, self.limits.notes[key])
            spin.valueChanged.connect(partial(self._show_words, key, field.explanation))
            self._show_words(key, field.explanation, spin.value())
        self.limits.loaded.connect(self._announce_when_read)

        self.category_errors = FieldErrors({"name": self.category_error}, self.category_error)
        self.category_note = StatusNote(self.category_status)
        self._explain_rule()
        self._category_selected()
        context.events.subscribe(
            self, (SERVICE_CATEGORY,), lambda _changes: self.refresh_categories()
        )
        self.refresh_categories()

    # -- reading ----------------------------------------------------------------------------

    def is_ready(self) -> bool:
        return self._category_reads == 0 and self.limits.is_ready()

    def refresh_categories(self) -> None:
        self._category_reads += 1
        run_service(
            self,
            self.context,
            partial(list_categories, self.context.application.database, self.context.actor, True),
            on_success=self._categories_read,
            on_failure=self._read_failed,
            failure_title=self.tr("Time bank"),
        )

    def _read_failed(self, _error: object) -> None:
        self._category_reads -= 1

    def _announce_when_read(self) -> None:
        """``loaded`` once both reads are in: the categories and the limits (read by the form)."""
        if self.is_ready():
            self.loaded.emit()

    def _categories_read(self, categories: list[CategoryView]) -> None:
        selected = self.selected_category()
        self.categories = categories
        self.category_list.clear()
        for category in categories:
            text = (
                self.tr("{name} (retired)").format(name=category.name)
                if category.retired
                else category.name
            )
            item = QListWidgetItem(text, self.category_list)
            item.setData(Qt.ItemDataRole.UserRole, category.id)
            if category.retired:
                item.setForeground(QBrush(RETIRED_GREY))
            if selected is not None and category.id == selected.id:
                self.category_list.setCurrentItem(item)
        self._category_selected()
        self._category_reads -= 1
        self._announce_when_read()

    def _show_rule(self, stored: Any) -> None:
        self.verifier_combo.setCurrentIndex(self.verifier_combo.findData(VerifierRule(stored)))

    def _chosen_rule(self) -> Any:
        rule = self.verifier_combo.currentData()
        return rule.value if isinstance(rule, VerifierRule) else rule

    def _show_words(self, key: str, explanation: str, minutes: int) -> None:
        self.spins[key][2].setText(f"{hours_in_words(minutes)}；{explanation}")

    def _explain_rule(self) -> None:
        rule = self.verifier_combo.currentData()
        self.verifier_help.setText(
            {
                VerifierRule.AUTO: self.tr(
                    "With two or more active administrator or staff accounts, a record is "
                    "verified by someone other than the person who entered it; a center with "
                    "one person at the desk verifies its own."
                ),
                VerifierRule.ALWAYS: self.tr(
                    "A record is always verified by someone other than the person who entered it."
                ),
                VerifierRule.NEVER: self.tr(
                    "The person who entered a record may verify it. Only for a center where "
                    "one person does everything."
                ),
            }.get(rule, "")
        )

    # -- categories -------------------------------------------------------------------------

    def selected_category(self) -> CategoryView | None:
        item = self.category_list.currentItem()
        if item is None:
            return None
        wanted = item.data(Qt.ItemDataRole.UserRole)
        return next((category for category in self.categories if category.id == wanted), None)

    def _category_selected(self, *_items: object) -> None:
        category = self.selected_category()
        self.rename_button.setEnabled(category is not None)
        self.retire_button.setEnabled(category is not None)
        self.retire_button.setText(
            self.tr("Restore") if category is not None and category.retired else self.tr("Retire")
        )
        if category is not None and self.editable:
            self.category_edit.setText(category.name)

    @property
    def is_busy(self) -> bool:
        return self._category_call is not None or self.limits.is_saving()

    def _change_category(self, call: partial[CategoryView], done: str) -> None:
        if not self.editable or self._category_call is not None:
            return
        self.category_errors.clear()
        self._category_call = run_service(
            self,
            self.context,
            call,
            changes=Changes.of(SERVICE_CATEGORY),
            on_success=lambda view: self.category_note.show(done.format(name=view.name)),
            on_failure=self._category_settled,
            field_errors=self.category_errors,
            failure_title=self.tr("Service categories"),
        )
        self._category_call.finished.connect(self._category_settled)

    def _category_settled(self, _error: object = None) -> None:
        self._category_call = None

    def add_category(self) -> None:
        database, actor = self.context.application.database, self.context.actor
        self._change_category(
            partial(add_category, database, actor, self.category_edit.text()),
            self.tr("Added “{name}”."),
        )

    def rename_category(self) -> None:
        category = self.selected_category()
        if category is None:
            return
        database, actor = self.context.application.database, self.context.actor
        self._change_category(
            partial(rename_category, database, actor, category.id, self.category_edit.text()),
            self.tr("Renamed to “{name}”."),
        )

    def toggle_retired(self) -> None:
        category = self.selected_category()
        if category is None:
            return
        database, actor = self.context.application.database, self.context.actor
        self._change_category(
            partial(set_category_retired, database, actor, category.id, not category.retired),
            self.tr("Restored “{name}”.") if category.retired else self.tr("Retired “{name}”."),
        )

    # -- limits -----------------------------------------------------------------------------

    def save_limits(self) -> None:
        """Save the limits and the verifier rule together, in one transaction (the form's Save)."""
        self.limits.save()

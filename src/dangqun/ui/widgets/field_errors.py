"""Show a service's :class:`ValidationError` beside the fields it names.

The services name each bad field by its parameter name (``FieldError.field``); a form maps those
names to small labels placed under the inputs (``role="error"``, red in theme.qss). A message about a field the form does not
show goes to the form's general label, so nothing the user must read is ever dropped.
"""

from __future__ import annotations

from collections.abc import Mapping

from PySide6.QtWidgets import QLabel, QWidget

from dangqun.core.errors import FieldError


class FieldErrors:
    def __init__(
        self,
        labels: Mapping[str, QLabel],
        general: QLabel | None = None,
        inputs: Mapping[str, QWidget] | None = None,
    ) -> None:
        self._labels = dict(labels)
        self._general = general
        self._inputs = dict(inputs or {})
        for label in self._all_labels():
            # theme.qss: QLabel[role="error"] is red, and top-aligned, so it sits right under its
            # input even when a form layout gives it more height than it needs.
            label.setProperty("role", "error")
            label.setWordWrap(True)
        self.clear()

    def _all_labels(self) -> list[QLabel]:
        labels = list(self._labels.values())
        if self._general is not None:
            labels.append(self._general)
        return labels

    def clear(self) -> None:
        for label in self._all_labels():
            label.clear()
            label.setVisible(False)

    def show(self, errors: list[FieldError]) -> list[str]:
        """Replace what is shown; focus the first input that has an error.

        Returns the messages that found no place (no field label and no general label), for
        the caller to show another way.
        """
        self.clear()
        general_messages: list[str] = []
        first_input: QWidget | None = None
        for error in errors:
            label = self._labels.get(error.field)
            if label is None:
                general_messages.append(error.message)
                continue
            text = label.text()
            label.setText(f"{text}\n{error.message}" if text else error.message)
            label.setVisible(True)
            if first_input is None:
                first_input = self._inputs.get(error.field)
        if general_messages and self._general is not None:
            self.show_general("\n".join(general_messages))
            general_messages = []
        if first_input is not None:
            first_input.setFocus()
        return general_messages

    def show_general(self, message: str) -> None:
        if self._general is None:
            raise RuntimeError(f"no general error label for: {message}")
        self._general.setText(message)
        self._general.setVisible(True)

    def message(self, field: str) -> str:
        """The text shown under ``field`` (empty when none): for tests and accessibility."""
        label = self._labels.get(field)
        return "" if label is None else label.text()

    def general_message(self) -> str:
        return "" if self._general is None else self._general.text()

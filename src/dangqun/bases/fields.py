"""Field checks the bases services share: every message is Chinese and names its field."""

from __future__ import annotations

from dangqun.core.errors import FieldError
from dangqun.core.parsing import clean_text, normalize_phone


def required_text(
    errors: list[FieldError], field: str, label: str, value: str | None, max_length: int
) -> str:
    text = clean_text(value)
    if not text:
        errors.append(FieldError(field, f"请填写{label}"))
    elif len(text) > max_length:
        errors.append(FieldError(field, f"{label}太长（{len(text)} 个字，最多 {max_length} 个）"))
    return text


def optional_text(
    errors: list[FieldError], field: str, label: str, value: str | None, max_length: int
) -> str | None:
    text = clean_text(value)
    if len(text) > max_length:
        errors.append(FieldError(field, f"{label}太长（{len(text)} 个字，最多 {max_length} 个）"))
    return text or None


def phone_number(
    errors: list[FieldError], field: str, label: str, value: str | None, *, required: bool
) -> str | None:
    """A phone as :func:`dangqun.core.parsing.normalize_phone` stores it (mobile or landline)."""
    phone, error, _warning = normalize_phone(value)
    if error:
        errors.append(FieldError(field, f"{label}有误：{error}"))
    elif phone is None and required:
        errors.append(FieldError(field, f"请填写{label}"))
    return phone


def whole_number(
    errors: list[FieldError], field: str, label: str, value: object, low: int, high: int
) -> int:
    if isinstance(value, bool) or not isinstance(value, int):
        errors.append(FieldError(field, f"{label}必须是整数"))
        return 0
    if not low <= value <= high:
        errors.append(FieldError(field, f"{label}必须在 {low} 到 {high} 之间（现在是 {value}）"))
    return value

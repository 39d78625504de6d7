"""Every document the app prints, collected from the features: kind → builder → sample → loader.

A newcomer looking for "what can dangqun print?" runs ``dangqun print --help`` or reads the
``documents`` of each ``feature.py``. The engine names no feature: each feature declares its
:class:`~dangqun.printing.kinds.DocumentKind` list, and ``dangqun print samples``, the CLI, the
preview and the tests pick them up from :func:`document_kinds`.
"""

from __future__ import annotations

from typing import Any

from dangqun import features
from dangqun.core.errors import ValidationError
from dangqun.printing.kinds import DocumentKind
from dangqun.printing.page_kit import DocumentPlan, PrintContext


def document_kinds() -> dict[str, DocumentKind[Any]]:
    """Every registered kind by name, in feature order."""
    found: dict[str, DocumentKind[Any]] = {}
    for feature, kinds in features.loaded("documents"):
        for definition in kinds:
            if definition.kind in found:
                raise RuntimeError(f"document kind {definition.kind!r} of {feature.key} is taken")
            found[definition.kind] = definition
    return found


def document_kind(kind: str) -> DocumentKind[Any]:
    """The registered kind, or a Chinese message listing the kinds that exist."""
    kinds = document_kinds()
    found = kinds.get(kind)
    if found is None:
        choices = "、".join(f"{item.kind}（{item.label}）" for item in kinds.values())
        raise ValidationError.single("kind", f"没有名为“{kind}”的文书类型。可选：{choices}")
    return found


def build_document(kind: str, data: Any, context: PrintContext) -> DocumentPlan:
    """Build one document, refusing data of the wrong dataclass with a clear message."""
    definition = document_kind(kind)
    if not isinstance(data, definition.data_type):
        raise TypeError(f"{kind} needs {definition.data_type.__name__}, got {type(data).__name__}")
    return definition.build(data, context)


def sample_plan(kind: str, context: PrintContext) -> DocumentPlan:
    definition = document_kind(kind)
    context = context.as_sample()
    return definition.build(definition.sample(context), context)

"""A printable document kind: kind → builder → sample data → loader.

Features declare their kinds (``Feature.documents``) as lists of :class:`DocumentKind`; the
engine (:mod:`dangqun.printing.registry`) collects them and never names a feature. ``load``
turns a record id (what ``dangqun print KIND --id ID`` was given) into the document's data as
``context.actor`` may see it; a kind whose module does not exist yet has no loader and prints its
sample only.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Generic, TypeVar

from dangqun.core.db import Database
from dangqun.core.errors import ValidationError
from dangqun.printing.page_kit import DocumentPlan, PrintContext

DataType = TypeVar("DataType")


@dataclass(frozen=True)
class DocumentKind(Generic[DataType]):
    kind: str
    label: str
    data_type: type[DataType]
    build: Callable[[DataType, PrintContext], DocumentPlan]
    sample: Callable[[PrintContext], DataType]
    load: Callable[[Database, str, PrintContext], DataType] | None = None
    id_meaning: str = ""
    """What ``--id`` names for this kind (shown in the CLI help)."""
    carries_verification_code: bool = False


def integer_id(record_id: str, meaning: str) -> int:
    """``--id`` as a record number, or a Chinese message naming what it should be."""
    text = record_id.strip()
    if not text.isdigit():
        raise ValidationError.single("id", f"{meaning}应是数字编号，而不是“{record_id}”。")
    return int(text)

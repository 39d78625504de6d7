"""Document templates of modules still to come, with their sample data.

Each module here holds a plain dataclass, a builder and a sample. Their features (minutes)
will fill the dataclass from their own records, register a loader and take the
template into their own folder; until then ``dangqun print KIND --sample`` and ``print samples``
print them, and no ``--id`` is accepted. A feature's own documents live in its folder
(``members/documents/``, ``bases/documents/``) and are declared in its ``feature.py``.
"""

from __future__ import annotations

from typing import Any

from dangqun.printing.documents import minutes
from dangqun.printing.kinds import DocumentKind

TEMPLATE_KINDS: tuple[DocumentKind[Any], ...] = (
    DocumentKind(
        minutes.KIND,
        "会议记录",
        minutes.MinutesData,
        minutes.build_minutes,
        minutes.sample_minutes,
        id_meaning="会议记录编号（会议记录模块完成后可用）",
        carries_verification_code=True,
    ),
)

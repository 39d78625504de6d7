"""A printable document kind: kind → builder → sample data → loader.

Features declare their kinds (``Feature.documents``) as lists of :class:`DocumentKind`; the
engine (:mod:`dangqun.printing.registry`) collects them and never names a feature. ``load``
turns a record id (what ``dangqun print KIND --id ID`` was given) into the document's data as
``context.actor`` may see it; a kind whose module does not exist yet has no loader and prints its
sample only. A long list declares ``estimate``: how many pages it will take, said before it
is printed.

A kind that carries a verification code and is printed from records declares a
:class:`Registration`: each document issued is entered in the center's register of issued
documents (:mod:`dangqun.printing.register`, issue 12) with a number of its own, and a re-print
of the same record prints the same number and code.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date
from typing import Generic, TypeVar

from dangqun.core.db import Database
from dangqun.core.errors import ValidationError
from dangqun.printing.page_kit import DocumentPlan, PrintContext

DataType = TypeVar("DataType")


@dataclass(frozen=True)
class IssuedAs:
    """What the register decides for a document: its number and the date it was issued on
    (a re-print keeps both, so the paper and its code are the same as the first time)."""

    number: str
    issued_on: date


@dataclass(frozen=True)
class Registration(Generic[DataType]):
    """How a kind enters the register of issued documents.

    ``number_prefix`` starts its numbers (``HZ`` → ``HZ-2026-000001``, a sequence per kind per
    year); ``subject`` is the person or record the document names, for the register's list;
    ``facts`` are the certified facts in :mod:`dangqun.printing.verification`'s field order
    (the builder signs the same list); ``issued`` returns the data with the register's number
    and issue date put in.
    """

    number_prefix: str
    subject: Callable[[DataType], str]
    facts: Callable[[DataType], Sequence[str]]
    issued: Callable[[DataType, IssuedAs], DataType]
    applies: Callable[[DataType], bool] | None = None
    """Whether this document is entered at all (None: always). A draft that certifies nothing
    yet — minutes before both signatures, issue 15 — prints without a number or code."""


@dataclass(frozen=True)
class PageEstimate:
    """How long a list will print, said before printing (issue 12: a long list says how many
    pages it will take): counted from the records, never laid out."""

    pages: int
    names: int
    """The people the list names (its rows)."""

    def text(self) -> str:
        return f"约 {self.pages} 页，{self.names} 名"

    def as_json(self) -> dict[str, int]:
        return {"pages": self.pages, "names": self.names}


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
    registration: Registration[DataType] | None = None
    """Declared by kinds that carry a code and are printed from records (issue 12)."""
    estimate: Callable[[Database, str, PrintContext], PageEstimate] | None = None
    """For long lists: the pages and names the record id prints, from counts, cheap (no
    layout), as ``context.actor`` may see them (``dangqun print KIND --id ID --estimate``)."""

    def __post_init__(self) -> None:
        if self.registration is not None and not (self.carries_verification_code and self.load):
            raise ValueError(
                f"{self.kind}: only a kind that carries a verification code and is loaded from "
                "records is entered in the register of issued documents"
            )


def integer_id(record_id: str, meaning: str) -> int:
    """``--id`` as a record number, or a Chinese message naming what it should be."""
    text = record_id.strip()
    if not text.isdigit():
        raise ValidationError.single("id", f"{meaning}应是数字编号，而不是“{record_id}”。")
    return int(text)

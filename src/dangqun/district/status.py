"""What the district knows of each center: its last package, how many, and the gaps in its
sequence (``district status``; the workbench's 中心 page reads the same, issue 17).

A gap is a seq below the highest imported one that never arrived: "中心 X：缺第 14 号数据包".
Later packages still import (the loader applies rows by change number), so a gap is something
to ask the center for, not a blocked chain.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from dangqun.core.clock import format_local
from dangqun.district.models import DistrictCenter, DistrictPackage, DistrictRecord


@dataclass(frozen=True)
class CenterStatus:
    uuid: str
    name: str
    division_code: str
    fingerprint: str
    registered_at: datetime
    packages: int
    last_seq: int | None
    last_imported_at: datetime | None
    missing: tuple[int, ...]
    records: int

    def gap_lines(self) -> list[str]:
        return [gap_message(self.name, seq) for seq in self.missing]

    def as_json(self) -> dict[str, Any]:
        return {
            "uuid": self.uuid,
            "name": self.name,
            "division_code": self.division_code,
            "fingerprint": self.fingerprint,
            "registered_at": self.registered_at.isoformat(),
            "packages": self.packages,
            "last_seq": self.last_seq,
            "last_imported_at": (
                None if self.last_imported_at is None else self.last_imported_at.isoformat()
            ),
            "missing": list(self.missing),
            "records": self.records,
        }

    def line(self) -> str:
        last = (
            "尚未收到数据包"
            if self.last_seq is None
            else f"最新第 {self.last_seq} 号，导入于 {format_local(self.last_imported_at)}"
        )
        missing = (
            "；缺第 " + "、".join(str(s) for s in self.missing) + " 号" if self.missing else ""
        )
        return (
            f"{self.name}（区划代码 {self.division_code}）：已导入 {self.packages} 个数据包，"
            f"{last}，记录 {self.records} 条{missing}"
        )


def gap_message(center_name: str, seq: int) -> str:
    return f"中心 {center_name}：缺第 {seq} 号数据包"


def missing_seqs(seqs: list[int]) -> tuple[int, ...]:
    """Every seq from 1 to the highest imported that is not among ``seqs``."""
    if not seqs:
        return ()
    present = set(seqs)
    return tuple(seq for seq in range(1, max(present) + 1) if seq not in present)


def center_statuses(session: Session, center_uuids: set[str] | None = None) -> list[CenterStatus]:
    """Every registered center (or those named) with its packages, gaps and live records (as
    the last import counted them: :func:`count_live_records`)."""
    query = select(DistrictCenter).order_by(DistrictCenter.division_code, DistrictCenter.name)
    if center_uuids is not None:
        query = query.where(DistrictCenter.uuid.in_(center_uuids))
    centers = session.execute(query).scalars().all()
    seqs: dict[int, list[tuple[int, datetime]]] = {}
    for center_id, seq, imported_at in session.execute(
        select(DistrictPackage.center_id, DistrictPackage.seq, DistrictPackage.imported_at)
    ):
        seqs.setdefault(center_id, []).append((seq, imported_at))
    statuses = []
    for center in centers:
        imported = sorted(seqs.get(center.id, []))
        statuses.append(
            CenterStatus(
                uuid=center.uuid,
                name=center.name,
                division_code=center.division_code,
                fingerprint=center.fingerprint,
                registered_at=center.registered_at,
                packages=len(imported),
                last_seq=imported[-1][0] if imported else None,
                last_imported_at=max((at for _, at in imported), default=None),
                missing=missing_seqs([seq for seq, _ in imported]),
                records=center.live_records,
            )
        )
    return statuses


def count_live_records(session: Session, center_uuid: str) -> int:
    """The center's records not deleted, counted over the store's (center, table, deleted)
    index; the import stores it on the center (``DistrictCenter.live_records``) in its own
    transaction, so the 中心 page reads 30 numbers instead of counting a million rows."""
    return int(
        session.execute(
            select(func.count()).where(
                DistrictRecord.center_uuid == center_uuid, DistrictRecord.deleted.is_(False)
            )
        ).scalar_one()
    )

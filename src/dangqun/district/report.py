"""The import report, DHIS2-style (issue 16): per package and per table how many rows were
imported (new), updated (a newer version), unchanged (the district already had this version or a
newer one) or rejected, with the reasons; in Chinese for people and as JSON for scripts.

Reasons are counted, not listed row by row: a report names no personal data, only table names,
uuids of a few examples and counts, so it can be mailed back to a center.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from typing import Any

EXAMPLES_PER_REASON = 3

STATUS_LABELS = {
    "imported": "已导入",
    "partial": "已导入（部分记录被拒绝）",
    "already": "已导入过",
    "rejected": "已拒绝",
    "dry_run": "检查通过（试导入，未写入）",
}


@dataclass
class TableOutcome:
    imported: int = 0
    updated: int = 0
    unchanged: int = 0
    rejected: int = 0
    reasons: Counter[str] = field(default_factory=Counter)
    examples: dict[str, list[str]] = field(default_factory=dict)

    def reject(self, reason: str, uuid: object) -> None:
        self.rejected += 1
        self.reasons[reason] += 1
        examples = self.examples.setdefault(reason, [])
        if len(examples) < EXAMPLES_PER_REASON:
            examples.append(str(uuid)[:36])

    def as_json(self) -> dict[str, Any]:
        return {
            "imported": self.imported,
            "updated": self.updated,
            "unchanged": self.unchanged,
            "rejected": self.rejected,
            "reasons": [
                {"reason": reason, "count": count, "examples": self.examples.get(reason, [])}
                for reason, count in self.reasons.most_common()
            ],
        }


@dataclass
class PackageOutcome:
    file: str
    status: str
    """A key of :data:`STATUS_LABELS`."""
    reason: str = ""
    center_uuid: str = ""
    center_name: str = ""
    seq: int | None = None
    sha256: str = ""
    tables: dict[str, TableOutcome] = field(default_factory=dict)
    tombstones: TableOutcome = field(default_factory=TableOutcome)
    """``imported``: records newly marked deleted; ``unchanged``: already deleted or newer."""
    warnings: list[str] = field(default_factory=list)

    def table(self, name: str) -> TableOutcome:
        return self.tables.setdefault(name, TableOutcome())

    @property
    def rows_rejected(self) -> int:
        return sum(table.rejected for table in self.tables.values()) + self.tombstones.rejected

    def as_json(self) -> dict[str, Any]:
        return {
            "file": self.file,
            "status": self.status,
            "status_label": STATUS_LABELS[self.status],
            "reason": self.reason,
            "center": {"uuid": self.center_uuid, "name": self.center_name},
            "seq": self.seq,
            "sha256": self.sha256,
            "tables": {name: table.as_json() for name, table in sorted(self.tables.items())},
            "tombstones": self.tombstones.as_json(),
            "warnings": self.warnings,
        }

    def lines(self) -> list[str]:
        heading = f"{self.file}：{STATUS_LABELS[self.status]}"
        if self.center_name:
            heading += f"（{self.center_name}，第 {self.seq} 号）"
        lines = [heading]
        if self.reason:
            lines.append(f"  原因：{self.reason}")
        for name, table in sorted(self.tables.items()):
            lines.append(
                f"  {name}：新增 {table.imported}，更新 {table.updated}，未变 {table.unchanged}，"
                f"拒绝 {table.rejected}"
            )
            lines.extend(f"    拒绝原因：{r}（{n} 条）" for r, n in table.reasons.most_common())
        if self.tombstones.imported or self.tombstones.unchanged or self.tombstones.rejected:
            lines.append(
                f"  删除记录：标记删除 {self.tombstones.imported}，未变 "
                f"{self.tombstones.unchanged}，拒绝 {self.tombstones.rejected}"
            )
            lines.extend(
                f"    拒绝原因：{r}（{n} 条）" for r, n in self.tombstones.reasons.most_common()
            )
        lines.extend(f"  注意：{warning}" for warning in self.warnings)
        return lines


@dataclass
class ImportReport:
    packages: list[PackageOutcome] = field(default_factory=list)
    gaps: list[str] = field(default_factory=list)
    """``中心 X：缺第 14 号数据包`` for every center a package of this import came from."""
    dry_run: bool = False
    receipts: list[str] = field(default_factory=list)
    """The signed receipts written (``--receipt-out``), one per center."""

    @property
    def any_rejected(self) -> bool:
        return any(p.status == "rejected" or p.status == "partial" for p in self.packages)

    def counts(self) -> dict[str, int]:
        counted = Counter(package.status for package in self.packages)
        return {status: counted.get(status, 0) for status in STATUS_LABELS}

    def as_json(self) -> dict[str, Any]:
        return {
            "dry_run": self.dry_run,
            "counts": self.counts(),
            "packages": [package.as_json() for package in self.packages],
            "gaps": self.gaps,
            "receipts": self.receipts,
        }

    def text(self) -> str:
        lines: list[str] = []
        for package in self.packages:
            lines.extend(package.lines())
        counts = self.counts()
        summary = "，".join(
            f"{STATUS_LABELS[status]} {count} 个" for status, count in counts.items() if count
        )
        lines.append(f"共 {len(self.packages)} 个数据包：{summary or '无'}")
        lines.extend(self.gaps)
        lines.extend(f"已写出回执：{path}" for path in self.receipts)
        return "\n".join(lines)

"""The district's services: set up, trust centers, import packages, tell the status (issue 16).

The one module the CLI (and, issue 17, the district workbench) imports. Every write is one
transaction with its audit entry (:meth:`DistrictDatabase.writing`, ``district_audit``); the
actor is the operating-system account and computer (:class:`~dangqun.district.database.Operator`).

How to use the services::

    from dangqun.district import service as district

    db = district.open_district("district.sqlite3", create=True)    # or postgresql+psycopg://…
    setup = district.init_district(db, "五华区委组织部", out=Path("to-centers"))
    district.register_center(db, Path("翠湖社区-center.dqkey"))      # from `sync keys --show`
    report = district.import_packages(db, [Path("usb/")], receipts=Path("receipts"))
    print(report.text()); report.as_json()                          # DHIS2-style
    for center in district.status(db): print(center.line())
    db.dispose()

Import, for each package (a folder: every ``*.dqpkg`` in it, center by center in seq order):
the file's sha256 already recorded → "已导入过", nothing changes (which is also how an interrupted
folder import resumes: the packages already in are passed over without being opened); otherwise
:func:`dangqun.sync.package.open_package` verifies everything — zip sanity, the signature by a
registered center's key, SHA256SUMS, schema, decryption with the district's key — before the
database is touched; the same seq with other content is a replay and rejected; then every row
and tombstone is applied in ONE transaction (:mod:`dangqun.district.loader`). A rejected
package leaves the database unchanged. Gaps are reported after the import
("中心 X：缺第 14 号数据包"), and a signed receipt per center goes to ``receipts`` when given.
"""

from __future__ import annotations

import base64
import json
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from sqlalchemy import select

from dangqun.core.clock import utc_now
from dangqun.core.errors import DangqunError
from dangqun.core.paths import make_private_directory
from dangqun.district.database import DistrictDatabase, DistrictError, open_district, shown
from dangqun.district.loader import Source, apply_package_rows, valid_table_name
from dangqun.district.models import DistrictCenter, DistrictIdentity, DistrictPackage
from dangqun.district.report import ImportReport, PackageOutcome
from dangqun.district.status import CenterStatus, center_statuses, count_live_records
from dangqun.sync import crypto
from dangqun.sync.package import OpenedPackage, PackageRejected, open_package
from dangqun.sync.receipts import ReceiptEntry, write_receipt

__all__ = [
    "CenterStatus",
    "DistrictDatabase",
    "DistrictError",
    "ImportReport",
    "district_keys",
    "import_packages",
    "init_district",
    "open_district",
    "register_center",
    "status",
]

SIGNING_KEY_FILE = "district-signing.key"
ENCRYPTION_KEY_FILE = "district-encryption.key"
PACKAGE_SUFFIX = ".dqpkg"
PACKAGE_NAME = re.compile(r"^(?P<code>\d{12})-(?P<center>[0-9a-f]{8})-(?P<seq>\d{6})\.dqpkg$")


@dataclass(frozen=True)
class DistrictSetup:
    name: str
    public_key_file: Path
    keys_directory: Path
    signing_fingerprint: str
    encryption_fingerprint: str


def init_district(
    db: DistrictDatabase, name: str, out: Path, keys_directory: Path | None = None
) -> DistrictSetup:
    """Make the district's keypairs (owner-only ``keys/``), record its identity and write the
    public key file to hand to the centers (``sync keys --install-district``) into ``out``."""
    name = name.strip()
    if not name or len(name) > 100:
        raise DistrictError("--name：请填写区级单位名称（1–100 个字）。")
    if not out.is_dir():
        raise DistrictError(f"--out：文件夹“{out}”不存在。")
    with db.reading() as session:
        if session.execute(select(DistrictIdentity)).scalar_one_or_none() is not None:
            raise DistrictError(f"区级数据库“{shown(db.url)}”已经初始化过，不能重复初始化。")
    folder = db.keys_directory(keys_directory)
    signing_path, encryption_path = folder / SIGNING_KEY_FILE, folder / ENCRYPTION_KEY_FILE
    for path in (signing_path, encryption_path):
        if path.exists():
            raise DistrictError(
                f"密钥文件“{path}”已经存在，程序不会覆盖它（已用它签发的回执会失效）。"
                "如果它属于另一个区级数据库，请用 --keys 另选文件夹。"
            )
    keys = crypto.generate_district_keys()
    folder.mkdir(mode=0o700, parents=True, exist_ok=True)
    make_private_directory(folder)
    crypto.write_private_key(signing_path, keys.signing)
    crypto.write_private_key(encryption_path, keys.encryption)
    public = crypto.district_public_key_file(keys, name)
    public_path = out / f"{_file_safe(name)}-district{crypto.PUBLIC_KEY_SUFFIX}"
    crypto.write_public_key_file(public_path, public)
    assert public.encryption_fingerprint is not None
    with db.writing() as session:
        session.add(
            DistrictIdentity(
                id=1,
                name=name,
                signing_fingerprint=public.signing_fingerprint,
                encryption_fingerprint=public.encryption_fingerprint,
                created_at=utc_now(),
            )
        )
        db.audit(
            session,
            "district.init",
            {
                "name": name,
                "signing_fingerprint": public.signing_fingerprint,
                "encryption_fingerprint": public.encryption_fingerprint,
                "keys": str(folder),
            },
        )
        session.commit()
    return DistrictSetup(
        name,
        public_path,
        folder,
        public.signing_fingerprint,
        public.encryption_fingerprint,
    )


def _file_safe(name: str) -> str:
    return re.sub(r'[\\/:*?"<>|\s]+', "_", name).strip("_") or "district"


def district_keys(db: DistrictDatabase, keys_directory: Path | None) -> crypto.DistrictKeys:
    """The district's private keys, checked against the fingerprints the database recorded, so
    a wrong ``--keys`` folder is named instead of failing every package's decryption."""
    identity = db.identity()
    folder = db.keys_directory(keys_directory)
    keys = crypto.DistrictKeys(
        crypto.read_signing_key(folder / SIGNING_KEY_FILE),
        crypto.read_encryption_key(folder / ENCRYPTION_KEY_FILE),
    )
    if (
        crypto.fingerprint(keys.signing.public_key()) != identity.signing_fingerprint
        or crypto.fingerprint(keys.encryption.public_key()) != identity.encryption_fingerprint
    ):
        raise DistrictError(
            f"“{folder}”里的密钥不是这个区级数据库的（指纹不符）。请用 --keys 指定正确的文件夹。"
        )
    return keys


def register_center(db: DistrictDatabase, public_key_file: Path) -> DistrictCenter:
    """Trust a center: its packages are accepted when signed by this key (issue 16).

    Registering the same key again changes nothing; a center (uuid) that registers a new key —
    its key was lost and replaced — has the new key recorded and audited with both
    fingerprints; a key already registered for another center is refused.
    """
    db.identity()
    document = crypto.read_public_key_file(public_key_file, role="center")
    assert document.center_uuid is not None and document.division_code is not None
    key_text = crypto.public_key_file_bytes(document).decode()
    with db.writing() as session:
        by_key = session.execute(
            select(DistrictCenter).where(DistrictCenter.fingerprint == document.signing_fingerprint)
        ).scalar_one_or_none()
        if by_key is not None and by_key.uuid != document.center_uuid:
            raise DistrictError(
                f"这个公钥已经登记给另一个中心“{by_key.name}”，不能再登记给“{document.name}”。"
            )
        center = session.execute(
            select(DistrictCenter).where(DistrictCenter.uuid == document.center_uuid)
        ).scalar_one_or_none()
        before = (
            None if center is None else {"name": center.name, "fingerprint": center.fingerprint}
        )
        if center is None:
            center = DistrictCenter(uuid=document.center_uuid, registered_at=utc_now())
            session.add(center)
        elif center.fingerprint == document.signing_fingerprint:
            return center
        center.name = document.name
        center.division_code = document.division_code
        center.public_key = key_text
        center.fingerprint = document.signing_fingerprint
        db.audit(
            session,
            "district.center.register",
            {
                "center_uuid": document.center_uuid,
                "before": before,
                "after": {"name": document.name, "fingerprint": document.signing_fingerprint},
            },
        )
        session.commit()
    return center


def status(db: DistrictDatabase) -> list[CenterStatus]:
    db.identity()
    with db.reading() as session:
        return center_statuses(session)


def package_files(paths: Iterable[Path]) -> list[Path]:
    """The packages named: a file as given, a folder's ``*.dqpkg`` files, each center's in seq
    order (the name ``<division-code>-<center-id8>-<seq:06d>.dqpkg`` carries both)."""
    found: list[Path] = []
    for path in paths:
        if path.is_dir():
            found.extend(sorted(path.glob(f"*{PACKAGE_SUFFIX}"), key=_package_order))
        elif path.is_file():
            found.append(path)
        else:
            raise DistrictError(f"找不到“{path}”。")
    return found


def _package_order(path: Path) -> tuple[str, int, str]:
    match = PACKAGE_NAME.match(path.name)
    if match is None:
        return ("~", 0, path.name)
    return (match["center"], int(match["seq"]), path.name)


def import_packages(
    db: DistrictDatabase,
    paths: Iterable[Path],
    *,
    dry_run: bool = False,
    receipts: Path | None = None,
    keys_directory: Path | None = None,
    progress: Callable[[int, int, str], None] | None = None,
) -> ImportReport:
    """Import every package ``paths`` name (see the module docstring); never raises for a bad
    package — it is reported as rejected with the reason."""
    keys = district_keys(db, keys_directory)
    identity = db.identity()
    if receipts is not None and not receipts.is_dir():
        raise DistrictError(f"--receipt-out：文件夹“{receipts}”不存在。")
    files = package_files(paths)
    report = ImportReport(dry_run=dry_run)
    for number, path in enumerate(files, 1):
        if progress is not None:
            progress(number, len(files), path.name)
        report.packages.append(_import_one(db, path, keys, dry_run=dry_run))
    touched = {p.center_uuid for p in report.packages if p.center_uuid}
    with db.reading() as session:
        for center in center_statuses(session, touched):
            report.gaps.extend(center.gap_lines())
    if receipts is not None and not dry_run:
        _write_receipts(db, report, keys, identity, receipts)
    return report


def _import_one(
    db: DistrictDatabase, path: Path, keys: crypto.DistrictKeys, *, dry_run: bool
) -> PackageOutcome:
    outcome = PackageOutcome(file=path.name, status="rejected")
    try:
        outcome.sha256 = crypto.sha256_file(path)
    except OSError as error:
        outcome.reason = f"无法读取文件（{error.strerror or error}）"
        return outcome
    with db.reading() as session:
        known = session.execute(
            select(DistrictPackage, DistrictCenter)
            .join(DistrictCenter)
            .where(DistrictPackage.sha256 == outcome.sha256)
        ).first()
        centers = session.execute(select(DistrictCenter)).scalars().all()
    if known is not None:
        package, center = known
        outcome.status = "already"
        outcome.center_uuid, outcome.center_name, outcome.seq = (
            center.uuid,
            center.name,
            package.seq,
        )
        return outcome
    trusted = {center.fingerprint: center for center in centers}
    try:
        with open_package(
            path,
            trusted_keys=[_raw_key(center) for center in centers],
            decryption_key=keys.encryption,
        ) as opened:
            return _load(db, path, opened, trusted, outcome, dry_run=dry_run)
    except PackageRejected as rejection:
        outcome.status = "rejected"
        outcome.reason = rejection.message
        return outcome


def _raw_key(center: DistrictCenter) -> bytes:
    """The registered key: the center's public key file as registered, read back."""
    document = json.loads(center.public_key)
    return base64.b64decode(document["signing_public_key"])


def _load(
    db: DistrictDatabase,
    path: Path,
    opened: OpenedPackage,
    trusted: dict[str, DistrictCenter],
    outcome: PackageOutcome,
    *,
    dry_run: bool,
) -> PackageOutcome:
    manifest = opened.manifest
    center_info = manifest["center"]
    signer = trusted.get(opened.signer_fingerprint)
    outcome.seq = int(manifest["seq"])
    outcome.center_uuid = str(center_info["uuid"])
    outcome.center_name = str(center_info["name"])
    if signer is None or signer.uuid != outcome.center_uuid:
        outcome.reason = (
            f"数据包自称来自“{outcome.center_name}”，但签名的密钥登记给了"
            f"“{signer.name if signer else '未登记的中心'}”"
        )
        return outcome
    tables = manifest["tables"]
    bad_tables = [name for name in tables if not valid_table_name(name)]
    if bad_tables:
        outcome.reason = f"数据表名称不合规：{'、'.join(map(str, bad_tables))}"
        return outcome
    try:
        with db.writing() as session:
            center = session.get(DistrictCenter, signer.id)
            assert center is not None
            same_seq = session.execute(
                select(DistrictPackage).where(
                    DistrictPackage.center_id == center.id, DistrictPackage.seq == outcome.seq
                )
            ).scalar_one_or_none()
            if same_seq is not None:
                outcome.reason = f"第 {outcome.seq} 号数据包已经导入过，但内容不同（重放或伪造的数据包），拒绝导入"
                return outcome
            previous = session.execute(
                select(DistrictPackage.sha256).where(
                    DistrictPackage.center_id == center.id,
                    DistrictPackage.seq == outcome.seq - 1,
                )
            ).scalar_one_or_none()
            if previous is not None and previous != manifest.get("previous_sha256"):
                outcome.warnings.append(
                    f"与已导入的第 {outcome.seq - 1} 号数据包接不上（前一个包的校验值不同），"
                    "中心的数据库可能被恢复或复制过"
                )
            source = Source(
                center_uuid=center.uuid,
                database_id=str(manifest["database_id"]),
                seq=outcome.seq,
                counter_to=int(manifest["counter_to"]),
            )
            apply_package_rows(
                session,
                source,
                {name: opened.rows(name) for name in tables},
                opened.tombstones(),
                outcome,
            )
            outcome.status = "partial" if outcome.rows_rejected else "imported"
            center.live_records = count_live_records(session, center.uuid)
            center.name = outcome.center_name
            center.division_code = str(center_info["division_code"])
            summary = outcome.as_json()
            session.add(
                DistrictPackage(
                    center_id=center.id,
                    seq=outcome.seq,
                    sha256=outcome.sha256,
                    file_name=path.name,
                    database_id=source.database_id,
                    previous_sha256=manifest.get("previous_sha256"),
                    counter_from=int(manifest["counter_from"]),
                    counter_to=source.counter_to,
                    full=bool(manifest["full"]),
                    schema_revision=str(manifest["schema_revision"]),
                    created_at=_manifest_instant(manifest["created_at"]),
                    imported_at=utc_now(),
                    status=outcome.status,
                    summary={"tables": summary["tables"], "tombstones": summary["tombstones"]},
                )
            )
            db.audit(
                session,
                "district.package.import",
                {
                    "file": path.name,
                    "center_uuid": center.uuid,
                    "seq": outcome.seq,
                    "sha256": outcome.sha256,
                    "status": outcome.status,
                },
            )
            if dry_run:
                outcome.status = "dry_run"
                return outcome
            session.commit()
    except PackageRejected as rejection:
        _reset(outcome, rejection.message)
    except DangqunError as error:
        _reset(outcome, error.message)
    return outcome


def _reset(outcome: PackageOutcome, reason: str) -> None:
    """A failure during loading rolled the transaction back: nothing of the package stays."""
    outcome.status = "rejected"
    outcome.reason = reason
    outcome.tables.clear()
    outcome.tombstones = type(outcome.tombstones)()


def _manifest_instant(value: object) -> datetime:
    return datetime.fromisoformat(str(value))


def _write_receipts(
    db: DistrictDatabase,
    report: ImportReport,
    keys: crypto.DistrictKeys,
    identity: DistrictIdentity,
    folder: Path,
) -> None:
    """One signed receipt per center naming every package of this import the district now
    holds (imported, also with some rows rejected — the report says which —, or imported
    before), so the center's next incremental export starts after them (issue 16)."""
    statuses = {"imported": "imported", "partial": "imported", "already": "already_imported"}
    held = [p for p in report.packages if p.status in statuses and p.center_uuid]
    with db.reading() as session:
        counters = dict(
            session.execute(
                select(DistrictPackage.sha256, DistrictPackage.counter_to).where(
                    DistrictPackage.sha256.in_([p.sha256 for p in held])
                )
            ).all()
        )
    by_center: dict[str, list[ReceiptEntry]] = {}
    for package in held:
        assert package.seq is not None
        by_center.setdefault(package.center_uuid, []).append(
            ReceiptEntry(
                package.seq, package.sha256, counters[package.sha256], statuses[package.status]
            )
        )
    for center_uuid, entries in by_center.items():
        try:
            path = write_receipt(
                folder, keys.signing, identity.name, center_uuid, entries, utc_now()
            )
        except OSError as error:
            raise DistrictError(
                f"数据包已导入，但回执没能写入“{folder}”（{error.strerror or error}）。"
                "重新运行同一导入命令即可补写回执（已导入的数据包不会重复导入）。"
            ) from None
        report.receipts.append(str(path))

"""The center's sync keys: its signing key and public key file, and the installed district key.

Issue 16 "Privacy": the center's Ed25519 signing key lives in ``keys/`` (owner-only, never in a
backup — :mod:`dangqun.sync.crypto` says how it is protected); it is made the first time sync
needs it (``sync keys --show``, the first export, the 数据同步 page). Its public half is written
beside it as ``keys/center-public.dqkey`` (a :class:`~dangqun.sync.crypto.PublicKeyFile` with the
center's name, id and division code), the file the center hands to the district's
``district register-center``. The district's public key file, handed out by ``district init``,
is installed as ``keys/district-public.dqkey``; from then on packages are encrypted for it and
receipts are checked against it.
"""

from __future__ import annotations

import logging
import shutil
from dataclasses import dataclass
from pathlib import Path

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from dangqun.core.center import center_info
from dangqun.core.db import Database
from dangqun.core.errors import ValidationError
from dangqun.core.security import Actor, Permission
from dangqun.sync import crypto

logger = logging.getLogger(__name__)

CENTER_PUBLIC_KEY_FILE = "center-public.dqkey"
DISTRICT_PUBLIC_KEY_FILE = "district-public.dqkey"
INSTALL_AUDIT_ACTION = "sync.district_key.install"
KEY_AUDIT_ENTITY = "sync_key"


@dataclass(frozen=True)
class KeyOverview:
    """What ``sync keys --show`` prints and the 数据同步 page shows."""

    public_key_path: Path
    fingerprint: str
    district: crypto.PublicKeyFile | None

    @property
    def grouped_fingerprint(self) -> str:
        return crypto.grouped_fingerprint(self.fingerprint)


def center_signing_key(keys_directory: Path) -> Ed25519PrivateKey:
    return crypto.load_or_create_signing_key(crypto.center_signing_key_path(keys_directory))


def create_center_signing_key(keys_directory: Path) -> None:
    """The first run's key (``Feature.first_run_keys``; issue 16: the signing key "is created at
    init"), so the public key can go to the district before the first package is due. A folder
    that cannot be written now is logged, not fatal: the key is made on first use anyway."""
    try:
        center_signing_key(keys_directory)
    except crypto.KeyFileError as error:
        logger.warning("sync signing key not created at first run: %s", error)


def installed_district_key(keys_directory: Path) -> crypto.PublicKeyFile | None:
    """The installed district key, or None; a damaged file raises ``KeyFileError``."""
    path = keys_directory / DISTRICT_PUBLIC_KEY_FILE
    if not path.exists():
        return None
    return crypto.read_public_key_file(path, role="district")


def show_keys(database: Database, keys_directory: Path, actor: Actor) -> KeyOverview:
    """The center's public key file (written now, so it carries the center's current name) and
    its fingerprint, and the installed district key."""
    actor.require(Permission.VIEW)
    info = center_info(database)
    key = center_signing_key(keys_directory)
    document = crypto.center_public_key_file(key, info.name, info.center_id, info.division_code)
    path = keys_directory / CENTER_PUBLIC_KEY_FILE
    if not path.exists() or path.read_bytes() != crypto.public_key_file_bytes(document):
        crypto.write_public_key_file(path, document)
    return KeyOverview(path, document.signing_fingerprint, installed_district_key(keys_directory))


def install_district_key(
    database: Database, keys_directory: Path, actor: Actor, source: Path
) -> crypto.PublicKeyFile:
    """Install the district's public key file (checked first), as one audited change.

    Replacing an installed key is allowed (the district may have made new keys) and the audit
    entry keeps both fingerprints, so the switch can be traced.
    """
    actor.require(Permission.MANAGE_SETTINGS)
    document = crypto.read_public_key_file(source, role="district")
    previous = None
    try:
        previous = installed_district_key(keys_directory)
    except crypto.KeyFileError:
        previous = None
    with database.unit_of_work(actor) as work:
        target = keys_directory / DISTRICT_PUBLIC_KEY_FILE
        keys_directory.mkdir(mode=0o700, parents=True, exist_ok=True)
        partial = target.with_name(f".{target.name}.partial")
        try:
            shutil.copyfile(source, partial)
            partial.replace(target)
        except OSError as error:
            partial.unlink(missing_ok=True)
            raise crypto.KeyFileError(f"无法安装区级公钥（{error.strerror or error}）。") from error
        work.audit(
            INSTALL_AUDIT_ACTION,
            KEY_AUDIT_ENTITY,
            document.signing_fingerprint,
            None
            if previous is None
            else {"name": previous.name, "fingerprint": previous.signing_fingerprint},
            {"name": document.name, "fingerprint": document.signing_fingerprint},
        )
        work.commit()
    return document


def export_center_public_key(
    database: Database, keys_directory: Path, actor: Actor, out_directory: Path
) -> Path:
    """Save a copy of the center's public key file into ``out_directory`` (a USB stick) as
    ``<division code>-center-public.dqkey``, for the district's ``district register-center``.

    Only the public half travels (issue 16 "Privacy"); anyone who may see the keys may hand it
    on (VIEW, as :func:`show_keys`). Written as ``.<name>.partial`` and renamed, so a stick
    pulled out too early leaves no half file that the district would reject as damaged.
    """
    overview = show_keys(database, keys_directory, actor)
    if not out_directory.is_dir():
        raise ValidationError.single("out", f"保存位置“{out_directory}”不存在或不是文件夹")
    target = out_directory / f"{center_info(database).division_code}-{CENTER_PUBLIC_KEY_FILE}"
    partial = target.with_name(f".{target.name}.partial")
    try:
        shutil.copyfile(overview.public_key_path, partial)
        partial.replace(target)
    except OSError as error:
        partial.unlink(missing_ok=True)
        raise crypto.KeyFileError(f"无法保存本中心公钥（{error.strerror or error}）。") from error
    return target

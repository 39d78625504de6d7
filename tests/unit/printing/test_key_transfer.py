"""The verification key's own export and import (issue 10: backups no longer carry it).

Only an administrator moves the key; the file is useless without its passphrase, owner-only,
and named in the audit log by fingerprint, never by the key; a key already in use is replaced
only when asked, and kept beside the new one.
"""

from __future__ import annotations

import base64
import json
import os
import stat
import sys
from pathlib import Path

import pytest
from sqlalchemy import select

from dangqun.bootstrap import Application
from dangqun.core.audit import AuditEntry
from dangqun.core.center import center_info
from dangqun.core.errors import PermissionDenied, ValidationError
from dangqun.core.security import Actor, Role
from dangqun.core.users import create_user
from dangqun.printing.key_transfer import (
    KeyFileError,
    key_fingerprint,
    unwrap_key,
    wrap_key,
)
from dangqun.printing.service import (
    KeyReplacementRefused,
    export_verification_key,
    import_verification_key,
)
from dangqun.printing.verification import (
    load_or_create_verification_key,
    read_verification_key,
    verification_key_path,
)
from tests.cli_helpers import PASSWORDS, init, run_cli
from tests.conftest import actor_of

PASSPHRASE = "翠湖 safe drawer 2026"
CENTER = "6f1c2e1a-3b4c-4d5e-8f90-123456789abc"


def _audit(application: Application, action: str) -> list[AuditEntry]:
    with application.database.reading() as session:
        return list(session.scalars(select(AuditEntry).where(AuditEntry.action == action)))


def test_wrapped_key_opens_only_with_its_passphrase() -> None:
    key = os.urandom(32)
    content = wrap_key(key, PASSPHRASE, CENTER)
    assert key.hex() not in content.decode()
    opened = unwrap_key(content, PASSPHRASE)
    assert (opened.key, opened.center_id, opened.key_id) == (key, CENTER, key_fingerprint(key))
    with pytest.raises(KeyFileError, match="口令不对"):
        unwrap_key(content, PASSPHRASE + "!")


@pytest.mark.parametrize(
    "damage",
    [
        lambda text: text[: len(text) // 2],
        lambda text: "not json at all",
        lambda text: text.replace('"version": 1', '"version": "1"'),
        lambda text: text.replace('"n": 32768', '"n": 1073741824'),
    ],
)
def test_damaged_or_foreign_files_get_a_clear_message(damage) -> None:
    content = wrap_key(os.urandom(32), PASSPHRASE, CENTER).decode()
    with pytest.raises(KeyFileError, match="不是 dangqun 导出的核验密钥文件，或文件已损坏"):
        unwrap_key(damage(content).encode(), PASSPHRASE)


def test_changed_center_or_ciphertext_is_caught_like_a_wrong_passphrase() -> None:
    document = json.loads(wrap_key(os.urandom(32), PASSPHRASE, CENTER))
    moved = {**document, "center_id": "11111111-2222-3333-4444-555555555555"}
    with pytest.raises(KeyFileError, match="口令不对，或密钥文件已被改动"):
        unwrap_key(json.dumps(moved).encode(), PASSPHRASE)
    ciphertext = bytearray(base64.b64decode(document["ciphertext"]))
    ciphertext[0] ^= 1
    flipped = {**document, "ciphertext": base64.b64encode(bytes(ciphertext)).decode()}
    with pytest.raises(KeyFileError, match="口令不对，或密钥文件已被改动"):
        unwrap_key(json.dumps(flipped).encode(), PASSPHRASE)


def test_newer_file_version_asks_for_an_upgrade() -> None:
    document = json.loads(wrap_key(os.urandom(32), PASSPHRASE, CENTER))
    with pytest.raises(KeyFileError, match="更新版本"):
        unwrap_key(json.dumps({**document, "version": 2}).encode(), PASSPHRASE)


def test_short_passphrase_is_refused() -> None:
    with pytest.raises(ValidationError) as error:
        wrap_key(os.urandom(32), "short", CENTER)
    assert error.value.errors[0].field == "passphrase"


def test_export_and_import_move_the_key_to_a_new_data_directory(
    application: Application, admin: Actor, tmp_path: Path
) -> None:
    keys = application.paths.keys
    key = load_or_create_verification_key(keys)
    exported = tmp_path / "center.dqkey"
    key_id = export_verification_key(application.database, keys, admin, exported, PASSPHRASE)
    assert key_id == key_fingerprint(key)
    if sys.platform != "win32":
        assert stat.S_IMODE(exported.stat().st_mode) == 0o600
    assert key.hex() not in exported.read_text()
    entry = _audit(application, "print.key_export")[-1]
    assert entry.entity_id == key_id
    assert key.hex() not in f"{entry.before_json}{entry.after_json}"

    # A new computer: the database came back from a backup (no key), then the key file.
    verification_key_path(keys).unlink()
    outcome = import_verification_key(application.database, keys, admin, exported, PASSPHRASE)
    assert (outcome.key_id, outcome.replaced_key_id, outcome.unchanged) == (key_id, None, False)
    assert read_verification_key(verification_key_path(keys)) == key
    if sys.platform != "win32":
        assert stat.S_IMODE(verification_key_path(keys).stat().st_mode) == 0o600
    entry = _audit(application, "print.key_import")[-1]
    assert entry.entity_id == key_id and key.hex() not in f"{entry.after_json}"


def test_importing_over_a_different_key_needs_confirmation_and_keeps_the_old_one(
    application: Application, admin: Actor, tmp_path: Path
) -> None:
    keys = application.paths.keys
    center_id = center_info(application.database).center_id
    incoming = os.urandom(32)
    exported = tmp_path / "other.dqkey"
    exported.write_bytes(wrap_key(incoming, PASSPHRASE, center_id))
    current = load_or_create_verification_key(keys)

    with pytest.raises(KeyReplacementRefused, match="不能再用本机核验"):
        import_verification_key(application.database, keys, admin, exported, PASSPHRASE)
    assert read_verification_key(verification_key_path(keys)) == current
    assert _audit(application, "print.key_import") == []

    outcome = import_verification_key(
        application.database, keys, admin, exported, PASSPHRASE, replace_existing=True
    )
    assert outcome.replaced_key_id == key_fingerprint(current)
    assert read_verification_key(verification_key_path(keys)) == incoming
    kept = keys / f"verification-{key_fingerprint(current)}.replaced.key"
    assert read_verification_key(kept) == current

    again = import_verification_key(application.database, keys, admin, exported, PASSPHRASE)
    assert again.unchanged


def test_another_centers_key_is_refused(
    application: Application, admin: Actor, tmp_path: Path
) -> None:
    exported = tmp_path / "other-center.dqkey"
    exported.write_bytes(wrap_key(os.urandom(32), PASSPHRASE, CENTER))
    with pytest.raises(KeyFileError, match="另一个服务中心"):
        import_verification_key(
            application.database, application.paths.keys, admin, exported, PASSPHRASE
        )


def test_only_administrators_move_the_key(
    application: Application, admin: Actor, tmp_path: Path
) -> None:
    create_user(application.database, admin, "liming", "李明", Role.STAFF, "password-123")
    staff = actor_of(application, "liming")
    keys = application.paths.keys
    with pytest.raises(PermissionDenied):
        export_verification_key(application.database, keys, staff, tmp_path / "k", PASSPHRASE)
    assert not (tmp_path / "k").exists()
    exported = tmp_path / "center.dqkey"
    export_verification_key(application.database, keys, admin, exported, PASSPHRASE)
    with pytest.raises(PermissionDenied):
        import_verification_key(application.database, keys, staff, exported, PASSPHRASE)


@pytest.mark.slow
def test_command_line_export_and_import(tmp_path: Path) -> None:
    data_dir = tmp_path / "center"
    assert init(data_dir).returncode == 0
    exported = tmp_path / "center.dqkey"
    done = run_cli(
        data_dir, "key-export", "--out", str(exported), "--passphrase-stdin", stdin=PASSPHRASE
    )
    assert done.returncode == 0, done.stderr
    assert "已导出核验密钥" in done.stdout and exported.exists()
    key_path = verification_key_path(data_dir / "keys")
    key = read_verification_key(key_path)
    assert key.hex() not in done.stdout + done.stderr

    key_path.unlink()
    wrong = run_cli(data_dir, "key-import", str(exported), "--passphrase-stdin", stdin="nope\n")
    assert wrong.returncode == 1 and "口令不对" in wrong.stderr
    assert "Traceback" not in wrong.stderr
    done = run_cli(
        data_dir, "key-import", str(exported), "--passphrase-stdin", stdin=PASSPHRASE + "\n"
    )
    assert done.returncode == 0, done.stderr
    assert read_verification_key(key_path) == key

    key_path.write_text(os.urandom(32).hex())
    refused = run_cli(data_dir, "key-import", str(exported), "--passphrase-stdin", stdin=PASSPHRASE)
    assert refused.returncode == 1 and "--replace-existing-key" in refused.stderr
    replaced = run_cli(
        data_dir,
        "key-import",
        str(exported),
        "--passphrase-stdin",
        "--replace-existing-key",
        stdin=PASSPHRASE,
    )
    assert replaced.returncode == 0, replaced.stderr
    assert read_verification_key(key_path) == key


@pytest.mark.slow
def test_command_line_refuses_staff(tmp_path: Path) -> None:
    data_dir = tmp_path / "center"
    assert init(data_dir).returncode == 0
    from dangqun.bootstrap import open_application
    from dangqun.core.paths import DataPaths

    application = open_application(DataPaths(data_dir))
    try:
        admin = actor_of(application, "admin")
        create_user(application.database, admin, "liming", "李明", Role.STAFF, "password-123")
    finally:
        application.close()
    PASSWORDS["liming"] = "password-123"
    try:
        refused = run_cli(
            data_dir,
            "key-export",
            "--out",
            str(tmp_path / "k.dqkey"),
            "--passphrase-stdin",
            user="liming",
            stdin=PASSPHRASE,
        )
    finally:
        del PASSWORDS["liming"]
    assert refused.returncode == 1 and "权限" in refused.stderr
    assert not (tmp_path / "k.dqkey").exists()

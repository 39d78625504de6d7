"""The verification key wrapped with a passphrase: the file an administrator exports and imports.

Issue 10: the key used to travel in every backup, and a backup readable by another account of
the computer let it forge certificates that ``verify`` called 有效. Ordinary backups no longer
carry it; instead an administrator exports it once into a file protected by a passphrase and
keeps that file (and the passphrase) apart from the backups — on a USB stick in the safe, with
the district. Importing it into a new computer's data directory makes the old paper verifiable
there.

The file is small JSON, so a damaged one is recognisably damaged::

    {"format": "dangqun-verification-key", "version": 1, "center_id": "…", "key_id": "3F2A-…",
     "kdf": "scrypt", "n": 32768, "r": 8, "p": 1, "salt": "…", "nonce": "…", "ciphertext": "…"}

scrypt (N=2^15, r=8, p=1: ~0.1 s and 32 MB, so guessing passphrases is slow) derives a 256-bit
key from the passphrase; AES-256-GCM encrypts the verification key, with every other field of
the file as associated data, so changing the center or the parameters is detected like a wrong
passphrase. ``key_id`` is a fingerprint of the key (a hash, not the key): what the audit log,
the messages and the settings tab name it by.
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import json
import secrets
from dataclasses import dataclass
from typing import Any

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.kdf.scrypt import Scrypt

from dangqun.core.errors import DangqunError, ValidationError
from dangqun.printing.verification import KEY_BYTES

FILE_FORMAT = "dangqun-verification-key"
FILE_VERSION = 1
KEY_FILE_SUFFIX = ".dqkey"
PASSPHRASE_MIN_LENGTH = 10
SCRYPT_N = 2**15
SCRYPT_R = 8
SCRYPT_P = 1
MAX_SCRYPT_MEMORY = 2**27
"""128 MB: a file asking scrypt for more is refused rather than tying the computer up."""
MAX_FILE_BYTES = 64 * 1024
_SALT_BYTES = 16
_NONCE_BYTES = 12
_FINGERPRINT_DOMAIN = b"dangqun-verification-key-id\n"


class KeyFileError(DangqunError):
    """The key file cannot be opened: wrong passphrase, damaged, or not a key file at all."""


def key_fingerprint(key: bytes) -> str:
    """``3F2A-91C0-77B1-0C4D``: names a key without revealing it (SHA-256, first 64 bits)."""
    digest = hashlib.sha256(_FINGERPRINT_DOMAIN + key).hexdigest()[:16].upper()
    return "-".join(digest[index : index + 4] for index in range(0, 16, 4))


def check_passphrase(passphrase: str) -> None:
    """A passphrase that resists guessing for as long as the paper it protects is kept."""
    if len(passphrase) < PASSPHRASE_MIN_LENGTH:
        raise ValidationError.single(
            "passphrase",
            f"口令至少需要 {PASSPHRASE_MIN_LENGTH} 个字符（现在 {len(passphrase)} 个）。"
            "它保护能签发证明的密钥，请用一句话或几个词，并另外妥善保管。",
        )


@dataclass(frozen=True)
class UnwrappedKey:
    key: bytes
    center_id: str
    key_id: str


def _derive(passphrase: str, salt: bytes, n: int, r: int, p: int) -> bytes:
    return Scrypt(salt=salt, length=32, n=n, r=r, p=p).derive(passphrase.encode("utf-8"))


def _associated_data(header: dict[str, Any]) -> bytes:
    return json.dumps(header, sort_keys=True, ensure_ascii=True, separators=(",", ":")).encode()


def wrap_key(key: bytes, passphrase: str, center_id: str) -> bytes:
    """The key file's bytes: ``key`` encrypted under ``passphrase`` for ``center_id``."""
    check_passphrase(passphrase)
    salt = secrets.token_bytes(_SALT_BYTES)
    nonce = secrets.token_bytes(_NONCE_BYTES)
    header: dict[str, Any] = {
        "format": FILE_FORMAT,
        "version": FILE_VERSION,
        "center_id": center_id,
        "key_id": key_fingerprint(key),
        "kdf": "scrypt",
        "n": SCRYPT_N,
        "r": SCRYPT_R,
        "p": SCRYPT_P,
        "salt": base64.b64encode(salt).decode("ascii"),
        "nonce": base64.b64encode(nonce).decode("ascii"),
    }
    wrapping_key = _derive(passphrase, salt, SCRYPT_N, SCRYPT_R, SCRYPT_P)
    ciphertext = AESGCM(wrapping_key).encrypt(nonce, key, _associated_data(header))
    document = {**header, "ciphertext": base64.b64encode(ciphertext).decode("ascii")}
    return (json.dumps(document, ensure_ascii=False, indent=2) + "\n").encode("utf-8")


def unwrap_key(content: bytes, passphrase: str) -> UnwrappedKey:
    """The key inside a key file, or :class:`KeyFileError` saying in Chinese what is wrong."""
    damaged = KeyFileError(
        "这不是 dangqun 导出的核验密钥文件，或文件已损坏（内容不完整或被改动）。"
        "请换用导出时保存的原文件。"
    )
    if len(content) > MAX_FILE_BYTES:
        raise damaged
    try:
        document = json.loads(content.decode("utf-8"))
    except (UnicodeDecodeError, ValueError):
        raise damaged from None
    if not isinstance(document, dict) or document.get("format") != FILE_FORMAT:
        raise damaged
    version = document.get("version")
    if isinstance(version, int) and version > FILE_VERSION:
        raise KeyFileError(
            f"这个密钥文件由更新版本的 dangqun 导出（格式版本 {version}），请先升级本程序。"
        )
    header = {name: value for name, value in document.items() if name != "ciphertext"}
    try:
        n, r, p = (int(document[name]) for name in ("n", "r", "p"))
        salt = base64.b64decode(document["salt"], validate=True)
        nonce = base64.b64decode(document["nonce"], validate=True)
        ciphertext = base64.b64decode(document["ciphertext"], validate=True)
        center_id = str(document["center_id"])
        key_id = str(document["key_id"])
    except (KeyError, TypeError, ValueError, binascii.Error):
        raise damaged from None
    valid_cost = (
        document.get("kdf") == "scrypt"
        and n >= 2
        and n & (n - 1) == 0
        and r >= 1
        and 1 <= p <= 16
        and 128 * n * r <= MAX_SCRYPT_MEMORY
    )
    if version != FILE_VERSION or not valid_cost:
        raise damaged
    if len(nonce) != _NONCE_BYTES:
        raise damaged
    try:
        key = AESGCM(_derive(passphrase, salt, n, r, p)).decrypt(
            nonce, ciphertext, _associated_data(header)
        )
    except InvalidTag:
        raise KeyFileError(
            "口令不对，或密钥文件已被改动：无法解开核验密钥。请检查口令（区分大小写）后重试。"
        ) from None
    if len(key) != KEY_BYTES or key_fingerprint(key) != key_id:
        raise damaged
    return UnwrappedKey(key, center_id, key_id)

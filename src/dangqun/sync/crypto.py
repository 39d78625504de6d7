"""Keys, signatures, fingerprints and the streaming encryption of sync packages (issue 16).

DOMAIN.md §5: a package must be self-verifying (signed by the center) and private (encrypted
for the district once its key is installed). What lives here is shared by both ends: the center
(:mod:`dangqun.sync.export`, :mod:`dangqun.sync.keys`) and the district (``dangqun district …``,
which imports this module and :mod:`dangqun.sync.package`).

Keys
    * Every center has an **Ed25519 signing key**, made at ``dangqun init`` / the first run (or
      the first time sync needs it) in ``keys/sync-signing.key``: PKCS#8 PEM, unencrypted,
      created with an exclusive open at mode 0600 inside the owner-only ``keys/`` folder — the
      same protection as the certificate verification key (issue 10), and like it never carried
      in a backup (:mod:`dangqun.core.backup`). A lost key is replaced by a new one, whose public
      file the district registers again.
    * The district has an Ed25519 signing key (it signs receipts and, issue 17, packages back)
      and an X25519 encryption key; :func:`generate_district_keys` makes both.
    * A **public key file** (:class:`PublicKeyFile`, one format for both ends, written by
      :func:`write_public_key_file`, read by :func:`read_public_key_file`) is a small UTF-8 JSON
      document: ``{"format": "dangqun-public-key", "format_version": 1, "role": "center" |
      "district", "name", "center_uuid" (center only), "division_code" (center only),
      "signing_public_key": base64 of the 32 raw bytes, "signing_fingerprint": hex,
      "encryption_public_key": base64 (district only), "encryption_fingerprint": hex (district
      only)}``. A fingerprint is the SHA-256 of the raw public key in hex; people compare it
      grouped (:func:`grouped_fingerprint`: ``3f2a 91c0 …``) on the phone or on paper. Reading a
      file checks that each fingerprint matches its key, so a hand-edited or damaged file is
      refused rather than trusted.

Signatures
    Raw 64-byte Ed25519 signatures over exact bytes (:func:`sign`, :func:`verify_signature`).

Encryption (scheme :data:`ENCRYPTION_SCHEME`, ``X25519-HKDF-SHA256-AES256GCM-STREAM``)
    As ODK encrypts each submission with a fresh key: per package, a fresh ephemeral X25519 key
    pair; its exchange with the district's public key gives a shared secret. Each file gets its
    own AES-256 key from HKDF-SHA256 (salt = ephemeral public ‖ recipient public, info =
    ``b"dangqun-sync-v1 " + file name``), so a file renamed or swapped inside the package fails
    to decrypt. The plaintext is cut into chunks of ``chunk_bytes`` (1 MiB); chunk *i* is sealed
    with AES-GCM under the nonce ``i`` (11 bytes big-endian) ‖ ``last`` (one byte, 1 on the final
    chunk, else 0) and no associated data, and the ciphertext is the chunks' concatenation
    (each ``len + 16`` bytes). The final flag makes truncation at a chunk boundary detectable
    (the STREAM construction of Hoang, Reyhanitabar, Rogaway and Vizár). An empty file is one
    final chunk of 16 bytes. Memory stays at about two chunks whatever the file size.
"""

from __future__ import annotations

import base64
import binascii
import contextlib
import hashlib
import json
import os
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Protocol

from cryptography.exceptions import InvalidSignature, InvalidTag
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import (
    Ed25519PrivateKey,
    Ed25519PublicKey,
)
from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey, X25519PublicKey
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.kdf.hkdf import HKDF

from dangqun.core.errors import DangqunError
from dangqun.core.paths import make_private_directory

ENCRYPTION_SCHEME = "X25519-HKDF-SHA256-AES256GCM-STREAM"
CHUNK_BYTES = 1_048_576
"""Plaintext bytes per sealed chunk (the manifest carries it; readers accept up to 16 MiB)."""
MAX_CHUNK_BYTES = 16 * CHUNK_BYTES
TAG_BYTES = 16
SIGNATURE_BYTES = 64
PUBLIC_KEY_BYTES = 32
CENTER_SIGNING_KEY_FILE = "sync-signing.key"
"""The center's Ed25519 private key inside ``keys/`` (PKCS#8 PEM, 0600)."""
PUBLIC_KEY_FORMAT = "dangqun-public-key"
PUBLIC_KEY_FORMAT_VERSION = 1
PUBLIC_KEY_SUFFIX = ".dqkey"
"""Suggested file suffix of a public key file (``翠湖社区-center.dqkey``)."""
MAX_PUBLIC_KEY_FILE_BYTES = 64 * 1024
_HKDF_INFO_PREFIX = b"dangqun-sync-v1 "


class ByteSource(Protocol):
    """Anything with ``read(size) -> bytes`` (a file, a member of a package)."""

    def read(self, size: int, /) -> bytes: ...


class KeyFileError(DangqunError):
    """A key file is missing, unreadable, damaged or of the wrong kind (message in Chinese)."""


class DecryptionFailed(DangqunError):
    """Encrypted data did not open with the given key: wrong key, damage or truncation."""


# --- fingerprints -------------------------------------------------------------------------


def raw_public_key(key: Ed25519PublicKey | X25519PublicKey) -> bytes:
    return key.public_bytes(serialization.Encoding.Raw, serialization.PublicFormat.Raw)


def fingerprint(public_key: bytes | Ed25519PublicKey | X25519PublicKey) -> str:
    """SHA-256 of the raw 32-byte public key, lower-case hex (64 characters)."""
    raw = public_key if isinstance(public_key, bytes) else raw_public_key(public_key)
    return hashlib.sha256(raw).hexdigest()


def grouped_fingerprint(hex_fingerprint: str) -> str:
    """The fingerprint as people read it aloud: groups of four, ``3f2a 91c0 …``."""
    return " ".join(hex_fingerprint[i : i + 4] for i in range(0, len(hex_fingerprint), 4))


# --- private keys ---------------------------------------------------------------------------


def _private_pem(key: Ed25519PrivateKey | X25519PrivateKey) -> bytes:
    return key.private_bytes(
        serialization.Encoding.PEM,
        serialization.PrivateFormat.PKCS8,
        serialization.NoEncryption(),
    )


def write_private_key(path: Path, key: Ed25519PrivateKey | X25519PrivateKey) -> None:
    """Write a private key owner-only (0600) from its first byte, never over an existing file.

    Raises :class:`FileExistsError` when ``path`` exists (a key is never replaced silently:
    packages and receipts already signed with it would no longer verify) and
    :class:`KeyFileError` when the folder cannot be written.
    """
    path.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
    make_private_directory(path.parent)
    try:
        descriptor = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    except FileExistsError:
        raise
    except OSError as error:
        raise KeyFileError(f"无法创建密钥文件“{path}”（{error.strerror or error}）。") from error
    with os.fdopen(descriptor, "wb") as handle:
        handle.write(_private_pem(key))
        handle.flush()
        os.fsync(handle.fileno())


def _read_private_key(path: Path) -> Any:
    try:
        data = path.read_bytes()
    except FileNotFoundError as error:
        raise KeyFileError(f"找不到密钥文件“{path}”。") from error
    except OSError as error:
        raise KeyFileError(f"无法读取密钥文件“{path}”（{error.strerror or error}）。") from error
    try:
        return serialization.load_pem_private_key(data, password=None)
    except (ValueError, TypeError) as error:
        raise KeyFileError(f"密钥文件“{path}”已损坏或不是私钥文件。") from error


def read_signing_key(path: Path) -> Ed25519PrivateKey:
    key = _read_private_key(path)
    if not isinstance(key, Ed25519PrivateKey):
        raise KeyFileError(f"密钥文件“{path}”不是 Ed25519 签名私钥。")
    return key


def read_encryption_key(path: Path) -> X25519PrivateKey:
    key = _read_private_key(path)
    if not isinstance(key, X25519PrivateKey):
        raise KeyFileError(f"密钥文件“{path}”不是 X25519 加密私钥。")
    return key


def load_or_create_signing_key(path: Path) -> Ed25519PrivateKey:
    """The Ed25519 key at ``path``, made once (exclusive open, 0600) and never overwritten; two
    processes starting together both end up reading the one that was written first."""
    if not path.exists():
        with contextlib.suppress(FileExistsError):
            write_private_key(path, Ed25519PrivateKey.generate())
    return read_signing_key(path)


def center_signing_key_path(keys_directory: Path) -> Path:
    return keys_directory / CENTER_SIGNING_KEY_FILE


@dataclass(frozen=True)
class DistrictKeys:
    """The district's two private keys (S2 stores them in its own ``keys/``)."""

    signing: Ed25519PrivateKey
    encryption: X25519PrivateKey


def generate_district_keys() -> DistrictKeys:
    return DistrictKeys(Ed25519PrivateKey.generate(), X25519PrivateKey.generate())


# --- signatures -----------------------------------------------------------------------------


def sign(key: Ed25519PrivateKey, data: bytes) -> bytes:
    return key.sign(data)


def verify_signature(public_key: bytes, signature: bytes, data: bytes) -> bool:
    """True when ``signature`` is ``public_key``'s (raw 32 bytes) Ed25519 signature of ``data``."""
    if len(signature) != SIGNATURE_BYTES or len(public_key) != PUBLIC_KEY_BYTES:
        return False
    try:
        Ed25519PublicKey.from_public_bytes(public_key).verify(signature, data)
    except (InvalidSignature, ValueError):
        return False
    return True


# --- public key files -----------------------------------------------------------------------


@dataclass(frozen=True)
class PublicKeyFile:
    """What a center hands to the district, or the district to its centers (module docstring)."""

    role: str
    """``"center"`` or ``"district"``."""
    name: str
    signing_public_key: bytes
    """Raw 32-byte Ed25519 public key."""
    encryption_public_key: bytes | None = None
    """Raw 32-byte X25519 public key (district only)."""
    center_uuid: str | None = None
    division_code: str | None = None

    @property
    def signing_fingerprint(self) -> str:
        return fingerprint(self.signing_public_key)

    @property
    def encryption_fingerprint(self) -> str | None:
        return (
            None if self.encryption_public_key is None else fingerprint(self.encryption_public_key)
        )

    def to_json(self) -> dict[str, Any]:
        document: dict[str, Any] = {
            "format": PUBLIC_KEY_FORMAT,
            "format_version": PUBLIC_KEY_FORMAT_VERSION,
            "role": self.role,
            "name": self.name,
        }
        if self.center_uuid is not None:
            document["center_uuid"] = self.center_uuid
        if self.division_code is not None:
            document["division_code"] = self.division_code
        document["signing_public_key"] = base64.b64encode(self.signing_public_key).decode()
        document["signing_fingerprint"] = self.signing_fingerprint
        if self.encryption_public_key is not None:
            document["encryption_public_key"] = base64.b64encode(
                self.encryption_public_key
            ).decode()
            document["encryption_fingerprint"] = self.encryption_fingerprint
        return document


def center_public_key_file(
    key: Ed25519PrivateKey, name: str, center_uuid: str, division_code: str
) -> PublicKeyFile:
    return PublicKeyFile(
        "center",
        name,
        raw_public_key(key.public_key()),
        center_uuid=center_uuid,
        division_code=division_code,
    )


def district_public_key_file(keys: DistrictKeys, name: str) -> PublicKeyFile:
    return PublicKeyFile(
        "district",
        name,
        raw_public_key(keys.signing.public_key()),
        encryption_public_key=raw_public_key(keys.encryption.public_key()),
    )


def public_key_file_bytes(document: PublicKeyFile) -> bytes:
    return (json.dumps(document.to_json(), ensure_ascii=False, indent=2) + "\n").encode()


def write_public_key_file(path: Path, document: PublicKeyFile) -> None:
    """Write ``document`` (public: ordinary permissions, the user hands it on)."""
    try:
        path.write_bytes(public_key_file_bytes(document))
    except OSError as error:
        raise KeyFileError(f"无法写入公钥文件“{path}”（{error.strerror or error}）。") from error


def _decoded_key(document: dict[str, Any], name: str, path: Path) -> bytes:
    text = document.get(name)
    if not isinstance(text, str):
        raise KeyFileError(f"公钥文件“{path}”缺少 {name}。")
    try:
        raw = base64.b64decode(text, validate=True)
    except (binascii.Error, ValueError) as error:
        raise KeyFileError(f"公钥文件“{path}”中的 {name} 不是有效的 base64。") from error
    if len(raw) != PUBLIC_KEY_BYTES:
        raise KeyFileError(f"公钥文件“{path}”中的 {name} 长度不对。")
    fingerprint_name = name.replace("_public_key", "_fingerprint")
    if document.get(fingerprint_name) != fingerprint(raw):
        raise KeyFileError(f"公钥文件“{path}”中的指纹与公钥不符，文件可能被改动或损坏。")
    return raw


def read_public_key_file(path: Path, role: str | None = None) -> PublicKeyFile:
    """Read and check a public key file; ``role`` ("center"/"district") refuses the other kind."""
    try:
        if path.stat().st_size > MAX_PUBLIC_KEY_FILE_BYTES:
            raise KeyFileError(f"“{path}”太大，不是公钥文件。")
        document = json.loads(path.read_bytes().decode("utf-8"))
    except FileNotFoundError as error:
        raise KeyFileError(f"找不到公钥文件“{path}”。") from error
    except IsADirectoryError as error:
        raise KeyFileError(f"“{path}”是文件夹，不是公钥文件。") from error
    except OSError as error:
        raise KeyFileError(f"无法读取公钥文件“{path}”（{error.strerror or error}）。") from error
    except (UnicodeDecodeError, ValueError) as error:
        raise KeyFileError(f"“{path}”不是党群服务中心的公钥文件。") from error
    if not isinstance(document, dict) or document.get("format") != PUBLIC_KEY_FORMAT:
        raise KeyFileError(f"“{path}”不是党群服务中心的公钥文件。")
    if document.get("format_version") != PUBLIC_KEY_FORMAT_VERSION:
        raise KeyFileError(f"公钥文件“{path}”的版本本程序不认识，请升级程序。")
    file_role = document.get("role")
    if file_role not in ("center", "district"):
        raise KeyFileError(f"公钥文件“{path}”的类型不明。")
    if role is not None and file_role != role:
        wanted = "区级" if role == "district" else "服务中心"
        raise KeyFileError(f"“{path}”不是{wanted}的公钥文件。")
    name = document.get("name")
    if not isinstance(name, str) or not name.strip():
        raise KeyFileError(f"公钥文件“{path}”缺少名称。")
    signing = _decoded_key(document, "signing_public_key", path)
    encryption = None
    if file_role == "district":
        encryption = _decoded_key(document, "encryption_public_key", path)
    center_uuid = document.get("center_uuid")
    division_code = document.get("division_code")
    if file_role == "center" and not (
        isinstance(center_uuid, str) and isinstance(division_code, str)
    ):
        raise KeyFileError(f"公钥文件“{path}”缺少服务中心编号或行政区划代码。")
    return PublicKeyFile(
        file_role,
        name,
        signing,
        encryption_public_key=encryption,
        center_uuid=center_uuid if file_role == "center" else None,
        division_code=division_code if file_role == "center" else None,
    )


# --- streaming encryption --------------------------------------------------------------------


@dataclass(frozen=True)
class EncryptionHeader:
    """The manifest's ``encryption`` object."""

    ephemeral_public_key: bytes
    recipient_fingerprint: str
    chunk_bytes: int = CHUNK_BYTES

    def to_json(self) -> dict[str, Any]:
        return {
            "scheme": ENCRYPTION_SCHEME,
            "ephemeral_public_key": base64.b64encode(self.ephemeral_public_key).decode(),
            "recipient_fingerprint": self.recipient_fingerprint,
            "chunk_bytes": self.chunk_bytes,
        }


class PackageEncryptor:
    """One package's sender side: a fresh ephemeral key, a file key per file name."""

    def __init__(self, recipient_public_key: bytes, chunk_bytes: int = CHUNK_BYTES) -> None:
        ephemeral = X25519PrivateKey.generate()
        recipient = X25519PublicKey.from_public_bytes(recipient_public_key)
        self.header = EncryptionHeader(
            raw_public_key(ephemeral.public_key()), fingerprint(recipient_public_key), chunk_bytes
        )
        self._shared = ephemeral.exchange(recipient)
        self._salt = self.header.ephemeral_public_key + recipient_public_key

    def file_sealer(self, file_name: str) -> ChunkSealer:
        return ChunkSealer(_file_key(self._shared, self._salt, file_name), self.header.chunk_bytes)


class PackageDecryptor:
    """One package's receiver side, from the manifest's header and the recipient's key."""

    def __init__(self, header: EncryptionHeader, private_key: X25519PrivateKey) -> None:
        own_public = raw_public_key(private_key.public_key())
        if fingerprint(own_public) != header.recipient_fingerprint:
            raise DecryptionFailed("数据包不是为本区的加密密钥加密的，无法解密。")
        try:
            ephemeral = X25519PublicKey.from_public_bytes(header.ephemeral_public_key)
            self._shared = private_key.exchange(ephemeral)
        except ValueError as error:
            raise DecryptionFailed("数据包的加密参数无效，无法解密。") from error
        self._salt = header.ephemeral_public_key + own_public
        self.chunk_bytes = header.chunk_bytes

    def open_file(self, file_name: str, source: ByteSource) -> Iterator[bytes]:
        """The plaintext of ``source`` (the sealed file) in chunks; raises
        :class:`DecryptionFailed` on damage, truncation or a wrong key, before yielding the
        damaged chunk."""
        aead = AESGCM(_file_key(self._shared, self._salt, file_name))
        sealed = self.chunk_bytes + TAG_BYTES
        index = 0
        current = source.read(sealed)
        while True:
            following = source.read(sealed) if len(current) == sealed else b""
            last = not following
            try:
                yield aead.decrypt(_nonce(index, last), current, None)
            except InvalidTag as error:
                raise DecryptionFailed(
                    f"数据文件“{file_name}”解密失败（密钥不对、内容损坏或被截断）。"
                ) from error
            if last:
                return
            current = following
            index += 1


class ChunkSealer:
    """Seals one file's plaintext as it is written: feed bytes, then :meth:`finish`."""

    def __init__(self, key: bytes, chunk_bytes: int) -> None:
        self._aead = AESGCM(key)
        self._chunk_bytes = chunk_bytes
        self._pending = bytearray()
        self._index = 0

    def feed(self, data: bytes) -> Iterable[bytes]:
        """Sealed chunks that are complete now (a full chunk is kept back until more data
        shows it is not the last)."""
        self._pending += data
        out: list[bytes] = []
        while len(self._pending) > self._chunk_bytes:
            chunk = bytes(self._pending[: self._chunk_bytes])
            del self._pending[: self._chunk_bytes]
            out.append(self._aead.encrypt(_nonce(self._index, False), chunk, None))
            self._index += 1
        return out

    def finish(self) -> bytes:
        sealed = self._aead.encrypt(_nonce(self._index, True), bytes(self._pending), None)
        self._pending.clear()
        return sealed


def _nonce(index: int, last: bool) -> bytes:
    return index.to_bytes(11, "big") + (b"\x01" if last else b"\x00")


def _file_key(shared: bytes, salt: bytes, file_name: str) -> bytes:
    return HKDF(
        algorithm=hashes.SHA256(),
        length=32,
        salt=salt,
        info=_HKDF_INFO_PREFIX + file_name.encode(),
    ).derive(shared)


def encryption_header_from_json(value: Any) -> EncryptionHeader:
    """Parse the manifest's ``encryption`` object; raises ``ValueError`` (in Chinese) if bad."""
    if not isinstance(value, dict) or value.get("scheme") != ENCRYPTION_SCHEME:
        raise ValueError("加密方式本程序不认识")
    try:
        ephemeral = base64.b64decode(value["ephemeral_public_key"], validate=True)
    except (KeyError, TypeError, binascii.Error, ValueError) as error:
        raise ValueError("临时公钥无效") from error
    recipient = value.get("recipient_fingerprint")
    chunk = value.get("chunk_bytes")
    if len(ephemeral) != PUBLIC_KEY_BYTES:
        raise ValueError("临时公钥长度不对")
    if not isinstance(recipient, str) or len(recipient) != 64:
        raise ValueError("接收方指纹无效")
    if type(chunk) is not int or not 1 <= chunk <= MAX_CHUNK_BYTES:
        raise ValueError("加密分块大小无效")
    return EncryptionHeader(ephemeral, recipient, chunk)


def sha256_file(path: Path, progress: Callable[[int], None] | None = None) -> str:
    """Hex SHA-256 of a file, read in chunks (the ``previous_sha256`` of the next package)."""
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        while block := handle.read(CHUNK_BYTES):
            digest.update(block)
            if progress is not None:
                progress(len(block))
    return digest.hexdigest()

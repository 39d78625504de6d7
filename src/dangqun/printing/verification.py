"""Verification codes: a paper certificate or signed minutes can be checked offline.

Every certificate and signed minutes carries a QR code whose text is the whole code::

    DQ2|VC|ZYZM-2026-000123|<center id, 32 hex>|张三|1234|750|20260106-20261120|
        为独居老人送餐|翠湖社区党群服务中心|20261122|K7Q2-M4XD-9A3F-TB6P

— version, kind, document number, issuing center, the certified facts, and a keyed hash
(HMAC-SHA256, truncated to 80 bits, base32) of everything before it. Only the holder of the
center's key can make a valid one: changing a digit of the hours on a photocopy, or the service
content, makes the check fail.

How ``verify`` knows the content (issue 10: it may say 内容未被改动 only about what it checked).
``dangqun verify CODE`` works from the code alone, without the center's database, so it can only
vouch for what travels inside the code:

* A certificate certifies little enough to carry all of it — volunteer and volunteer number,
  hours, service period, service content, issuing organization, issue date — so the MAC covers
  every certified fact, ``verify`` prints them all, and the verifier compares them with the
  paper line by line. A fact longer than :data:`LONG_FACT_BYTES` (a QR code holds ~2 KB at
  most) travels as ``摘要#`` and its digest, and ``verify`` names it as not checked.
* Minutes certify their whole body (attendance, agenda, speeches, votes, resolutions, later
  corrections), far too long for a QR code. The code carries the heading facts and a
  :func:`content_digest` of the body, and the MAC covers both: the body cannot be changed without
  the digest changing, but ``verify`` never sees the printed body, so for minutes it says the
  heading is unchanged and that the body needs the center's signed record to be compared — never
  that the body was checked.

* A registration receipt (在职党员报到回执, issue 12) certifies who registered, from which
  organization, on which day, where and into which branch: all of it travels, as for a
  certificate. Kinds printed from records are also entered in the center's register of
  issued documents (:mod:`dangqun.printing.register`), which is what lets a clerk type only
  the short check code printed under the QR code.

Samples never verify (issue 12). A 样张 is signed with :data:`SAMPLE_KEY`, and its check code is
not the 16 characters of a real one but ``YANG-ZHAN-XXXX``: 12 characters beginning with the
pinyin of 样张, a length no real code has. ``verify`` recognises it from the code alone, with
whatever key it is checked against, and answers 样张，不是正式文书 — never valid.

No part of an ID number travels: the printed mask hides all but the first four characters,
and a QR code anyone can scan must not give the rest back (个人信息保护法). A code typed by hand
may be in lower case, without the dashes of the check code, and with stray spaces.

The key is 32 random bytes made once per data directory in ``<data dir>/keys/verification.key``
and never replaced silently: old paper stays verifiable only with it. It is not in ordinary
backups (a backup readable by the wrong person would let them forge certificates); an
administrator exports it wrapped with a passphrase (:mod:`dangqun.printing.key_transfer`).
"""

from __future__ import annotations

import base64
import enum
import hashlib
import hmac
import os
import secrets
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

from dangqun.core.errors import DangqunError

CODE_VERSION = "DQ2"
OLD_CODE_VERSIONS = ("DQ1",)
SEPARATOR = "|"
KEY_FILE_NAME = "verification.key"
KEY_BYTES = 32
MAC_BYTES = 10  # 80 bits: guessing is hopeless, and the code still fits a small QR
_HMAC_DOMAIN = b"dangqun-verification-v2\n"
_DIGEST_DOMAIN = b"dangqun-content-digest-v1\n"
LONG_FACT_BYTES = 300
"""About 100 Chinese characters: a longer fact is carried as its digest, so the QR stays readable."""
DIGEST_PREFIX = "摘要#"
SAMPLE_KEY = b"dangqun-sample-key-not-for-real-documents"
"""Signs codes of samples printed without a center key; they never verify against a center."""


class VerificationKeyError(DangqunError):
    """The key file exists but cannot be read or is damaged; it is never overwritten."""


def _format_minutes(value: str) -> str:
    if not value.isdigit():
        return value
    hours, minutes = divmod(int(value), 60)
    if hours and minutes:
        return f"{hours} 小时 {minutes} 分钟"
    return f"{hours} 小时" if hours else f"{minutes} 分钟"


def _format_date(value: str) -> str:
    if len(value) == 8 and value.isdigit():
        return f"{int(value[:4])}年{int(value[4:6])}月{int(value[6:])}日"
    return value


def _format_period(value: str) -> str:
    start, _dash, end = value.partition("-")
    if start == end or not end:
        return _format_date(start)
    return f"{_format_date(start)}至{_format_date(end)}"


def _plain(value: str) -> str:
    return value


@dataclass(frozen=True)
class CertifiedField:
    label: str
    display: Callable[[str], str] = _plain
    digest_of: str = ""
    """Non-empty when the value is a :func:`content_digest` of content that is not in the code
    (what that content is, for the report): ``verify`` cannot check that content itself."""


@dataclass(frozen=True)
class VerifiableKind:
    """A document kind that carries a code: its short code, name and certified fields."""

    kind: str
    code: str
    label: str
    fields: tuple[CertifiedField, ...]


VERIFIABLE_KINDS: tuple[VerifiableKind, ...] = (
    VerifiableKind(
        "volunteer_certificate",
        "VC",
        "志愿服务证明",
        (
            CertifiedField("志愿者"),
            CertifiedField("志愿者编号"),
            CertifiedField("服务时长", _format_minutes),
            CertifiedField("服务期间", _format_period),
            CertifiedField("服务内容"),
            CertifiedField("出具单位"),
            CertifiedField("出具日期", _format_date),
        ),
    ),
    VerifiableKind(
        "registration_receipt",
        "HZ",
        "在职党员报到回执",
        (
            CertifiedField("党员"),
            CertifiedField("原单位党组织"),
            CertifiedField("报到日期", _format_date),
            CertifiedField("报到社区党组织"),
            CertifiedField("编入支部"),
            CertifiedField("出具日期", _format_date),
        ),
    ),
    VerifiableKind(
        "minutes",
        "MN",
        "会议记录",
        (
            CertifiedField("党组织"),
            CertifiedField("会议"),
            CertifiedField("会议日期", _format_date),
            CertifiedField("应到/实到人数"),
            CertifiedField("签定日期", _format_date),
            CertifiedField(
                "正文摘要", digest_of="会议正文（时间地点、出席缺席、议程、发言、表决、决议、更正）"
            ),
        ),
    ),
)
_BY_KIND = {item.kind: item for item in VERIFIABLE_KINDS}
_BY_CODE = {item.code: item for item in VERIFIABLE_KINDS}


def verifiable_kind(kind: str) -> VerifiableKind | None:
    return _BY_KIND.get(kind)


class VerificationStatus(enum.Enum):
    VALID = "valid"
    TAMPERED = "tampered"  # well-formed, but the hash does not match: altered or forged
    MALFORMED = "malformed"  # not a dangqun code at all, or cut short
    OTHER_CENTER = "other_center"  # issued by a center whose key we do not hold
    SAMPLE = "sample"  # a 样张's code: certifies nothing, whatever the key
    VOIDED = "voided"  # genuine, but the register says it was voided
    UNKNOWN = "unknown"  # a short check code this center's register does not hold


SAMPLE_CHECK_PREFIX = "YANGZHAN"
"""样张 in pinyin: a sample's check code is this and four more characters (12 in all)."""
CHECK_CODE_LENGTH = 16
_BASE32 = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZ234567")
SAMPLE_MESSAGE = "样张，不是正式文书：这是用示例数据打印的样张，它的核验码不证明任何事项。"


@dataclass(frozen=True)
class CertifiedFact:
    label: str
    value: str


@dataclass(frozen=True)
class VerificationResult:
    """What ``dangqun verify`` prints: the verdict and what the code certifies."""

    status: VerificationStatus
    message: str
    kind: str = ""
    kind_label: str = ""
    number: str = ""
    center_id: str = ""
    facts: tuple[CertifiedFact, ...] = ()

    @property
    def valid(self) -> bool:
        return self.status is VerificationStatus.VALID

    def report_lines(self) -> list[str]:
        lines = [self.message]
        if self.kind_label:
            lines.append(f"文书：{self.kind_label}　编号：{self.number}")
        if self.center_id:
            lines.append(f"出具中心编号：{self.center_id}")
        lines.extend(f"{fact.label}：{fact.value}" for fact in self.facts)
        return lines


def clean_field(value: str) -> str:
    """Facts as they are hashed: one line, no separator characters, no outer spaces."""
    return " ".join(value.replace(SEPARATOR, "｜").split())


def carried_fact(fact: str) -> str:
    """A fact as it travels in the code: itself, or ``摘要#`` and its digest when too long (or
    when it happens to start with that prefix, so the two can never be confused)."""
    cleaned = clean_field(fact)
    if len(cleaned.encode("utf-8")) > LONG_FACT_BYTES or cleaned.startswith(DIGEST_PREFIX):
        return DIGEST_PREFIX + content_digest([cleaned])
    return cleaned


def canonical_number(number: str) -> str:
    """Document numbers (``ZYZM-2026-000123``) are signed in upper case, so typing ``zyzm-…``
    by hand still verifies."""
    return clean_field(number).upper()


def compact_center_id(center_id: str) -> str:
    return center_id.replace("-", "").lower()


def _expand_center_id(compact: str) -> str:
    if len(compact) == 32:
        return f"{compact[:8]}-{compact[8:12]}-{compact[12:16]}-{compact[16:20]}-{compact[20:]}"
    return compact


def content_digest(content: Sequence[str]) -> str:
    """A short fingerprint (80 bits, grouped base32) of content too long to travel in a code.

    Unkeyed: its value is only trusted because the code's MAC covers it. Each item is framed by
    its length, so moving text from one item to the next changes the digest.
    """
    framed = b"".join(
        len(encoded).to_bytes(4, "big") + encoded
        for encoded in (" ".join(item.split()).encode("utf-8") for item in content)
    )
    digest = hashlib.sha256(_DIGEST_DOMAIN + framed).digest()
    return group_check_code(base64.b32encode(digest[:MAC_BYTES]).decode("ascii"))


def _mac(key: bytes, message: str) -> str:
    digest = hmac.new(key, _HMAC_DOMAIN + message.encode("utf-8"), hashlib.sha256).digest()
    return base64.b32encode(digest[:MAC_BYTES]).decode("ascii")


def group_check_code(mac: str) -> str:
    """``K7Q2M4XD9A3FTB6P`` → ``K7Q2-M4XD-9A3F-TB6P``, easier to read aloud over the phone."""
    return "-".join(mac[index : index + 4] for index in range(0, len(mac), 4))


def make_verification_code(
    kind: str, number: str, center_id: str, facts: Sequence[str], key: bytes
) -> str:
    """The code for a document of ``kind``; ``facts`` follow the kind's field order."""
    definition = _BY_KIND.get(kind)
    if definition is None:
        raise ValueError(f"document kind {kind!r} carries no verification code")
    if len(facts) != len(definition.fields):
        raise ValueError(f"{kind} needs {len(definition.fields)} facts, got {len(facts)}")
    parts = [
        CODE_VERSION,
        definition.code,
        canonical_number(number),
        compact_center_id(center_id),
        *(carried_fact(fact) for fact in facts),
    ]
    message = SEPARATOR.join(parts)
    mac = _mac(key, message)
    if hmac.compare_digest(key, SAMPLE_KEY):
        mac = SAMPLE_CHECK_PREFIX + mac[:4]
    return f"{message}{SEPARATOR}{group_check_code(mac)}"


def check_code_of(code: str) -> str:
    """The grouped check code at the end of a verification code (printed under the QR)."""
    return code.rsplit(SEPARATOR, 1)[-1]


def _ungrouped(value: str) -> str:
    """A grouped base32 value as typed: ``k7q2 m4xd-9a3f tb6p`` → ``K7Q2M4XD9A3FTB6P``."""
    return "".join(value.split()).replace("-", "").upper()


def is_sample_check_code(value: str) -> bool:
    """A 样张's check code (``YANG-ZHAN-XXXX``, typed in any case, with or without dashes)."""
    plain = _ungrouped(value)
    return (
        len(plain) == len(SAMPLE_CHECK_PREFIX) + 4
        and plain.startswith(SAMPLE_CHECK_PREFIX)
        and set(plain) <= _BASE32
    )


def short_check_code(text: str) -> str | None:
    """The printed check code as a clerk types it, ungrouped (``zrae xx7q-evpi-yux2`` →
    ``ZRAEXX7QEVPIYUX2``); None when ``text`` is not one (a full code, or a typo of length)."""
    plain = _ungrouped(text)
    if set(plain) <= _BASE32 and (len(plain) == CHECK_CODE_LENGTH or is_sample_check_code(plain)):
        return plain
    return None


def ungrouped_check_code(code: str) -> str:
    """The check code at the end of a full code, as the register stores and looks it up."""
    return _ungrouped(check_code_of(code))


def verify_code(code: str, key: bytes, expected_center_id: str | None = None) -> VerificationResult:
    """Check a code read from paper (typed or scanned) against the center's key.

    The parts are put back in the form they were signed in before the MAC is recomputed: facts
    lose stray spaces (they were signed after :func:`clean_field`), the version, kind, number
    and center are case-insensitive, and the check code and digest may be typed without dashes.
    """
    parts = [clean_field(part) for part in code.strip().split(SEPARATOR)]
    if parts[0].upper() in OLD_CODE_VERSIONS:
        return VerificationResult(
            VerificationStatus.MALFORMED,
            "无效：这是旧版程序的核验码（只覆盖部分事项），本版本不再认可。请出具中心重新打印这份文书。",
        )
    if len(parts) < 5 or parts[0].upper() != CODE_VERSION:
        return VerificationResult(
            VerificationStatus.MALFORMED,
            "无效：这不是 dangqun 出具的核验码（格式不对或不完整）。",
        )
    definition = _BY_CODE.get(parts[1].upper())
    if definition is None or len(parts) != 5 + len(definition.fields):
        return VerificationResult(
            VerificationStatus.MALFORMED,
            "无效：核验码不完整或文书类型未知，请检查是否漏扫或漏输了部分内容。",
        )
    number, center_compact = canonical_number(parts[2]), compact_center_id(parts[3])
    values = [
        group_check_code(_ungrouped(value))
        if field.digest_of
        else DIGEST_PREFIX + group_check_code(_ungrouped(value.removeprefix(DIGEST_PREFIX)))
        if value.startswith(DIGEST_PREFIX)
        else value
        for field, value in zip(definition.fields, parts[4:-1], strict=True)
    ]
    facts = tuple(
        CertifiedFact(
            field.label,
            f"（过长，核验码只带有它的摘要 {value.removeprefix(DIGEST_PREFIX)}）"
            if value.startswith(DIGEST_PREFIX)
            else field.display(value),
        )
        for field, value in zip(definition.fields, values, strict=True)
    )
    unchecked = [
        field.digest_of or f"{field.label}（过长）"
        for field, value in zip(definition.fields, values, strict=True)
        if field.digest_of or value.startswith(DIGEST_PREFIX)
    ]
    center_id = _expand_center_id(center_compact)
    details = {
        "kind": definition.kind,
        "kind_label": definition.label,
        "number": number,
        "center_id": center_id,
        "facts": facts,
    }
    if is_sample_check_code(parts[-1]):
        return VerificationResult(
            VerificationStatus.SAMPLE,
            SAMPLE_MESSAGE + "以下是样张上的示例内容。",
            **details,  # type: ignore[arg-type]
        )
    if expected_center_id is not None and compact_center_id(expected_center_id) != center_compact:
        return VerificationResult(
            VerificationStatus.OTHER_CENTER,
            "无法核验：这份文书由另一个服务中心出具，需要用该中心的核验密钥核验。"
            "以下内容未经核验。",
            **details,  # type: ignore[arg-type]
        )
    message = SEPARATOR.join([CODE_VERSION, definition.code, number, center_compact, *values])
    expected = _mac(key, message)
    given = _ungrouped(parts[-1])
    if not hmac.compare_digest(expected.encode("ascii"), given.encode("ascii", "replace")):
        return VerificationResult(
            VerificationStatus.TAMPERED,
            "无效：核验码与内容不符。文书内容可能被改动过，或不是本中心出具的。",
            **details,  # type: ignore[arg-type]
        )
    return VerificationResult(
        VerificationStatus.VALID,
        _valid_message(definition, unchecked),
        **details,  # type: ignore[arg-type]
    )


def _valid_message(definition: VerifiableKind, unchecked: Sequence[str]) -> str:
    """What a valid code proves, and no more (see the module docstring)."""
    if not unchecked:
        return (
            f"有效：这份{definition.label}确由出具中心签发，核验码包含它证明的全部事项，"
            "以下内容未被改动。请与纸面逐项对照：纸面与下列内容不同之处即被改动过。"
        )
    covered = "、".join(unchecked)
    return (
        f"有效：这份{definition.label}确由出具中心签定，以下事项未被改动。"
        f"{covered}不在核验码中，只由其中的摘要固定：仅凭核验码无法核对纸面上的正文，"
        "如需核对正文，请向出具中心调阅已签定的原始记录。"
    )


def signing_key(key: bytes | None) -> bytes:
    return key if key else SAMPLE_KEY


def verification_key_path(keys_directory: Path) -> Path:
    return keys_directory / KEY_FILE_NAME


def load_or_create_verification_key(keys_directory: Path) -> bytes:
    """The center's key, made once with ``secrets`` and never overwritten.

    Creation uses an exclusive open so two processes starting together cannot both write one,
    owner-only (0600) whatever the umask (issue 10).
    """
    path = verification_key_path(keys_directory)
    if not path.exists():
        keys_directory.mkdir(mode=0o700, parents=True, exist_ok=True)
        key = secrets.token_bytes(KEY_BYTES)
        try:
            descriptor = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        except FileExistsError:
            pass  # another process made it first: read theirs
        except OSError as error:
            raise VerificationKeyError(
                f"无法创建核验密钥文件“{path}”（{error.strerror or error}）。"
            ) from error
        else:
            with os.fdopen(descriptor, "w", encoding="ascii") as handle:
                handle.write(key.hex() + "\n")
                handle.flush()
                os.fsync(handle.fileno())
            return key
    return read_verification_key(path)


def read_verification_key(path: Path) -> bytes:
    """A key file as written above (hex text); a district reads other centers' keys too."""
    try:
        key = bytes.fromhex(path.read_text(encoding="ascii").strip())
    except (OSError, UnicodeDecodeError, ValueError) as error:
        raise VerificationKeyError(
            f"核验密钥文件“{path}”无法读取或已损坏。请从备份恢复这个文件；"
            "不要删除它，否则已打印文书的核验码将无法核验。"
        ) from error
    if len(key) != KEY_BYTES:
        raise VerificationKeyError(
            f"核验密钥文件“{path}”已损坏（长度不对）。请从备份恢复这个文件。"
        )
    return key

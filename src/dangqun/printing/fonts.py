"""Chinese fonts for printed documents that pass as official paper, on any machine a center has.

Why roles (issue 12, GB/T 9704-2012 §7.3): a formal document sets its title in 小标宋, its body
in 仿宋, headings in 黑体 and signatures in 楷体; tables keep one Song family. Each role is
filled in this order:

1. the administrator's choice for that role (settings ``print_font_title`` … ``_heading``; the
   older ``print_font_path`` still plays every role that has no choice of its own, and the
   settings tab moves it into the per-role settings when it next saves);
2. the system's formal fonts — 方正小标宋 for titles, 仿宋 (simfang.ttf, 仿宋_GB2312) for body
   text, 宋体 (simsun) for tables, 楷体 (simkai, 楷体_GB2312) for signatures, 黑体 (simhei) for
   headings;
3. the Song shipped in ``resources/fonts`` (Noto Serif SC: Bold for titles and headings,
   Regular for body, table and signature text);
4. ReportLab's built-in CID font ``STSong-Light``, never embedded (the PDF viewer supplies
   the glyphs), so a broken installation still prints.

Screen fonts (WenQuanYi, Droid Sans Fallback, AR PL, 微软雅黑) are not formal: they never play a
role while the shipped font is there; they only draw single characters no formal font has
(``DocumentFonts.fallbacks``).

Why coverage and not just presence (issue 12): Droid Sans Fallback has no ASCII digits, so
dates printed in the non-embedded fallback. A font plays a role only when it has the digits,
Latin letters, Chinese punctuation and the 3,755 GB 2312 level-1 hanzi (at most
:data:`MAX_MISSING_COMMON_HANZI` missing). CFF-outlined fonts (Noto CJK, Source Han) cannot be
embedded: they are refused with a plain reason, never a crash. Fonts are registered once per
process and every check is cached: loading a 15 MB font costs a tenth of a second.
"""

from __future__ import annotations

import contextvars
import enum
import functools
import hashlib
import logging
import os
import re
import shutil
import subprocess
import sys
import threading
from collections.abc import Iterable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.cidfonts import UnicodeCIDFont
from reportlab.pdfbase.ttfonts import TTFont

from dangqun.core.db import Database
from dangqun.core.setting_definitions import SettingDefinition, register_setting
from dangqun.core.settings import get_setting
from dangqun.resources_path import resource_path

log = logging.getLogger(__name__)

BUILT_IN_FONT_NAME = "STSong-Light"
"""ReportLab's Adobe-GB1 CID font: always available, never embedded."""


def _shipped_font_directory() -> Path:
    """``resources/fonts`` where this copy of dangqun runs from (a wheel keeps it inside the
    package, a checkout at its top: :mod:`dangqun.resources_path` knows both)."""
    try:
        return resource_path("fonts")
    except FileNotFoundError:  # a broken install: the built-in font still prints
        return Path(__file__).resolve().parents[1] / "resources" / "fonts"


RESOURCE_FONT_DIRECTORY = _shipped_font_directory()
_FONT_FILE_SUFFIXES = (".ttf", ".ttc", ".otf", ".otc")
_TTC_INDEX_SUFFIX = re.compile(r"^(?P<path>.+)#(?P<index>\d{1,2})$")
_FORCE_BOLD_FLAG = 1 << 18
"""PDF font descriptor flag ReportLab sets for an OS/2 weight of 600 or more."""

# --- coverage ----------------------------------------------------------------------------

DIGITS_AND_LATIN = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz"
CHINESE_PUNCTUATION = "“”、，。：；（）《》"
MAX_MISSING_COMMON_HANZI = 37
"""At most 1 % of the 3,755 common hanzi may be missing. Every font made for simplified Chinese
(仿宋_GB2312, simsun, Noto Serif SC, even WenQuanYi) has all of them, so a real formal font
always passes; a Japanese or traditional-Chinese face lacks hundreds of simplified forms and is
refused. The 1 % margin tolerates an older font that lacks a handful of characters: those are
drawn, one by one, in the next font that has them (``DocumentFonts.face_for``)."""


@functools.cache
def common_hanzi() -> str:
    """The 3,755 GB 2312 level-1 hanzi (常用汉字), bytes 0xB0A1–0xD7F9 decoded from GB 2312.

    Row 0xD7 ends at cell 0xF9: cells 0xFA–0xFE are unassigned.
    """
    characters: list[str] = []
    for row in range(0xB0, 0xD8):
        last = 0xF9 if row == 0xD7 else 0xFE
        for cell in range(0xA1, last + 1):
            characters.append(bytes((row, cell)).decode("gb2312"))
    return "".join(characters)


def coverage_refusal(coverage: frozenset[int]) -> str | None:
    """Why a font with these code points cannot play a role, in words a clerk understands;
    None when it can."""
    digits = all(ord(character) in coverage for character in "0123456789")
    latin = all(ord(character) in coverage for character in DIGITS_AND_LATIN[10:])
    if not digits and not latin:
        return "缺少阿拉伯数字和英文字母"
    if not digits:
        return "缺少阿拉伯数字"
    if not latin:
        return "缺少英文字母"
    punctuation = [c for c in CHINESE_PUNCTUATION if ord(c) not in coverage]
    if punctuation:
        return f"缺少中文标点（如“{''.join(punctuation[:3])}”）"
    missing = [c for c in common_hanzi() if ord(c) not in coverage]
    if len(missing) > MAX_MISSING_COMMON_HANZI:
        return f"缺少常用汉字（如“{''.join(missing[:3])}”，共缺 {len(missing)} 个）"
    return None


# --- settings ----------------------------------------------------------------------------


class FontRole(enum.Enum):
    """What a font is used for on paper (GB/T 9704-2012 §7.3 for 公文)."""

    TITLE = "title"
    BODY = "body"
    TABLE = "table"
    SIGNATURE = "signature"
    HEADING = "heading"


ROLE_LABELS = {
    FontRole.TITLE: "标题",
    FontRole.BODY: "正文",
    FontRole.TABLE: "表格",
    FontRole.SIGNATURE: "落款和签名",
    FontRole.HEADING: "小标题和表头",
}


def _validate_font_file(value: Any) -> str | None:
    """The settings page refuses a font that cannot be embedded or lacks characters, saying why."""
    if not isinstance(value, str):
        return "必须是字体文件的路径"
    if not value.strip():
        return None
    if len(value) > 1000:
        return "的路径不能超过 1000 个字符"
    path, index = parse_font_setting(value)
    if not path.is_file():
        return f"找不到：没有文件“{path}”"
    refusal = font_file_refusal(path, index)
    return None if refusal is None else f"不能使用：{refusal}"


PRINT_FONT_PATH = register_setting(
    SettingDefinition(
        "print_font_path",
        "打印字体（各用途未单独选择时使用）",
        "",
        _validate_font_file,
    )
)
"""The single font of older databases: it plays every role that has no choice of its own."""

ROLE_SETTINGS: dict[FontRole, SettingDefinition] = {
    role: register_setting(
        SettingDefinition(
            f"print_font_{role.value}", f"{ROLE_LABELS[role]}字体", "", _validate_font_file
        )
    )
    for role in FontRole
}


# --- kinds of fonts ----------------------------------------------------------------------


class GlyphStyle(enum.Enum):
    """The typeface style, which decides the role a font plays (GB/T 9704 公文 practice)."""

    XIAOBIAOSONG = "xiaobiaosong"  # 方正小标宋: document titles
    FANGSONG = "fangsong"  # 仿宋: body text
    SONG = "song"  # 宋体/明体
    KAI = "kai"  # 楷体
    HEI = "hei"  # 黑体 and other sans-serif faces: headings
    UNKNOWN = "unknown"


GLYPH_STYLE_LABELS = {
    GlyphStyle.XIAOBIAOSONG: "小标宋",
    GlyphStyle.FANGSONG: "仿宋",
    GlyphStyle.SONG: "宋体",
    GlyphStyle.KAI: "楷体",
    GlyphStyle.HEI: "黑体",
    GlyphStyle.UNKNOWN: "其他字体",
}


class FontSource(enum.Enum):
    SETTING = "setting"
    SYSTEM = "system"
    BUNDLED = "bundled"
    BUILT_IN = "built_in"


FONT_SOURCE_LABELS = {
    FontSource.SETTING: "设置中选定",
    FontSource.SYSTEM: "本机字体",
    FontSource.BUNDLED: "程序自带",
    FontSource.BUILT_IN: "内置字体",
}


@dataclass(frozen=True)
class KnownFontFile:
    """A font file formal documents are usually set in, found by its file name."""

    file_name: str
    subfont_index: int
    family: str
    style: GlyphStyle
    formal: bool = True


# Order matters inside a style: the first one found wins.
KNOWN_FONT_FILES: tuple[KnownFontFile, ...] = (
    KnownFontFile("FZXBSJW.TTF", 0, "方正小标宋简体", GlyphStyle.XIAOBIAOSONG),
    KnownFontFile("方正小标宋简体.ttf", 0, "方正小标宋简体", GlyphStyle.XIAOBIAOSONG),
    KnownFontFile("FZXBSK.TTF", 0, "方正小标宋_GBK", GlyphStyle.XIAOBIAOSONG),
    KnownFontFile("STZHONGS.TTF", 0, "华文中宋", GlyphStyle.XIAOBIAOSONG),
    KnownFontFile("仿宋_GB2312.ttf", 0, "仿宋_GB2312", GlyphStyle.FANGSONG),
    KnownFontFile("FangSong_GB2312.ttf", 0, "仿宋_GB2312", GlyphStyle.FANGSONG),
    KnownFontFile("simfang.ttf", 0, "仿宋", GlyphStyle.FANGSONG),
    KnownFontFile("simsun.ttc", 0, "宋体", GlyphStyle.SONG),
    KnownFontFile("simsun.ttf", 0, "宋体", GlyphStyle.SONG),
    KnownFontFile("simhei.ttf", 0, "黑体", GlyphStyle.HEI),
    KnownFontFile("simkai.ttf", 0, "楷体", GlyphStyle.KAI),
    KnownFontFile("楷体_GB2312.ttf", 0, "楷体_GB2312", GlyphStyle.KAI),
    KnownFontFile("KaiTi_GB2312.ttf", 0, "楷体_GB2312", GlyphStyle.KAI),
    # Screen fonts: per-character fallbacks only while the shipped font is there.
    KnownFontFile("uming.ttc", 0, "AR PL UMing", GlyphStyle.SONG, formal=False),
    KnownFontFile("ukai.ttc", 0, "AR PL UKai", GlyphStyle.KAI, formal=False),
    KnownFontFile("msyh.ttc", 0, "微软雅黑", GlyphStyle.HEI, formal=False),
    KnownFontFile("msyh.ttf", 0, "微软雅黑", GlyphStyle.HEI, formal=False),
    KnownFontFile("wqy-zenhei.ttc", 0, "文泉驿正黑", GlyphStyle.HEI, formal=False),
    KnownFontFile("wqy-microhei.ttc", 0, "文泉驿微米黑", GlyphStyle.HEI, formal=False),
    KnownFontFile("DroidSansFallbackFull.ttf", 0, "Droid Sans Fallback", GlyphStyle.HEI, False),
    KnownFontFile("DroidSansFallback.ttf", 0, "Droid Sans Fallback", GlyphStyle.HEI, False),
)
_KNOWN_BY_LOWER_NAME = {known.file_name.lower(): known for known in KNOWN_FONT_FILES}

_STYLE_KEYWORDS: tuple[tuple[GlyphStyle, tuple[str, ...]], ...] = (
    (GlyphStyle.XIAOBIAOSONG, ("小标宋", "xiaobiaosong", "fzxbs", "中宋", "zhongsong")),
    (GlyphStyle.FANGSONG, ("仿宋", "fangsong", "simfang")),
    (GlyphStyle.KAI, ("楷", "kai")),
    (GlyphStyle.HEI, ("黑", "hei", "yahei", "sans", "gothic", "wenquanyi", "droid")),
    (GlyphStyle.SONG, ("宋", "明", "song", "sun", "ming", "serif")),
)
_SCREEN_FONT_KEYWORDS = (
    "wenquanyi",
    "文泉",
    "wqy",
    "droid",
    "ar pl",
    "uming",
    "ukai",
    "yahei",
    "雅黑",
    "msyh",
)


def classify_family(family: str) -> GlyphStyle:
    """Guess a face's style from its family or file name (``AR PL UMing`` → 宋体)."""
    lowered = family.lower()
    for style, keywords in _STYLE_KEYWORDS:
        if any(keyword in lowered for keyword in keywords):
            return style
    return GlyphStyle.UNKNOWN


def is_formal(family: str, path: Path, style: GlyphStyle) -> bool:
    """A face a formal document may be set in: a known style, and not a screen font."""
    known = _KNOWN_BY_LOWER_NAME.get(path.name.lower())
    if known is not None:
        return known.formal
    text = f"{family} {path.name}".lower()
    return style is not GlyphStyle.UNKNOWN and not any(k in text for k in _SCREEN_FONT_KEYWORDS)


@dataclass(frozen=True)
class FontCandidate:
    path: Path
    subfont_index: int
    family: str
    style: GlyphStyle
    source: FontSource

    @property
    def formal(self) -> bool:
        return self.source is not FontSource.SYSTEM or is_formal(self.family, self.path, self.style)


@dataclass(frozen=True)
class SkippedFont:
    """A font file that was found but cannot be used, and why (shown on the settings page)."""

    path: Path
    subfont_index: int
    reason: str
    family: str = ""


@dataclass(frozen=True)
class RegisteredFont:
    """A font registered with ReportLab under ``name``, ready for ``setFont``/styles."""

    name: str
    family: str
    style: GlyphStyle
    source: FontSource
    path: Path | None
    subfont_index: int = 0
    coverage: frozenset[int] | None = field(default=None, repr=False, compare=False)
    """Code points with a glyph; None for the CID font (the viewer supplies glyphs)."""
    bold: bool = False
    """A heavy cut (OS/2 weight 600 or more): titles and headings, never body text."""
    formal: bool = True

    @property
    def embedded(self) -> bool:
        return self.path is not None

    @property
    def refusal(self) -> str | None:
        """Why this font may not play a role (plain words), None when it may."""
        if self.coverage is None:
            return None
        return _coverage_refusal_cached(self.name, self.coverage)

    @property
    def label(self) -> str:
        """The font in plain words, for the settings page."""
        if not self.embedded:
            return (
                f"{self.family}（{FONT_SOURCE_LABELS[self.source]}，没有嵌入到文件中，"
                "换一台电脑打开时字形可能不同）"
            )
        weight = " 粗体" if self.bold and "bold" not in self.family.lower() else ""
        where = f"，{self.path}" if self.source is FontSource.SETTING else ""
        return (
            f"{self.family}{weight}（{GLYPH_STYLE_LABELS[self.style]}，"
            f"{FONT_SOURCE_LABELS[self.source]}{where}）"
        )


@functools.lru_cache(maxsize=256)
def _coverage_refusal_cached(_name: str, coverage: frozenset[int]) -> str | None:
    return coverage_refusal(coverage)


@dataclass(frozen=True)
class DocumentFonts:
    """The fonts of every printed document: one per typographic role, plus the CID fallback.

    ``fallbacks`` draw single characters the role's font lacks (a rare character in a name),
    so nothing prints as an empty box; ``fallback`` (never embedded) is the last resort.
    """

    title: RegisteredFont
    body: RegisteredFont
    heading: RegisteredFont
    fallback: RegisteredFont
    skipped: tuple[SkippedFont, ...] = ()
    table: RegisteredFont | None = None
    """Table cells (rosters, lists); None = the body font."""
    signature: RegisteredFont | None = None
    """Signature lines and the issuing organization under the seal (楷体 where there is one);
    None = the body font."""
    fallbacks: tuple[RegisteredFont, ...] = ()
    """Embedded fonts tried, in order, for a character the role's font lacks, before the
    built-in ``fallback`` (which is never embedded)."""
    problems: tuple[str, ...] = ()
    """Why an administrator's choice is not used (plain words, shown on the settings page)."""

    @property
    def table_font(self) -> RegisteredFont:
        return self.table or self.body

    @property
    def signature_font(self) -> RegisteredFont:
        return self.signature or self.body

    def role_font(self, role: FontRole) -> RegisteredFont:
        return {
            FontRole.TITLE: self.title,
            FontRole.BODY: self.body,
            FontRole.TABLE: self.table_font,
            FontRole.SIGNATURE: self.signature_font,
            FontRole.HEADING: self.heading,
        }[role]

    def roles(self) -> tuple[RegisteredFont, ...]:
        """Every font a document may set text in, role fonts first (for name lookups)."""
        return (
            self.body,
            self.title,
            self.heading,
            self.table_font,
            self.signature_font,
            *self.fallbacks,
            self.fallback,
        )

    def face_for(self, character: str, primary: RegisteredFont) -> RegisteredFont:
        """The font that draws ``character``: ``primary`` when it has a glyph, else the first
        fallback that has one, else the built-in font (a rare character in a name must not
        print as an empty box)."""
        code = ord(character)
        if primary.coverage is None or code in primary.coverage or character.isspace():
            return primary
        for font in self.fallbacks:
            if font.coverage is not None and code in font.coverage:
                return font
        missing = _missing_glyphs.get()
        if missing is not None:
            missing.add(character)
        return self.fallback

    @property
    def all_embedded(self) -> bool:
        return all(self.role_font(role).embedded for role in FontRole)

    def summary_lines(self) -> list[str]:
        """Chinese lines for the settings page: which font plays which role, and why a choice
        of the administrator is not used."""
        lines = [f"{ROLE_LABELS[role]}：{self.role_font(role).label}" for role in FontRole]
        if not self.all_embedded:
            lines.append(
                "提示：这台电脑上没有能嵌入到 PDF 中的中文字体，文件里的字由看文件的软件补上，"
                "换一台电脑打开时字形可能不同。请重新安装本程序，或在下面选择一个字体文件。"
            )
        lines.extend(self.problems)
        return lines


_missing_glyphs: contextvars.ContextVar[set[str] | None] = contextvars.ContextVar(
    "dangqun_missing_glyphs", default=None
)


@contextmanager
def missing_glyphs_collected() -> Iterator[set[str]]:
    """Collect, while the block runs in this thread, the characters no embedded font has.

    The batch renders inside this block and reports what it found, so the preview and the CLI
    can say "these characters may print as empty boxes" before anything reaches paper. Blocks
    nest: what an inner block collects is also given to the enclosing one, so the preview
    window learns what a render inside its job found without the job returning it.
    """
    found: set[str] = set()
    outer = _missing_glyphs.get()
    token = _missing_glyphs.set(found)
    try:
        yield found
    finally:
        _missing_glyphs.reset(token)
        if outer is not None:
            outer.update(found)


@dataclass(frozen=True)
class FontSearch:
    """Where fonts are looked for; tests point it at an empty directory to mimic a bare PC."""

    directories: tuple[Path, ...]
    use_fontconfig: bool = True
    bundled_directories: tuple[Path, ...] = ()


@dataclass(frozen=True)
class FontChoice:
    """One font of the settings page's pickers: usable, or refused with the reason."""

    path: Path
    subfont_index: int
    family: str
    style: GlyphStyle
    usable: bool
    reason: str = ""
    bold: bool = False
    formal: bool = True
    source: FontSource = FontSource.SYSTEM

    @property
    def setting_value(self) -> str:
        """What to store in a ``print_font_*`` setting to choose this font."""
        return str(self.path) if self.subfont_index == 0 else f"{self.path}#{self.subfont_index}"


def default_font_search() -> FontSearch:
    """The platform's font directories (Windows system + per-user, or the Linux tree)."""
    directories: list[Path] = []
    if sys.platform == "win32":
        windows = Path(os.environ.get("WINDIR", r"C:\Windows"))
        directories.append(windows / "Fonts")
        local = os.environ.get("LOCALAPPDATA")
        if local:
            directories.append(Path(local) / "Microsoft" / "Windows" / "Fonts")
    else:
        directories.extend(
            [
                Path("/usr/share/fonts"),
                Path("/usr/local/share/fonts"),
                Path.home() / ".local" / "share" / "fonts",
                Path.home() / ".fonts",
            ]
        )
    return FontSearch(
        directories=tuple(directories),
        use_fontconfig=sys.platform != "win32",
        bundled_directories=(RESOURCE_FONT_DIRECTORY,),
    )


def parse_font_setting(value: str) -> tuple[Path, int]:
    """``/path/simsun.ttc#1`` chooses face 1 of a collection; a plain path means face 0."""
    text = value.strip()
    match = _TTC_INDEX_SUFFIX.match(text)
    if match and not Path(text).exists():
        return Path(match["path"]).expanduser(), int(match["index"])
    return Path(text).expanduser(), 0


# --- loading -----------------------------------------------------------------------------

_lock = threading.RLock()
_loaded: dict[tuple[Path, int], RegisteredFont | SkippedFont] = {}
_chosen: dict[tuple[tuple[tuple[str, str], ...], FontSearch], DocumentFonts] = {}
_discovered: dict[FontSearch, tuple[list[FontCandidate], list[SkippedFont]]] = {}

CANNOT_EMBED = "这种字体文件无法嵌入到 PDF 中"


def reset_font_cache() -> None:
    """Forget choices and discoveries (tests; the settings page after a change).

    Fonts already registered with ReportLab stay registered: that is harmless and keeps
    re-registration cheap.
    """
    with _lock:
        _chosen.clear()
        _discovered.clear()


def _font_name(path: Path, index: int) -> str:
    digest = hashlib.sha1(f"{path}#{index}".encode()).hexdigest()[:8]
    stem = re.sub(r"[^A-Za-z0-9]", "", path.stem)[:24] or "font"
    return f"DQ-{stem}-{index}-{digest}"


def _load_truetype(candidate: FontCandidate) -> RegisteredFont | SkippedFont:
    """Register a TrueType face once per process; a failure is remembered with its reason."""
    try:
        key = (candidate.path.resolve(), candidate.subfont_index)
    except OSError:
        key = (candidate.path, candidate.subfont_index)
    with _lock:
        known = _loaded.get(key)
        if known is None:
            known = _register_truetype(candidate)
            _loaded[key] = known
            if isinstance(known, SkippedFont):
                log.info("font skipped: %s#%d: %s", known.path, known.subfont_index, known.reason)
            else:
                log.info("font registered: %s as %s", candidate.path, known.name)
        if isinstance(known, RegisteredFont) and (
            known.source is not candidate.source or known.formal != candidate.formal
        ):
            return RegisteredFont(
                known.name,
                known.family,
                known.style,
                candidate.source,
                known.path,
                known.subfont_index,
                known.coverage,
                known.bold,
                candidate.formal,
            )
        return known


def _register_truetype(candidate: FontCandidate) -> RegisteredFont | SkippedFont:
    path = candidate.path
    index = candidate.subfont_index
    try:
        with open(path, "rb") as handle:
            head = handle.read(4)
            if head == b"ttcf":
                handle.seek(12 + 4 * index)
                offset = int.from_bytes(handle.read(4), "big")
                handle.seek(offset)
                head = handle.read(4)
    except OSError as error:
        return SkippedFont(path, index, f"无法读取这个文件（{error.strerror or error}）")
    if head == b"OTTO":
        return SkippedFont(path, index, CANNOT_EMBED, candidate.family)
    try:
        font = TTFont(_font_name(path, index), str(path), subfontIndex=index)
    except Exception:  # TTFError, struct errors on damaged files, CFF inside a .ttc …
        return SkippedFont(path, index, f"{CANNOT_EMBED}（不是可用的字体文件，或文件已损坏）")
    coverage = frozenset(font.face.charToGlyph or {})
    if not any(0x4E00 <= code <= 0x9FFF for code in coverage):
        return SkippedFont(path, index, "不是中文字体（没有汉字）", candidate.family)
    pdfmetrics.registerFont(font)
    family = candidate.family
    face_family = getattr(font.face, "familyName", b"")
    if family == path.stem and isinstance(face_family, bytes) and face_family:
        family = face_family.decode("latin-1", "replace")
    bold = bool(int(getattr(font.face, "flags", 0)) & _FORCE_BOLD_FLAG) or any(
        word in path.stem.lower() for word in ("bold", "heavy", "black")
    )
    return RegisteredFont(
        font.fontName,
        family,
        candidate.style,
        candidate.source,
        path,
        index,
        coverage,
        bold,
        candidate.formal,
    )


def font_file_refusal(path: Path, index: int = 0) -> str | None:
    """Why this font file cannot play a role (plain words), None when it can; cached."""
    outcome = _load_truetype(
        FontCandidate(path, index, path.stem, classify_family(path.stem), FontSource.SETTING)
    )
    if isinstance(outcome, SkippedFont):
        return outcome.reason
    return outcome.refusal


def built_in_font() -> RegisteredFont:
    with _lock:
        if BUILT_IN_FONT_NAME not in pdfmetrics.getRegisteredFontNames():
            pdfmetrics.registerFont(UnicodeCIDFont(BUILT_IN_FONT_NAME))
    return RegisteredFont(
        BUILT_IN_FONT_NAME, "华文宋体 STSong-Light", GlyphStyle.SONG, FontSource.BUILT_IN, None
    )


# --- discovery ---------------------------------------------------------------------------


def _fontconfig_candidates() -> tuple[list[FontCandidate], list[SkippedFont]]:
    executable = shutil.which("fc-list")
    if executable is None:
        return [], []
    try:
        completed = subprocess.run(
            [executable, ":lang=zh", "--format", "%{file}\t%{index}\t%{family}\t%{fontformat}\n"],
            capture_output=True,
            text=True,
            encoding="utf-8",
            errors="replace",
            timeout=15,
            check=False,
        )
    except (OSError, subprocess.SubprocessError) as error:
        log.warning("fc-list failed: %s", error)
        return [], []
    candidates: list[FontCandidate] = []
    skipped: list[SkippedFont] = []
    for line in completed.stdout.splitlines():
        parts = line.split("\t")
        if len(parts) != 4:
            continue
        file_name, index_text, families, font_format = parts
        path = Path(file_name)
        index = int(index_text) if index_text.isdigit() else 0
        family = families.split(",")[0].strip() or path.stem
        if font_format.strip() != "TrueType":
            if all(item.path != path for item in skipped):  # one line per file, not per face
                skipped.append(SkippedFont(path, index, CANNOT_EMBED, family))
            continue
        known = _KNOWN_BY_LOWER_NAME.get(path.name.lower())
        style = known.style if known is not None else classify_family(family)
        candidates.append(FontCandidate(path, index, family, style, FontSource.SYSTEM))
    return candidates, skipped


def _files_under(directory: Path) -> Iterable[Path]:
    if not directory.is_dir():
        return
    for root, _directories, files in os.walk(directory):
        for name in files:
            if name.lower().endswith(_FONT_FILE_SUFFIXES):
                yield Path(root) / name


def _known_file_candidates(directories: Sequence[Path]) -> list[FontCandidate]:
    found: list[FontCandidate] = []
    for directory in directories:
        for path in _files_under(directory):
            known = _KNOWN_BY_LOWER_NAME.get(path.name.lower())
            if known is not None:
                found.append(
                    FontCandidate(
                        path, known.subfont_index, known.family, known.style, FontSource.SYSTEM
                    )
                )
    return found


def _bundled_candidates(directories: Sequence[Path]) -> list[FontCandidate]:
    found: list[FontCandidate] = []
    seen: set[str] = set()
    for directory in directories:
        for path in sorted(_files_under(directory)):
            if path.name in seen:  # the source tree and the installed copy
                continue
            seen.add(path.name)
            found.append(
                FontCandidate(path, 0, path.stem, classify_family(path.stem), FontSource.BUNDLED)
            )
    return found


def _known_rank(candidate: FontCandidate) -> int:
    for rank, known in enumerate(KNOWN_FONT_FILES):
        if known.file_name.lower() == candidate.path.name.lower():
            return rank
    return len(KNOWN_FONT_FILES)


def _regional_penalty(candidate: FontCandidate) -> int:
    """Prefer simplified-Chinese faces of a collection over TW/HK/JP/KR or monospaced ones."""
    family = f" {candidate.family} ".lower()
    if any(tag in family for tag in (" tw", " hk", " jp", " kr", " mono", " mbe")):
        return 1
    return 0


def discover_font_candidates(
    search: FontSearch | None = None,
) -> tuple[list[FontCandidate], list[SkippedFont]]:
    """Every TrueType Chinese font the search finds (system first, then bundled), cached."""
    search = search or default_font_search()
    with _lock:
        cached = _discovered.get(search)
        if cached is not None:
            return cached
        system = _known_file_candidates(search.directories)
        skipped: list[SkippedFont] = []
        if search.use_fontconfig:
            from_fontconfig, skipped = _fontconfig_candidates()
            system.extend(from_fontconfig)
        unique: dict[tuple[Path, int], FontCandidate] = {}
        for candidate in system:
            unique.setdefault((candidate.path, candidate.subfont_index), candidate)
        ordered = sorted(
            unique.values(),
            key=lambda item: (
                _known_rank(item),
                _regional_penalty(item),
                str(item.path),
                item.subfont_index,
            ),
        )
        ordered.extend(_bundled_candidates(search.bundled_directories))
        result = (ordered, skipped)
        _discovered[search] = result
        return result


# --- choosing ----------------------------------------------------------------------------

# Per role: the formal system styles that come before the shipped Song, then the ones used only
# when no font is shipped (a broken installation), best first.
_SYSTEM_FIRST: dict[FontRole, tuple[GlyphStyle, ...]] = {
    FontRole.TITLE: (GlyphStyle.XIAOBIAOSONG,),
    FontRole.BODY: (GlyphStyle.FANGSONG, GlyphStyle.SONG),
    FontRole.TABLE: (GlyphStyle.SONG,),
    FontRole.SIGNATURE: (GlyphStyle.KAI,),
    FontRole.HEADING: (GlyphStyle.HEI,),
}
_SYSTEM_LAST: dict[FontRole, tuple[GlyphStyle, ...]] = {
    FontRole.TITLE: (GlyphStyle.SONG, GlyphStyle.HEI, GlyphStyle.FANGSONG, GlyphStyle.KAI),
    FontRole.BODY: (GlyphStyle.XIAOBIAOSONG, GlyphStyle.KAI, GlyphStyle.HEI),
    FontRole.TABLE: (GlyphStyle.FANGSONG, GlyphStyle.XIAOBIAOSONG, GlyphStyle.KAI, GlyphStyle.HEI),
    FontRole.SIGNATURE: (),
    FontRole.HEADING: (
        GlyphStyle.XIAOBIAOSONG,
        GlyphStyle.SONG,
        GlyphStyle.FANGSONG,
        GlyphStyle.KAI,
    ),
}
_HEAVY_ROLES = (FontRole.TITLE, FontRole.HEADING)


@dataclass
class _Pool:
    """The loaded fonts of one search, in discovery order, with what was refused."""

    system: list[RegisteredFont]
    bundled: list[RegisteredFont]
    skipped: list[SkippedFont]

    def usable(self, fonts: Iterable[RegisteredFont]) -> list[RegisteredFont]:
        return [font for font in fonts if font.refusal is None]


def _load_pool(search: FontSearch) -> _Pool:
    candidates, discovery_skipped = discover_font_candidates(search)
    pool = _Pool([], [], list(discovery_skipped))
    for candidate in candidates:
        outcome = _load_truetype(candidate)
        if isinstance(outcome, SkippedFont):
            if outcome not in pool.skipped:
                pool.skipped.append(outcome)
            continue
        if outcome.refusal is not None:
            pool.skipped.append(
                SkippedFont(
                    outcome.path or candidate.path,
                    outcome.subfont_index,
                    outcome.refusal,
                    outcome.family,
                )
            )
        target = pool.bundled if candidate.source is FontSource.BUNDLED else pool.system
        if all(font.name != outcome.name for font in target):
            target.append(outcome)
    return pool


def _automatic(role: FontRole, pool: _Pool) -> RegisteredFont | None:
    """The role's font without an administrator's choice (the module docstring's order)."""
    formal = [font for font in pool.usable(pool.system) if font.formal]
    for style in _SYSTEM_FIRST[role]:
        for font in formal:
            if font.style is style:
                return font
    if role is FontRole.SIGNATURE:
        return None  # the body font signs
    bundled = pool.usable(pool.bundled)
    heavy = role in _HEAVY_ROLES
    for font in sorted(bundled, key=lambda item: item.bold != heavy):
        if heavy or not font.bold:
            return font
    for style in _SYSTEM_LAST[role]:
        for font in formal:
            if font.style is style and (heavy or not font.bold):
                return font
    screen = [font for font in pool.usable(pool.system) if not font.formal]
    return screen[0] if screen else None


def _normalized_preferences(
    preferred: str | os.PathLike[str] | Mapping[FontRole, str] | None,
) -> tuple[tuple[str, str], ...]:
    if preferred is None:
        return ()
    if isinstance(preferred, Mapping):
        items = [(role.value, str(value).strip()) for role, value in preferred.items()]
    else:
        text = os.fspath(preferred).strip()
        items = [(role.value, text) for role in FontRole]
    return tuple(sorted((role, value) for role, value in items if value))


def choose_document_fonts(
    preferred: str | os.PathLike[str] | Mapping[FontRole, str] | None = None,
    search: FontSearch | None = None,
) -> DocumentFonts:
    """The fonts to print with, following the order in the module docstring; cached.

    ``preferred`` is the administrator's choice: one font file for every role (the older
    ``print_font_path``), or a file per role ("" = automatic). A choice that cannot be used
    falls back to the automatic font, and ``problems`` says why.
    """
    search = search or default_font_search()
    preferences = _normalized_preferences(preferred)
    cache_key = (preferences, search)
    with _lock:
        cached = _chosen.get(cache_key)
        if cached is not None:
            return cached
        fallback = built_in_font()
        pool = _load_pool(search)
        chosen: dict[FontRole, RegisteredFont | None] = {}
        problems: list[str] = []
        for role_value, value in preferences:
            role = FontRole(role_value)
            path, index = parse_font_setting(value)
            if path.is_file():
                outcome = _load_truetype(
                    FontCandidate(
                        path, index, path.stem, classify_family(path.stem), FontSource.SETTING
                    )
                )
                reason = outcome.reason if isinstance(outcome, SkippedFont) else outcome.refusal
            else:
                outcome, reason = None, "这台电脑上没有这个文件"
            if isinstance(outcome, RegisteredFont) and reason is None:
                chosen[role] = outcome
                continue
            problems.append(
                f"{ROLE_LABELS[role]}：设置中选定的字体“{path}”不能使用（{reason}），已改用自动选择。"
            )
            log.warning("configured %s font not usable: %s (%s)", role.value, path, reason)
        for role in FontRole:
            if role not in chosen:
                chosen[role] = _automatic(role, pool)
        body = chosen[FontRole.BODY]
        if body is None:
            log.warning("no embeddable Chinese TrueType font found; using %s", BUILT_IN_FONT_NAME)
            body = fallback

        def role_or_body(role: FontRole) -> RegisteredFont:
            return chosen[role] or body

        fallbacks = _fallback_chain(pool, chosen.values())
        fonts = DocumentFonts(
            title=role_or_body(FontRole.TITLE),
            body=body,
            heading=role_or_body(FontRole.HEADING),
            fallback=fallback,
            skipped=tuple(pool.skipped),
            table=role_or_body(FontRole.TABLE),
            signature=chosen[FontRole.SIGNATURE],
            fallbacks=fallbacks,
            problems=tuple(problems),
        )
        _chosen[cache_key] = fonts
        return fonts


def _fallback_chain(
    pool: _Pool, role_fonts: Iterable[RegisteredFont | None]
) -> tuple[RegisteredFont, ...]:
    """Every embeddable font that may draw a single missing character: the shipped Regular
    then Bold, the formal system fonts, the administrator's choices, then the screen fonts."""
    ordered: list[RegisteredFont] = sorted(pool.bundled, key=lambda font: font.bold)
    ordered.extend(font for font in pool.system if font.formal)
    ordered.extend(font for font in role_fonts if font is not None)
    ordered.extend(font for font in pool.system if not font.formal)
    chain: list[RegisteredFont] = []
    for font in ordered:
        if all(font.name != item.name for item in chain):
            chain.append(font)
    return tuple(chain)


def font_preferences_for(database: Database) -> dict[FontRole, str]:
    """The administrator's choice per role ("" = automatic): the role's own setting, else the
    older ``print_font_path`` that played every role."""
    with database.reading() as session:
        legacy = str(get_setting(session, PRINT_FONT_PATH) or "")
        return {
            role: str(get_setting(session, ROLE_SETTINGS[role]) or "") or legacy
            for role in FontRole
        }


def document_fonts_for(database: Database) -> DocumentFonts:
    """The fonts for this center's documents: its per-role settings, then discovery."""
    return choose_document_fonts(font_preferences_for(database))


def available_font_choices(search: FontSearch | None = None) -> list[FontChoice]:
    """What the settings page's font pickers offer: usable fonts first, then refused ones.

    Loading checks each file really embeds (a tenth of a second per large font), so call it
    off the GUI thread; the outcome is cached for the process.
    """
    candidates, skipped = discover_font_candidates(search)
    choices: list[FontChoice] = []
    refused: list[FontChoice] = []
    for candidate in candidates:
        outcome = _load_truetype(candidate)
        if isinstance(outcome, RegisteredFont):
            reason = outcome.refusal
            (refused if reason else choices).append(
                FontChoice(
                    candidate.path,
                    candidate.subfont_index,
                    outcome.family,
                    candidate.style,
                    reason is None,
                    reason or "",
                    outcome.bold,
                    outcome.formal,
                    candidate.source,
                )
            )
        else:
            refused.append(
                FontChoice(
                    candidate.path,
                    candidate.subfont_index,
                    candidate.family,
                    candidate.style,
                    False,
                    outcome.reason,
                    source=candidate.source,
                )
            )
    for item in skipped:
        refused.append(
            FontChoice(
                item.path,
                item.subfont_index,
                item.family or item.path.stem,
                classify_family(item.family or item.path.stem),
                False,
                item.reason,
            )
        )
    return choices + refused

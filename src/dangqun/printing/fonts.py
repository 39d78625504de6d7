"""Chinese fonts for printed documents that always work, on any machine a center may have.

Why this order (issue 3, DOMAIN.md §Printing): printed pages must carry real, selectable
Chinese text, so a TrueType font is embedded as a subset whenever one exists:

1. the font file an administrator chose in settings (``print_font_path``);
2. the system's fonts for formal documents — Windows: 方正小标宋 for titles, 仿宋 for body
   text, 黑体 for headings, then 宋体/楷体/微软雅黑; Linux (UOS, Kylin …): TrueType fonts found
   through fontconfig (``fc-list :lang=zh``) or at well-known paths (AR PL UMing, WenQuanYi,
   Droid Sans Fallback);
3. a font shipped in ``resources/fonts`` (none is shipped today: every free CJK font small
   enough to bundle is CFF-based, which ReportLab cannot embed);
4. ReportLab's built-in CID font ``STSong-Light``, which needs no file at all (the PDF viewer
   supplies the glyphs), so a machine without any Chinese font still prints.

CFF-based ``.otf``/``.ttc`` files (Noto CJK, Source Han) cannot be embedded by ReportLab: they
are skipped with a logged reason, never a crash. Fonts are registered once per process and the
choice is cached, because loading a 10 MB font costs a tenth of a second every time.
"""

from __future__ import annotations

import contextvars
import enum
import hashlib
import logging
import os
import re
import shutil
import subprocess
import sys
import threading
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.cidfonts import UnicodeCIDFont
from reportlab.pdfbase.ttfonts import TTFont

from dangqun.core.db import Database
from dangqun.core.setting_definitions import SettingDefinition, register_setting
from dangqun.core.settings import read_setting

log = logging.getLogger(__name__)

BUILT_IN_FONT_NAME = "STSong-Light"
"""ReportLab's Adobe-GB1 CID font: always available, never embedded."""

PROBE_TEXT = "党群服务中心志愿证明会议记录第页共"
"""Characters a usable font must have: a font without them is not a Chinese font."""

RESOURCE_FONT_DIRECTORY = Path(__file__).resolve().parents[3] / "resources" / "fonts"
_INSTALLED_RESOURCE_FONT_DIRECTORY = Path(__file__).resolve().parents[1] / "resources" / "fonts"
_FONT_FILE_SUFFIXES = (".ttf", ".ttc", ".otf", ".otc")
_TTC_INDEX_SUFFIX = re.compile(r"^(?P<path>.+)#(?P<index>\d{1,2})$")


def _validate_print_font_path(value: Any) -> str | None:
    """The settings page refuses a file that could not be embedded, with the reason."""
    if not isinstance(value, str):
        return "必须是字体文件的路径"
    if not value.strip():
        return None
    if len(value) > 1000:
        return "路径不能超过 1000 个字符"
    path, index = parse_font_setting(value)
    if not path.is_file():
        return f"找不到字体文件“{path}”"
    outcome = _load_truetype(
        FontCandidate(path, index, path.stem, classify_family(path.stem), FontSource.SETTING)
    )
    if isinstance(outcome, SkippedFont):
        return outcome.reason
    return None


PRINT_FONT_PATH = register_setting(
    SettingDefinition(
        "print_font_path",
        "打印字体文件（留空则自动选择）",
        "",
        _validate_print_font_path,
    )
)


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

# Which styles each role prefers, best first: titles 小标宋, body 仿宋, headings 黑体.
TITLE_PREFERENCE = (
    GlyphStyle.XIAOBIAOSONG,
    GlyphStyle.HEI,
    GlyphStyle.SONG,
    GlyphStyle.FANGSONG,
    GlyphStyle.KAI,
    GlyphStyle.UNKNOWN,
)
BODY_PREFERENCE = (
    GlyphStyle.FANGSONG,
    GlyphStyle.SONG,
    GlyphStyle.KAI,
    GlyphStyle.HEI,
    GlyphStyle.UNKNOWN,
    GlyphStyle.XIAOBIAOSONG,
)
HEADING_PREFERENCE = (
    GlyphStyle.HEI,
    GlyphStyle.SONG,
    GlyphStyle.XIAOBIAOSONG,
    GlyphStyle.FANGSONG,
    GlyphStyle.KAI,
    GlyphStyle.UNKNOWN,
)


class FontSource(enum.Enum):
    SETTING = "setting"
    SYSTEM = "system"
    BUNDLED = "bundled"
    BUILT_IN = "built_in"


FONT_SOURCE_LABELS = {
    FontSource.SETTING: "设置中选定",
    FontSource.SYSTEM: "系统字体",
    FontSource.BUNDLED: "程序自带",
    FontSource.BUILT_IN: "内置字体（不嵌入）",
}


@dataclass(frozen=True)
class KnownFontFile:
    """A font file formal documents are usually set in, found by its file name."""

    file_name: str
    subfont_index: int
    family: str
    style: GlyphStyle


# Order matters inside a style: the first one found wins.
KNOWN_FONT_FILES: tuple[KnownFontFile, ...] = (
    KnownFontFile("FZXBSJW.TTF", 0, "方正小标宋简体", GlyphStyle.XIAOBIAOSONG),
    KnownFontFile("方正小标宋简体.ttf", 0, "方正小标宋简体", GlyphStyle.XIAOBIAOSONG),
    KnownFontFile("FZXBSK.TTF", 0, "方正小标宋_GBK", GlyphStyle.XIAOBIAOSONG),
    KnownFontFile("仿宋_GB2312.ttf", 0, "仿宋_GB2312", GlyphStyle.FANGSONG),
    KnownFontFile("FangSong_GB2312.ttf", 0, "仿宋_GB2312", GlyphStyle.FANGSONG),
    KnownFontFile("simfang.ttf", 0, "仿宋", GlyphStyle.FANGSONG),
    KnownFontFile("simsun.ttc", 0, "宋体", GlyphStyle.SONG),
    KnownFontFile("simsun.ttf", 0, "宋体", GlyphStyle.SONG),
    KnownFontFile("uming.ttc", 0, "AR PL UMing", GlyphStyle.SONG),
    KnownFontFile("simhei.ttf", 0, "黑体", GlyphStyle.HEI),
    KnownFontFile("msyh.ttc", 0, "微软雅黑", GlyphStyle.HEI),
    KnownFontFile("msyh.ttf", 0, "微软雅黑", GlyphStyle.HEI),
    KnownFontFile("wqy-zenhei.ttc", 0, "文泉驿正黑", GlyphStyle.HEI),
    KnownFontFile("wqy-microhei.ttc", 0, "文泉驿微米黑", GlyphStyle.HEI),
    KnownFontFile("DroidSansFallbackFull.ttf", 0, "Droid Sans Fallback", GlyphStyle.HEI),
    KnownFontFile("DroidSansFallback.ttf", 0, "Droid Sans Fallback", GlyphStyle.HEI),
    KnownFontFile("simkai.ttf", 0, "楷体", GlyphStyle.KAI),
    KnownFontFile("楷体_GB2312.ttf", 0, "楷体_GB2312", GlyphStyle.KAI),
    KnownFontFile("ukai.ttc", 0, "AR PL UKai", GlyphStyle.KAI),
)
_KNOWN_BY_LOWER_NAME = {known.file_name.lower(): known for known in KNOWN_FONT_FILES}

_STYLE_KEYWORDS: tuple[tuple[GlyphStyle, tuple[str, ...]], ...] = (
    (GlyphStyle.XIAOBIAOSONG, ("小标宋", "xiaobiaosong", "fzxbs")),
    (GlyphStyle.FANGSONG, ("仿宋", "fangsong", "simfang")),
    (GlyphStyle.KAI, ("楷", "kai")),
    (GlyphStyle.HEI, ("黑", "hei", "yahei", "sans", "gothic", "wenquanyi", "droid")),
    (GlyphStyle.SONG, ("宋", "明", "song", "sun", "ming", "serif")),
)


@dataclass(frozen=True)
class FontCandidate:
    path: Path
    subfont_index: int
    family: str
    style: GlyphStyle
    source: FontSource


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

    @property
    def embedded(self) -> bool:
        return self.path is not None

    @property
    def label(self) -> str:
        where = f"，{self.path}" if self.path is not None else ""
        how = "嵌入子集" if self.embedded else "不嵌入，由阅读器提供字形"
        return f"{self.family}（{GLYPH_STYLE_LABELS[self.style]}，{FONT_SOURCE_LABELS[self.source]}{where}，{how}）"


@dataclass(frozen=True)
class DocumentFonts:
    """The fonts of every printed document: one per typographic role, plus the CID fallback.

    ``fallback`` draws single characters the chosen fonts lack (a rare character in a name),
    so nothing prints as an empty box.
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

    @property
    def table_font(self) -> RegisteredFont:
        return self.table or self.body

    @property
    def signature_font(self) -> RegisteredFont:
        return self.signature or self.body

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
        return self.title.embedded and self.body.embedded and self.heading.embedded

    def summary_lines(self) -> list[str]:
        """Chinese lines for the settings page: which font plays which role."""
        lines = [
            f"标题：{self.title.label}",
            f"正文：{self.body.label}",
            f"小标题和表头：{self.heading.label}",
        ]
        if not self.all_embedded:
            lines.append(
                "提示：未找到可嵌入的中文 TrueType 字体，文件中的文字由 PDF 阅读器补全字形；"
                "请在设置中选择一个字体文件（如 仿宋 simfang.ttf）。"
            )
        lines.extend(f"已跳过：{item.path}（{item.reason}）" for item in self.skipped)
        return lines


_missing_glyphs: contextvars.ContextVar[set[str] | None] = contextvars.ContextVar(
    "dangqun_missing_glyphs", default=None
)


@contextmanager
def missing_glyphs_collected() -> Iterator[set[str]]:
    """Collect, while the block runs in this thread, the characters no embedded font has.

    The batch renders inside this block and reports what it found, so the preview and the CLI
    can say "these characters may print as empty boxes" before anything reaches paper.
    """
    found: set[str] = set()
    token = _missing_glyphs.set(found)
    try:
        yield found
    finally:
        _missing_glyphs.reset(token)


@dataclass(frozen=True)
class FontSearch:
    """Where fonts are looked for; tests point it at an empty directory to mimic a bare PC."""

    directories: tuple[Path, ...]
    use_fontconfig: bool = True
    bundled_directories: tuple[Path, ...] = ()


@dataclass(frozen=True)
class FontChoice:
    """One entry of the settings page's font picker."""

    path: Path
    subfont_index: int
    family: str
    style: GlyphStyle
    usable: bool
    reason: str = ""

    @property
    def setting_value(self) -> str:
        """What to store in ``print_font_path`` to choose this font."""
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
        bundled_directories=(RESOURCE_FONT_DIRECTORY, _INSTALLED_RESOURCE_FONT_DIRECTORY),
    )


def parse_font_setting(value: str) -> tuple[Path, int]:
    """``/path/simsun.ttc#1`` chooses face 1 of a collection; a plain path means face 0."""
    text = value.strip()
    match = _TTC_INDEX_SUFFIX.match(text)
    if match and not Path(text).exists():
        return Path(match["path"]).expanduser(), int(match["index"])
    return Path(text).expanduser(), 0


def classify_family(family: str) -> GlyphStyle:
    """Guess a face's style from its family or file name (``AR PL UMing`` → 宋体)."""
    lowered = family.lower()
    for style, keywords in _STYLE_KEYWORDS:
        if any(keyword in lowered for keyword in keywords):
            return style
    return GlyphStyle.UNKNOWN


# --- loading -----------------------------------------------------------------------------

_lock = threading.RLock()
_loaded: dict[tuple[Path, int], RegisteredFont | SkippedFont] = {}
_chosen: dict[tuple[str, FontSearch], DocumentFonts] = {}
_discovered: dict[FontSearch, tuple[list[FontCandidate], list[SkippedFont]]] = {}


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
        if known is not None:
            if isinstance(known, RegisteredFont) and known.source != candidate.source:
                return RegisteredFont(
                    known.name,
                    known.family,
                    known.style,
                    candidate.source,
                    known.path,
                    known.subfont_index,
                    known.coverage,
                )
            return known
        outcome = _register_truetype(candidate)
        _loaded[key] = outcome
        if isinstance(outcome, SkippedFont):
            log.info("font skipped: %s#%d: %s", outcome.path, outcome.subfont_index, outcome.reason)
        else:
            log.info("font registered: %s as %s", candidate.path, outcome.name)
        return outcome


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
        return SkippedFont(path, index, f"无法读取文件（{error.strerror or error}）")
    if head == b"OTTO":
        return SkippedFont(path, index, "CFF（PostScript）轮廓的 OpenType 字体，ReportLab 无法嵌入")
    try:
        font = TTFont(_font_name(path, index), str(path), subfontIndex=index)
    except Exception as error:  # TTFError, struct errors on damaged files …
        return SkippedFont(path, index, f"不是可嵌入的 TrueType 字体（{error}）")
    coverage = frozenset(font.face.charToGlyph or {})
    missing = [character for character in PROBE_TEXT if ord(character) not in coverage]
    if missing:
        return SkippedFont(path, index, f"字体缺少常用汉字（如“{missing[0]}”），不是中文字体")
    pdfmetrics.registerFont(font)
    family = candidate.family
    face_family = getattr(font.face, "familyName", b"")
    if family == path.stem and isinstance(face_family, bytes) and face_family:
        family = face_family.decode("latin-1", "replace")
    return RegisteredFont(
        font.fontName, family, candidate.style, candidate.source, path, index, coverage
    )


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
                skipped.append(
                    SkippedFont(
                        path,
                        index,
                        f"{font_format or '未知'} 轮廓的字体，ReportLab 无法嵌入",
                        family,
                    )
                )
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
    for directory in directories:
        for path in sorted(_files_under(directory)):
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
        for item in skipped:
            log.info("font skipped: %s#%d: %s", item.path, item.subfont_index, item.reason)
        result = (ordered, skipped)
        _discovered[search] = result
        return result


def _best_for(
    preference: Sequence[GlyphStyle],
    candidates: Sequence[FontCandidate],
    skipped: list[SkippedFont],
) -> RegisteredFont | None:
    for source in (FontSource.SYSTEM, FontSource.BUNDLED):
        for style in preference:
            for candidate in candidates:
                if candidate.source is not source or candidate.style is not style:
                    continue
                outcome = _load_truetype(candidate)
                if isinstance(outcome, RegisteredFont):
                    return outcome
                if outcome not in skipped:
                    skipped.append(outcome)
    return None


def choose_document_fonts(
    preferred: str | os.PathLike[str] | None = None,
    search: FontSearch | None = None,
) -> DocumentFonts:
    """The fonts to print with, following the order in the module docstring; cached.

    ``preferred`` is the ``print_font_path`` setting's value; when it names a usable file that
    font plays every role, so what the administrator picked is what the paper shows.
    """
    search = search or default_font_search()
    preferred_text = "" if preferred is None else os.fspath(preferred).strip()
    cache_key = (preferred_text, search)
    with _lock:
        cached = _chosen.get(cache_key)
        if cached is not None:
            return cached
        fallback = built_in_font()
        skipped: list[SkippedFont] = []
        if preferred_text:
            path, index = parse_font_setting(preferred_text)
            if path.is_file():
                outcome = _load_truetype(
                    FontCandidate(
                        path, index, path.stem, classify_family(path.stem), FontSource.SETTING
                    )
                )
            else:
                outcome = SkippedFont(path, index, "设置中选定的字体文件在这台电脑上不存在")
            if isinstance(outcome, RegisteredFont):
                fonts = DocumentFonts(outcome, outcome, outcome, fallback, ())
                _chosen[cache_key] = fonts
                return fonts
            skipped.append(outcome)
            log.warning("configured print font not usable: %s (%s)", path, outcome.reason)
        candidates, discovery_skipped = discover_font_candidates(search)
        skipped.extend(discovery_skipped)
        body = _best_for(BODY_PREFERENCE, candidates, skipped)
        if body is None:
            log.warning("no embeddable Chinese TrueType font found; using %s", BUILT_IN_FONT_NAME)
            fonts = DocumentFonts(fallback, fallback, fallback, fallback, tuple(skipped))
        else:
            title = _best_for(TITLE_PREFERENCE, candidates, skipped) or body
            heading = _best_for(HEADING_PREFERENCE, candidates, skipped) or body
            fonts = DocumentFonts(title, body, heading, fallback, tuple(skipped))
        _chosen[cache_key] = fonts
        return fonts


def document_fonts_for(database: Database) -> DocumentFonts:
    """The fonts for this center's documents: its ``print_font_path`` setting, then discovery."""
    return choose_document_fonts(str(read_setting(database, PRINT_FONT_PATH) or ""))


def available_font_choices(search: FontSearch | None = None) -> list[FontChoice]:
    """What the settings page's font picker offers: usable fonts first, then skipped ones.

    Loading checks each file really embeds (a tenth of a second per large font), so call it
    off the GUI thread.
    """
    candidates, skipped = discover_font_candidates(search)
    choices: list[FontChoice] = []
    refused: list[FontChoice] = []
    for candidate in candidates:
        outcome = _load_truetype(candidate)
        if isinstance(outcome, RegisteredFont):
            choices.append(
                FontChoice(
                    candidate.path, candidate.subfont_index, outcome.family, candidate.style, True
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

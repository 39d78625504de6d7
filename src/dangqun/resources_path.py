"""Where the top-level ``resources/`` folder (theme, translations, icons, fonts) is at run time.

Deliberately free of Qt so the CLI, the printing code and tests can find resources too.

* Installed from a wheel (or frozen by PyInstaller with the package's data collected), the
  folder sits inside the package as ``dangqun/resources``: pyproject's hatch ``force-include``
  copies the repository's top-level ``resources/`` there.
* Running from a source checkout (``pip install -e``), the package is ``src/dangqun`` and the
  folder is the checkout's top-level ``resources/``, two levels up.

Nothing here knows about ``sys._MEIPASS``: asset paths tied to one freezer's internals break
the other ways of running the app (Vorta's lesson, STYLE.md).
"""

from __future__ import annotations

from pathlib import Path

_PACKAGE_DIRECTORY = Path(__file__).resolve().parent
_CANDIDATES = (
    _PACKAGE_DIRECTORY / "resources",  # wheel / frozen app
    _PACKAGE_DIRECTORY.parent.parent / "resources",  # source checkout: src/dangqun/../../resources
)


def resources_root() -> Path:
    """The first resources folder that exists; the wheel location wins over the checkout."""
    for candidate in _CANDIDATES:
        if candidate.is_dir():
            return candidate
    searched = "、".join(str(candidate) for candidate in _CANDIDATES)
    raise FileNotFoundError(f"找不到程序的资源文件夹（已查找：{searched}）。请重新安装 dangqun。")


def resource_path(*parts: str) -> Path:
    """``resource_path("i18n", "dangqun_zh_CN.qm")`` → the file's absolute path (may not exist)."""
    return resources_root().joinpath(*parts)

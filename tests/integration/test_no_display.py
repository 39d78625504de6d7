"""Without a usable display the window's command says why in Chinese and exits 1 (issue 11).

Before, Qt printed "could not load the Qt platform plugin" and aborted with exit code 134 and a
core dump. These run the real command in a process whose environment has no display.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from dangqun.app import QT_SYSTEM_PACKAGES, missing_library_help
from tests.cli_helpers import CLI

README = Path(__file__).resolve().parents[2] / "README.md"

pytestmark = pytest.mark.skipif(not sys.platform.startswith("linux"), reason="Linux displays")


def start_window(tmp_path: Path, **display: str) -> subprocess.CompletedProcess[str]:
    environment = {
        name: value
        for name, value in os.environ.items()
        if name not in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM")
    }
    environment.update(display)
    return subprocess.run(
        [*CLI, "--data-dir", str(tmp_path / "center")],
        env=environment,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )


@pytest.mark.slow
def test_no_display_is_explained_in_chinese_not_aborted(tmp_path: Path) -> None:
    result = start_window(tmp_path)

    assert result.returncode == 1
    assert "没有可用的图形显示" in result.stderr and "ssh -X" in result.stderr
    assert "Qt platform plugin" not in result.stderr + result.stdout
    assert not (tmp_path / "center").exists()  # nothing created or locked


@pytest.mark.slow
def test_an_unreachable_display_is_explained_too(tmp_path: Path) -> None:
    result = start_window(tmp_path, DISPLAY=":97")  # no X server answers there

    assert result.returncode == 1
    assert "无法连接到图形显示 :97" in result.stderr
    assert "could not" not in result.stderr


def test_a_missing_xcb_library_names_its_package_and_the_apt_line() -> None:
    message = missing_library_help(
        "libxcb-icccm.so.4: cannot open shared object file: No such file or directory"
    )

    assert "libxcb-icccm.so.4 没有安装（软件包 libxcb-icccm4）" in message
    assert f"sudo apt-get install {QT_SYSTEM_PACKAGES}" in message
    assert "软件包 libx11-xcb1" in missing_library_help("libX11-xcb.so.1: cannot open")


def test_the_readme_installs_every_package_the_message_names() -> None:
    readme = README.read_text(encoding="utf-8")
    apt_lines = re.findall(r"apt-get install ([^`\n]+)", readme)

    assert any(set(QT_SYSTEM_PACKAGES.split()) <= set(line.split()) for line in apt_lines)
    assert {"libxcb-icccm4", "libxcb-keysyms1"} <= set(QT_SYSTEM_PACKAGES.split())

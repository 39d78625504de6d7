"""系统设置 → 打印 → 核验密钥: an administrator exports and imports the key (issue 10).

The file and passphrase dialogs are replaced (a native dialog would block an offscreen run);
the export and import go through the real services, off the GUI thread.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from dangqun.bootstrap import Application
from dangqun.core.center import center_info
from dangqun.core.security import Actor, Role
from dangqun.core.users import create_user
from dangqun.printing.key_transfer import key_fingerprint, wrap_key
from dangqun.printing.verification import (
    load_or_create_verification_key,
    read_verification_key,
    verification_key_path,
)
from dangqun.ui.settings import printing_tab
from dangqun.ui.settings.page import SettingsPage
from dangqun.ui.settings.printing_tab import PrintingTab
from dangqun.ui.widgets import file_dialogs, message_boxes
from tests.ui.conftest import actor_of
from tests.ui.settings_support import make_page, settle

PASSPHRASE = "翠湖 safe drawer 2026"


@pytest.fixture
def shown(monkeypatch: pytest.MonkeyPatch) -> dict[str, list[str]]:
    said: dict[str, list[str]] = {"info": [], "error": [], "confirm": []}
    monkeypatch.setattr(message_boxes, "show_info", lambda _p, _t, text: said["info"].append(text))
    monkeypatch.setattr(
        message_boxes, "show_error", lambda _p, _t, text: said["error"].append(text)
    )
    monkeypatch.setattr(printing_tab, "ask_passphrase", lambda *_args: PASSPHRASE)
    return said


def printing(qtbot, application: Application, actor: Actor) -> tuple[SettingsPage, PrintingTab]:  # type: ignore[no-untyped-def]
    """The page (kept by the caller: the tab lives in it) and its 打印 tab, shown."""
    page = make_page(qtbot, application, actor)
    page.show_tab("printing")
    settle(qtbot)
    tab = page.tab("printing")
    assert isinstance(tab, PrintingTab)
    return page, tab


def test_administrator_exports_the_key(
    qtbot, application: Application, admin: Actor, tmp_path: Path, shown, monkeypatch
) -> None:  # type: ignore[no-untyped-def]
    key = load_or_create_verification_key(application.paths.keys)
    target = tmp_path / "center.dqkey"
    monkeypatch.setattr(file_dialogs, "save_file", lambda *_args, **_kw: target)
    _page, tab = printing(qtbot, application, admin)
    assert tab.ui.verificationKeyGroup.isVisibleTo(tab)
    tab.ui.exportKeyButton.click()
    settle(qtbot)
    assert shown["error"] == []
    assert key_fingerprint(key) in shown["info"][0]
    assert target.exists() and key.hex() not in target.read_text()


def test_importing_a_different_key_asks_first(
    qtbot, application: Application, admin: Actor, tmp_path: Path, shown, monkeypatch
) -> None:  # type: ignore[no-untyped-def]
    current = load_or_create_verification_key(application.paths.keys)
    incoming = os.urandom(32)
    source = tmp_path / "other.dqkey"
    source.write_bytes(wrap_key(incoming, PASSPHRASE, center_info(application.database).center_id))
    monkeypatch.setattr(file_dialogs, "open_file", lambda *_args: source)
    answers = [False, True]

    def confirm(_parent, _title, text, _label, details=""):  # type: ignore[no-untyped-def]
        shown["confirm"].append(text)
        return answers.pop(0)

    monkeypatch.setattr(message_boxes, "confirm", confirm)
    _page, tab = printing(qtbot, application, admin)
    key_path = verification_key_path(application.paths.keys)

    tab.ui.importKeyButton.click()
    settle(qtbot)
    assert "不能再用本机核验" in shown["confirm"][0]
    assert read_verification_key(key_path) == current  # declined: nothing changed

    tab.ui.importKeyButton.click()
    settle(qtbot)
    assert read_verification_key(key_path) == incoming
    assert key_fingerprint(incoming) in shown["info"][-1]


def test_staff_do_not_see_the_key_buttons(qtbot, application: Application, admin: Actor) -> None:  # type: ignore[no-untyped-def]
    create_user(application.database, admin, "liming", "李明", Role.STAFF, "password-123")
    _page, tab = printing(qtbot, application, actor_of(application, "liming"))
    assert not tab.ui.verificationKeyGroup.isVisibleTo(tab)

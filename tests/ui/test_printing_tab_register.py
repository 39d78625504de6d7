"""系统设置 → 打印 links the 文书登记簿 (issue 12): the register of issued documents is found where
the printing settings and the verification key are."""

from __future__ import annotations

from dangqun.bootstrap import Application
from dangqun.core.security import Actor
from dangqun.ui.dialogs.document_register_dialog import DocumentRegisterDialog
from dangqun.ui.settings.printing_tab import PrintingTab
from tests.ui.settings_support import make_page


def test_the_printing_tab_opens_the_document_register(
    qtbot, application: Application, admin: Actor
) -> None:  # type: ignore[no-untyped-def]
    page = make_page(qtbot, application, admin)
    page.show_tab("printing")
    tab = page.tab("printing")
    assert isinstance(tab, PrintingTab)
    button = tab.registerButton
    assert button.isVisible() and button.text() == "文书登记簿…"

    button.click()
    qtbot.waitUntil(lambda: tab.register_dialog.isVisible(), timeout=10_000)
    assert isinstance(tab.register_dialog, DocumentRegisterDialog)
    tab.register_dialog.close()

"""政治生日 dialog: a branch's own list and printout; the 所在党支部 column is never the one cut.

Issue 11: the dialog cut the 所在党支部 column while others had room, and had no branch filter.
"""

from __future__ import annotations

from collections import Counter
from typing import Any

import pytest
from PySide6.QtWidgets import QWidget

from dangqun.bootstrap import Application
from dangqun.core.security import Actor, system_actor
from dangqun.demo import generate_demo_data
from dangqun.members.service import organization_tree, political_birthdays
from dangqun.members.vocabulary import OrganizationLevel
from dangqun.ui.dialogs.political_birthdays_dialog import (
    BirthdayTableModel,
    PoliticalBirthdaysDialog,
)
from tests.ui.layout_checks import layout_problems
from tests.ui.members_support import WAIT_MS, make_context


@pytest.fixture
def demo_application(application: Application) -> Application:
    generate_demo_data(application.database, system_actor("测试"), 200, seed=7)
    return application


def busiest(application: Application, actor: Actor) -> tuple[int, int, str]:
    """The month with the most birthdays and the grid branch with the most of them."""
    months = {
        month: political_birthdays(application.database, actor, month) for month in range(1, 13)
    }
    month = max(months, key=lambda key: len(months[key]))
    branch_name, _count = Counter(p.branch_name for p in months[month]).most_common(1)[0]
    branch = next(
        node
        for node in organization_tree(application.database)
        if node.name == branch_name and node.level is OrganizationLevel.GRID_BRANCH
    )
    return month, branch.id, branch.name


@pytest.fixture
def window(qtbot) -> QWidget:
    """The main window's stand-in on a 1024×768 screen: the dialog's parent."""
    parent = QWidget()
    qtbot.addWidget(parent)
    parent.resize(1024, 768)
    return parent


def open_dialog(
    qtbot, window: QWidget, application: Application, actor: Actor, **options: Any
) -> PoliticalBirthdaysDialog:
    dialog = PoliticalBirthdaysDialog(make_context(application, actor), window, **options)
    dialog.show()
    qtbot.waitUntil(
        lambda: not dialog.loading and bool(dialog.ui.branchPicker.nodes), timeout=WAIT_MS
    )
    return dialog


def test_the_organization_picker_limits_the_list_to_that_branch(
    qtbot, window: QWidget, demo_application: Application, admin_actor: Actor
) -> None:
    month, branch_id, branch_name = busiest(demo_application, admin_actor)
    dialog = open_dialog(qtbot, window, demo_application, admin_actor, month=month)
    everyone = dialog.model.rowCount()
    assert dialog.ui.branchPicker.currentText() == "全部党组织"

    dialog.ui.branchPicker.set_organization_id(branch_id, notify=True)
    qtbot.waitUntil(
        lambda: not dialog.loading and dialog.model.rowCount() < everyone, timeout=WAIT_MS
    )

    expected = political_birthdays(
        demo_application.database, admin_actor, month, organization_id=branch_id
    )
    assert dialog.model.rowCount() == len(expected) > 0
    assert {person.branch_name for person in dialog.birthdays} == {branch_name}
    assert f"{len(expected):,}" in dialog.ui.countLabel.text()


def test_the_members_page_filter_is_where_the_dialog_starts_and_what_it_prints(
    qtbot,
    window: QWidget,
    demo_application: Application,
    admin_actor: Actor,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    month, branch_id, branch_name = busiest(demo_application, admin_actor)
    printed: list[tuple[str, Any]] = []
    monkeypatch.setattr(
        "dangqun.ui.print_preview.preview_pdf_job",
        lambda _parent, _state, title, job, *_rest: printed.append((title, job)),
    )
    dialog = open_dialog(
        qtbot,
        window,
        demo_application,
        admin_actor,
        month=month,
        organizations=organization_tree(demo_application.database),
        organization_id=branch_id,
    )
    assert dialog.ui.branchPicker.organization_id() == branch_id
    assert {person.branch_name for person in dialog.birthdays} == {branch_name}

    dialog.print_list()

    [(title, job)] = printed
    assert branch_name in title
    assert job.args[3:5] == ("political_birthdays", f"{dialog.year}-{month:02d}/{branch_id}")


@pytest.mark.parametrize("point_size", [13, 18])
def test_the_branch_column_shows_whole_names_at_1024x768(
    qtbot, window: QWidget, demo_application: Application, admin_actor: Actor, point_size: int, qapp
) -> None:
    from dangqun.ui.startup import DEFAULT_FONT_POINT_SIZE, apply_appearance

    apply_appearance(qapp, point_size)
    try:
        month, _branch_id, _name = busiest(demo_application, admin_actor)
        dialog = open_dialog(qtbot, window, demo_application, admin_actor, month=month)
        view = dialog.ui.birthdaysView
        qtbot.waitUntil(lambda: view.horizontalHeader().sectionSize(0) > 0, timeout=WAIT_MS)
        widest = max(
            view.fontMetrics().horizontalAdvance(person.organization_name)
            for person in dialog.birthdays
        )
        branch_width = view.horizontalHeader().sectionSize(BirthdayTableModel.BRANCH)
        problems = layout_problems(dialog)
        fits_the_window = dialog.frameGeometry().width() <= 1024
    finally:
        apply_appearance(qapp, DEFAULT_FONT_POINT_SIZE)
    assert widest + 8 <= branch_width
    assert not view.isColumnHidden(BirthdayTableModel.NAME)
    assert not view.isColumnHidden(BirthdayTableModel.PHONE)
    assert problems == []
    assert fits_the_window

"""``dangqun timebank balance`` as a real process on a real data directory (issue 13, "CLI")."""

from __future__ import annotations

import json
from datetime import time

from dangqun.bootstrap import open_application
from dangqun.timebank.service import (
    ReceivedKind,
    record_service,
    spend,
    verify_service_record,
)
from tests.cli_helpers import run_cli
from tests.conftest import actor_of
from tests.unit.timebank.conftest import NOW, category_id, open_resident, service_form


def _volunteer_with_history(paths) -> str:
    """ZY202600001: 2 h served and verified, 30 min spent, 1 h 15 min pending."""
    application = open_application(paths)
    try:
        database = application.database
        admin = actor_of(application, "admin")
        volunteer = open_resident(database, admin)
        category = category_id(database, admin)
        served = record_service(database, admin, service_form(volunteer, category), now=NOW)
        verify_service_record(database, admin, served.id, "v-1")
        spend(database, admin, volunteer, 30, ReceivedKind.SERVICE, "理发", "s-1")
        record_service(
            database,
            admin,
            service_form(volunteer, category, starts_at=time(14, 0), ends_at=time(15, 15)),
            now=NOW,
        )
    finally:
        application.close()
    return "ZY202600001"


def test_balance_prints_served_spendable_and_pending_in_words(initialized_paths):
    number = _volunteer_with_history(initialized_paths)
    result = run_cli(initialized_paths.root, "timebank", "balance", "--volunteer", number.lower())
    assert result.returncode == 0, result.stderr
    assert f"志愿者 {number} 刘桂兰（正常）" in result.stdout
    assert "已服务：2 小时（120 分钟）" in result.stdout
    assert "可  用：1 小时 30 分钟（90 分钟）" in result.stdout
    assert "待核实：1 小时 15 分钟（75 分钟）" in result.stdout


def test_balance_as_json_gives_integer_minutes(initialized_paths):
    number = _volunteer_with_history(initialized_paths)
    result = run_cli(initialized_paths.root, "timebank", "balance", "--volunteer", number, "--json")
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout) == {
        "volunteer": number,
        "name": "刘桂兰",
        "status": "active",
        "served_minutes": 120,
        "spendable_minutes": 90,
        "pending_minutes": 75,
    }


def test_an_unknown_number_and_a_missing_sign_in_are_refused(initialized_paths):
    unknown = run_cli(initialized_paths.root, "timebank", "balance", "--volunteer", "ZY209900001")
    assert unknown.returncode == 1
    assert "没有编号为“ZY209900001”的志愿者" in unknown.stderr
    anonymous = run_cli(
        initialized_paths.root, "timebank", "balance", "--volunteer", "ZY1", user=None
    )
    assert anonymous.returncode == 1 and "--user" in anonymous.stderr

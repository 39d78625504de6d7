"""``dangqun district report`` against real centers (issue 17, "Done means"): three centers set
up from the command line with demo data send their packages to a district made from the command
line, take the signed receipts back, and the district's report — JSON, PDF and Excel — gives
each center the figures its own database gives (members by kind and category, base visits, the
time bank's minutes). Refusals name the option in Chinese and exit 1."""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import openpyxl
import pytest

from dangqun.cli_kit import EXIT_FAILED, EXIT_OK
from tests.cli_helpers import run_cli, run_words
from tests.conftest import ADMIN_PASSWORD

CENTERS = (
    ("翠湖社区党群服务中心", "530102001001", 40),
    ("华山社区党群服务中心", "530102001002", 25),
    ("大观社区党群服务中心", "530102001003", 30),
)
PERIOD = "2026"


def ok(result: Any) -> str:
    assert result.returncode == EXIT_OK, result.stdout + result.stderr
    assert "Traceback" not in result.stderr
    return str(result.stdout)


@pytest.fixture(scope="module")
def district(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Path, list[Path]]]:
    root = tmp_path_factory.mktemp("district-report")
    db = root / "district.sqlite3"
    to_centers, usb, receipts = root / "to-centers", root / "usb", root / "receipts"
    for folder in (to_centers, usb, receipts):
        folder.mkdir()
    ok(
        run_words(
            "district",
            "init",
            "--db",
            str(db),
            "--name",
            "五华区委组织部",
            "--out",
            str(to_centers),
        )
    )
    (district_key,) = to_centers.glob("*.dqkey")
    centers = []
    for number, (name, code, members) in enumerate(CENTERS):
        data = root / f"center-{number}"
        ok(
            run_cli(
                data,
                "init",
                "--center-name",
                name,
                "--division-code",
                code,
                "--admin",
                "admin",
                "--admin-name",
                "王芳",
                "--password-stdin",
                user=None,
                stdin=ADMIN_PASSWORD + "\n",
            )
        )
        ok(run_cli(data, "demo", "--members", str(members), "--seed", str(number)))
        ok(run_cli(data, "sync", "keys", "--install-district", str(district_key)))
        public_key = ok(run_cli(data, "sync", "keys", "--show")).splitlines()[0].split("：", 1)[1]
        ok(run_words("district", "register-center", "--db", str(db), public_key))
        ok(run_cli(data, "sync", "export", "--out", str(usb)))
        centers.append(data)
    ok(run_words("district", "import", "--db", str(db), str(usb), "--receipt-out", str(receipts)))
    for data in centers:  # the packages go back acknowledged: the exchange both ways
        connection = sqlite3.connect(data / "dangqun.sqlite3")
        center_uuid = connection.execute("SELECT uuid FROM center").fetchone()[0]
        connection.close()
        (receipt,) = receipts.glob(f"receipt-{center_uuid[:8]}-*.dqrcpt")
        ok(run_cli(data, "sync", "receipt", str(receipt)))
    yield db, centers


def own_figures(data: Path) -> dict[str, Any]:
    """What the center's own database says, read with sqlite3 alone."""
    connection = sqlite3.connect(data / "dangqun.sqlite3")
    try:
        name = connection.execute("SELECT name FROM center").fetchone()[0]
        kinds = dict(
            connection.execute(
                "SELECT kind, count(*) FROM members WHERE status = 'active' GROUP BY kind"
            ).fetchall()
        )
        categories = dict(
            connection.execute(
                "SELECT category, count(*) FROM members WHERE status = 'active' GROUP BY category"
            ).fetchall()
        )
        visits = {
            kind: {"visits": visits, "people": people}
            for kind, visits, people in connection.execute(
                "SELECT o.org_type, count(*), sum(coalesce(b.actual_headcount, 0))"
                " FROM bases_bookings b JOIN bases_organizations o ON o.id = b.organization_id"
                " WHERE b.status IN ('checked_in', 'completed')"
                " AND b.on_date BETWEEN '2026-01-01' AND '2026-12-31' GROUP BY o.org_type"
            )
        }
        earned = -connection.execute(
            "SELECT coalesce(sum(e.amount), 0) FROM timebank_entries e"
            " JOIN timebank_accounts a ON a.id = e.account_id"
            " WHERE a.kind = 'issuance' AND e.booked_on BETWEEN '2026-01-01' AND '2026-12-31'"
        ).fetchone()[0]
    finally:
        connection.close()
    return {
        "name": name,
        "kinds": kinds,
        "categories": categories,
        "visits": visits,
        "earned": earned,
    }


@pytest.mark.slow  # three centers with demo data, about thirty processes
def test_the_report_gives_each_center_the_figures_of_its_own_database(
    district: tuple[Path, list[Path]], tmp_path: Path
) -> None:
    db, centers = district
    out = tmp_path / "R.pdf"
    payload = json.loads(
        ok(
            run_words(
                "district",
                "report",
                "--db",
                str(db),
                "--period",
                PERIOD,
                "--out",
                str(out),
                "--json",
            )
        )
    )
    assert out.is_file() and out.read_bytes().startswith(b"%PDF")
    by_name = {center["name"]: center for center in payload["centers"]}
    assert set(by_name) == {name for name, _code, _members in CENTERS}
    for data in centers:
        own = own_figures(data)
        figures = by_name[own["name"]]
        assert {k: v for k, v in figures["members"]["by_kind"].items() if v} == own["kinds"]
        assert {k: v for k, v in figures["members"]["by_category"].items() if v} == own[
            "categories"
        ]
        assert figures["base_visits"] == own["visits"]
        assert figures["timebank"]["earned"] == own["earned"]
    total = payload["total"]["members"]["total"]
    assert total == sum(sum(own_figures(data)["kinds"].values()) for data in centers)


@pytest.mark.slow  # shares the three centers above
def test_the_excel_report_and_the_refusals(
    district: tuple[Path, list[Path]], tmp_path: Path
) -> None:
    db, _centers = district
    out = tmp_path / "R.xlsx"
    stdout = ok(
        run_words("district", "report", "--db", str(db), "--period", "2026-Q4", "--out", str(out))
    )
    assert "2026年第四季度统计报表" in stdout
    book = openpyxl.load_workbook(out)
    assert len(list(book["党员情况"].iter_rows(min_row=2))) == len(CENTERS) + 1

    for arguments, option in (
        (("--period", "2026-Q5", "--out", str(out)), "--period"),
        (("--period", "2026", "--out", str(tmp_path / "R.docx")), "--out"),
        (("--period", "2026", "--out", str(tmp_path / "missing" / "R.pdf")), "--out"),
    ):
        result = run_words("district", "report", "--db", str(db), *arguments)
        assert result.returncode == EXIT_FAILED, result.stderr
        assert option in result.stderr and "Traceback" not in result.stderr

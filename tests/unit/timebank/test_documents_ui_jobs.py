"""The print buttons' jobs (ui/timebank/print_actions.py) run off the GUI thread with plain
values: the certificate they print is the one ``dangqun timebank certificate`` prints (same
canonical id, so the register counts a re-print, not a second certificate), and an activity's
job issues one certificate per verified volunteer."""

from __future__ import annotations

from datetime import date

import pytest

from dangqun.printing.register import list_documents
from dangqun.timebank.documents.volunteer_certificate import activity_certificates_pdf
from dangqun.ui.timebank.print_actions import CERTIFICATE_KIND, STATEMENT_KIND, volunteer_pdf
from tests.conftest import requires_poppler
from tests.unit.timebank.test_documents import _activity, history  # noqa: F401  (fixture)

pytestmark = requires_poppler


def test_the_certificate_button_reprints_the_registered_certificate(
    application,
    admin,
    history,  # noqa: F811  (the fixture imported above)
):
    database, keys = application.database, application.paths.keys
    one, _two = history
    for _ in range(2):
        pdf = volunteer_pdf(database, keys, admin, CERTIFICATE_KIND, one, None, None, "证明")
        assert pdf.startswith(b"%PDF")
    [entry] = list_documents(database, admin, CERTIFICATE_KIND)
    assert entry.subject_key == "ZY202600001" and entry.reprint_count == 1
    statement = volunteer_pdf(
        database, keys, admin, STATEMENT_KIND, one, date(2026, 10, 1), date(2026, 10, 31), "存折"
    )
    assert statement.startswith(b"%PDF")


def test_the_activity_button_issues_one_certificate_per_verified_volunteer(
    application, admin, database
):
    batch_uuid, _volunteers = _activity(database, admin)
    done: list[tuple[int, int | None]] = []
    pdf = activity_certificates_pdf(
        database, application.paths.keys, admin, batch_uuid, "证明",
        lambda count, total: done.append((count, total)),
    )  # fmt: skip
    assert pdf.startswith(b"%PDF") and done[-1] == (2, 2)
    assert len(list_documents(database, admin, CERTIFICATE_KIND)) == 2
    with pytest.raises(Exception, match="还没有已核实的服务记录"):
        activity_certificates_pdf(database, application.paths.keys, admin, "no-such-batch", "x")

"""Batches: many documents into one PDF, streamed, with progress; cancel leaves no file."""

from __future__ import annotations

import dataclasses
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest

from dangqun.printing.batch import PrintCancelled, PrintFailed, render_to_bytes, render_to_file
from dangqun.printing.page_kit import PrintContext
from dangqun.printing.registry import sample_plan
from dangqun.printing.service import render_documents
from dangqun.timebank.documents.volunteer_certificate import (
    VolunteerCertificateData,
    build_volunteer_certificate,
    sample_volunteer_certificate,
)
from tests.conftest import requires_poppler
from tests.unit.printing.pdf_tools import compact_text, pdf_info


def certificates(context: PrintContext, count: int) -> Iterator[VolunteerCertificateData]:
    sample = sample_volunteer_certificate(context)
    for number in range(1, count + 1):
        yield dataclasses.replace(
            sample,
            certificate_number=f"ZYZM-2026-{number:06d}",
            volunteer_name=f"志愿者{number}号",
            service_minutes=30 * number,
        )


@pytest.mark.slow
@requires_poppler
def test_fifty_certificates_in_one_pdf_with_progress(context: PrintContext, tmp_path: Path) -> None:
    reports: list[tuple[int, int | None]] = []
    path = tmp_path / "batch.pdf"
    summary = render_documents(
        "volunteer_certificate",
        certificates(context, 50),
        context,
        path,
        total=50,
        progress=lambda done, total: reports.append((done, total)),
    )
    assert summary.documents == 50 and summary.pages == 50
    assert reports[0] == (1, 50) and reports[-1] == (50, 50)
    assert pdf_info(path).pages == 50
    text = compact_text(path)
    assert "ZYZM-2026-000050" in text and "志愿者37号" in text


def test_documents_are_built_only_when_the_layout_reaches_them(context: PrintContext) -> None:
    built: list[int] = []
    laid_out: list[int] = []

    def lazily() -> Iterator[VolunteerCertificateData]:
        for number, data in enumerate(certificates(context, 5), 1):
            built.append(number)
            assert len(built) <= len(laid_out) + 1, "more than one document ahead"
            yield data

    render_to_bytes(
        (build_volunteer_certificate(data, context) for data in lazily()),
        context,
        progress=lambda done, _total: laid_out.append(done),
    )
    assert built == [1, 2, 3, 4, 5]
    assert laid_out == [1, 2, 3, 4, 5]


def test_cancel_stops_the_batch_and_leaves_no_file(context: PrintContext, tmp_path: Path) -> None:
    cancel = threading.Event()
    done: list[int] = []

    def progress(count: int, _total: int | None) -> None:
        done.append(count)
        if count == 7:
            cancel.set()

    path = tmp_path / "cancelled.pdf"
    with pytest.raises(PrintCancelled):
        render_documents(
            "volunteer_certificate",
            certificates(context, 200),
            context,
            path,
            total=200,
            progress=progress,
            cancel=cancel,
        )
    assert max(done) == 7
    assert not path.exists()
    assert list(tmp_path.iterdir()) == [], "no temporary file left behind"


def test_a_failing_document_leaves_no_file(context: PrintContext, tmp_path: Path) -> None:
    def broken() -> Iterator[VolunteerCertificateData]:
        yield from certificates(context, 3)
        raise ValueError("database went away")

    path = tmp_path / "broken.pdf"
    with pytest.raises(PrintFailed, match="database went away"):
        render_documents("volunteer_certificate", broken(), context, path)
    assert list(tmp_path.iterdir()) == []


def test_existing_file_is_kept_when_a_batch_is_cancelled(
    context: PrintContext, tmp_path: Path
) -> None:
    path = tmp_path / "certificates.pdf"
    path.write_bytes(b"%PDF- the earlier, complete batch")
    cancel = threading.Event()
    cancel.set()
    with pytest.raises(PrintCancelled):
        render_documents(
            "volunteer_certificate", certificates(context, 3), context, path, cancel=cancel
        )
    assert path.read_bytes() == b"%PDF- the earlier, complete batch"


def test_nothing_to_print_is_refused(context: PrintContext, tmp_path: Path) -> None:
    with pytest.raises(PrintFailed, match="没有可打印"):
        render_documents("volunteer_certificate", [], context, tmp_path / "empty.pdf")
    assert list(tmp_path.iterdir()) == []


@requires_poppler
def test_each_document_of_a_mixed_batch_numbers_its_own_pages(
    context: PrintContext, tmp_path: Path
) -> None:
    kinds = ("minutes", "volunteer_certificate", "time_statement", "member_roster")
    alone = []
    for kind in kinds:
        single = tmp_path / f"{kind}.pdf"
        render_to_file([sample_plan(kind, context)], context, single)
        alone.append(pdf_info(single).pages)
    assert max(alone) > 1, "the batch must hold a document of several pages"
    path = tmp_path / "mixed.pdf"
    render_to_file([sample_plan(kind, context) for kind in kinds], context, path)
    text = compact_text(path)
    # Each document counts its own pages ("第2页共3页"), never the batch's (a certificate,
    # one page of its own, carries no page number at all).
    for pages in set(alone) - {1}:
        documents = alone.count(pages)
        assert text.count(f"共{pages}页") == documents * pages, (pages, alone)
    assert pdf_info(path).pages == sum(alone)

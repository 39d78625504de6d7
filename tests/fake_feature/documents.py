"""A one-paragraph document kind with a loader, printed through the real engine."""

from dataclasses import dataclass

from sqlalchemy import select

from dangqun.core.db import Database
from dangqun.core.errors import NotFound
from dangqun.printing.kinds import DocumentKind, integer_id
from dangqun.printing.page_kit import DocumentPlan, PageLayout, PrintContext, paragraph
from tests.fake_feature.models import FakeNote


@dataclass(frozen=True)
class FakeSlipData:
    text: str


def build_fake_slip(data: FakeSlipData, context: PrintContext) -> DocumentPlan:
    styles = context.styles
    return DocumentPlan(
        "fake_slip",
        "测试便条",
        PageLayout.PORTRAIT,
        [
            paragraph("测试便条", styles.title, context.fonts),
            paragraph(data.text, styles.body, context.fonts),
        ],
    )


def sample_fake_slip(_context: PrintContext) -> FakeSlipData:
    return FakeSlipData("样张便条")


def load_fake_slip(database: Database, record_id: str, _context: PrintContext) -> FakeSlipData:
    with database.reading() as session:
        text = session.scalar(
            select(FakeNote.text).where(FakeNote.id == integer_id(record_id, "便条编号"))
        )
    if text is None:
        raise NotFound(f"没有编号为 {record_id} 的便条。")
    return FakeSlipData(text)


DOCUMENT_KINDS = (
    DocumentKind(
        "fake_slip",
        "测试便条",
        FakeSlipData,
        build_fake_slip,
        sample_fake_slip,
        load=load_fake_slip,
        id_meaning="便条编号",
    ),
)

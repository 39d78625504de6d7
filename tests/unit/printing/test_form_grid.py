"""Form grids: a value marked one-line never wraps (a masked ID number split before its last
``*`` reads as another number), and is set smaller only as far as it must (issue 12)."""

from __future__ import annotations

from pathlib import Path

from dangqun.printing.batch import render_to_file
from dangqun.printing.page_kit import DocumentPlan, FormField, PageLayout, PrintContext, form_grid
from tests.unit.printing.pdf_tools import pdf_lines

MASKED_ID = "5304**************"


def _grid_pdf(context: PrintContext, path: Path, one_line: bool) -> Path:
    fields = [
        FormField("组织关系所在党组织", "昆明市公交集团党委"),
        FormField("公民身份号码", MASKED_ID, one_line=one_line),
        FormField("联系电话", "*******0614", one_line=one_line),
    ]
    # The receipt's stub: its longest label leaves the value cells too narrow at 小四.
    width = context.layout(PageLayout.SLIP).frame_width
    plan = DocumentPlan("grid", "grid", PageLayout.SLIP, [form_grid(fields, context, width)])
    render_to_file([plan], context, path)
    return path


def test_a_one_line_value_stays_on_one_line(context: PrintContext, tmp_path: Path) -> None:
    wrapped = _grid_pdf(context, tmp_path / "wrapped.pdf", one_line=False)
    assert MASKED_ID not in [line.text for line in pdf_lines(wrapped)]  # the case being fixed

    fitted = _grid_pdf(context, tmp_path / "fitted.pdf", one_line=True)
    texts = [line.text for line in pdf_lines(fitted)]
    assert any(MASKED_ID in text for text in texts)
    assert "*" not in [text.strip() for text in texts]

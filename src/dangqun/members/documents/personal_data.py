"""Personal data on the members module's printouts: masked by the loader, then by the print.

The loaders read through the members module as the printing user may see the records, so a
工作人员 gets masked values whatever the print context says; the builder then applies the print's
own decision (an 管理员 prints masked unless full data was asked for and audited). A value the
loader already masked is printed as the screen shows it: it is never masked a second time (a
mask of asterisks is no input for another mask) and can never be unmasked.
"""

from __future__ import annotations

from dangqun.core.errors import PermissionDenied
from dangqun.core.privacy import MASK, PersonalField, shown_if
from dangqun.core.security import Actor
from dangqun.printing.page_kit import PrintContext


def printed(personal_field: PersonalField, value: str, full: bool) -> str:
    """``value`` as the document prints it: masked already, in full, or masked now."""
    if MASK in value:
        return value
    return shown_if(personal_field, value, full)


def reading_actor(context: PrintContext, document: str) -> Actor:
    """Who the document is read for; a context without one cannot read records."""
    if context.actor is None:
        raise PermissionDenied(
            f"{document}按当前用户的权限读取，请通过 print_context_for 取得打印上下文。"
        )
    return context.actor

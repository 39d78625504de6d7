"""Figures as the UI shows them: grouped counts and the captions under the member figures,
written once for the home page cards of every module.

Each caption is one short line per part ("正式党员 90,306" / "预备党员 6,626"), so a card never
breaks a phrase in the middle; parts that are zero and say nothing are left out.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QLocale

from dangqun.members.queries import MemberOverview
from dangqun.members.vocabulary import MemberCategory, MemberKind, MemberStatus, OrganizationLevel


def format_count(value: int) -> str:
    """``96,932``: digit grouping by the UI locale, as on the district's printed statistics."""
    return QLocale().toString(value)


def category_caption(overview: MemberOverview) -> str:
    return "\n".join(
        (
            QCoreApplication.translate("Figures", "Full {count}").format(
                count=format_count(overview.category(MemberCategory.FULL))
            ),
            QCoreApplication.translate("Figures", "Probationary {count}").format(
                count=format_count(overview.category(MemberCategory.PROBATIONARY))
            ),
        )
    )


def organizations_caption(overview: MemberOverview) -> str:
    return "\n".join(
        (
            QCoreApplication.translate("Figures", "Grid branches {count}").format(
                count=format_count(overview.level(OrganizationLevel.GRID_BRANCH))
            ),
            QCoreApplication.translate("Figures", "Building groups {count}").format(
                count=format_count(overview.level(OrganizationLevel.BUILDING_GROUP))
            ),
        )
    )


def floating_caption(overview: MemberOverview) -> str:
    return "\n".join(
        (
            QCoreApplication.translate("Figures", "Came in {count}").format(
                count=format_count(overview.kind(MemberKind.FLOATING_IN))
            ),
            QCoreApplication.translate("Figures", "Went out {count}").format(
                count=format_count(overview.kind(MemberKind.FLOATING_OUT))
            ),
        )
    )


def left_register_caption(overview: MemberOverview) -> str:
    """Who is on file but no longer in the register; "all in the register" when nobody."""
    parts = []
    for status, text in (
        (
            MemberStatus.TRANSFERRED_OUT,
            QCoreApplication.translate("Figures", "Transferred out {count}"),
        ),
        (MemberStatus.DECEASED, QCoreApplication.translate("Figures", "Deceased {count}")),
        (MemberStatus.LEFT, QCoreApplication.translate("Figures", "Left the party {count}")),
    ):
        if overview.status(status):
            parts.append(text.format(count=format_count(overview.status(status))))
    if not parts and overview.total_records:
        return QCoreApplication.translate("Figures", "Everyone on file is in the register")
    return "\n".join(parts)

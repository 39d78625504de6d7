"""Every mapped table, imported once so Alembic and the checks see the whole schema.

Feature invariants (rules for ``dangqun check``) are listed here too but imported only when a
check runs: they pull in validation code that a normal start-up does not need.
"""

import importlib

import dangqun.printing  # noqa: F401  (registers its audit action labels; imports no ReportLab)
from dangqun.core import audit, center, model_base, settings, users
from dangqun.members import models as member_models

metadata = model_base.Base.metadata

FEATURE_INVARIANT_MODULES = ("dangqun.members.invariants",)


def load_feature_invariants() -> None:
    for module in FEATURE_INVARIANT_MODULES:
        importlib.import_module(module)


__all__ = [
    "audit",
    "center",
    "load_feature_invariants",
    "member_models",
    "metadata",
    "settings",
    "users",
]

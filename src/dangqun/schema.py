"""The whole schema: core tables plus every registered feature's models.

Alembic (``migrations/env.py``), ``dangqun check`` and the tests import this module to see every
mapped table; the features are found through :mod:`dangqun.features`, never named here. Feature
invariants (rules for ``dangqun check``) are imported only when a check runs: they pull in
validation code that a normal start-up does not need.
"""

from dangqun import features
from dangqun.core import audit, center, model_base, settings, users

features.import_models()
audit.register_action_labels(features.audit_action_labels())

metadata = model_base.Base.metadata


def load_feature_invariants() -> None:
    features.load_invariants()


__all__ = ["audit", "center", "load_feature_invariants", "metadata", "settings", "users"]

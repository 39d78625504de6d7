"""Every mapped table, imported once so Alembic and the checks see the whole schema."""

from dangqun.core import audit, center, model_base, settings, users
from dangqun.members import models as member_models

metadata = model_base.Base.metadata

__all__ = ["audit", "center", "member_models", "metadata", "settings", "users"]

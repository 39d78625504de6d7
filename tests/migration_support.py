"""Running one Alembic command on a real engine, as the migration tests do for old schemas."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from alembic.config import Config
from sqlalchemy.engine import Engine

from dangqun import migrations


def run_alembic(engine: Engine, action: Callable[[Config, str], Any], revision: str) -> None:
    """``action`` (``alembic.command.upgrade`` or ``downgrade``) to ``revision`` on ``engine``."""
    config = Config()
    config.set_main_option("script_location", str(Path(migrations.__file__).parent))
    with engine.begin() as connection:
        config.attributes["connection"] = connection
        action(config, revision)

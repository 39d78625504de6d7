"""Schema migrations (Alembic), shipped inside the package and run at start-up.

Revision ids are the four-digit prefixes of the files in ``versions/`` (``0001_foundation.py``
has revision ``"0001"``), so the set of revisions this build knows is read from file names
without importing Alembic; start-up only pays for Alembic when there is something to upgrade.
A database stamped with a revision not in that set was written by a newer dangqun and is
refused (OpenLP does the same), never migrated down.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from sqlalchemy import Engine

VERSIONS_DIRECTORY = Path(__file__).with_name("versions")
_REVISION_FILE = re.compile(r"^(\d{4})_[a-z0-9_]+\.py$")


def known_revisions() -> list[str]:
    """Revisions this build can read, oldest first."""
    found = (_REVISION_FILE.match(path.name) for path in VERSIONS_DIRECTORY.iterdir())
    return sorted(match.group(1) for match in found if match)


def head_revision() -> str:
    return known_revisions()[-1]


def upgrade_to_head(engine: Engine) -> None:
    from alembic import command
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", str(Path(__file__).parent))
    with engine.begin() as connection:
        config.attributes["connection"] = connection
        command.upgrade(config, "head")

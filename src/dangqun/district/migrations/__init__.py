"""The district database's Alembic chain: separate from the center's (own folder, own version
table ``district_alembic_version``), so neither program ever migrates the other's database.

Revisions are ``versions/dNNNN_name.py`` with revision id ``dNNNN``. A district database stamped
with a revision this build does not know was written by a newer dangqun and is refused, as the
center refuses a newer center database.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from sqlalchemy import Connection

VERSIONS_DIRECTORY = Path(__file__).with_name("versions")
VERSION_TABLE = "district_alembic_version"
_REVISION_FILE = re.compile(r"^(d\d{4})_[a-z0-9_]+\.py$")


def known_revisions() -> list[str]:
    """The district revisions this build can read, oldest first."""
    found = (_REVISION_FILE.match(path.name) for path in VERSIONS_DIRECTORY.iterdir())
    return sorted(match.group(1) for match in found if match)


def head_revision() -> str:
    return known_revisions()[-1]


def upgrade_to_head(connection: Connection) -> None:
    """Bring the district schema to this build's head inside the caller's transaction."""
    upgrade(connection, "head")


def upgrade(connection: Connection, revision: str) -> None:
    """Bring the district schema to ``revision`` (tests of a revision's data step start from
    the one before it) inside the caller's transaction."""
    from alembic import command
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", str(Path(__file__).parent))
    config.set_main_option("path_separator", "os")
    config.set_main_option("version_locations", str(VERSIONS_DIRECTORY))
    config.attributes["connection"] = connection
    command.upgrade(config, revision)

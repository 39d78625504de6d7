"""Schema migrations (Alembic), shipped inside the package and run at start-up.

Revision ids are the four-digit prefixes of the files in ``versions/`` (``0001_foundation.py``
has revision ``"0001"``) and in the migration folder each feature declares
(:attr:`dangqun.core.feature_kit.Feature.migrations`): one linear chain across the folders, each
revision's ``down_revision`` the previous number. The set of revisions this build knows is read
from file names without importing Alembic; start-up only pays for Alembic when there is something to upgrade.
A database stamped with a revision not in that set was written by a newer dangqun and is
refused (OpenLP does the same), never migrated down.
"""

from __future__ import annotations

import os
import re
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from sqlalchemy import Engine

VERSIONS_DIRECTORY = Path(__file__).with_name("versions")
_REVISION_FILE = re.compile(r"^(\d{4})_[a-z0-9_]+\.py$")


def known_revisions() -> list[str]:
    """Revisions this build can read, oldest first."""
    from dangqun.features import migration_directories

    found = (
        _REVISION_FILE.match(path.name)
        for folder in migration_directories()
        for path in folder.iterdir()
    )
    return sorted(match.group(1) for match in found if match)


def head_revision() -> str:
    return known_revisions()[-1]


def upgrade_to_head(engine: Engine) -> None:
    from alembic import command
    from alembic.config import Config

    from dangqun.features import migration_directories

    config = Config()
    config.set_main_option("script_location", str(Path(__file__).parent))
    # Alembic splits version_locations on the OS path separator (';' on Windows, ':' elsewhere).
    config.set_main_option("path_separator", "os")
    config.set_main_option(
        "version_locations", os.pathsep.join(str(folder) for folder in migration_directories())
    )
    with engine.begin() as connection:
        config.attributes["connection"] = connection
        command.upgrade(config, "head")

"""The center's signing key is made by the first run (issue 16: "created at init"), owner-only."""

from __future__ import annotations

import stat

from dangqun.bootstrap import initialize_center, open_application
from dangqun.core.paths import DataPaths
from dangqun.sync.crypto import CENTER_SIGNING_KEY_FILE, read_signing_key
from tests.conftest import CENTER_ANSWERS


def test_the_first_run_makes_the_signing_key_owner_only(data_paths: DataPaths) -> None:
    application = open_application(data_paths)
    try:
        initialize_center(application.database, CENTER_ANSWERS, data_paths.keys)
    finally:
        application.close()
    key_file = data_paths.keys / CENTER_SIGNING_KEY_FILE
    assert stat.S_IMODE(key_file.stat().st_mode) == 0o600
    assert stat.S_IMODE(data_paths.keys.stat().st_mode) == 0o700
    assert read_signing_key(key_file).public_key() is not None


def test_a_keys_folder_that_cannot_be_written_does_not_stop_the_first_run(
    data_paths: DataPaths,
) -> None:
    application = open_application(data_paths)
    data_paths.keys.mkdir(exist_ok=True)
    blocker = data_paths.keys / CENTER_SIGNING_KEY_FILE
    blocker.mkdir()  # a folder where the key file belongs: the key cannot be written
    try:
        info = initialize_center(application.database, CENTER_ANSWERS, data_paths.keys)
    finally:
        application.close()
    assert info.name == CENTER_ANSWERS.center_name

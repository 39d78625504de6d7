"""Log files: appended to during a run, rotated at start once large, five old ones kept."""

from __future__ import annotations

import logging
import re

import pytest

from dangqun.core.logging_setup import KEPT_OLD_FILES, ROTATE_AT_BYTES, configure_logging


@pytest.fixture(autouse=True)
def restore_root_logger():
    root = logging.getLogger()
    handlers, level = list(root.handlers), root.level
    yield
    for handler in list(root.handlers):
        if handler not in handlers:
            root.removeHandler(handler)
            handler.close()
    root.setLevel(level)


def test_messages_are_appended_to_the_log_file(tmp_path):
    path = configure_logging(tmp_path)
    logging.getLogger("dangqun.test").info("第一次启动")
    configure_logging(tmp_path)  # a second start appends, it does not truncate
    logging.getLogger("dangqun.test").warning("第二次启动")

    text = path.read_text("utf-8")
    assert "INFO dangqun.test: 第一次启动" in text and "WARNING dangqun.test: 第二次启动" in text


def test_a_large_log_is_rotated_at_start_and_only_five_old_files_are_kept(tmp_path):
    for generation in range(KEPT_OLD_FILES + 2):
        (tmp_path / "dangqun.log").write_bytes(b"%d\n" % generation * (ROTATE_AT_BYTES // 2))
        configure_logging(tmp_path)

    names = sorted(path.name for path in tmp_path.iterdir())
    assert names == ["dangqun.log", *[f"dangqun.log.{n}" for n in range(1, KEPT_OLD_FILES + 1)]]
    assert (tmp_path / "dangqun.log").stat().st_size == 0  # this run's, fresh
    assert (tmp_path / "dangqun.log.1").read_bytes().startswith(b"%d\n" % (KEPT_OLD_FILES + 1))
    assert (tmp_path / "dangqun.log.5").read_bytes().startswith(b"2\n")


def test_a_small_log_is_kept(tmp_path):
    (tmp_path / "dangqun.log").write_text("昨天的记录\n", "utf-8")
    configure_logging(tmp_path)
    assert (tmp_path / "dangqun.log").read_text("utf-8") == "昨天的记录\n"
    assert not (tmp_path / "dangqun.log.1").exists()


def test_no_id_number_or_phone_reaches_the_log_file(tmp_path):
    """Issue 10: whatever a message or a traceback quotes, the file gets a redacted copy."""
    path = configure_logging(tmp_path)
    number, phone = "53010219850615123X", "13812345678"
    try:
        raise ValueError(f"bad row: {number} {phone}")
    except ValueError:
        logging.getLogger("dangqun.test").exception(
            "import of %s failed [parameters: (%r, %r)]", "roster.xlsx", number, phone
        )

    text = path.read_text("utf-8")
    assert "import of roster.xlsx failed [parameters hidden]" in text
    assert "ValueError: bad row: **************123X *******5678" in text
    assert not re.search(r"\d{17}[\dXx]", text) and not re.search(r"1\d{10}", text)

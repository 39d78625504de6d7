"""Fixtures shared by every test: real data directories with a real SQLite file, one font, poppler.

Creating the first administrator hashes a password with scrypt (~0.1 s), so the center is
initialised once per session (:class:`PreparedCenters`) and every test that needs a center gets
a fresh *copy* of that SQLite file in its own data directory (made with SQLite's backup API),
opened through the real :func:`open_application`. A test marked ``demo_members(count)`` gets a
copy of a center that also holds that many demo members, generated once a session.

Printing tests set their text in one named font, never "whichever Chinese font this machine lists
first" (Droid Sans Fallback, for one, has no ASCII digits), and a test that reads a PDF back with
poppler's tools is skipped with a reason on a machine without them.
"""

from __future__ import annotations

import os
import shutil
import sqlite3
import subprocess
from collections.abc import Iterator
from functools import cache
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from sqlalchemy import select

from dangqun.bootstrap import (
    Application,
    FirstRunAnswers,
    initialize_center,
    open_application,
)
from dangqun.core.paths import DataPaths
from dangqun.core.security import Actor, Role, system_actor
from dangqun.core.users import User, create_user
from dangqun.demo import generate_demo_data

ADMIN_PASSWORD = "correct-horse-9"
CENTER_ANSWERS = FirstRunAnswers(
    center_name="翠湖社区党群服务中心",
    division_code="530102001001",
    admin_username="admin",
    admin_display_name="王芳",
    admin_password=ADMIN_PASSWORD,
    feature_setup=False,  # the tests build their trees from the 街道党工委 down
)

POPPLER_TOOLS = ("pdffonts", "pdfinfo", "pdftotext")
requires_poppler = pytest.mark.skipif(
    not all(shutil.which(tool) for tool in POPPLER_TOOLS),
    reason=f"poppler-utils ({', '.join(POPPLER_TOOLS)}) not installed: the PDF cannot be read back",
)
"""Mark every test that reads a PDF back with poppler's tools."""

requires_poppler_data = pytest.mark.skipif(
    not any(
        (Path(prefix) / "poppler" / "cMap" / "Adobe-GB1").is_dir()
        for prefix in ("/usr/share", "/usr/local/share")
    ),
    reason="poppler-data not installed: poppler cannot list a PDF's built-in Chinese (CID) font",
)
"""Mark a test that reads back ReportLab's built-in CID font (Adobe-GB1) with poppler."""

TEST_FONT_FAMILY = "WenQuanYi Micro Hei"
TEST_FONT_FILE = Path("/usr/share/fonts/truetype/wqy/wqy-microhei.ttc")
"""The Chinese TrueType font the tests print with (Debian's fonts-wqy-microhei; .ci/run installs
it): it has CJK, ASCII digits and Latin letters, and ReportLab embeds it."""


@cache
def find_test_font() -> Path | None:
    """Where this machine keeps :data:`TEST_FONT_FAMILY`, asked of fontconfig by name."""
    if TEST_FONT_FILE.is_file():
        return TEST_FONT_FILE
    fc_list = shutil.which("fc-list")
    if fc_list is None:
        return None
    listing = subprocess.run(
        [fc_list, "--format", "%{file}\n", f"{TEST_FONT_FAMILY}:fontformat=TrueType"],
        capture_output=True,
        text=True,
        check=False,
    ).stdout
    files = sorted(Path(line) for line in listing.splitlines() if line.strip())
    return files[0] if files else None


@pytest.fixture(scope="session")
def chinese_font() -> Path:
    """The font file of :data:`TEST_FONT_FAMILY`, or the test is skipped saying what to install."""
    found = find_test_font()
    if found is None:
        pytest.skip(
            f"the test font {TEST_FONT_FAMILY} ({TEST_FONT_FILE.name}, Debian package "
            "fonts-wqy-microhei, installed by .ci/run) is not on this machine"
        )
    return found


@pytest.fixture
def data_paths(tmp_path: Path) -> DataPaths:
    return DataPaths(tmp_path / "data")


@pytest.fixture
def empty_application(data_paths: DataPaths) -> Iterator[Application]:
    """An opened data directory with the schema but no center yet."""
    application = open_application(data_paths)
    yield application
    application.close()


def pytest_configure(config: pytest.Config) -> None:
    config.addinivalue_line(
        "markers",
        "demo_members(count, seed=7): the application fixture's center also holds `count` demo "
        "members (made once a session for each count and seed)",
    )


def copy_database(source: Path, target: Path) -> None:
    """A consistent copy of an SQLite file (the backup API, not a byte copy beside a WAL)."""
    target.parent.mkdir(parents=True, exist_ok=True)
    with sqlite3.connect(f"file:{source}?mode=ro", uri=True) as reader:
        writer = sqlite3.connect(target)
        try:
            reader.backup(writer)
        finally:
            writer.close()


class PreparedCenters:
    """Database files initialised once a session, for tests to copy: scrypt runs once, the demo
    generator once for each size a test asks for."""

    def __init__(self, factory: pytest.TempPathFactory) -> None:
        self._factory = factory
        self._made: dict[tuple[int, int], Path] = {}

    def database(self, demo_members: int = 0, seed: int = 7) -> Path:
        """The database of the center and its administrator, with ``demo_members`` demo members."""
        key = (demo_members, seed)
        if key not in self._made:
            paths = DataPaths(self._factory.mktemp("prepared") / "data")
            if demo_members:
                copy_database(self.database(), paths.database)
            prepared = open_application(paths)
            try:
                if demo_members:
                    generate_demo_data(prepared.database, system_actor("测试"), demo_members, seed)
                else:
                    initialize_center(prepared.database, CENTER_ANSWERS)
            finally:
                prepared.close()
            self._made[key] = paths.database
        return self._made[key]


@pytest.fixture(scope="session")
def prepared_centers(tmp_path_factory: pytest.TempPathFactory) -> PreparedCenters:
    return PreparedCenters(tmp_path_factory)


@pytest.fixture
def initialized_paths(
    request: pytest.FixtureRequest, data_paths: DataPaths, prepared_centers: PreparedCenters
) -> DataPaths:
    """A data directory holding a copy of the prepared center (see ``demo_members``), not opened."""
    marker = request.node.get_closest_marker("demo_members")
    if marker is None:
        source = prepared_centers.database()
    else:
        source = prepared_centers.database(*marker.args, **marker.kwargs)
    copy_database(source, data_paths.database)
    return data_paths


@pytest.fixture
def application(initialized_paths: DataPaths) -> Iterator[Application]:
    """An opened data directory with a center and its first administrator ("admin")."""
    opened = open_application(initialized_paths)
    yield opened
    opened.close()


def actor_of(application: Application, username: str) -> Actor:
    """The signed-in identity of ``username`` without paying for a password check."""
    with application.database.reading() as session:
        user = session.scalar(select(User).where(User.username == username))
        assert user is not None, username
        return user.to_actor()


def demo_center(folder: Path, members: int, seed: int, *, with_staff: bool = False) -> Application:
    """A center initialized in ``folder`` with the demo of every module (``dangqun demo``);
    ``with_staff``: first a 工作人员 ``limin``, whom the time bank's demo names as a clerk."""
    application = open_application(DataPaths(folder))
    initialize_center(application.database, CENTER_ANSWERS)
    admin = actor_of(application, "admin")
    if with_staff:
        create_user(application.database, admin, "limin", "李敏", Role.STAFF, "staff-password-1")
    generate_demo_data(application.database, admin, members, seed=seed)
    return application


def read_rows(application: Application, sql: str) -> list[tuple]:
    """``sql``'s rows from the center's database file, opened read-only beside the app's."""
    with sqlite3.connect(f"file:{application.paths.database}?mode=ro", uri=True) as raw:
        return raw.execute(sql).fetchall()


@pytest.fixture
def admin(application: Application) -> Actor:
    """The first administrator, signed in (``authenticate`` itself is tested on its own)."""
    return actor_of(application, "admin")

"""What every command of the command line shares: the parser, opening the data directory, who acts.

A feature adds its commands with one function, declared in its ``feature.py``::

    def add_commands(commands: argparse._SubParsersAction, kit: CliKit) -> None:
        notes = commands.add_parser("notes", help="…")
        notes.set_defaults(handler=partial(command_notes, kit=kit))

    def command_notes(arguments: argparse.Namespace, kit: CliKit) -> int:
        with kit.initialized(arguments) as application:
            do_something(application.database, kit.actor())
        return EXIT_OK

and :mod:`dangqun.cli` calls it for every feature. Handlers return an exit code and raise
:class:`~dangqun.core.errors.DangqunError` with a Chinese message for a refusal, which the CLI
prints as ``错误：…`` with :data:`EXIT_FAILED`.

Every parser on every level is a :class:`CommandParser`, so the options common to all commands
(``--data-dir`` today) are accepted before or after the sub-command without a feature naming
them, and argparse's own texts are Chinese (:mod:`dangqun.cli_translations`).

This module is imported on the command line only; what it needs from the ORM side is imported
when a command opens the data directory.
"""

from __future__ import annotations

import argparse
from collections.abc import Iterator
from contextlib import contextmanager
from typing import TYPE_CHECKING, Any

from dangqun.cli_translations import ChineseArgumentParser
from dangqun.core.errors import NotInitialized

if TYPE_CHECKING:
    from dangqun.bootstrap import Application
    from dangqun.core.paths import DataPaths
    from dangqun.core.security import Actor

EXIT_OK = 0
EXIT_FAILED = 1
"""Refused or failed; the reason is printed in Chinese on standard error."""
EXIT_USAGE = 2
"""Bad usage, as argparse reports it."""
EXIT_SOME_INVALID = 3
"""Partly invalid input (a roster with invalid rows), so a script notices."""

DATA_DIR_HELP = "数据目录（默认取环境变量 DANGQUN_DATA_DIR，再默认为系统的用户数据目录）"
INIT_COMMAND = (
    "dangqun --data-dir 目录 init --center-name 名称 --division-code 代码 "
    "--admin 用户名 --password-stdin"
)


class CommandParser(ChineseArgumentParser):
    """Every parser of the ``dangqun`` command line, on every level.

    ``add_subparsers`` builds sub-parsers with the class of their parent, so ``members`` and
    ``members import`` get the common options too. Below the top level they default to
    "not given" (``SUPPRESS``), so ``--data-dir`` given after the sub-command overrides the one
    given before it and an absent one leaves the top level's value alone.
    """

    def __init__(self, *arguments: Any, **keywords: Any) -> None:
        super().__init__(*arguments, **keywords)
        self.add_argument(
            "--data-dir", metavar="DIR", default=argparse.SUPPRESS, help=DATA_DIR_HELP
        )


def top_level_parser(**keywords: Any) -> CommandParser:
    """The ``dangqun`` parser: a :class:`CommandParser` whose ``data_dir`` is always set."""
    parser = CommandParser(**keywords)
    parser.set_defaults(data_dir=None)
    return parser


class CliKit:
    """How a command opens the data directory and whom it acts as.

    Commands open the directory with :meth:`opened` or :meth:`initialized` — the same lock,
    file checks and migrations as the GUI (:func:`dangqun.bootstrap.open_application`) — and
    get their actor from :meth:`actor`, so a change to who may run commands (signing in as a
    user) is made here and nowhere else.
    """

    def data_paths(self, arguments: argparse.Namespace) -> DataPaths:
        from dangqun.core.paths import resolve_data_paths

        return resolve_data_paths(arguments.data_dir)

    @contextmanager
    def opened(self, arguments: argparse.Namespace) -> Iterator[Application]:
        """The data directory, opened (created and migrated when new) and closed after the block.

        For commands that may start from nothing: ``init``, ``restore``, printing samples.
        """
        from dangqun.bootstrap import open_application

        application = open_application(self.data_paths(arguments))
        try:
            yield application
        finally:
            application.close()

    @contextmanager
    def initialized(self, arguments: argparse.Namespace) -> Iterator[Application]:
        """Like :meth:`opened`, for a directory whose center has been set up by ``init``.

        A directory without a database file is refused with the ``init`` hint *before* it is
        opened, so a mistyped ``--data-dir`` leaves no folders, lock or database behind. (Not
        by reading the file first: SQLite leaves ``-wal``/``-shm`` files beside a database it
        has read, and without the lock another process may be writing it.) A file that exists
        is opened like any other — refused if it is not SQLite, not ours or from a newer
        version — and then refused if it holds no center yet.
        """
        from dangqun.bootstrap import is_initialized

        paths = self.data_paths(arguments)
        if not paths.database.is_file() or paths.database.stat().st_size == 0:
            raise self._not_initialized(paths)
        with self.opened(arguments) as application:
            if not is_initialized(application.database):
                raise self._not_initialized(paths)
            yield application

    @staticmethod
    def _not_initialized(paths: DataPaths) -> NotInitialized:
        return NotInitialized(f"数据目录“{paths.root}”还没有初始化。请先运行：{INIT_COMMAND}")

    def actor(self) -> Actor:
        """Who a command acts as: the operating-system login, with the operator's authority."""
        import getpass

        from dangqun.core.security import system_actor

        try:
            user = getpass.getuser()
        except Exception:  # no login name on some service accounts
            user = "unknown"
        return system_actor(f"命令行:{user}")

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
(``--data-dir``, ``--user``, ``--password-stdin``, ``--full-personal-data``) are accepted before
or after the sub-command without a feature naming them, and argparse's own texts are Chinese
(:mod:`dangqun.cli_translations`).

**Signing in** (issue 10: "the CLI acts as 管理员 without a login"). Every command that reads or
changes center data runs as a user of the center: ``--user NAME`` with the password on standard
input (``--password-stdin``) or typed at a prompt when standard input is a terminal. The
password is checked by :func:`dangqun.core.users.authenticate`, so lock-out, the role and the
audit log work as in the GUI. Output is masked even for an administrator unless the command is
given ``--full-personal-data``, which only a role that may see personal data may pass and which
is audited (``cli.full_personal_data``). ``init`` (which creates the first administrator),
``verify``, ``--help`` and ``--version`` need no user; ``restore`` into a directory whose
database is missing or empty needs none either, because there is no user to sign in as — the
operating-system account that owns the data directory is the boundary there.

This module is imported on the command line only; what it needs from the ORM side is imported
when a command opens the data directory.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING, Any

from dangqun.cli_translations import ChineseArgumentParser
from dangqun.core.errors import DangqunError, NotInitialized

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
USER_HELP = "以哪个用户的身份运行（除 init、verify、minutes vote-check 和 district 各命令外都需要）"
PASSWORD_STDIN_HELP = "从标准输入的第一行读取密码（init 时为新管理员的密码）"
FULL_PERSONAL_DATA_HELP = (
    "输出完整的身份证号、电话和住址（需要“查看完整个人信息”权限，并记入操作日志）；默认一律遮盖"
)
FULL_PERSONAL_DATA_AUDIT_ACTION = "cli.full_personal_data"


class SignInRequired(DangqunError):
    """A command that reads or changes center data was run without ``--user``."""


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
        self.add_argument("--user", metavar="NAME", default=argparse.SUPPRESS, help=USER_HELP)
        self.add_argument(
            "--password-stdin",
            action="store_true",
            default=argparse.SUPPRESS,
            help=PASSWORD_STDIN_HELP,
        )
        self.add_argument(
            "--full-personal-data",
            action="store_true",
            default=argparse.SUPPRESS,
            help=FULL_PERSONAL_DATA_HELP,
        )


def top_level_parser(**keywords: Any) -> CommandParser:
    """The ``dangqun`` parser: a :class:`CommandParser` whose common options are always set."""
    parser = CommandParser(**keywords)
    parser.set_defaults(data_dir=None, user=None, password_stdin=False, full_personal_data=False)
    return parser


def read_password(arguments: argparse.Namespace, prompt: str) -> str:
    """The first line of standard input with ``--password-stdin``; else a hidden prompt on a
    terminal; else a refusal (a script must say where its password comes from)."""
    if arguments.password_stdin:
        return sys.stdin.readline().rstrip("\r\n")
    if sys.stdin.isatty():
        import getpass

        return getpass.getpass(prompt)
    raise SignInRequired(
        "请用 --password-stdin 从标准输入提供密码（标准输入不是终端，无法提示输入）。"
    )


class CliKit:
    """How a command opens the data directory and whom it acts as.

    Commands open the directory with :meth:`opened` or :meth:`initialized` — the same lock,
    file checks and migrations as the GUI (:func:`dangqun.bootstrap.open_application`) — and
    get their actor from :meth:`actor`: the user signed in with ``--user`` when the directory
    was opened. Who may run commands is decided here and nowhere else.
    """

    def __init__(self) -> None:
        self._actor: Actor | None = None

    def data_paths(self, arguments: argparse.Namespace) -> DataPaths:
        from dangqun.core.paths import resolve_data_paths

        return resolve_data_paths(arguments.data_dir)

    @contextmanager
    def opened(
        self, arguments: argparse.Namespace, *, sign_in: bool = True
    ) -> Iterator[Application]:
        """The data directory, opened (created and migrated when new) and closed after the block.

        For commands that may start from nothing: ``init``, ``restore``, printing samples. When
        the directory holds a center, the ``--user`` signs in (unless ``sign_in`` is False, for
        ``init`` and ``verify``); without a center there is nobody to sign in as.
        """
        from dangqun.bootstrap import is_initialized, open_application

        application = open_application(self.data_paths(arguments))
        try:
            if sign_in and is_initialized(application.database):
                self._sign_in(application, arguments)
            yield application
        finally:
            application.close()

    @contextmanager
    def initialized(self, arguments: argparse.Namespace) -> Iterator[Application]:
        """Like :meth:`opened`, for a directory whose center has been set up by ``init``.

        A directory without a database file is refused with the ``init`` hint *before* it is
        opened, so a mistyped ``--data-dir`` leaves no folders, lock or database behind (and a
        database file that is missing or empty beside backups is refused with the newest
        backup named: issue 10). (Not by reading the file first: SQLite leaves ``-wal``/``-shm``
        files beside a database it has read, and without the lock another process may be
        writing it.) A file that exists is opened like any other — refused if it is not SQLite,
        not ours or from a newer version — and then refused if it holds no center yet.
        """
        from dangqun.bootstrap import is_initialized

        paths = self.data_paths(arguments)
        self.refuse_missing_database(paths)
        if not paths.database.is_file():
            raise self._not_initialized(paths)
        with self.opened(arguments, sign_in=False) as application:
            if not is_initialized(application.database):
                raise self._not_initialized(paths)
            self._sign_in(application, arguments)
            yield application

    @staticmethod
    def refuse_missing_database(paths: DataPaths) -> None:
        """Refuse to work on a database file that is missing or empty while backups lie beside
        it: a lost file must be restored, never silently replaced by a new, empty center."""
        from dangqun.bootstrap import missing_database_backup

        backup = missing_database_backup(paths)
        if backup is not None:
            state = "是空文件" if paths.database.is_file() else "不见了"
            raise NotInitialized(
                f"数据库文件“{paths.database}”{state}，但备份目录里有备份。最新的备份是"
                f"“{backup.path.name}”（{backup.taken_at:%Y-%m-%d %H:%M}）。请恢复它："
                f"dangqun --data-dir “{paths.root}” restore “{backup.path}”"
            )

    @staticmethod
    def _not_initialized(paths: DataPaths) -> NotInitialized:
        return NotInitialized(f"数据目录“{paths.root}”还没有初始化。请先运行：{INIT_COMMAND}")

    def _sign_in(self, application: Application, arguments: argparse.Namespace) -> None:
        """Check ``--user`` and its password like the sign-in window does, then decide whether
        personal data is shown in full (asked for, allowed, and audited) or masked."""
        from dangqun.core.security import Permission
        from dangqun.core.users import authenticate

        if not arguments.user:
            raise SignInRequired(
                "请用 --user 用户名 指定以哪个用户的身份运行，并用 --password-stdin 从标准输入"
                "提供密码（或在终端里按提示输入）。"
            )
        password = read_password(arguments, f"用户“{arguments.user}”的密码：")
        actor = authenticate(application.database, arguments.user, password)
        if arguments.full_personal_data:
            actor.require(Permission.SEE_PERSONAL_DATA)
            self._audit_full_personal_data(application, actor, arguments)
        else:
            actor = replace(actor, withheld=frozenset({Permission.SEE_PERSONAL_DATA}))
        self._actor = actor

    @staticmethod
    def _audit_full_personal_data(
        application: Application, actor: Actor, arguments: argparse.Namespace
    ) -> None:
        # ``command`` and each feature's sub-command (``members_command`` …), in that order.
        names = ["command", *sorted(n for n in vars(arguments) if n.endswith("_command"))]
        command = " ".join(str(getattr(arguments, n)) for n in names if getattr(arguments, n, None))
        with application.database.unit_of_work(actor) as work:
            work.audit(FULL_PERSONAL_DATA_AUDIT_ACTION, "cli", None, None, {"command": command})
            work.commit()

    @property
    def signed_in(self) -> bool:
        return self._actor is not None

    def actor(self) -> Actor:
        """The user signed in when the directory was opened (see :meth:`opened`)."""
        if self._actor is None:
            raise SignInRequired("这个命令需要先登录：请用 --user 用户名 --password-stdin 运行。")
        return self._actor

    @staticmethod
    def operator() -> Actor:
        """Who acts where no center exists yet to sign in to (``restore`` into an empty
        directory): the operating-system login, which owns the data directory anyway."""
        import getpass

        from dangqun.core.security import system_actor

        try:
            user = getpass.getuser()
        except Exception:  # no login name on some service accounts
            user = "unknown"
        return system_actor(f"命令行:{user}")


def check_writable_output(path: Path, option: str) -> None:
    """Refuse an output file that cannot be written *before* any data is written (issue 10: a
    bad ``--report`` path after a committed import ended in a traceback): its folder must exist
    and take a new file, and the path must not be a folder."""
    import tempfile

    from dangqun.core.errors import ValidationError

    folder = path.parent  # Path("r.json").parent is Path("."), the working folder
    if path.is_dir():
        raise ValidationError.single(option, f"{option}“{path}”是一个文件夹，请给出文件名。")
    if not folder.is_dir():
        raise ValidationError.single(option, f"{option} 的文件夹“{folder}”不存在。")
    try:
        with tempfile.NamedTemporaryFile(dir=folder, prefix=".dangqun-", suffix=".tmp"):
            pass
    except OSError as error:
        raise ValidationError.single(
            option, f"{option} 的文件夹“{folder}”不能写入（{error.strerror or error}）。"
        ) from None


def write_report(path: Path, payload: dict[str, object]) -> None:
    """An import's ``--report``: it names rows and the values found in them, so it is written
    owner-only, in one piece (``members import``, ``timebank import-services``)."""
    import json

    from dangqun.core.paths import write_private_file

    text = json.dumps(payload, ensure_ascii=False, indent=2)
    try:
        write_private_file(path, text.encode("utf-8"))
    except OSError as error:
        raise DangqunError(
            f"导入已完成，但检查结果没能写入“{path}”（{error.strerror or error}）。"
            "可用 --dry-run 重新检查得到结果。"
        ) from None

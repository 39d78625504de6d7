"""argparse's own words in Chinese: usage, section titles, ``--help`` and the usage errors.

Why this way: argparse translates through gettext, binding ``_`` and ``ngettext`` as globals of
the ``argparse`` module (``from gettext import gettext as _, ngettext``) and looking them up each
time it builds a message. Shipping a ``.mo`` catalogue would mean changing the process's
default gettext domain and language for every library; instead :func:`install` replaces those
two globals with functions that answer from :data:`MESSAGES` — but only while a
:class:`ChineseArgumentParser` is building itself, parsing or formatting help. Any other
argparse user in the same process (pytest, for one) keeps its English.

Message ids are argparse's English sources (Python 3.11, plus the variants later versions
use); an id missing from the table falls through to gettext, i.e. English. The errors a user
meets are tested word for word in ``tests/unit/test_cli_kit.py``.
"""

from __future__ import annotations

import argparse
import gettext
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from contextvars import ContextVar
from functools import wraps
from typing import Any, NoReturn, TypeVar

MESSAGES: dict[str, str] = {
    "usage: ": "用法：",
    "positional arguments": "位置参数",
    "options": "选项",
    "subcommands": "命令",
    "show this help message and exit": "显示本帮助并退出",
    "show program's version number and exit": "显示版本号并退出",
    "%(prog)s: error: %(message)s\n": "%(prog)s：错误：%(message)s\n",
    "argument %(argument_name)s: %(message)s": "参数 %(argument_name)s：%(message)s",
    "invalid choice: %(value)r (choose from %(choices)s)": "无效的选择 %(value)r（可选：%(choices)s）",
    "invalid choice: %(value)r, maybe you meant %(closest)r? (choose from %(choices)s)": (
        "无效的选择 %(value)r，是不是 %(closest)r？（可选：%(choices)s）"
    ),
    "unknown parser %(parser_name)r (choices: %(choices)s)": (
        "没有命令 %(parser_name)r（可选：%(choices)s）"
    ),
    "the following arguments are required: %s": "缺少必需的参数：%s",
    "one of the arguments %s is required": "必须提供以下参数之一：%s",
    "unrecognized arguments: %s": "无法识别的参数：%s",
    "not allowed with argument %s": "不能与参数 %s 同时使用",
    "ignored explicit argument %r": "这个选项不接受值，多余的值 %r",
    "expected one argument": "需要一个值",
    "expected at most one argument": "最多需要一个值",
    "expected at least one argument": "至少需要一个值",
    "ambiguous option: %(option)s could match %(matches)s": (
        "选项 %(option)s 不明确，可能是：%(matches)s"
    ),
    "unexpected option string: %s": "意外的选项：%s",
    "invalid %(type)s value: %(value)r": "%(value)r 不是有效的 %(type)s 值",
}
"""argparse's message id → Chinese, with the same ``%`` placeholders."""

PLURAL_MESSAGES: dict[str, str] = {
    "expected %s argument": "需要 %s 个值",
}
"""argparse's singular message id → Chinese (Chinese has one form for every count)."""

_chinese: ContextVar[bool] = ContextVar("dangqun_argparse_in_chinese", default=False)

_Result = TypeVar("_Result")


def _translate(message: str) -> str:
    if _chinese.get():
        return MESSAGES.get(message) or gettext.gettext(message)
    return gettext.gettext(message)


def _translate_plural(singular: str, plural: str, count: int) -> str:
    if _chinese.get() and singular in PLURAL_MESSAGES:
        return PLURAL_MESSAGES[singular]
    return gettext.ngettext(singular, plural, count)


def install() -> None:
    """Route argparse's messages through this module (idempotent; English outside a parser)."""
    argparse._ = _translate  # type: ignore[attr-defined]
    argparse.ngettext = _translate_plural  # type: ignore[attr-defined]


@contextmanager
def in_chinese() -> Iterator[None]:
    """argparse speaks Chinese inside the block (nested blocks are fine)."""
    install()
    token = _chinese.set(True)
    try:
        yield
    finally:
        _chinese.reset(token)


def _speaking_chinese(method: Callable[..., _Result]) -> Callable[..., _Result]:
    @wraps(method)
    def wrapper(*arguments: Any, **keywords: Any) -> _Result:
        with in_chinese():
            return method(*arguments, **keywords)

    return wrapper


def _integer(text: str) -> int:
    try:
        return int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"“{text}”不是整数") from None


def _number(text: str) -> float:
    try:
        return float(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"“{text}”不是数字") from None


class ChineseArgumentParser(argparse.ArgumentParser):
    """An ArgumentParser whose own texts are Chinese.

    Sub-parsers are built with the class of their parent (``add_subparsers`` passes it on), so
    every level of ``dangqun members import`` is one of these. ``type=int`` and ``type=float``
    report a bad value in words ("“many”不是整数") rather than as "invalid int value".
    """

    @_speaking_chinese
    def __init__(self, *arguments: Any, **keywords: Any) -> None:
        super().__init__(*arguments, **keywords)
        self.register("type", int, _integer)
        self.register("type", float, _number)

    @_speaking_chinese
    def parse_args(  # type: ignore[override]
        self, args: Sequence[str] | None = None, namespace: argparse.Namespace | None = None
    ) -> argparse.Namespace:
        return super().parse_args(args, namespace)

    @_speaking_chinese
    def parse_known_args(  # type: ignore[override]
        self, args: Sequence[str] | None = None, namespace: argparse.Namespace | None = None
    ) -> tuple[argparse.Namespace, list[str]]:
        return super().parse_known_args(args, namespace)

    @_speaking_chinese
    def format_usage(self) -> str:
        return super().format_usage()

    @_speaking_chinese
    def format_help(self) -> str:
        return super().format_help()

    @_speaking_chinese
    def error(self, message: str) -> NoReturn:
        super().error(message)

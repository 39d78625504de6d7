"""``dangqun print`` and ``dangqun verify``, added to the main parser in one line::

    add_print_commands(commands, _open, _cli_actor)

``open_application`` opens the data directory named by ``--data-dir`` (the CLI's own
``_open``), so printing takes the same lock, checks and migrations as every command; each
handler returns an exit code (0 done / valid, 1 refused / invalid) and raises
:class:`~dangqun.core.errors.DangqunError` with a Chinese message for the CLI to print.
"""

from __future__ import annotations

import argparse
import getpass
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from dangqun.core.errors import ValidationError
from dangqun.core.security import Actor, system_actor

if TYPE_CHECKING:
    from dangqun.bootstrap import Application

OpenApplication = Callable[[argparse.Namespace], "Application"]
MakeActor = Callable[[], Actor]

EXIT_OK = 0
EXIT_FAILED = 1
SAMPLES = "samples"


def _default_actor() -> Actor:
    try:
        user = getpass.getuser()
    except Exception:  # no login name on some service accounts
        user = "unknown"
    return system_actor(f"命令行:{user}")


def add_print_commands(
    subparsers: Any,
    open_application: OpenApplication,
    make_actor: MakeActor | None = None,
) -> None:
    """Register ``print`` and ``verify`` on the CLI's ``add_subparsers()`` object."""
    from dangqun.printing.registry import document_kinds

    actor_factory = make_actor or _default_actor
    kinds_help = "\n".join(
        f"  {item.kind:<24}{item.label}；--id 为{item.id_meaning}"
        for item in document_kinds().values()
    )
    printing = subparsers.add_parser(
        "print",
        help="把文书打印为 PDF 文件；print samples 为每种文书生成一份样张",
        description=f"把文书打印为 PDF 文件。文书类型：\n{kinds_help}\n"
        f"  {SAMPLES:<24}每种文书各一份样张（--out 为目录）",
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    printing.add_argument(
        "kind",
        choices=[*document_kinds(), SAMPLES],
        metavar="文书类型",
        help="见上方说明，或 samples",
    )
    printing.add_argument("--id", dest="record_id", help="要打印的记录编号（含义随文书类型而定）")
    printing.add_argument(
        "--out", required=True, help="输出的 PDF 文件；print samples 时为输出目录"
    )
    printing.add_argument("--sample", action="store_true", help="用样张数据打印这一种文书")
    printing.add_argument(
        "--full-personal-data",
        action="store_true",
        help="打印完整的身份证号、电话和住址（需要“查看完整个人信息”权限，并记入操作日志）",
    )
    printing.set_defaults(
        handler=lambda arguments: command_print(arguments, open_application, actor_factory)
    )

    verify = subparsers.add_parser(
        "verify",
        help="核验志愿服务证明或会议记录上的核验码",
        description="核验码是二维码中的全部文字，以 DQ1| 开头；请整体用引号括起来。",
    )
    verify.add_argument("code", help="核验码（扫描二维码得到的全部文字）")
    verify.add_argument("--key-file", help="出具中心的核验密钥文件（区里核验其他中心的文书时使用）")
    verify.set_defaults(handler=lambda arguments: command_verify(arguments, open_application))


def command_print(
    arguments: argparse.Namespace, open_application: OpenApplication, make_actor: MakeActor
) -> int:
    from dangqun.printing.batch import render_to_file
    from dangqun.printing.registry import document_kind
    from dangqun.printing.service import print_context_for, print_record, write_samples

    kind: str = arguments.kind
    if kind != SAMPLES and not arguments.sample and not arguments.record_id:
        raise ValidationError.single(
            "id",
            f"请用 --id 指定要打印的记录（{document_kind(kind).id_meaning}），或用 --sample 打印样张。",
        )
    application = open_application(arguments)
    try:
        actor = make_actor()
        context = print_context_for(
            application.database,
            application.paths.keys,
            actor,
            full_personal_data=arguments.full_personal_data,
        )
        if kind == SAMPLES:
            written = write_samples(context, arguments.out)
            print(f"已生成 {len(written)} 份样张（字体：{context.fonts.body.family}）：")
            for path in written:
                print(f"  {path}")
            return EXIT_OK
        output = Path(arguments.out)
        if arguments.sample:
            definition = document_kind(kind)
            summary = render_to_file(
                [definition.build(definition.sample(context), context)], context, output
            )
        else:
            summary = print_record(
                application.database, actor, context, kind, arguments.record_id, output
            )
    finally:
        application.close()
    print(f"已生成：{output}（{summary.pages} 页）")
    return EXIT_OK


def command_verify(arguments: argparse.Namespace, open_application: OpenApplication) -> int:
    from dangqun.core.center import center_info
    from dangqun.core.errors import NotInitialized
    from dangqun.printing.verification import (
        VerificationKeyError,
        read_verification_key,
        verification_key_path,
        verify_code,
    )

    expected_center: str | None = None
    if arguments.key_file:
        key_path = Path(arguments.key_file)
    else:
        application = open_application(arguments)
        try:
            key_path = verification_key_path(application.paths.keys)
            try:
                expected_center = center_info(application.database).center_id
            except NotInitialized:
                expected_center = None
        finally:
            application.close()
    if not key_path.exists():
        raise VerificationKeyError(
            f"找不到核验密钥“{key_path}”。这个数据目录还没有打印过带核验码的文书，"
            "或需要用 --key-file 指定出具中心的密钥。"
        )
    result = verify_code(arguments.code, read_verification_key(key_path), expected_center)
    for line in result.report_lines():
        print(line)
    return EXIT_OK if result.valid else EXIT_FAILED

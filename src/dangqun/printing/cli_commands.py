"""``dangqun print`` and ``dangqun verify``: the printing feature's commands.

Declared in ``printing/feature.py``; :mod:`dangqun.cli` calls :func:`add_commands` with the
shared :class:`~dangqun.cli_kit.CliKit`, so printing takes the same lock, checks and migrations
as every command. Each handler returns an exit code (0 done / valid, 1 refused / invalid) and
raises :class:`~dangqun.core.errors.DangqunError` with a Chinese message for the CLI to print.
"""

from __future__ import annotations

import argparse
from functools import partial
from pathlib import Path

from dangqun.cli_kit import EXIT_FAILED, EXIT_OK, CliKit
from dangqun.core.errors import ValidationError

SAMPLES = "samples"


def add_commands(
    commands: argparse._SubParsersAction[argparse.ArgumentParser], kit: CliKit
) -> None:
    """Register ``print`` and ``verify`` on the CLI's ``add_subparsers()`` object."""
    from dangqun.printing.registry import document_kinds

    kinds_help = "\n".join(
        f"  {item.kind:<24}{item.label}；--id 为{item.id_meaning}"
        for item in document_kinds().values()
    )
    printing = commands.add_parser(
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
    printing.set_defaults(handler=partial(command_print, kit=kit))

    verify = commands.add_parser(
        "verify",
        help="核验志愿服务证明或会议记录上的核验码",
        description="核验码是二维码中的全部文字，以 DQ1| 开头；请整体用引号括起来。",
    )
    verify.add_argument("code", help="核验码（扫描二维码得到的全部文字）")
    verify.add_argument("--key-file", help="出具中心的核验密钥文件（区里核验其他中心的文书时使用）")
    verify.set_defaults(handler=partial(command_verify, kit=kit))


def command_print(arguments: argparse.Namespace, kit: CliKit) -> int:
    from dangqun.printing.batch import render_to_file
    from dangqun.printing.registry import document_kind
    from dangqun.printing.service import print_context_for, print_record, write_samples

    kind: str = arguments.kind
    if kind != SAMPLES and not arguments.sample and not arguments.record_id:
        raise ValidationError.single(
            "id",
            f"请用 --id 指定要打印的记录（{document_kind(kind).id_meaning}），或用 --sample 打印样张。",
        )
    output = Path(arguments.out)
    with kit.opened(arguments) as application:
        actor = kit.actor()
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
        if arguments.sample:
            definition = document_kind(kind)
            summary = render_to_file(
                [definition.build(definition.sample(context), context)], context, output
            )
        else:
            summary = print_record(
                application.database, actor, context, kind, arguments.record_id, output
            )
    print(f"已生成：{output}（{summary.pages} 页）")
    return EXIT_OK


def command_verify(arguments: argparse.Namespace, kit: CliKit) -> int:
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
        with kit.opened(arguments) as application:
            key_path = verification_key_path(application.paths.keys)
            try:
                expected_center = center_info(application.database).center_id
            except NotInitialized:
                expected_center = None
    if not key_path.exists():
        raise VerificationKeyError(
            f"找不到核验密钥“{key_path}”。这个数据目录还没有打印过带核验码的文书，"
            "或需要用 --key-file 指定出具中心的密钥。"
        )
    result = verify_code(arguments.code, read_verification_key(key_path), expected_center)
    for line in result.report_lines():
        print(line)
    return EXIT_OK if result.valid else EXIT_FAILED

"""``dangqun print``, ``verify``, ``documents``, ``key-export`` and ``key-import``: the printing
feature's commands.

Declared in ``printing/feature.py``; :mod:`dangqun.cli` calls :func:`add_commands` with the
shared :class:`~dangqun.cli_kit.CliKit`, so printing takes the same lock, checks and migrations
as every command. Each handler returns an exit code (0 done / valid, 1 refused / invalid) and
raises :class:`~dangqun.core.errors.DangqunError` with a Chinese message for the CLI to print.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Iterable
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING

from dangqun.cli_kit import EXIT_FAILED, EXIT_OK, CliKit
from dangqun.core.errors import ValidationError

if TYPE_CHECKING:
    from dangqun.bootstrap import Application
    from dangqun.core.security import Actor

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
    printing.add_argument("--out", help="输出的 PDF 文件；print samples 时为输出目录")
    printing.add_argument("--sample", action="store_true", help="用样张数据打印这一种文书")
    estimating = sorted(item.kind for item in document_kinds().values() if item.estimate)
    printing.add_argument(
        "--estimate",
        action="store_true",
        help=f"只说要打印多少页、多少名，不生成文件（{'、'.join(estimating)}）",
    )
    printing.add_argument("--json", action="store_true", help="与 --estimate 同用：以 JSON 输出")
    printing.set_defaults(handler=partial(command_print, kit=kit))

    verify = commands.add_parser(
        "verify",
        help="核验文书上的核验码（纸面上的短核验码，或扫描二维码得到的全文）",
        description="可以输入纸面上二维码旁的核验码（如 ZRAE-XX7Q-EVPI-YUX2，大小写、短横线和"
        "空格均可），在本中心的文书登记簿中查找并核验；也可以输入扫描二维码得到的全文（以 DQ2| "
        "开头，请整体用引号括起来）。样张的核验码一律答“样张，不是正式文书”。"
        "退出码：0 有效；1 无效、已作废、样张或未找到。",
    )
    verify.add_argument("code", help="核验码：纸面上的短核验码，或二维码的全部文字")
    verify.add_argument("--key-file", help="出具中心的核验密钥文件（区里核验其他中心的文书时使用）")
    verify.add_argument("--json", action="store_true", help="以 JSON 输出核验结果（供脚本使用）")
    verify.set_defaults(handler=partial(command_verify, kit=kit))

    documents = commands.add_parser(
        "documents",
        help="文书登记簿：列出已出具的文书，或作废一份文书",
        description="带核验码、按记录打印的文书（如在职党员报到回执）出具时记入文书登记簿："
        "编号、对象、核验码、出具人、重印次数、是否作废。",
    )
    actions = documents.add_subparsers(dest="documents_command", metavar="操作", required=True)
    listing = actions.add_parser("list", help="列出登记簿中的文书（最新的在前）")
    listing.add_argument("--kind", help="只列这一种文书（如 registration_receipt）")
    listing.add_argument("--search", default="", help="按编号、姓名或核验码查找")
    listing.add_argument("--json", action="store_true", help="以 JSON 输出")
    listing.set_defaults(handler=partial(command_documents_list, kit=kit))
    voiding = actions.add_parser(
        "void",
        help="作废一份已出具的文书（需要“录入和修改”权限，记入操作日志）",
        description="作废后，核验这份文书会答“已作废”并给出日期和原因；"
        "同一记录可以再次打印，以新编号出具。",
    )
    voiding.add_argument("number", help="文书编号，如 HZ-2026-000001")
    voiding.add_argument("--reason", required=True, help="作废原因")
    voiding.set_defaults(handler=partial(command_documents_void, kit=kit))

    key_export = commands.add_parser(
        "key-export",
        help="导出核验密钥（用口令加密），另行妥善保管；仅管理员",
        description="把本中心的核验密钥用口令加密后写入文件。普通备份不含核验密钥："
        "换电脑或恢复备份后，需要导入这个文件，已打印文书的核验码才能继续核验。"
        "文件和口令请分开保管。",
    )
    key_export.add_argument("--out", required=True, help="要写入的密钥文件（建议以 .dqkey 结尾）")
    key_export.add_argument(
        "--passphrase-stdin",
        action="store_true",
        help="从标准输入读取口令（在登录密码那一行之后）；否则在终端提示输入两次",
    )
    key_export.set_defaults(handler=partial(command_key_export, kit=kit))

    key_import = commands.add_parser(
        "key-import",
        help="导入用 key-export 导出的核验密钥；仅管理员",
        description="把 key-export 导出的核验密钥导入这个数据目录。"
        "如果这里已有另一把密钥，需加 --replace-existing-key 才会替换："
        "替换后，用原密钥出具的文书不能再用本机核验（原密钥改名保留在 keys 文件夹中）。",
    )
    key_import.add_argument("file", help="key-export 写出的密钥文件")
    key_import.add_argument(
        "--passphrase-stdin",
        action="store_true",
        help="从标准输入读取口令（在登录密码那一行之后）；否则在终端提示输入",
    )
    key_import.add_argument(
        "--replace-existing-key",
        action="store_true",
        help="确认用导入的密钥替换这里已有的另一把密钥",
    )
    key_import.set_defaults(handler=partial(command_key_import, kit=kit))


def command_print(arguments: argparse.Namespace, kit: CliKit) -> int:
    from dangqun.printing.batch import render_to_file, terminal_page_progress
    from dangqun.printing.fonts import missing_glyphs_collected
    from dangqun.printing.registry import document_kind
    from dangqun.printing.service import print_context_for, print_record, write_samples

    kind: str = arguments.kind
    if arguments.estimate:
        return command_estimate(arguments, kit)
    if arguments.json:
        raise ValidationError.single("json", "--json 只能与 --estimate 一起用。")
    if kind != SAMPLES and not arguments.sample and not arguments.record_id:
        raise ValidationError.single(
            "id",
            f"请用 --id 指定要打印的记录（{document_kind(kind).id_meaning}），或用 --sample 打印样张。",
        )
    if not arguments.out:
        raise ValidationError.single(
            "out", "请用 --out 指定输出的 PDF 文件（print samples 时为输出目录）。"
        )
    output = Path(arguments.out)
    with kit.opened(arguments) as application, missing_glyphs_collected() as missing:
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
            context = context.as_sample()
            summary = render_to_file(
                [definition.build(definition.sample(context), context)], context, output
            )
        else:
            with terminal_page_progress():  # pages on stderr while a long print runs (issue 12)
                summary = print_record(
                    application.database, actor, context, kind, arguments.record_id, output
                )
    print(f"已生成：{output}（{summary.pages} 页）")
    warn_missing_characters(missing)  # plans are built before render: the set is complete
    return EXIT_OK


def warn_missing_characters(missing: Iterable[str]) -> None:
    """Issue 12: name the characters no font on this machine has, before the paper is printed."""
    if missing:
        print(
            f"注意：本机没有字体含有这些字：{' '.join(f'{c}（U+{ord(c):04X}）' for c in sorted(missing))}，"
            "打印出来可能是空白或另一种字形，请核对，必要时手写补上。",
            file=sys.stderr,
        )


def print_record_to(
    application: Application,
    actor: Actor,
    kind: str,
    record_id: str,
    output: Path,
    *,
    full_personal_data: bool = False,
) -> None:
    """A module's own print command (a sign-in sheet, a passbook, a statistics sheet …), as
    ``print KIND --id`` does it: the page progress on stderr while it renders, then the file
    and its pages, and the characters no font has (:func:`warn_missing_characters`)."""
    from dangqun.printing.batch import terminal_page_progress
    from dangqun.printing.service import print_context_for, print_record

    context = print_context_for(
        application.database, application.paths.keys, actor, full_personal_data=full_personal_data
    )
    with terminal_page_progress():
        summary = print_record(application.database, actor, context, kind, record_id, output)
    print(f"已生成：{output}（{summary.pages} 页）")
    warn_missing_characters(summary.missing_characters)


def command_estimate(arguments: argparse.Namespace, kit: CliKit) -> int:
    """``print KIND --id ID --estimate``: the pages and names a long list will print, counted
    and not laid out, before anyone commits paper to it (issue 12); no file is written."""
    from dangqun.printing.registry import document_kinds
    from dangqun.printing.service import print_context_for

    kind: str = arguments.kind
    kinds = document_kinds()
    definition = kinds.get(kind)
    if definition is None or definition.estimate is None:
        listed = "、".join(
            f"{item.kind}（{item.label}）" for item in kinds.values() if item.estimate
        )
        raise ValidationError.single(
            "estimate", f"只有长名单可以先估计页数（{listed}），“{kind}”不能。"
        )
    if arguments.sample or not arguments.record_id:
        raise ValidationError.single(
            "id", f"估计页数时请用 --id 指定要打印的记录（{definition.id_meaning}）。"
        )
    with kit.opened(arguments) as application:
        actor = kit.actor()
        context = print_context_for(
            application.database,
            application.paths.keys,
            actor,
            full_personal_data=arguments.full_personal_data,
        )
        estimate = definition.estimate(application.database, arguments.record_id, context)
    if arguments.json:
        report = {"kind": kind, "id": arguments.record_id, **estimate.as_json()}
        print(json.dumps(report, ensure_ascii=False, indent=2))
    else:
        print(f"{definition.label}（--id {arguments.record_id}）：{estimate.text()}")
    return EXIT_OK


def command_verify(arguments: argparse.Namespace, kit: CliKit) -> int:
    """Verify without signing in (whoever holds the paper may check it): the short code is
    looked up in this data directory's register, the full code verified with its key or with
    ``--key-file``."""
    from dangqun.core.center import center_info
    from dangqun.core.errors import NotInitialized
    from dangqun.printing.register import verify_text
    from dangqun.printing.verification import read_verification_key, verification_key_path

    if arguments.key_file:
        key_path = Path(arguments.key_file)
        key = read_verification_key(key_path) if key_path.exists() else None
        verdict = verify_text(arguments.code, key, None, None, key_path)
    else:
        with kit.opened(arguments, sign_in=False) as application:
            key_path = verification_key_path(application.paths.keys)
            try:
                expected_center: str | None = center_info(application.database).center_id
            except NotInitialized:
                expected_center = None
            key = read_verification_key(key_path) if key_path.exists() else None
            verdict = verify_text(
                arguments.code, key, expected_center, application.database, key_path
            )
    if arguments.json:
        print(json.dumps(verdict.as_json(), ensure_ascii=False, indent=2))
    else:
        for line in verdict.report_lines():
            print(line)
    return EXIT_OK if verdict.valid else EXIT_FAILED


def command_documents_list(arguments: argparse.Namespace, kit: CliKit) -> int:
    from dangqun.printing.register import list_documents

    with kit.initialized(arguments) as application:
        entries = list_documents(
            application.database, kit.actor(), arguments.kind, arguments.search
        )
    if arguments.json:
        print(json.dumps([entry.as_json() for entry in entries], ensure_ascii=False, indent=2))
        return EXIT_OK
    if not entries:
        print("文书登记簿中没有符合条件的文书。")
        return EXIT_OK
    for entry in entries:
        state = f"已作废（{entry.void_reason}）" if entry.voided else "有效"
        print(
            f"{entry.number}　{entry.kind_label}　{entry.subject}　"
            f"{entry.issued_on:%Y-%m-%d}　{entry.issued_by}　核验码 {entry.check_code}　"
            f"重印 {entry.reprint_count} 次　{state}"
        )
    print(f"共 {len(entries)} 份。")
    return EXIT_OK


def command_documents_void(arguments: argparse.Namespace, kit: CliKit) -> int:
    from dangqun.printing.register import void_document

    with kit.initialized(arguments) as application:
        entry = void_document(application.database, kit.actor(), arguments.number, arguments.reason)
    print(
        f"已作废：{entry.kind_label} {entry.number}（{entry.subject}），原因：{entry.void_reason}"
    )
    print("核验这份文书将答“已作废”；同一记录再次打印时以新编号出具。")
    return EXIT_OK


def read_passphrase(arguments: argparse.Namespace, confirm: bool) -> str:
    """The next line of standard input with ``--passphrase-stdin`` (after the sign-in
    password's line); else typed twice at a hidden prompt when making a new file."""
    import sys

    from dangqun.core.errors import DangqunError

    if arguments.passphrase_stdin:
        return sys.stdin.readline().rstrip("\r\n")
    if not sys.stdin.isatty():
        raise DangqunError(
            "请用 --passphrase-stdin 从标准输入提供口令（标准输入不是终端，无法提示输入）。"
        )
    import getpass

    passphrase = getpass.getpass("密钥文件的口令：")
    if confirm and getpass.getpass("再输入一次口令：") != passphrase:
        raise ValidationError.single("passphrase", "两次输入的口令不一致，密钥没有导出。")
    return passphrase


def command_key_export(arguments: argparse.Namespace, kit: CliKit) -> int:
    from dangqun.printing.service import export_verification_key

    with kit.initialized(arguments) as application:
        passphrase = read_passphrase(arguments, confirm=True)
        key_id = export_verification_key(
            application.database, application.paths.keys, kit.actor(), arguments.out, passphrase
        )
    print(f"已导出核验密钥（指纹 {key_id}）到：{arguments.out}")
    print("请把这个文件和口令分开妥善保管：有了两者，就能以本中心的名义签发证明。")
    return EXIT_OK


def command_key_import(arguments: argparse.Namespace, kit: CliKit) -> int:
    from dangqun.printing.service import import_verification_key

    with kit.initialized(arguments) as application:
        passphrase = read_passphrase(arguments, confirm=False)
        outcome = import_verification_key(
            application.database,
            application.paths.keys,
            kit.actor(),
            arguments.file,
            passphrase,
            replace_existing=arguments.replace_existing_key,
        )
    print(outcome.report())
    return EXIT_OK

"""``dangqun minutes vote-check``: the quorum and majority engine for trainers and district IT.

Declared in ``minutes/feature.py``. ``vote-check`` reads no data directory and signs nobody in
(like ``verify``): it judges the figures it is given with :func:`dangqun.minutes.quorum.judge`,
the same function the resolution service uses, so a trainer can show what a record would say.
Exit codes (issue 15): 0 the resolution passes (the candidate is elected); 3 the meeting may
vote but the resolution fails; 4 the meeting may not vote at all (no quorum); 1 impossible
numbers, an unknown meeting type or decision kind, or a meeting type that does not vote — the
reason in Chinese on standard error, naming the option.
"""

from __future__ import annotations

import argparse
import json
import sys
from functools import partial
from typing import TYPE_CHECKING

from dangqun.cli_kit import EXIT_FAILED, EXIT_OK, CliKit
from dangqun.core.errors import FieldError, ValidationError
from dangqun.minutes.document_commands import add_document_commands
from dangqun.minutes.vocabulary import (
    DECISION_KIND_LABELS,
    MEETING_TYPE_LABELS,
    DecisionKind,
    MeetingType,
    decision_kind_named,
    meeting_type_named,
)

if TYPE_CHECKING:
    from dangqun.minutes.quorum import VoteCount

EXIT_NOT_PASSED = 3
"""``vote-check``: the meeting may vote, but the resolution fails (the candidate is not elected)."""
EXIT_NO_QUORUM = 4
"""``vote-check``: too few present, the meeting may not vote at all."""

_OPTIONS = {
    "meeting_type": "--type",
    "decision": "--decision",
    "should_attend": "--should-attend",
    "present": "--present",
    "yes": "--yes",
    "no": "--no",
    "abstain": "--abstain",
}
"""Which option gave each value :func:`~dangqun.minutes.quorum.judge` checks."""

_NUMBER_OPTIONS = {
    "should_attend": "应到有表决权党员人数（不算预备党员、受留党察看处分的党员和经批准不计入应到的党员）",
    "present": "实到有表决权党员人数",
    "yes": "赞成票数",
    "no": "反对票数",
    "abstain": "弃权票数",
}

VOTE_CHECK_EPILOG = """\
退出码：0 通过（当选）；3 可以表决但未通过（未当选）；4 到会人数不足，不能表决；
1 人数不可能（负数、实到多于应到、票数合计多于实到）、会议类型或表决事项不认识或该类会议不表决。
只数有表决权的党员：预备党员和受留党察看处分的党员没有表决权，不计入任何人数。"""


def add_commands(
    commands: argparse._SubParsersAction[argparse.ArgumentParser], kit: CliKit
) -> None:
    """Register ``minutes`` and its sub-commands on the CLI's ``add_subparsers()`` object."""
    minutes = commands.add_parser("minutes", help="会议记录：三会一课和组织生活")
    actions = minutes.add_subparsers(dest="minutes_command", metavar="操作", required=True)

    vote_check = actions.add_parser(
        "vote-check",
        help="按会议类型和表决事项判断能否表决、是否通过，并说明依据（不需要数据目录和登录）",
        description="按《中国共产党支部工作条例（试行）》和《中国共产党基层组织选举工作条例》"
        "判断一次表决：到会人数够不够、赞成票够不够，并给出依据的条款。",
        epilog=VOTE_CHECK_EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    type_names = "、".join(MEETING_TYPE_LABELS[t] for t in MeetingType)
    vote_check.add_argument(
        "--type",
        dest="meeting_type",
        required=True,
        metavar="TYPE",
        help=f"会议类型：{type_names}（表决只在支部党员大会、支部委员会、民主评议党员中进行）",
    )
    vote_check.add_argument(
        "--decision",
        required=True,
        metavar="KIND",
        help="表决事项：" + "、".join(DECISION_KIND_LABELS.values()),
    )
    for name, label in _NUMBER_OPTIONS.items():
        vote_check.add_argument(_OPTIONS[name], dest=name, required=True, metavar="N", help=label)
    vote_check.add_argument("--json", action="store_true", help="以 JSON 输出")
    vote_check.set_defaults(handler=partial(command_vote_check, kit=kit))
    add_document_commands(actions, kit)


def command_vote_check(arguments: argparse.Namespace, kit: CliKit) -> int:
    """Judge the figures given; every refusal names the option to change (issue 15)."""
    from dangqun.minutes.quorum import judge

    try:
        meeting_type, decision, count = _read(arguments)
        verdict = judge(meeting_type, decision, count)
    except ValidationError as error:
        for problem in error.errors:
            where = _OPTIONS.get(problem.field, problem.field)
            print(f"错误：{where}：{problem.message}", file=sys.stderr)
        return EXIT_FAILED
    if not verdict.may_vote:
        code, outcome = EXIT_NO_QUORUM, "不能表决"
    elif verdict.passed:
        code = EXIT_OK
        outcome = "当选" if decision is DecisionKind.ELECTION else "通过"
    else:
        code = EXIT_NOT_PASSED
        outcome = "未当选" if decision is DecisionKind.ELECTION else "未通过"
    if arguments.json:
        payload = {
            "type": MEETING_TYPE_LABELS[meeting_type],
            "decision": DECISION_KIND_LABELS[decision],
            **{name: getattr(count, name) for name in _NUMBER_OPTIONS},
            "may_vote": verdict.may_vote,
            "passed": verdict.passed,
            "outcome": outcome,
            "present_needed": verdict.present_needed,
            "yes_needed": verdict.yes_needed,
            "rule": verdict.rule,
            "explanation": verdict.explanation,
        }
        print(json.dumps(payload, ensure_ascii=False, indent=2))
    else:
        print(f"{MEETING_TYPE_LABELS[meeting_type]} · {DECISION_KIND_LABELS[decision]}：{outcome}")
        print(verdict.explanation)
        print(f"至少需要：实到 {verdict.present_needed} 人，赞成 {verdict.yes_needed} 票")
        print(f"依据：{verdict.rule}")
    return code


def _read(arguments: argparse.Namespace) -> tuple[MeetingType, DecisionKind, VoteCount]:
    """The options as the engine's types; every bad one is reported at once, by its option.

    Numbers are read here rather than by argparse's ``type=int``, so "十二" or "1.5" is a
    refusal with exit 1 like any other impossible number, not a usage error."""
    from dangqun.minutes.quorum import VoteCount

    errors: list[FieldError] = []
    meeting_type = meeting_type_named(arguments.meeting_type)
    if meeting_type is None:
        names = "、".join(MEETING_TYPE_LABELS[t] for t in MeetingType)
        errors.append(
            FieldError(
                "meeting_type", f"没有名为“{arguments.meeting_type}”的会议类型（可选：{names}）"
            )
        )
    decision = decision_kind_named(arguments.decision)
    if decision is None:
        kinds = "、".join(DECISION_KIND_LABELS.values())
        errors.append(
            FieldError("decision", f"没有名为“{arguments.decision}”的表决事项（可选：{kinds}）")
        )
    numbers: dict[str, int] = {}
    for name in _NUMBER_OPTIONS:
        text = str(getattr(arguments, name)).strip()
        try:
            numbers[name] = int(text)
        except ValueError:
            errors.append(FieldError(name, f"“{text}”不是整数"))
    if errors or meeting_type is None or decision is None:
        raise ValidationError(errors)
    return meeting_type, decision, VoteCount(**numbers)

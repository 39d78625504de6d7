"""``dangqun minutes vote-check`` in a real process (issue 15): the exit codes 0/3/4/1, the
verdict and the rule in Chinese, JSON output, and no data directory or sign-in needed."""

from __future__ import annotations

import json
from pathlib import Path

from tests.cli_helpers import run_words

FIGURES = ("--should-attend", "21", "--present", "12", "--no", "1", "--abstain", "0")


def vote_check(*arguments: str) -> tuple[int, str, str]:
    result = run_words("minutes", "vote-check", *arguments)
    assert "Traceback" not in result.stderr
    return result.returncode, result.stdout, result.stderr


def test_vote_check_passes_with_exit_0_and_needs_no_data_directory_or_user(
    tmp_path: Path,
) -> None:
    nowhere = tmp_path / "no-center"
    result = run_words(
        "--data-dir", str(nowhere), "minutes", "vote-check", "--type", "支部党员大会",
        "--decision", "决议", *FIGURES, "--yes", "11",
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines()[0] == "支部党员大会 · 决议：通过"
    assert "应到 21 人，实到 12 人（须超过 10.5 人）" in result.stdout
    assert "依据：《中国共产党支部工作条例（试行）》第十一条" in result.stdout
    assert not nowhere.exists()


def test_vote_check_fails_with_exit_3_when_yes_is_half_of_those_who_should_attend() -> None:
    code, out, _ = vote_check("--type", "党员大会", "--decision", "决议", *FIGURES, "--yes", "10")
    assert code == 3
    assert "支部党员大会 · 决议：未通过" in out


def test_vote_check_election_without_four_fifths_present_exits_4_as_json() -> None:
    code, out, _ = vote_check(
        "--type", "支部党员大会", "--decision", "选举", *FIGURES, "--yes", "11", "--json"
    )
    assert code == 4
    payload = json.loads(out)
    assert payload["may_vote"] is False and payload["passed"] is False
    assert payload["outcome"] == "不能表决"
    assert payload["present_needed"] == 17 and payload["yes_needed"] == 11
    assert "第十六条" in payload["rule"]
    assert "须超过 16.8 人" in payload["explanation"]


def test_vote_check_refuses_impossible_numbers_with_exit_1_naming_the_option() -> None:
    code, out, err = vote_check(
        "--type", "支委会", "--decision", "决议",
        "--should-attend", "5", "--present", "6", "--yes", "4", "--no", "2", "--abstain", "1",
    )  # fmt: skip
    assert code == 1 and out == ""
    assert "错误：--present：实到人数（6）不能多于应到人数（5）" in err
    assert "错误：--yes：赞成、反对、弃权票数合计（7）不能多于实到人数（6）" in err


def test_vote_check_refuses_unknown_words_and_non_numbers_with_exit_1() -> None:
    code, _, err = vote_check("--type", "支部大会", "--decision", "表决", *FIGURES, "--yes", "十一")
    assert code == 1
    assert "错误：--type：没有名为“支部大会”的会议类型（可选：支部党员大会、" in err
    assert "错误：--decision：没有名为“表决”的表决事项（可选：决议、选举）" in err
    assert "错误：--yes：“十一”不是整数" in err
    code, _, err = vote_check("--type", "党课", "--decision", "决议", *FIGURES, "--yes", "11")
    assert code == 1
    assert "错误：--type：会议类型“党课”不进行表决" in err


def test_vote_check_help_documents_the_exit_codes() -> None:
    result = run_words("minutes", "vote-check", "--help")
    assert result.returncode == 0
    assert (
        "退出码：0 通过（当选）；3 可以表决但未通过（未当选）；4 到会人数不足，不能表决"
        in result.stdout
    )

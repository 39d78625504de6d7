"""The time bank's settings (issue 13, "Limits as settings"), registered with the core registry.

Imported by :mod:`dangqun.timebank.models`, so whenever the schema is loaded (the settings page,
``dangqun check``, every service) the settings are known. Standard library and
:mod:`dangqun.core.setting_definitions` only.

* ``timebank_overdraft_minutes`` (default 0): how far below zero a volunteer's spendable balance
  may go. 0 is DOMAIN §3's "no negative balance"; an administrator may allow an overdraft.
* ``timebank_warning_minutes`` (default 60): a posting that leaves less than this above the
  limit is "near" it — the UI warns before the hard refusal (:func:`limit_level`).
* ``timebank_daily_cap_minutes`` (default 720) and ``timebank_yearly_cap_minutes`` (default 0 =
  no yearly cap): the most minutes of service one volunteer may have recorded (pending or
  verified) on one service date / in one calendar year. A day never holds more than 24 hours
  whatever the cap.
* ``timebank_verifier_rule`` (default ``"auto"``): whether the user who entered a record may
  verify it. ``"auto"`` means "not the same user when the center has two or more active
  管理员/工作人员 accounts" (counted at verification time); ``"always"`` and ``"never"`` fix it.
"""

from __future__ import annotations

from typing import Any

from dangqun.core.setting_definitions import SettingDefinition, integer_between, register_setting
from dangqun.timebank.vocabulary import VERIFIER_RULE_LABELS, LimitLevel, VerifierRule

MINUTES_IN_A_DAY = 24 * 60
MINUTES_IN_A_YEAR = 366 * MINUTES_IN_A_DAY

OVERDRAFT_MINUTES = register_setting(
    SettingDefinition(
        "timebank_overdraft_minutes",
        "时间银行允许透支（分钟，0 为不允许负余额）",
        0,
        integer_between(0, 100 * 60, " 分钟"),
    )
)
WARNING_MINUTES = register_setting(
    SettingDefinition(
        "timebank_warning_minutes",
        "余额接近下限时提醒（分钟）",
        60,
        integer_between(0, 100 * 60, " 分钟"),
    )
)
DAILY_CAP_MINUTES = register_setting(
    SettingDefinition(
        "timebank_daily_cap_minutes",
        "每名志愿者每天最多记录服务时长（分钟）",
        720,
        integer_between(15, MINUTES_IN_A_DAY, " 分钟"),
    )
)
YEARLY_CAP_MINUTES = register_setting(
    SettingDefinition(
        "timebank_yearly_cap_minutes",
        "每名志愿者每年最多记录服务时长（分钟，0 为不限）",
        0,
        integer_between(0, MINUTES_IN_A_YEAR, " 分钟"),
    )
)


def _verifier_rule(value: Any) -> str | None:
    if value not in {rule.value for rule in VerifierRule}:
        return "必须是以下之一：" + "；".join(VERIFIER_RULE_LABELS.values())
    return None


VERIFIER_RULE = register_setting(
    SettingDefinition(
        "timebank_verifier_rule",
        "服务记录的核实人",
        VerifierRule.AUTO.value,
        _verifier_rule,
    )
)


def limit_level(balance_after: int, floor: int, warning: int) -> LimitLevel:
    """OVER below ``floor``; NEAR when less than ``warning`` minutes above it; else OK."""
    if balance_after < floor:
        return LimitLevel.OVER
    if balance_after < floor + warning:
        return LimitLevel.NEAR
    return LimitLevel.OK

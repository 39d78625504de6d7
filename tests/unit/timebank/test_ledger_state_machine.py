"""Hypothesis stateful test of the ledger (issue 13, "Invariants"): random sequences of opening
accounts, recording, verifying, rejecting, giving, spending, donating, reversing, retrying with
the same request id, and bad operations that must be refused — on a real SQLite file.

After every step ``dangqun check`` reports nothing (legs sum to zero, total zero, limits, reversals,
slip numbers, served = verified records, request ids, append-only triggers) and every volunteer's
served / spendable / pending minutes equal a plain Python model of what succeeded. A refused
operation must leave every time bank table and the audit log exactly as they were.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, time

import pytest
from hypothesis import HealthCheck, settings
from hypothesis import strategies as st
from hypothesis.stateful import RuleBasedStateMachine, invariant, precondition, rule

from dangqun.bootstrap import open_application
from dangqun.core.errors import ValidationError
from dangqun.core.invariants import run_checks
from dangqun.core.paths import DataPaths
from dangqun.schema import load_feature_invariants
from dangqun.timebank.service import (
    ReceivedKind,
    donate,
    get_balances,
    give,
    record_service,
    reject_service_record,
    reverse_transfer,
    spend,
    verify_service_record,
)
from tests.conftest import actor_of, copy_database
from tests.unit.timebank.conftest import category_id, open_resident, row_counts, service_form


@dataclass
class Posting:
    kind: str
    moves: dict[int, int]
    """volunteer id → signed minutes on their account."""
    record_id: int | None = None
    reversed: bool = False
    call: tuple[object, ...] = ()


@dataclass
class Model:
    spendable: dict[int, int] = field(default_factory=dict)
    served: dict[int, int] = field(default_factory=dict)
    pending: dict[int, int] = field(default_factory=dict)
    records: dict[int, tuple[int, int, str]] = field(default_factory=dict)
    """record id → (volunteer, minutes, status)."""
    postings: dict[int, Posting] = field(default_factory=dict)


def run_state_machine(prepared_database, root, examples: int) -> None:
    load_feature_invariants()
    counter = iter(range(1_000_000))

    class LedgerMachine(RuleBasedStateMachine):
        def __init__(self) -> None:
            super().__init__()
            paths = DataPaths(root / f"run{next(counter)}" / "data")
            copy_database(prepared_database, paths.database)
            self.application = open_application(paths)
            self.database = self.application.database
            self.admin = actor_of(self.application, "admin")
            self.category = category_id(self.database, self.admin)
            self.model = Model()
            self.volunteers: list[int] = []
            self.requests = iter(range(1_000_000))
            self.last: tuple[object, ...] | None = None

        def teardown(self) -> None:
            self.application.close()

        def _request(self) -> str:
            return f"req-{next(self.requests)}"

        def _refused(self, call, *arguments) -> bool:
            """Run ``call``; on a refusal prove that nothing was written."""
            before = row_counts(self.application.paths.database)
            try:
                self._result = call(self.database, self.admin, *arguments)
            except ValidationError:
                assert row_counts(self.application.paths.database) == before
                return True
            return False

        @precondition(lambda self: len(self.volunteers) < 4)
        @rule()
        def open_account(self) -> None:
            sequence = 101 + 2 * len(self.volunteers)
            volunteer = open_resident(self.database, self.admin, sequence)
            self.volunteers.append(volunteer)
            for figures in (self.model.spendable, self.model.served, self.model.pending):
                figures[volunteer] = 0

        @precondition(lambda self: self.volunteers)
        @rule(
            data=st.data(),
            day=st.integers(1, 6),
            start=st.integers(0, 22 * 4),
            quarters=st.sampled_from([-1, 0, *range(1, 13)]),
            slip=st.one_of(st.none(), st.integers(1, 4).map(lambda n: f"S-{n}")),
        )
        def record(self, data, day, start, quarters, slip) -> None:
            volunteer = data.draw(st.sampled_from(self.volunteers))
            begins = time(start // 4, start % 4 * 15)
            end_minute = min(start * 15 + quarters * 15, 23 * 60 + 45)
            ends = time(end_minute // 60, end_minute % 60) if end_minute >= 0 else time(0, 0)
            form = service_form(
                volunteer,
                self.category,
                served_on=date(2026, 11, day),
                starts_at=begins,
                ends_at=ends,
                slip_number=slip,
            )
            if not self._refused(record_service, form):
                record = self._result
                self.model.records[record.id] = (volunteer, record.minutes, "pending")
                self.model.pending[volunteer] += record.minutes

        def _pending(self) -> list[int]:
            return sorted(
                r for r, (_v, _m, status) in self.model.records.items() if status == "pending"
            )

        @precondition(lambda self: self.model.records)
        @rule(data=st.data(), pending_only=st.booleans())
        def verify(self, data, pending_only) -> None:
            choices = self._pending() if pending_only else sorted(self.model.records)
            record_id = data.draw(st.sampled_from(choices or sorted(self.model.records)))
            volunteer, minutes, status = self.model.records[record_id]
            request = self._request()
            refused = self._refused(verify_service_record, record_id, request)
            assert refused == (status != "pending")
            if not refused:
                self.model.records[record_id] = (volunteer, minutes, "verified")
                self.model.pending[volunteer] -= minutes
                self.model.served[volunteer] += minutes
                self.model.spendable[volunteer] += minutes
                self.model.postings[self._result.id] = Posting(
                    "earn",
                    {volunteer: minutes},
                    record_id,
                    call=(verify_service_record, record_id, request),
                )
                self.last = (verify_service_record, record_id, request)

        @precondition(lambda self: self.model.records)
        @rule(data=st.data())
        def reject(self, data) -> None:
            record_id = data.draw(st.sampled_from(sorted(self.model.records)))
            volunteer, minutes, status = self.model.records[record_id]
            refused = self._refused(reject_service_record, record_id, "登记有误")
            assert refused == (status != "pending")
            if not refused:
                self.model.records[record_id] = (volunteer, minutes, "rejected")
                self.model.pending[volunteer] -= minutes

        def _move(self, kind: str, call, arguments, moves: dict[int, int]) -> None:
            giver = next(v for v, amount in moves.items() if amount < 0)
            would_overdraw = self.model.spendable[giver] + moves[giver] < 0
            refused = self._refused(call, *arguments)
            assert refused == would_overdraw
            if not refused:
                for volunteer, amount in moves.items():
                    self.model.spendable[volunteer] += amount
                self.model.postings[self._result.id] = Posting(kind, moves, call=(call, *arguments))
                self.last = (call, *arguments)

        @precondition(lambda self: len(self.volunteers) >= 2)
        @rule(data=st.data(), minutes=st.integers(1, 150))
        def give_minutes(self, data, minutes) -> None:
            one, two = data.draw(
                st.lists(st.sampled_from(self.volunteers), min_size=2, max_size=2, unique=True)
            )
            self._move(
                "give", give, (one, two, minutes, self._request()), {one: -minutes, two: minutes}
            )

        @precondition(lambda self: self.volunteers)
        @rule(data=st.data(), minutes=st.integers(1, 150))
        def spend_minutes(self, data, minutes) -> None:
            one = data.draw(st.sampled_from(self.volunteers))
            arguments = (one, minutes, ReceivedKind.ITEM, "爱心米", self._request())
            self._move("spend", spend, arguments, {one: -minutes})

        @precondition(lambda self: self.volunteers)
        @rule(data=st.data(), minutes=st.integers(1, 150))
        def donate_minutes(self, data, minutes) -> None:
            one = data.draw(st.sampled_from(self.volunteers))
            self._move("donate", donate, (one, minutes, self._request()), {one: -minutes})

        @precondition(lambda self: self.model.postings)
        @rule(data=st.data())
        def reverse(self, data) -> None:
            transfer_id = data.draw(st.sampled_from(sorted(self.model.postings)))
            posting = self.model.postings[transfer_id]
            undo = {volunteer: -amount for volunteer, amount in posting.moves.items()}
            allowed = (
                posting.kind != "reversal"
                and not posting.reversed
                and all(self.model.spendable[v] + amount >= 0 for v, amount in undo.items())
            )
            request = self._request()
            refused = self._refused(reverse_transfer, transfer_id, "更正", request)
            assert refused == (not allowed)
            if refused:
                return
            posting.reversed = True
            for volunteer, amount in undo.items():
                self.model.spendable[volunteer] += amount
            if posting.record_id is not None:
                volunteer, minutes, _status = self.model.records[posting.record_id]
                self.model.records[posting.record_id] = (volunteer, minutes, "reversed")
                self.model.served[volunteer] -= minutes
            self.model.postings[self._result.id] = Posting("reversal", undo)

        @precondition(lambda self: self.last is not None)
        @rule()
        def retry_the_last_request(self) -> None:
            call, *arguments = self.last
            before = row_counts(self.application.paths.database)
            repeated = call(self.database, self.admin, *arguments)
            assert repeated.repeated
            assert row_counts(self.application.paths.database) == before

        @precondition(lambda self: self.volunteers)
        @rule(data=st.data())
        def bad_operations_are_refused_without_trace(self, data) -> None:
            one = data.draw(st.sampled_from(self.volunteers))
            assert self._refused(give, one, one, 1, self._request())
            assert self._refused(donate, one, 0, self._request())
            assert self._refused(spend, one, 10, ReceivedKind.SERVICE, "", self._request())
            reversals = [tid for tid, p in self.model.postings.items() if p.kind == "reversal"]
            if reversals:
                assert self._refused(reverse_transfer, reversals[0], "再冲正", self._request())

        @invariant()
        def figures_match_the_model_and_check_is_clean(self) -> None:
            for volunteer in self.volunteers:
                balances = get_balances(self.database, self.admin, volunteer)
                assert balances.spendable == self.model.spendable[volunteer]
                assert balances.served == self.model.served[volunteer]
                assert balances.pending == self.model.pending[volunteer]
            with self.database.reading() as session:
                assert run_checks(session).problems == []

    LedgerMachine.TestCase.settings = settings(
        max_examples=examples,
        stateful_step_count=40,
        deadline=None,
        suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
    )
    LedgerMachine.TestCase().runTest()


@pytest.mark.filterwarnings("ignore::hypothesis.errors.NonInteractiveExampleWarning")
@pytest.mark.parametrize(
    "examples",
    [
        pytest.param(5, id="quick"),
        pytest.param(40, id="thorough", marks=pytest.mark.slow),  # CI's slow run
    ],
)
def test_ledger_invariants_hold_over_random_operations(prepared_centers, tmp_path, examples):
    run_state_machine(prepared_centers.database(), tmp_path, examples)

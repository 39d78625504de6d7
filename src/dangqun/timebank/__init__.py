"""Volunteer time bank (时间银行): volunteers, service records, the minute ledger (issue 13).

What the module adds to dangqun is declared in :mod:`dangqun.timebank.feature`; this package
imports nothing, so reading that declaration costs nothing at start-up. DOMAIN.md §3 gives the
rules; :mod:`~dangqun.timebank.service` is the one module the UI, the CLI, importers, documents
and other features import (with :mod:`~dangqun.timebank.vocabulary` and
:mod:`~dangqun.timebank.changes`, which have no ORM).

Glossary:
时间银行 = time bank; 志愿者 = volunteer (an account holder: a member, or a resident who is not
one); 志愿者编号 = volunteer number (``ZY`` + year + five digits); 服务记录 = service record;
登记单号 = paper slip number; 服务类别 = service category; 服务对象 = beneficiary; 微心愿 =
micro-wish; 待核实 / 已核实 / 已退回 / 已冲正 = pending / verified / rejected / reversed;
存入 = earn; 兑换 = spend (on the exchange catalogue, 兑换目录); 转赠 = give; 捐赠 = donate (to
the 公益池, donation pool); 发行账户 = issuance account; 冲正 = reversal; 存折 = passbook
(statement); 月末结账 = monthly closing; 志愿服务证明 = volunteer service certificate;
已服务 / 可用 / 待核实时长 = served / spendable / pending minutes.

Decisions:

* Minutes are integers everywhere. Balances are not cached: an account's spendable balance is
  the sum of its entries, read from the covering index (account, booked_on, amount). Served =
  minutes of 已核实 records; pending = minutes of 待核实 records.
* Transfers and entries are append-only, in the database too (triggers, checked by
  ``dangqun check``). A correction is :func:`service.reverse_transfer`: a linked transfer with
  every leg negated, a reason and the acting user. Reversing an earn sets its record to 已冲正,
  which no longer counts as served, nor for overlaps and caps.
* A posting's ``request_id`` (one per dialog) posts once: repeating it returns the first
  transfer with ``repeated=True``.
* Verification posts the earn in the same transaction. Setting ``timebank_verifier_rule``:
  ``"auto"`` (default: another user must verify once the center has two or more active
  管理员/工作人员 accounts), ``"always"``, ``"never"``. Other settings: overdraft (0 = no
  negative balance), warning level, daily and yearly caps (:mod:`~dangqun.timebank.limits`).
* A monthly closing is taken once; closing a month again is refused, and nothing is booked into
  a closed month afterwards.
* Suspended accounts take no new records and no postings (can be reactivated); closed ones are
  final, keep their history and balance, and need no pending records to close.

How to use the services (every function takes ``database, actor`` first; writes raise
``ValidationError`` whose ``FieldError.field`` is the parameter or form field, Chinese message)::

    from dangqun.timebank import service as timebank

    volunteer = timebank.open_volunteer(db, actor, timebank.VolunteerForm(member_id=42))
    resident = timebank.open_volunteer(db, actor, timebank.VolunteerForm(
        name="刘桂兰", id_number="…", phone="13987654321", skills=("理发",)))
    care = next(c for c in timebank.list_categories(db, actor) if c.name == "养老助老")
    record = timebank.record_service(db, actor, timebank.ServiceForm(
        volunteer_id=volunteer.id, category_id=care.id, served_on=date(2026, 11, 20),
        starts_at=time(9, 0), ends_at=time(11, 0),
        beneficiary_kind=timebank.BeneficiaryKind.RESIDENT, beneficiary="张奶奶",
        content="陪同就医", slip_number="DJ-0042"))            # 待核实, 120 minutes
    timebank.verify_service_record(db, other_staff, record.id, request_id)   # earn posted
    timebank.record_batch(db, actor, timebank.ActivityForm(...), [timebank.BatchRow(...), ...])
        # all rows or none; BatchRefused.row_errors = [RowError(row, field, message), ...]
    timebank.check_outgoing(db, actor, volunteer.id, 90).level   # LimitLevel.OK / NEAR / OVER
    timebank.spend(db, actor, volunteer.id, 30, timebank.ReceivedKind.ITEM, "爱心米", request_id)
    timebank.give(db, actor, volunteer.id, resident.id, 45, request_id)
    timebank.donate(db, actor, volunteer.id, 15, request_id)
    timebank.reverse_transfer(db, actor, transfer_id, "登记错了志愿者", request_id)
    timebank.get_balances(db, actor, volunteer.id)       # Balances(served, spendable, pending)
    timebank.statement(db, actor, volunteer.id, start, end, offset=0, limit=50)
        # opening_balance, movements (each with running balance), closing_balance, has_more
    timebank.close_month(db, actor, "2026-11")           # once; again → ValidationError
    timebank.certificate_data(db, actor, volunteer.id, start, end)   # served minutes, summary

A sign-in sheet: ``import_services(db, actor, path, ImportMode.VALID_ROWS, open_accounts=True,
dry_run=True)`` → ``ServiceImportReport`` (per-row findings; :mod:`~dangqun.timebank.importer`).

Reads: ``get_volunteer``, ``find_volunteer`` (by number), ``list_volunteers`` (paged, with
balances), ``list_service_records`` (``RecordQuery``: volunteer, status, period, batch),
``verification_needs_another_user``. After a write the UI announces the kinds in
:mod:`~dangqun.timebank.changes` (``VOLUNTEER``, ``SERVICE_RECORD``, ``LEDGER``,
``SERVICE_CATEGORY``). Categories (``add_category``, ``rename_category``,
``set_category_retired``) need ``MANAGE_SETTINGS``; they are never deleted.
"""

"""Open organizational-life bases (开放式组织生活基地): places, menus, lecturers, bookings,
check-in and statistics (issue 14).

What the module adds to dangqun is declared in :mod:`dangqun.bases.feature`; this package
imports nothing, so reading that declaration costs nothing at start-up. DOMAIN.md §2 gives the
rules; :mod:`~dangqun.bases.service` is the one module the UI, the CLI, prints and other features
import (with :mod:`~dangqun.bases.vocabulary` and :mod:`~dangqun.bases.changes`, which have no
ORM).

Glossary:
阵地 / 基地 = base (``BaseSite`` in the models: ``Base`` is SQLAlchemy's); 基础型 / 红色型 /
公益型 / 科技型 = basic / red heritage / public welfare / technology; 活动室 = room; 容纳人数 =
capacity (people); 独占使用 = exclusive use; 开放时间 = opening hours; 闭馆 = closed date
(once, a range, or every year); 特色菜单 = menu (of activities); 讲师团 = lecturers; 物资 =
materials; 来访组织 = visiting organization (支部 / 驻区单位 / 两新组织 / 流动党员小组); 预约 =
booking (编号 ``YY-2026-000001``); 周期预约 = recurring series; 待确认 / 已确认 / 已签到 /
已完成 / 已取消 / 未到 = pending / confirmed / checked in / completed / cancelled / no-show;
介绍信 = letter of introduction; 签到 = check-in; 批次 = visits; 人次 = people (person-visits).

Decisions:

* Times are the center's local wall clock: a local ``date`` and integer minutes since
  midnight, with the zone's name stored on each booking (setting ``bases_time_zone``, default
  ``Asia/Shanghai``; known even without a zone database). Nothing is converted to UTC, so a
  series generated as local dates never drifts an hour or onto another weekday. A slot ends on
  its own day (no bookings across midnight).
* Capacity counts people at every moment (overlapping bookings share a room while their
  headcounts fit; an exclusive room takes one booking at a time). Buffer minutes hold the room
  after each booking. 待确认, 已确认, 已签到 and 已完成 hold places; 已取消 frees them.
* The check and the write are one ``BEGIN IMMEDIATE`` transaction (:mod:`~dangqun.bases.rules`):
  two threads or two processes can never both take the last places
  (tests/unit/bases/test_concurrency.py, tests/integration/test_bases_race.py).
* Choosing menu items holds the room, a lecturer able to give all of them (the one asked for,
  else the first free) and their materials together, or nothing.
* Settings: ``bases_min_notice_minutes`` (60), ``bases_max_advance_days`` (180),
  ``bases_buffer_minutes`` (0), ``bases_monthly_quota`` (0 = none), ``bases_time_zone``.
* Used things are retired, never deleted; closed dates may be removed (they are rules).
* Statistics count only visits that happened (已签到, 已完成) with the real headcount.
* A booking's 介绍信 scan is kept inside the database (``bases_booking_letters``, migration
  0010), written in the transaction of the action that brings it, so a backup carries it and a
  restore or a moved data directory brings it back; it is local only (not a ``SyncedRecord``:
  the district gets ``letter_path``, a ``sha256:`` flag). Its type is judged by content. Every
  role sees its name and size; the bytes need ``SEE_PERSONAL_DATA`` (a scan cannot be masked)
  and each opening is audited.

How to use the services (every function takes ``database, actor`` first; writes raise
``ValidationError`` whose ``FieldError.field`` is the form field, with a Chinese message; unknown
ids raise ``NotFound``; bookings need ``EDIT_RECORDS``, the places (bases, rooms, hours, closed
dates) ``MANAGE_SETTINGS``, the menu, materials and lecturers ``EDIT_RECORDS``)::

    from dangqun.bases import service as bases

    base = bases.create_base(db, admin, bases.BaseForm("翠湖红色教育基地", bases.BaseType.RED,
        address="…", contact="赵敏", phone="0871-65123456", introduction="…"))
    bases.set_opening_hours(db, admin, base.id, {0: [(time(9), time(12)), (time(14), time(18))],
        …})                                            # weekday 0 = Monday; missing = closed
    bases.add_closure(db, admin, base.id, bases.ClosureForm("国庆", bases.ClosureKind.YEARLY,
        yearly_from="10-01", yearly_to="10-07"))        # or ClosureKind.DATES, starts_on, ends_on
    hall = bases.create_room(db, admin, bases.RoomForm(base.id, "党员活动室", 40))
    projector = bases.create_material(db, actor, bases.MaterialForm(base.id, "投影仪", 1))
    zhang = bases.create_lecturer(db, actor, bases.LecturerForm(member_id=42, topics=("党史",)))
        # or volunteer_id=…, or name="张建国" for a guest
    lesson = bases.create_menu_item(db, actor, bases.MenuItemForm(base.id, "专题党课", 60, 5, 40,
        lecturer_ids=(zhang.id,), materials=(bases.MaterialNeed(projector.id, 1),)))
    booking_id = bases.book(db, actor, bases.BookingForm(room_id=hall.id, on_date=date(2026, 12, 4),
        starts_at=time(9), ends_at=time(11), headcount=20, organization="某公司党支部",
        org_type=bases.OrganizationType.TWO_NEW, contact="陈立", phone="13888001234",
        menu_item_ids=(lesson.id,), channel=bases.Channel.PHONE, letter_file=None))
        # ends_next_day=True is refused (no slots across midnight); confirmed=True books 已确认
    detail = bases.get_booking(db, actor, booking_id)   # BookingDetail: number, slot_text, status…
    bases.update_booking(db, actor, booking_id, form)   # move/change while 待确认 or 已确认
    bases.confirm_booking(db, actor, booking_id)
    bases.cancel_booking(db, actor, booking_id, "支部改期")
    bases.check_in(db, actor, booking_id, bases.CheckInForm(18, (bases.AttendeeForm(member_id=7),
        bases.AttendeeForm(name="周青"))))              # on or after the day
    bases.complete_booking(db, actor, booking_id)
    bases.mark_no_show(db, actor, booking_id)          # only after the slot has ended
    bases.attach_letter(db, actor, booking_id, Path("介绍信.pdf"))   # or replace; kept in the database
    detail.letter                                      # LetterSummary(file_name, media_type, size, …) or None
    letter = bases.booking_letter(db, admin, booking_id)   # LetterFile: file_name, media_type, content;
        # needs SEE_PERSONAL_DATA, audited; BookingForm(letter_file=…) in book/update_booking too
    bases.remove_letter(db, actor, booking_id)
    result = bases.book_series(db, actor, bases.SeriesForm(bases.RecurrenceRule(
        bases.RecurrenceKind.MONTHLY_WEEKDAY, weekday=4, ordinal=1),    # 每月第一个周五
        date(2027, 1, 1), date(2027, 12, 31), template_form))
        # result.booking_ids / numbers; result.skipped: SkippedDate(on_date, problem, message),
        # problem a bases.Problem (CLOSED, OUTSIDE_HOURS, FULL, LECTURER_BUSY, MATERIALS, QUOTA …)
    bases.add_series_date(db, actor, result.series_id, skipped_date)   # re-add one later

Every service accepts ``now=`` (an aware instant) where the present matters; tests fix it.

Reads: ``list_bases`` / ``get_base`` (``BaseDetail`` with rooms, hours, closures, materials),
``list_menu_items(base_id)``, ``list_lecturers``, ``list_organizations(text)``,
``list_bookings(BookingQuery(...))``, ``find_booking(number)``, ``bookings_on(day)`` (today's
arrivals, tomorrow's call list), ``series_bookings(series_id)``, ``week_view(starts_on,
base_id=… | room_id=…, slot_minutes=60)`` (``WeekView`` → ``RoomWeek`` per room: seven
``WeekDay`` with hours, closure text and ``WeekSlot(start_minute, end_minute, free)``, plus the
``BookingBlock``\\ s to draw, coloured by ``status``), ``statistics(starts_on, ends_on,
base_id=None, granularity=Granularity.MONTH)`` (``Statistics``: visits, people, ``summary``
"先后有 X 批 Y 人次…", and ``Tally`` rows by period, base, visitor type, organization and menu
item). Management: ``update_base``, ``set_base_retired``, ``update_room``, ``set_room_retired``,
``update_material``, ``set_material_retired``, ``update_menu_item``, ``set_menu_item_retired``,
``update_lecturer``, ``set_lecturer_retired``, ``delete_closure``. After a write the UI announces
the kinds in :mod:`~dangqun.bases.changes` (``BASE``, ``MENU``, ``BOOKING``). Visitors' phones are
masked unless the actor may see personal data; a base's own phone is public (its brochure). ``dangqun check`` runs :mod:`~dangqun.bases.invariants`.
"""

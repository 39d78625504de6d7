"""会议记录: minutes of 三会一课 and organizational life (issue 15, DOMAIN.md §4).

Glossary:

* 三会一课 = the three meetings (支部党员大会 general meeting, 支部委员会 committee, 党小组会 group
  meeting) and the party lesson (党课); also 主题党日 theme day, 组织生活会 organizational-life
  meeting, 民主评议党员 member evaluation, 议事协商/逢四说事 deliberation.
* 应到 / 实到 = should attend / present; 有表决权 = voting; 预备党员 = probationary member (no
  vote); 留党察看 = probation within the party (no vote); 列席 = observer; 补课 = make-up;
  请假 = leave; 不计入应到 = left out of "should attend" with a recorded reason.
* 主持人 host, 记录人 recorder, 讲课人 lecturer; 决议 resolution, 选举 election; 赞成/反对/弃权
  yes/no/abstain; 书面意见 written opinion; 签字锁定 signed and locked; 更正 correction (addendum).

Modules: ``vocabulary`` (codes and labels), ``models`` + ``migrations/0008``, ``roster`` (the
list of a date), ``quorum`` (the engine; no database), ``record`` (a meeting read as plain
data, figures, content hash), ``search`` (FTS5 trigram index), ``compliance`` (the schedule),
``service`` (the one import: a facade re-exporting ``meetings`` — header, agenda, drafts;
``attendance`` — the list and its checks; ``resolutions`` — votes, written opinions, verdicts;
``attachments``; ``signing`` — sign, lock, corrections; ``queries`` — the reads; with
``editing``, what the writes share), ``invariants``, ``changes``, ``minutes_settings``,
``cli_commands``.

Decisions (what a user can rely on):

* **Roster** (:mod:`dangqun.minutes.roster`): today's member rows with later history undone;
  在职党员（双报到） are not on a branch's list (their 组织生活 is with their unit); 流入党员 are,
  without a vote; 流出党员 are, filled in as 请假 for the clerk to confirm.
* **Times** are the center's wall clock: local date + minutes, with the zone's name (the
  ``bases_time_zone`` setting), as bookings are. "Started" is judged against that.
* **Lock**: the second signature (host and recorder, in either order) locks the record and
  stores SHA-256 of its content; ``dangqun check`` recomputes it. Locked records take only
  dated corrections; drafts are edited and may be deleted, signed records never.
* **Attachments** (photos, scans, PDF, Office, text; at most ``minutes_attachment_max_mb``,
  default 10 MB, 30 per meeting) are copied owner-only to ``attachments/<meeting uuid>/`` and
  their bytes kept in the local table ``minutes_attachment_contents``: ``core/backup.py`` copies
  the database file only (SQLite's online backup), so keeping the bytes in the database is what
  puts them in every backup and brings them back with a restore; :func:`service.attachment_file`
  rewrites a missing or damaged file from there. Sync packages carry the attachment's name,
  size and hash, not the bytes (the table is not synced).
* **Search**: FTS5 trigram over topic, agenda, speeches, resolutions and corrections; one and
  two characters fall back to ``LIKE`` (``SearchResult.substring_scan``). The index is derived,
  created on first write and rebuilt when missing, never synced.
* **Drafts** (autosave) are local, per user and meeting, not audited (nobody's record yet).

How to use the services (``from dangqun.minutes import service``; every call takes
``database, actor`` first; writes raise ``ValidationError`` — ``.errors`` with ``FieldError``
fields named after the form fields, list lines as ``attendance[3]``, ``agenda[0]``,
``resolutions[1]`` — ``PermissionDenied`` or ``NotFound``; announce ``changes.MEETING``
after a write, ``changes.DRAFT`` after an autosave):

* ``create_meeting(db, actor, MeetingForm(...)) -> id``; ``update_meeting(db, actor, id, form)``;
  ``delete_meeting`` (drafts only).
* ``roster(db, actor, organization_id, on_date) -> [RosterEntry]`` (member_id, name, voting,
  probationary, floating_out); ``fill_attendance_from_roster(db, actor, id) -> added``;
  ``set_attendance(db, actor, id, [AttendanceEntry(member_id, AttendanceStatus, reason=,
  reason_note=, observer=, makeup_on=, makeup_notes=)]) -> Figures`` (the whole list each time).
* ``set_agenda(db, actor, id, [AgendaEntry(title, content, (SpeechEntry(name, points,
  member_id),))])``.
* ``set_resolutions(db, actor, id, [ResolutionEntry(text, decision_kind, yes=, no=, abstain=
  | votes=((member_id, Vote),), opinions=(OpinionEntry,), on_admission=, recorded_as_passed=)])
  -> [ResolutionView]`` with the stored verdict (may_vote, passed, rule, explanation). Types
  that do not vote (``quorum.voting_rule_applies``) record conclusions without tallies.
  ``written_opinion_candidates(attendance)`` (voting members 缺席/请假: who may hand in a
  书面意见) and ``judge_resolution(type, kind, figures, (yes, no, abstain), opinion_votes)``
  (the verdict the service stores, "计入书面意见 N 份后：…") need no database: the editor uses
  them while the clerk types.
* ``add_attachment(db, actor, id, path, caption) -> attachment_id``; ``remove_attachment``;
  ``attachment_file(db, actor, attachment_id) -> Path`` to open.
* ``sign_meeting(db, actor, id, SignatureRole.HOST | RECORDER) -> locked``;
  ``add_correction(db, actor, id, reason, text)``.
* ``save_draft(db, actor, meeting_key, dict)``, ``load_draft -> (dict, saved_at) | None``,
  ``discard_draft`` (``meeting_key`` 0 = a new meeting).
* Reads: ``get_meeting -> MeetingDetail`` (header, attendance, agenda, resolutions,
  attachments, signatures, corrections, ``figures``: 应到/实到/rate …); ``list_meetings(
  organization_id=, year=, meeting_type=)``; ``search_meetings(query) -> SearchResult`` (hits
  with ``snippet`` and ``marks`` ranges to highlight); ``member_attendance(member_id)`` (history
  and rate); ``compliance_table(organization_id, year) -> ComplianceTable`` (``cell(month,
  type)``, ``periods``, ``missing``); ``overdue_meetings() -> [OverdueMeeting]`` for the home
  page.
"""

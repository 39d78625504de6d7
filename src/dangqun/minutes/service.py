"""The minutes module's one import: every write and read the UI, prints, demo and CLI use.

Each write checks the role (``EDIT_RECORDS``; reads ``VIEW``), validates everything at once
(:class:`~dangqun.core.errors.ValidationError` with a Chinese
:class:`~dangqun.core.errors.FieldError` per field), writes rows, the full-text index and one
audit entry in one unit of work, and commits — a refusal writes nothing. The rules (issue 15
"Rules and bad input", DOMAIN §4), each with a test named after it, are stated with the code
that keeps them.

Everything here is re-exported from the modules that implement it, so a caller needs one import:

* :mod:`~dangqun.minutes.meetings` — the header form, create, update and delete of a draft,
  the agenda with its speeches, autosaved drafts;
* :mod:`~dangqun.minutes.attendance` — the roster of the date, filling the list, the list
  and its checks (roster, 列席, host present, reasons, 补课);
* :mod:`~dangqun.minutes.resolutions` — tallies and per-person votes, written opinions
  (发展党员工作细则), the verdict of :mod:`~dangqun.minutes.quorum` stored with each resolution;
* :mod:`~dangqun.minutes.attachments` — photos and scans, kept in the database too;
* :mod:`~dangqun.minutes.signing` — signatures, the lock with its content hash, corrections;
* :mod:`~dangqun.minutes.queries` — one record, the list, search, a member's attendance,
  the statutory schedule and its Excel export;

with :mod:`~dangqun.minutes.editing` (what the writes share: the locked and not-started
refusals, text checks) behind them, and the plain-data views of :mod:`~dangqun.minutes.record`,
:mod:`~dangqun.minutes.compliance` and :mod:`~dangqun.minutes.handoff`. See the package
docstring for how to use them.
"""

from __future__ import annotations

from dangqun.minutes.attachments import (
    ATTACHMENT_SUFFIXES,
    ATTACHMENTS_FOLDER,
    MAX_ATTACHMENTS_PER_MEETING,
    add_attachment,
    attachment_file,
    remove_attachment,
)
from dangqun.minutes.attendance import (
    AttendanceEntry,
    fill_attendance_from_roster,
    roster,
    set_attendance,
)
from dangqun.minutes.compliance import (
    ComplianceCell,
    CompliancePeriod,
    ComplianceTable,
    OverdueMeeting,
)
from dangqun.minutes.handoff import MeetingDraft, meeting_handoff_draft, meeting_handoff_possible
from dangqun.minutes.meetings import (
    AgendaEntry,
    MeetingForm,
    SpeechEntry,
    create_meeting,
    delete_meeting,
    discard_draft,
    load_draft,
    save_draft,
    set_agenda,
    update_meeting,
)
from dangqun.minutes.queries import (
    AttendanceRecord,
    MeetingHit,
    MeetingSummary,
    MemberAttendance,
    SearchResult,
    compliance_table,
    export_compliance,
    get_meeting,
    list_meetings,
    member_attendance,
    overdue_meetings,
    search_meetings,
)
from dangqun.minutes.record import (
    AgendaItemView,
    AttachmentView,
    AttendanceView,
    CorrectionView,
    Figures,
    MeetingDetail,
    ResolutionView,
    SignatureView,
    SpeechView,
    figures_of,
)
from dangqun.minutes.resolutions import (
    OpinionEntry,
    ResolutionEntry,
    judge_resolution,
    may_give_written_opinion,
    set_resolutions,
    written_opinion_candidates,
)
from dangqun.minutes.roster import RosterEntry
from dangqun.minutes.signing import add_correction, sign_meeting

__all__ = [
    "ATTACHMENTS_FOLDER",
    "ATTACHMENT_SUFFIXES",
    "MAX_ATTACHMENTS_PER_MEETING",
    "AgendaEntry",
    "AgendaItemView",
    "AttachmentView",
    "AttendanceEntry",
    "AttendanceRecord",
    "AttendanceView",
    "ComplianceCell",
    "CompliancePeriod",
    "ComplianceTable",
    "CorrectionView",
    "Figures",
    "MeetingDetail",
    "MeetingDraft",
    "MeetingForm",
    "MeetingHit",
    "MeetingSummary",
    "MemberAttendance",
    "OpinionEntry",
    "OverdueMeeting",
    "ResolutionEntry",
    "ResolutionView",
    "RosterEntry",
    "SearchResult",
    "SignatureView",
    "SpeechEntry",
    "SpeechView",
    "add_attachment",
    "add_correction",
    "attachment_file",
    "compliance_table",
    "create_meeting",
    "delete_meeting",
    "discard_draft",
    "export_compliance",
    "figures_of",
    "fill_attendance_from_roster",
    "get_meeting",
    "judge_resolution",
    "list_meetings",
    "load_draft",
    "may_give_written_opinion",
    "meeting_handoff_draft",
    "meeting_handoff_possible",
    "member_attendance",
    "overdue_meetings",
    "remove_attachment",
    "roster",
    "save_draft",
    "search_meetings",
    "set_agenda",
    "set_attendance",
    "set_resolutions",
    "sign_meeting",
    "update_meeting",
    "written_opinion_candidates",
]

"""会议记录 (三会一课) as a feature: what the minutes module adds to dangqun (core/feature_kit.py)."""

from dangqun.core.feature_kit import (
    QT_TRANSLATE_NOOP,
    Feature,
    PageDeclaration,
    ScreenshotDialogs,
    SettingsTabDeclaration,
)

_MEETING_FIELDS = {
    "organization": "组织",
    "meeting_type": "会议类型",
    "title": "会议名称",
    "on_date": "日期",
    "starts_at": "开始时间",
    "ends_at": "结束时间",
    "time_zone": "时区",
    "place": "地点",
    "room": "活动室",
    "host": "主持人",
    "recorder": "记录人",
    "lecturer": "讲课人",
    "topic": "党课主题",
    "observers": "列席人员",
    "status": "状态",
    "attendance": "出席情况",
    "agenda": "议程",
    "content_hash": "内容校验码",
    "signer": "签字人",
    "role": "签字身份",
}

FEATURE = Feature(
    key="minutes",
    title="会议记录",
    models=("dangqun.minutes.models",),
    migrations="minutes/migrations",
    invariants=("dangqun.minutes.invariants",),
    audit_labels={
        "minutes.meeting.create": "新建会议记录",
        "minutes.meeting.update": "修改会议信息",
        "minutes.meeting.delete": "删除会议记录草稿",
        "minutes.attendance.update": "登记出席情况",
        "minutes.agenda.update": "修改议程和发言",
        "minutes.resolution.update": "修改决议和表决",
        "minutes.attachment.add": "添加会议附件",
        "minutes.attachment.remove": "删除会议附件",
        "minutes.meeting.sign": "会议记录签字",
        "minutes.meeting.lock": "会议记录锁定",
        "minutes.correction.add": "补充更正会议记录",
    },
    cli_commands=("dangqun.minutes.cli_commands:add_commands",),
    pages=(
        PageDeclaration(
            "minutes",
            QT_TRANSLATE_NOOP("Pages", "Meeting minutes"),
            "minutes",
            "dangqun.ui.pages.minutes_page:MinutesPage",
            QT_TRANSLATE_NOOP("Pages", "Three meetings and one lesson, search, compliance"),
            position=40,
        ),
    ),
    screenshot_dialogs=(
        ScreenshotDialogs(
            ("minutes_editor", "minutes_attendance", "minutes_resolution", "minutes_locked"),
            "dangqun.ui.minutes.screenshots:open_dialog",
            over_page="minutes",
        ),
    ),
    settings_tabs=(
        SettingsTabDeclaration(
            "minutes",
            QT_TRANSLATE_NOOP("SettingsTabs", "Meeting minutes"),
            "dangqun.ui.settings.minutes_tab:MinutesTab",
            position=75,
        ),
    ),
    home_cards=("dangqun.ui.minutes.home_cards:MinutesHomeCards",),
    audit_entity_labels={"minutes_meeting": "会议记录"},
    audit_field_labels={
        "minutes_meeting": {
            **_MEETING_FIELDS,
            "resolutions": "决议",
            "file_name": "附件名称",
            "size": "大小（字节）",
            "sha256": "SHA-256",
            "reason": "更正原因",
            "text": "更正内容",
            "made_on": "更正日期",
        }
    },
    documents=("dangqun.minutes.documents:DOCUMENT_KINDS",),
    demo=("dangqun.minutes.demo:generate_minutes_demo",),
)

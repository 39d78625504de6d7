"""党员管理 as a feature: what the members module adds to dangqun (see core/feature_kit.py)."""

from dangqun.core.feature_kit import QT_TRANSLATE_NOOP, Feature, PageDeclaration, ScreenshotDialogs

FEATURE = Feature(
    key="members",
    title="党员管理",
    models=("dangqun.members.models",),
    invariants=("dangqun.members.invariants",),
    audit_labels={
        "member.create": "登记党员",
        "member.update": "修改党员信息",
        "member.transfer_out": "组织关系转出",
        "member.search_personal_data": "按完整证件号或电话查找党员",
        "members.import": "导入花名册",
        "members.export": "导出党员名单",
        "organization.create": "新增组织",
        "organization.update": "修改组织",
        "organization.move": "移动组织",
        "organization.delete": "删除组织",
    },
    documents=("dangqun.members.documents:DOCUMENT_KINDS",),
    cli_commands=("dangqun.members.cli_commands:add_commands",),
    pages=(
        PageDeclaration(
            "members",
            QT_TRANSLATE_NOOP("Pages", "Members"),
            "members",
            "dangqun.ui.pages.members_page:MembersPage",
            QT_TRANSLATE_NOOP("Pages", "Registration, dual registration, floating members"),
            position=10,
        ),
    ),
    home_cards=("dangqun.ui.members.home_cards:MemberHomeCards",),
    screenshot_dialogs=(
        ScreenshotDialogs(
            ("member_dialog", "member_import_report", "organization_tree"),
            "dangqun.ui.screenshot_members:open_dialog",
            over_page="members",
        ),
    ),
    demo=("dangqun.members.demo:generate_member_demo",),
)

"""党员管理 as a feature: what the members module adds to dangqun (see core/feature_kit.py)."""

from dangqun.core.feature_kit import QT_TRANSLATE_NOOP, Feature, PageDeclaration, ScreenshotDialogs
from dangqun.members.glossary import MEMBER_FIELD_LABELS

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
    audit_entity_labels={
        "member": "党员",
        "organization": "党组织",
        "member_list": "党员名单",
        "roster": "花名册",
    },
    audit_value_labels="dangqun.members.audit_values:VALUE_LABELS",
    audit_field_labels={
        "member": {
            **MEMBER_FIELD_LABELS,
            "field": "查找项",
            "value": "查找内容",
            "found": "找到人数",
        },
        "organization": {
            "name": "组织名称",
            "level": "组织层级",
            "code": "组织编码",
            "parent_id": "上级组织编号",
        },
        "member_list": {
            "file": "文件",
            "rows": "人数",
            "full_personal_data": "含完整个人信息",
            "query": "查找条件",
        },
        "roster": {
            "file": "文件",
            "mode": "导入方式",
            "total": "总行数",
            "valid": "有效行数",
            "imported": "新增人数",
            "updated": "更新人数",
            "unchanged": "无变化人数",
            "created_branches": "新建的党支部",
        },
        "demo": {"organizations": "党组织数", "events": "历史记录条数"},
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
    first_run=("dangqun.members.organizations:register_community_organization",),
)

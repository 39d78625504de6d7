"""打印 as a feature: the document engine's own contributions (see core/feature_kit.py).

The engine lays out pages and knows no feature; each feature registers its own document kinds,
so the engine declares none.
"""

from dangqun.core.feature_kit import (
    QT_TRANSLATE_NOOP,
    Feature,
    ScreenshotDialogs,
    SettingsTabDeclaration,
)

FEATURE = Feature(
    key="printing",
    title="打印",
    models=("dangqun.printing.models",),
    migrations="printing/migrations",
    audit_labels={
        "print.personal_data": "打印含完整个人信息的文书",
        "print.key_export": "导出核验密钥",
        "print.key_import": "导入核验密钥",
        "document.issue": "出具登记文书",
        "document.reprint": "重印已登记文书",
        "document.void": "作废文书",
    },
    audit_entity_labels={
        "document": "文书",
        "verification_key": "核验密钥",
        "issued_document": "登记簿中的文书",
    },
    audit_field_labels={
        "issued_document": {
            "kind": "文书类型",
            "subject": "对象",
            "check_code": "核验码",
            "issued_on": "出具日期",
            "reprint_count": "重印次数",
            "voided_at": "作废时间",
            "void_reason": "作废原因",
        },
        "document": {"kind": "文书类型", "file": "文件", "documents": "份数"},
        "verification_key": {"key_id": "密钥编号", "file": "文件"},
    },
    cli_commands=("dangqun.printing.cli_commands:add_commands",),
    settings_tabs=(
        SettingsTabDeclaration(
            "printing",
            QT_TRANSLATE_NOOP("SettingsTabs", "Printing"),
            "dangqun.ui.settings.printing_tab:PrintingTab",
            position=50,
        ),
    ),
    screenshot_dialogs=(
        ScreenshotDialogs(
            ("verify_dialog", "document_register"),
            "dangqun.ui.dialogs.verify_dialog:open_dialog",
            over_page="home",
        ),
    ),
)

"""打印 as a feature: the document engine's own contributions (see core/feature_kit.py).

The engine lays out pages and knows no feature; each feature registers its own document kinds.
The four templates listed here belong to modules still to come (time bank, minutes, bases):
they print sample data until those modules register loaders of their own and take them over.
"""

from dangqun.core.feature_kit import QT_TRANSLATE_NOOP, Feature, SettingsTabDeclaration

FEATURE = Feature(
    key="printing",
    title="打印",
    audit_labels={
        "print.personal_data": "打印含完整个人信息的文书",
        "print.key_export": "导出核验密钥",
        "print.key_import": "导入核验密钥",
    },
    audit_entity_labels={"document": "文书", "verification_key": "核验密钥"},
    audit_field_labels={
        "document": {"kind": "文书类型", "file": "文件", "documents": "份数"},
        "verification_key": {"key_id": "密钥编号", "file": "文件"},
    },
    documents=("dangqun.printing.documents:TEMPLATE_KINDS",),
    cli_commands=("dangqun.printing.cli_commands:add_commands",),
    settings_tabs=(
        SettingsTabDeclaration(
            "printing",
            QT_TRANSLATE_NOOP("SettingsTabs", "Printing"),
            "dangqun.ui.settings.printing_tab:PrintingTab",
            position=50,
        ),
    ),
)

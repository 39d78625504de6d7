"""数据同步 as a feature: packages to the district, receipts back (issue 16; core/feature_kit.py)."""

from dangqun.core.feature_kit import QT_TRANSLATE_NOOP, Feature, PageDeclaration, ScreenshotDialogs

FEATURE = Feature(
    key="sync",
    title="数据同步",
    models=("dangqun.sync.models",),
    migrations="sync/migrations",
    audit_labels={
        "sync.export": "生成上报数据包",
        "sync.receipt": "导入区级回执",
        "sync.district_key.install": "安装区级公钥",
        "sync.database_id": "更换数据库同步编号",
        "sync.district_import": "导入区级下发的数据包",
        "sync.district_item": "登记区级下发的内容",
        "sync.district_item.create": "新增区级下发的内容",
        "sync.district_item.update": "更新区级下发的内容",
    },
    audit_entity_labels={
        "sync_package": "上报数据包",
        "sync_receipt": "区级回执",
        "sync_key": "同步密钥",
        "sync_database": "数据库同步编号",
        "sync_district_package": "区级数据包",
        "sync_district_notice": "区级通知",
    },
    audit_field_labels={
        "sync_package": {
            "file": "文件名",
            "sha256": "SHA-256",
            "full": "全量",
            "encrypted": "已加密",
            "counter_from": "起始变更号（不含）",
            "counter_to": "截止变更号",
            "rows": "记录数",
            "tombstones": "删除记录数",
        },
        "sync_receipt": {
            "district": "区级单位",
            "acknowledged": "本次确认的数据包",
            "already_acknowledged": "此前已确认",
            "unmatched": "对不上的数据包",
        },
        "sync_key": {"name": "名称", "fingerprint": "指纹"},
        "sync_database": {"database_id": "数据库同步编号"},
    },
    cli_commands=("dangqun.sync.cli_commands:add_commands",),
    first_run_keys=("dangqun.sync.keys:create_center_signing_key",),
    pages=(
        PageDeclaration(
            "sync",
            QT_TRANSLATE_NOOP("Pages", "Data sync"),
            "sync",
            "dangqun.ui.pages.sync_page:SyncPage",
            QT_TRANSLATE_NOOP("Pages", "Packages for the district, receipts back, keys"),
            position=60,
        ),
    ),
    screenshot_dialogs=(
        ScreenshotDialogs(
            ("sync_export",), "dangqun.ui.sync.screenshots:open_dialog", over_page="sync"
        ),
    ),
)

"""The fake feature's declaration: the "one line" a new module adds is registering this."""

from pathlib import Path

from dangqun.core.feature_kit import Feature, PageDeclaration

FEATURE = Feature(
    key="fake",
    title="测试模块",
    models=("tests.fake_feature.models",),
    migrations=str(Path(__file__).with_name("migrations")),
    invariants=("tests.fake_feature.invariants",),
    audit_labels={"fake_note.create": "记下测试便条"},
    documents=("tests.fake_feature.documents:DOCUMENT_KINDS",),
    cli_commands=("tests.fake_feature.commands:add_commands",),
    pages=(
        PageDeclaration(
            "fake_notes",
            "Fake notes",
            "info",
            "tests.fake_feature.page:FakeNotesPage",
            "Notes of the fake feature",
            position=70,
        ),
    ),
)

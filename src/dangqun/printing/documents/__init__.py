"""One module per printed document kind: its plain dataclass, its builder and its sample.

Feature modules (time bank, minutes, bases) fill the dataclass and never touch ReportLab;
the builder turns it into a :class:`~dangqun.printing.page_kit.DocumentPlan`.
"""

"""Everything Qt. The only package allowed to import PySide6 (import-linter enforces it).

Pages and dialogs are thin: they call services from ``dangqun.bootstrap``/``dangqun.core``/
feature ``service`` modules and show ``DangqunError.message`` texts; they never hold a Session.
"""

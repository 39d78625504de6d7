"""A small fake feature that walks the module kit's whole path (tests/unit/test_module_kit.py).

It declares a synced model with its own migration folder, an invariant, an audit label, a
document kind with a loader, a CLI command and a page: everything a new module would declare,
and nothing else. ``run_cli`` runs the real ``dangqun`` command line with it registered.
"""

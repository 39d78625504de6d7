"""dangqun — 党群服务中心工作台, an offline workbench for community party–masses service centers.

Layers (enforced by import-linter, see pyproject.toml):
``ui`` (Qt) → feature packages (``members`` …) → ``core`` (no Qt, no features).
"""

__version__ = "0.1.0"

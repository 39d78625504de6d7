"""Deterministic demo data: the same seed gives the same people, branches and addresses.

Used by the first-run wizard ("加载演示数据？"), ``dangqun demo``, screenshots and benchmarks.
Later modules extend :func:`generate_demo_data` with their own data (bookings, hours, minutes).
"""

from dangqun.members.demo import DemoSummary, generate_demo_data

__all__ = ["DemoSummary", "generate_demo_data"]

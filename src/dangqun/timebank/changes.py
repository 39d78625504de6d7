"""The time bank's entity kinds for typed change notices (:mod:`dangqun.core.changes`)."""

from dangqun.core.changes import Entity

VOLUNTEER = Entity("timebank_volunteer")
SERVICE_RECORD = Entity("timebank_service_record")
LEDGER = Entity("timebank_ledger")
"""Transfers and therefore balances, statements and closings."""
SERVICE_CATEGORY = Entity("timebank_service_category")

"""The bases module's entity kinds for typed change notices (:mod:`dangqun.core.changes`)."""

from dangqun.core.changes import Entity

BASE = Entity("bases_base")
"""Bases, their rooms, opening hours, closed dates and materials."""
MENU = Entity("bases_menu")
"""Menu items (特色菜单) and lecturers (讲师团)."""
BOOKING = Entity("bases_booking")
"""Bookings, series, check-ins and visiting organizations, so calendars and statistics."""

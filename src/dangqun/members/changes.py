"""The members module's kinds of change (see :mod:`dangqun.core.changes`)."""

from dangqun.core.changes import Entity

MEMBER = Entity("member")
ORGANIZATION = Entity("organization")

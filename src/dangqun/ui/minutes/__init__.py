"""会议记录 in the window: the page, its parts, the meeting editor and the home cards (issue 15)."""

"""The 阵地预约 (open organizational-life bases) screens: page, calendar, dialogs (issue 14)."""

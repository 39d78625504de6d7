"""The time bank's screens (issue 13): its page, dialogs and settings tab (Qt)."""

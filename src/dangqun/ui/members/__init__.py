"""The members feature's screens: its pages, dialogs, actions and home-page cards (Qt)."""

"""Small reusable widgets and helpers shared by pages and dialogs."""

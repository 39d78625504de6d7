"""Qt table models fed by service queries: column constants, custom roles, no Session kept."""

"""Message tables, one module per area of the app; each has ``FR`` and ``EN`` dicts."""

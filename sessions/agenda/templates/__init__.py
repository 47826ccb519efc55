"""Built-in agenda templates (TOML data files beside this module)."""

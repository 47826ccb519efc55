"""Built-in sheet kinds (TOML data files beside this module)."""

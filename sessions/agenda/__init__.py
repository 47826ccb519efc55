"""The agenda: built-in templates, planning, TOML agendas, kinds of phase."""

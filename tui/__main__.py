"""``python -m tui`` runs the atelier command line."""

from tui.cli import main

raise SystemExit(main())

"""The ``atelier`` command line (argparse); one module per subcommand in ``commands/``.

Subcommands that need no screen never import Textual: a command module imports
only the standard library and ``sessions`` at its top, and the app inside the
function that starts it.
"""

from tui.cli.main import main

__all__ = ["main"]

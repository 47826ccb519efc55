"""The terminal front ends of atelier: the Textual app and the command line.

This package's ``__init__`` imports nothing heavy, so that ``tui.cli`` can run
commands that need no screen without importing Textual.
"""

__version__ = "0.1.0"

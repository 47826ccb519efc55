"""The refusal of a format whose optional extra is not installed (standard library only).

Its own module so that the renderers raising it and the table of formats
(``sessions.documents.exports``) offering them never import each other.
"""

from __future__ import annotations


class MissingExtra(RuntimeError):
    """A format needs an optional extra that is not installed.

    The callers name the command that installs it from this project's own source
    (``tui.cli.commands.export.office_install_command``): a package called
    ``atelier`` on the public index is another project.
    """

    def __init__(self, extra: str) -> None:
        super().__init__(f"the {extra!r} extra of this project is not installed")
        self.extra = extra

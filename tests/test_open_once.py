"""``atelier open``: the session file is read once, by the command line, then handed to the app."""

from __future__ import annotations

import asyncio

from sessions.storage import session_file
from tui.app import AtelierApp
from tui.cli.main import main


def test_open_reads_the_session_file_once(store, session, monkeypatch) -> None:
    reads = []
    real_read = session_file.SessionFile.read

    def counted(self):  # type: ignore[no-untyped-def]
        reads.append(self.path)
        return real_read(self)

    shown = []

    def headless_run(self: AtelierApp, *args, **kwargs):  # type: ignore[no-untyped-def]
        async def go() -> None:
            async with self.run_test(size=(100, 30)) as pilot:
                await pilot.pause()
                shown.append((type(self.screen).__name__, self.session.title))

        asyncio.run(go())

    monkeypatch.setattr(session_file.SessionFile, "read", counted)
    monkeypatch.setattr(AtelierApp, "run", headless_run)
    assert main(["--data-dir", str(store.root), "open", session.id]) == 0
    assert shown == [("OverviewScreen", session.title)]
    assert reads == [store.path_for(session.id)]

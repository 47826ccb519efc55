"""The session list says why a key does nothing, and survives a file changed behind it.

Before: d on an unreadable file and d or x on an empty list did nothing without
a word; d, x then y, or Enter on a session deleted since the list was drawn (another
terminal, a file manager) crashed the app (UnknownSessionError).
"""

from __future__ import annotations

import pytest
from conftest import build_session
from textual.widgets import DataTable

from sessions.i18n import t
from tests.waits import until
from tui.app import make_app
from tui.screens.home import HomeScreen


def _toasts(app) -> list[str]:  # type: ignore[no-untyped-def]
    return [n.message for n in app._notifications]


async def _home(pilot, app):  # type: ignore[no-untyped-def]
    return await until(pilot, lambda: isinstance(app.screen, HomeScreen) and app.screen)


@pytest.mark.parametrize("keys", [("d",), ("x",)])  # Enter: the empty list's line says it
async def test_a_key_on_an_empty_list_says_there_is_no_session(store, clock, keys) -> None:
    app = make_app(store, clock)
    async with app.run_test(size=(80, 24)) as pilot:
        await _home(pilot, app)
        await pilot.press(*keys)
        assert await until(pilot, lambda: t("home.none_listed") in _toasts(app))
        assert isinstance(app.screen, HomeScreen)  # no dialog for nothing


async def test_d_on_an_unreadable_file_says_why_nothing_is_copied(store, clock) -> None:
    (store.sessions_dir / "zz-broken.json").write_text("{broken", encoding="utf-8")
    app = make_app(store, clock)
    async with app.run_test(size=(80, 24)) as pilot:
        await _home(pilot, app)
        await pilot.press("d")
        said = t("home.cannot_duplicate", name="zz-broken.json")
        assert await until(pilot, lambda: said in _toasts(app))
        assert [e.path.name for e in store.entries()] == ["zz-broken.json"]


@pytest.mark.parametrize("keys", [("d",), ("x", "y"), ("enter",)])
async def test_a_session_deleted_behind_the_list_is_said_gone_not_a_crash(
    store, clock, keys
) -> None:
    s = build_session(title="Partie")
    store.create(s)
    app = make_app(store, clock)
    async with app.run_test(size=(80, 24)) as pilot:
        home = await _home(pilot, app)
        table = home.query_one(DataTable)
        assert await until(pilot, lambda: table.row_count == 1)
        store.path_for(s.id).unlink()  # another terminal deleted it
        await pilot.press(*keys)
        said = t("home.cannot", title="Partie", reason=t("home.gone"))
        assert await until(pilot, lambda: said in _toasts(app))
        assert app.is_running and isinstance(app.screen, HomeScreen)
        assert await until(pilot, lambda: table.row_count == 0)  # the list read again
        assert store.entries() == []


async def test_a_copy_the_folder_refuses_is_said_with_the_reason(store, clock, monkeypatch) -> None:
    store.create(build_session(title="Partie"))

    def refuse(*_args: object, **_kw: object) -> None:
        raise PermissionError(13, "Permission denied", str(store.sessions_dir / "x.json"))

    monkeypatch.setattr(store, "duplicate", refuse)
    app = make_app(store, clock)
    async with app.run_test(size=(80, 24)) as pilot:
        await _home(pilot, app)
        await pilot.press("d")
        said = await until(pilot, lambda: [m for m in _toasts(app) if "Partie" in m])
        assert "x.json" in said[0] and "La liste est relue" in said[0]
        assert len(store.entries()) == 1

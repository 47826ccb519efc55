"""The footer is rebuilt only when the keys it shows change (issue 17: start-up).

Textual asks a footer to recompose on every change of focus or bindings; most
change none of the keys shown, and each rebuild restyled a dozen keys (three
times before the first frame of ``atelier open``). The keys also come out in
the footer's own style (compact below 100 columns), not restyled as they mount.
"""

from __future__ import annotations

from textual.widgets._footer import FooterKey

from tests.waits import settled, until
from tui.app import make_app
from tui.widgets.footer import FittingFooter


def _keys(app) -> list[FooterKey]:  # type: ignore[no-untyped-def]
    return list(app.screen.query_one(FittingFooter).query(FooterKey))


async def test_the_footer_keeps_its_keys_while_what_it_shows_is_the_same(
    store, clock, session
) -> None:
    app = make_app(store, clock, session_ref=session.id)
    async with app.run_test(size=(120, 40)) as pilot:
        await until(pilot, lambda: _keys(app) and settled(app))
        before = _keys(app)
        assert "f1" in {k.key for k in before}
        await pilot.press("tab")  # the focus moves: the bindings are announced again
        app.screen.bindings_updated_signal.publish(app.screen)
        await until(pilot, lambda: settled(app))
        after = _keys(app)
        assert [id(k) for k in after] == [id(k) for k in before]  # the same widgets
        await pilot.press("f4")  # another screen, other keys: its own footer
        await until(pilot, lambda: "f8" in {k.key for k in _keys(app)})


async def test_the_footer_is_rebuilt_compact_below_100_columns(store, clock, session) -> None:
    app = make_app(store, clock, session_ref=session.id)
    async with app.run_test(size=(120, 40)) as pilot:
        await until(pilot, lambda: _keys(app) and settled(app))
        wide = _keys(app)
        own = [k for k in wide if not k.has_class("-command-palette")]  # Textual's own key
        assert own and not any(k.compact or k.has_class("-compact") for k in own)
        await pilot.resize_terminal(80, 24)
        narrow = await until(
            pilot, lambda: [k for k in _keys(app) if k not in wide and k.region.width]
        )
        assert narrow and all(
            k.compact and k.has_class("-compact")
            for k in narrow
            if not k.has_class("-command-palette")
        )

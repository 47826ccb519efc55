"""Rules of sessions/core's small modules, held by tests that fail on a wrong program (issue 18).

Text cleaning, the settings file, the data folder, the clocks, the file's bounds,
refusals translated when shown, the free-text marks and a session built from a template.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import stat
import types
from typing import Annotated

import pytest
from pydantic import BaseModel, TypeAdapter, ValidationError

from sessions.agenda.catalog import find_template
from sessions.core import clock as clock_mod
from sessions.core import limits, paths, settings, text
from sessions.core.clock import FakeClock, SystemClock
from sessions.core.errors import DomainError, Phrase, Words
from sessions.core.factory import session_from_template
from sessions.core.marks import CODE, FREE_TEXT, Code, FreeText, TextMarker, text_kind
from sessions.i18n import set_language, t
from sessions.models.base import Count, Minutes, Number, Revision, Seconds, SignedSeconds, Year
from sessions.models.grid import GridKind
from sessions.models.vote import DEFAULT_DOTS

# -- text ------------------------------------------------------------------------


def test_clean_text_single_line_joins_lines_and_collapses_blanks() -> None:
    raw = "  une\r\nidée\rsur\tplusieurs\u2028lignes\u2029fin  "
    assert text.clean_text(raw) == "une idée sur plusieurs lignes fin"


def test_clean_text_multiline_keeps_lines_trims_each_line_end() -> None:
    raw = "\n  première  \r\nseconde\t\rtroisième\u2028quatre\u2029cinq \n\n"
    assert text.clean_text(raw, multiline=True) == ("première\nseconde\ntroisième\nquatre\ncinq")


def test_clean_text_drops_escapes_bidi_controls_and_surrogates() -> None:
    raw = "\x1b[31mrouge\x1b[0m \u202eabc\u2066 d\x00e\x07f\ufffe g\ud800h"
    cleaned = text.clean_text(raw)
    assert cleaned == "rouge abc def g?h"
    for bad in ("\x1b", "\u202e", "\u2066", "\x00", "\x07", "\ufffe", "\ud800"):
        assert bad not in cleaned


def test_clean_text_keeps_ordinary_letters_and_marks() -> None:
    assert text.clean_text("Chloé – « café » ✓") == "Chloé – « café » ✓"


def test_strip_controls_keeps_spacing_newlines_and_tabs() -> None:
    assert text.strip_controls("a  b\n\tc ") == "a  b\n\tc "
    assert text.strip_controls("a\x1b[1mb\x00\u202ec\x7f\ud800d") == "abc?d"


def test_strip_controls_printable_text_unchanged() -> None:
    assert text.strip_controls("Réunion à 9 h") == "Réunion à 9 h"


def test_scrub_walks_dicts_keys_and_lists_leaves_other_values() -> None:
    value = {"k\x00ey": ["a\x1b[2Jb", {"n": 3, "x": "c\u202ed"}], "f": 1.5, "b": None}
    assert text.scrub(value) == {"key": ["ab", {"n": 3, "x": "cd"}], "f": 1.5, "b": None}


@pytest.mark.parametrize(
    "data",
    [
        {"t": "a\x1bb"},
        {"t": "a\x00b"},
        {"t": "a\rb"},
        {"t": "a\x7fb"},
        {"t": "a\x85b"},
        {"t": "a\u202eb"},
        {"t": "a\u2066b"},
    ],
)
def test_may_need_scrub_finds_what_scrub_would_change(data: dict) -> None:
    raw = json.dumps(data, ensure_ascii=False).encode("utf-8", "surrogatepass")
    assert text.may_need_scrub(raw)
    assert text.scrub(data) != data


def test_may_need_scrub_escaped_surrogate() -> None:
    assert text.may_need_scrub(json.dumps({"t": "a\ud800b"}).encode("ascii"))


def test_may_need_scrub_clean_file_needs_nothing() -> None:
    data = {"t": 'ligne\nsuivante\tavec "guillemets" / é ✓'}
    raw = json.dumps(data, ensure_ascii=False).encode("utf-8")
    assert not text.may_need_scrub(raw)
    assert text.scrub(data) == data


def test_an_idea_holds_at_most_max_idea_chars() -> None:
    from sessions.capture import tour
    from tests.conftest import build_session

    s = build_session()
    at = dt.datetime(2026, 11, 22, 9, 0)
    longest = "x" * text.MAX_IDEA_CHARS
    tour.give_idea(s, longest, at)
    assert s.ideas[-1].text == longest
    with pytest.raises(ValueError):
        tour.give_idea(s, longest + "y", at)
    assert text.MAX_IDEA_CHARS == 500  # the method's card: 500 characters


# -- settings --------------------------------------------------------------------


def test_settings_missing_file_gives_defaults(tmp_path) -> None:
    got = settings.load_settings(tmp_path / "nowhere")
    assert got == settings.Settings()
    assert got.guide_seen is False and got.theme == ""


@pytest.mark.parametrize("content", ["{not json", "[1, 2]", '"text"', "\xff"])
def test_settings_unreadable_or_strange_file_gives_defaults(tmp_path, content: str) -> None:
    (tmp_path / settings.FILE_NAME).write_text(content, encoding="latin-1")
    assert settings.load_settings(tmp_path) == settings.Settings()


def test_settings_wrong_types_fall_back_field_by_field(tmp_path) -> None:
    (tmp_path / "settings.json").write_text(
        json.dumps({"guide_seen": 1, "theme": "nord", "other": 3}), encoding="utf-8"
    )
    got = settings.load_settings(tmp_path)
    assert got.guide_seen is False
    assert got.theme == "nord"
    (tmp_path / "settings.json").write_text(
        json.dumps({"guide_seen": True, "theme": 5}), encoding="utf-8"
    )
    got = settings.load_settings(tmp_path)
    assert got.guide_seen is True and got.theme == ""


def test_settings_saved_then_read_back_in_a_private_folder(tmp_path) -> None:
    root = tmp_path / "data" / "deep"
    settings.save_settings(root, settings.Settings(guide_seen=True, theme="été"))
    path = settings.settings_path(root)
    assert path == root / "settings.json"
    raw = path.read_text(encoding="utf-8")
    assert raw.endswith("\n") and "été" in raw
    assert json.loads(raw) == {"guide_seen": True, "theme": "été"}
    assert stat.S_IMODE(root.stat().st_mode) == 0o700
    assert settings.load_settings(root) == settings.Settings(guide_seen=True, theme="été")


def test_update_settings_changes_only_named_fields(tmp_path) -> None:
    settings.save_settings(tmp_path, settings.Settings(guide_seen=True, theme="a"))
    got = settings.update_settings(tmp_path, theme="b")
    assert got == settings.Settings(guide_seen=True, theme="b")
    assert settings.load_settings(tmp_path) == got
    with pytest.raises(AttributeError):
        settings.update_settings(tmp_path, colour="red")
    assert settings.load_settings(tmp_path) == got


# -- paths -----------------------------------------------------------------------


def _fake_os(monkeypatch, name: str = "posix", environ: dict | None = None, uid=None) -> None:
    fake = types.SimpleNamespace(
        name=name,
        environ=dict(environ or {}),
        getuid=(lambda: uid) if uid is not None else os.getuid,
        chmod=os.chmod,
    )
    monkeypatch.setattr(paths, "os", fake)


def test_data_dir_from_atelier_home_with_tilde(monkeypatch, tmp_path) -> None:
    monkeypatch.setenv("HOME", str(tmp_path))
    monkeypatch.setenv("ATELIER_HOME", "~/ateliers")
    assert paths.default_data_dir() == tmp_path / "ateliers"


def test_data_dir_xdg_then_local_share(monkeypatch, tmp_path) -> None:
    monkeypatch.setenv("HOME", str(tmp_path))
    monkeypatch.setattr(paths.sys, "platform", "linux")
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "xdg"))
    assert paths.default_data_dir() == tmp_path / "xdg" / "atelier"
    monkeypatch.delenv("XDG_DATA_HOME")
    assert paths.default_data_dir() == tmp_path / ".local" / "share" / "atelier"


def test_data_dir_macos(monkeypatch, tmp_path) -> None:
    monkeypatch.setenv("HOME", str(tmp_path))
    monkeypatch.setattr(paths.sys, "platform", "darwin")
    assert paths.default_data_dir() == tmp_path / "Library" / "Application Support" / "atelier"


def test_data_dir_windows(monkeypatch, tmp_path) -> None:
    monkeypatch.setenv("HOME", str(tmp_path))
    monkeypatch.setattr(paths.sys, "platform", "win32")
    _fake_os(monkeypatch, "nt", {"LOCALAPPDATA": "/l", "APPDATA": "/a"})
    assert paths.default_data_dir() == paths.Path("/l") / "atelier"
    _fake_os(monkeypatch, "nt", {"APPDATA": "/a"})
    assert paths.default_data_dir() == paths.Path("/a") / "atelier"
    _fake_os(monkeypatch, "nt", {})
    assert paths.default_data_dir() == tmp_path / "atelier"


def test_private_dir_creates_and_tightens_our_folder(tmp_path) -> None:
    made = paths.private_dir(tmp_path / "a" / "b")
    assert made == tmp_path / "a" / "b" and made.is_dir()
    assert stat.S_IMODE(made.stat().st_mode) == paths.PRIVATE_DIR == 0o700
    loose = tmp_path / "loose"
    loose.mkdir(mode=0o755)
    os.chmod(loose, 0o755)
    paths.private_dir(loose)
    assert stat.S_IMODE(loose.stat().st_mode) == 0o700


def test_private_dir_leaves_others_folders_and_windows(monkeypatch, tmp_path) -> None:
    theirs = tmp_path / "theirs"
    theirs.mkdir()
    os.chmod(theirs, 0o755)
    _fake_os(monkeypatch, uid=os.getuid() + 1)
    paths.private_dir(theirs)
    assert stat.S_IMODE(theirs.stat().st_mode) == 0o755
    _fake_os(monkeypatch, "nt")
    paths.private_dir(theirs)
    assert stat.S_IMODE(theirs.stat().st_mode) == 0o755


def test_private_dir_leaves_a_private_folder_untouched(monkeypatch, tmp_path) -> None:
    ours = tmp_path / "ours"
    ours.mkdir(mode=0o700)
    os.chmod(ours, 0o1700)  # private, and sticky: its permission bits are right
    calls = []
    fake = types.SimpleNamespace(
        name="posix", environ={}, getuid=os.getuid, chmod=lambda *a: calls.append(a)
    )
    monkeypatch.setattr(paths, "os", fake)
    paths.private_dir(ours)
    assert calls == []
    os.chmod(ours, 0o750)
    paths.private_dir(ours)
    assert calls == [(ours, 0o700)]


def test_tighten_only_an_existing_folder(tmp_path) -> None:
    missing = tmp_path / "missing"
    paths.tighten(missing)
    assert not missing.exists()
    there = tmp_path / "there"
    there.mkdir()
    os.chmod(there, 0o755)
    paths.tighten(there)
    assert stat.S_IMODE(there.stat().st_mode) == 0o700


# -- clocks ----------------------------------------------------------------------


def test_fake_clock_moves_only_when_told() -> None:
    c = FakeClock()
    start, mono = c.now(), c.monotonic()
    assert start.tzinfo is not None and start.utcoffset() == dt.timedelta(0)
    assert c.boot_id() == "fake-boot"
    c.advance(90)
    assert c.now() - start == dt.timedelta(seconds=90)
    assert c.monotonic() - mono == 90
    c.jump_wall(-30)
    assert c.now() - start == dt.timedelta(seconds=60)
    assert c.monotonic() - mono == 90
    c.reboot("other")
    assert c.boot_id() == "other" and c.monotonic() == 0.0
    assert c.now() - start == dt.timedelta(seconds=60)


def test_fake_clock_start_and_boot_given() -> None:
    at = dt.datetime(2030, 1, 2, 3, 4, tzinfo=dt.UTC)
    c = FakeClock(at, boot="b1")
    assert c.now() == at and c.boot_id() == "b1"
    assert FakeClock().now() == dt.datetime(2026, 11, 22, 9, 0, tzinfo=dt.UTC)
    assert FakeClock().monotonic() > 0  # a reboot is the only way to zero


def test_system_clock_now_is_utc() -> None:
    before = dt.datetime.now(dt.UTC)
    got = SystemClock().now()
    assert got.utcoffset() == dt.timedelta(0)
    assert before <= got <= dt.datetime.now(dt.UTC)


def test_system_clock_counts_suspend_when_it_can(monkeypatch) -> None:
    calls = []
    fake_time = types.SimpleNamespace(
        clock_gettime=lambda which: calls.append(which) or 42.0, monotonic=lambda: 7.0
    )
    monkeypatch.setattr(clock_mod, "time", fake_time)
    monkeypatch.setattr(SystemClock, "_CLOCK", 99)
    assert SystemClock().monotonic() == 42.0 and calls == [99]
    monkeypatch.setattr(SystemClock, "_CLOCK", None)
    assert SystemClock().monotonic() == 7.0


def test_system_clock_boot_id() -> None:
    known = paths.Path("/proc/sys/kernel/random/boot_id")
    if known.exists():
        assert SystemClock().boot_id() == known.read_text().strip()
    else:
        assert SystemClock().boot_id() is None


def test_system_clock_boot_id_unknown(monkeypatch) -> None:
    def refuse(self, *a, **k):
        raise OSError("no proc")

    monkeypatch.setattr(clock_mod.Path, "read_text", refuse)
    assert SystemClock().boot_id() is None


# -- limits ----------------------------------------------------------------------


def _ok(kind, value) -> bool:
    try:
        TypeAdapter(kind).validate_python(value)
    except ValidationError:
        return False
    return True


def test_bounds_of_the_file_numbers() -> None:
    assert limits.MAX_MINUTES == 7 * 24 * 60  # a week
    assert _ok(Minutes, limits.MAX_MINUTES) and not _ok(Minutes, limits.MAX_MINUTES + 1)
    assert _ok(Seconds, limits.MAX_SECONDS) and not _ok(Seconds, limits.MAX_SECONDS + 1)
    assert _ok(SignedSeconds, -limits.MAX_SECONDS)
    assert not _ok(SignedSeconds, -limits.MAX_SECONDS - 1)
    assert _ok(Count, limits.MAX_COUNT) and not _ok(Count, limits.MAX_COUNT + 1)
    assert _ok(Number, limits.MAX_COUNT) and not _ok(Number, limits.MAX_COUNT + 1)
    assert _ok(Revision, limits.MAX_REVISION) and not _ok(Revision, limits.MAX_REVISION + 1)
    assert _ok(Year, limits.MAX_YEAR)


def test_bounds_fit_the_date_arithmetic() -> None:
    assert limits.MAX_YEAR == dt.MAXYEAR
    # a week of minutes after any start still has a date
    dt.datetime(limits.MAX_YEAR - 1, 1, 1) + dt.timedelta(minutes=limits.MAX_MINUTES)
    assert limits.MAX_REVISION == 2**53  # exact as a JSON number
    assert float(limits.MAX_REVISION) == limits.MAX_REVISION
    assert float(limits.MAX_REVISION + 1) != limits.MAX_REVISION + 1
    assert limits.MAX_SECONDS / (365.25 * 86400) > 300 > limits.MAX_SECONDS / (366 * 86400) - 20
    assert limits.MAX_COUNT == 10**9


# -- refusals --------------------------------------------------------------------


def test_domain_error_reads_in_the_language_shown() -> None:
    err = DomainError("capture.err.too_long", max=500)
    assert err.key == "capture.err.too_long" and err.values == {"max": 500}
    assert err.because is None
    assert err.message("fr") == t("capture.err.too_long", "fr", max=500)
    assert err.message("en") == t("capture.err.too_long", "en", max=500)
    assert err.message("fr") != err.message("en")
    set_language("en")
    try:
        assert str(err) == t("capture.err.too_long", "en", max=500)
    finally:
        set_language("fr")
    assert str(err) == t("capture.err.too_long", "fr", max=500)


def test_domain_error_cause_follows_and_words_are_translated() -> None:
    cause = DomainError("capture.err.too_long", max=3)
    phrase = Phrase("undo.what.participants")
    assert isinstance(phrase, Words)
    err = DomainError("undo.refused", because=cause, label=phrase, what="x")
    for lang in ("fr", "en"):
        head = t("undo.refused", lang, label=t("undo.what.participants", lang), what="x")
        assert err.message(lang) == f"{head} {cause.message(lang)}"
    assert phrase.message("en") == t("undo.what.participants", "en")


# -- marks -----------------------------------------------------------------------


class _Marked(BaseModel):
    title: FreeText = ""
    code: Code = ""
    maybe: FreeText | None = None
    codes: list[Code] = []
    texts: dict[int, FreeText] = {}
    plain: str = ""
    number: int = 0


def test_text_kind_finds_the_mark_wherever_the_type_puts_it() -> None:
    f = _Marked.model_fields
    assert text_kind(f["title"]) == "free"
    assert text_kind(f["code"]) == "code"
    assert text_kind(f["maybe"]) == "free"
    assert text_kind(f["codes"]) == "code"
    assert text_kind(f["texts"]) == "free"
    assert text_kind(f["plain"]) is None
    assert text_kind(f["number"]) is None
    assert text_kind(Annotated[str, CODE]) == "code"
    assert text_kind(list[FreeText] | None) == "free"
    assert text_kind(Annotated[str, "other"]) is None


def test_markers() -> None:
    assert FREE_TEXT.kind == "free" and CODE.kind == "code"
    assert repr(TextMarker("free")) == "TextMarker('free')"


# -- a session from a template ---------------------------------------------------


def test_session_from_template_takes_the_template() -> None:
    from sessions.models import Participant

    tpl = find_template("territoire-numerique-10-ans")
    people = [Participant(name="Ana"), Participant(name="Ben")]
    s = session_from_template(
        tpl, "Titre", dt.date(2026, 1, 2), place="Ici", participants=people, theme="th"
    )
    assert (s.title, s.date, s.place, s.theme) == ("Titre", dt.date(2026, 1, 2), "Ici", "th")
    assert s.language == "fr" and s.template == tpl.name
    assert s.slot_minutes == tpl.slot_minutes
    assert s.question == tpl.display_question("fr") != ""
    assert s.capture.question == s.question
    assert [p.name for p in s.participants] == ["Ana", "Ben"]
    assert [p.title for p in s.agenda] == [p.display_title("fr") for p in tpl.phases]
    assert s.grid.kind == GridKind(tpl.grid) and s.grid.planned is True
    assert s.parts == tpl.parts.format_parts()
    assert s.vote.rule == tpl.parts.vote and s.vote.per_person == tpl.parts.dots


def test_session_from_template_in_english_with_its_own_question() -> None:
    tpl = find_template("territoire-numerique-10-ans")
    s = session_from_template(tpl, "T", dt.date(2026, 1, 2), language="en")
    assert s.language == "en" and s.question == tpl.display_question("en")
    assert s.participants == [] and s.place == ""
    assert [p.title for p in s.agenda] == [p.display_title("en") for p in tpl.phases]
    asked = session_from_template(tpl, "T", dt.date(2026, 1, 2), question="")
    assert asked.question == "" and asked.capture.question == ""


def test_session_from_template_without_grid_plans_none() -> None:
    tpl = next(
        find_template(n)
        for n in ("divergence-convergence", "enjeux-solutions", "offre-existante")
        if find_template(n).grid is None
    )
    s = session_from_template(tpl, "T", dt.date(2026, 1, 2))
    assert s.grid.planned is False
    assert s.vote.per_person == (tpl.parts.dots or DEFAULT_DOTS)

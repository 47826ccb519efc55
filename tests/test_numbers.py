"""One rule for the numbers people type: ASCII digits 0-9, anything else refused by name."""

from __future__ import annotations

import sys

import pytest
from hypothesis import given
from hypothesis import strategies as st

from sessions.core.numbers import NumberError, is_number, parse_number, parse_numbers
from sessions.vote.envelope import VoteError, parse_hands
from tui.cli.main import main

# Every character Unicode calls a digit or a number (², ١, ৩, ⅷ, ①...), the ASCII ones apart.
OTHER_DIGITS = st.characters(categories=("Nd", "No", "Nl"), exclude_characters="0123456789")


@given(st.integers(min_value=0, max_value=999_999_999))
def test_ascii_numbers_are_read(value: int) -> None:
    assert parse_number(str(value)) == value
    assert parse_number(f"  {value} ") == value
    assert is_number(str(value))


@given(st.text(alphabet="0123456789", max_size=4), OTHER_DIGITS, st.text("0123456789", max_size=4))
def test_any_other_digit_is_refused_by_name(before: str, digit: str, after: str) -> None:
    text = before + digit + after
    assert text.strip() == text  # none of these is a space
    with pytest.raises(NumberError) as refused:
        parse_number(text)
    assert f"«\u202f{digit}\u202f»" in str(refused.value)
    assert "0-9" in str(refused.value)
    assert not is_number(text)


@given(st.text(max_size=12))
def test_any_text_is_a_number_or_a_refusal_never_a_crash(text: str) -> None:
    try:
        value = parse_number(text)
    except NumberError as exc:
        assert str(exc)
    else:
        assert str(value) == text.strip().lstrip("0") or value == 0


@given(st.lists(OTHER_DIGITS | st.sampled_from("0123456789 +,=;"), max_size=10).map("".join))
def test_hands_entry_refuses_other_digits_with_a_vote_error(text: str) -> None:
    try:
        parse_hands(text)
    except VoteError as exc:
        assert str(exc)


def test_superscript_two_in_hands_names_the_character() -> None:
    with pytest.raises(VoteError) as refused:
        parse_hands("3 ²")
    assert "«\u202f²\u202f» n'est pas un chiffre" in str(refused.value)


def test_too_many_digits_are_refused_not_crashing_int() -> None:
    with pytest.raises(NumberError, match="9 chiffres"):
        parse_number("9" * 5000)  # int() alone raises past 4,300 digits


def test_several_numbers() -> None:
    assert parse_numbers("3 7, 12+4;1") == [3, 7, 12, 4, 1]
    with pytest.raises(NumberError, match="«\u202f³\u202f»"):
        parse_numbers("3 ³")


def _import_votes(store, session, tmp_path, body: str) -> int:
    ideas = tmp_path / "i.txt"
    ideas.write_text("\n".join(f"idée {n}" for n in range(1, 7)), encoding="utf-8")
    root = ["--data-dir", str(store.root)]
    assert main([*root, "import", "ideas", session.id, str(ideas)]) == 0
    votes = tmp_path / "v.csv"
    votes.write_text(body, encoding="utf-8")
    return main([*root, "import", "votes", session.id, str(votes)])


@pytest.mark.parametrize(
    ("body", "line", "char"),
    [
        ("participant,1,2\nAlice Martin,²,1\n", 2, "²"),
        ("participant,1,²\nAlice Martin,1,1\n", 1, "²"),
        ("participant,1,2\nAlice Martin,1,٣\n", 2, "٣"),
    ],
)
def test_import_votes_with_other_digits_is_a_clear_error(
    store, session, tmp_path, capsys, body: str, line: int, char: str
) -> None:
    before = store.load(session.id).vote
    assert _import_votes(store, session, tmp_path, body) == 6
    captured = capsys.readouterr()
    assert f"v.csv:{line}:" in captured.err
    assert f"«\u202f{char}\u202f» n'est pas un chiffre" in captured.err
    assert "Traceback" not in captured.err + captured.out
    assert store.load(session.id).vote == before


def test_import_votes_superscript_through_the_installed_command(store, session, tmp_path) -> None:
    import subprocess

    ideas = tmp_path / "i.txt"
    ideas.write_text("un\ndeux\ntrois\n", encoding="utf-8")
    votes = tmp_path / "v.csv"
    votes.write_text("participant,1,2\nAlice Martin,²,1\n", encoding="utf-8")
    base = [sys.executable, "-m", "tui", "--data-dir", str(store.root), "--lang", "fr"]
    subprocess.run([*base, "import", "ideas", session.id, str(ideas)], check=True)
    done = subprocess.run(
        [*base, "import", "votes", session.id, str(votes)], capture_output=True, text=True
    )
    assert done.returncode == 6
    assert "Traceback" not in done.stderr
    assert "«\u202f²\u202f» n'est pas un chiffre" in done.stderr


@given(st.integers(0, 99_999), st.integers(0, 99))
def test_decimal_minutes_with_a_point_or_a_comma(whole: int, cents: int) -> None:
    from sessions.core.numbers import parse_decimal

    expected = float(f"{whole}.{cents:02d}")
    assert parse_decimal(f"{whole}.{cents:02d}") == expected
    assert parse_decimal(f" {whole},{cents:02d} ") == expected


@given(st.text("0123456789", max_size=3), OTHER_DIGITS | st.sampled_from("e_-n"))
def test_decimal_refuses_what_float_would_take(before: str, odd: str) -> None:
    from sessions.core.numbers import parse_decimal

    with pytest.raises(NumberError):
        parse_decimal(before + odd + "5")  # float("1e5"), float("1_5"), float("١٥") all pass


def test_minutes_typed_in_a_form_follow_the_same_rule() -> None:
    from sessions.agenda.plan import parse_minutes

    assert parse_minutes("7,5") == 7.5
    with pytest.raises(ValueError, match="«\u202f²\u202f» n'est pas un chiffre"):
        parse_minutes("1²")
    with pytest.raises(ValueError, match="«\u202fe\u202f»"):
        parse_minutes("1e3")


@pytest.mark.parametrize("value", ["²", "١٢", "1e3", "nan"])
def test_timer_command_refuses_other_digits(store, session, capsys, value: str) -> None:
    before = store.load(session.id).timer
    code = main(["--data-dir", str(store.root), "timer", session.id, "extend", value])
    captured = capsys.readouterr()
    assert code == 2
    assert value in captured.err and "Traceback" not in captured.err
    assert store.load(session.id).timer == before

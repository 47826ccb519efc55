"""Rules of the numbers people type, read through the public functions of sessions.core.numbers."""

from __future__ import annotations

import pytest

from sessions.core.numbers import (
    MAX_DIGITS,
    NumberError,
    bad_character,
    is_number,
    parse_decimal,
    parse_number,
    parse_numbers,
)


def test_nine_digits_are_read_ten_are_refused_with_the_limit_named() -> None:
    assert MAX_DIGITS == 9
    assert parse_number("9" * 9) == 999_999_999
    with pytest.raises(NumberError) as refused:
        parse_number("1" + "0" * 9)
    assert refused.value.key == "number.err.too_big"
    assert refused.value.values == {"max": 9}
    assert "9" in str(refused.value)


def test_leading_zeros_do_not_count_towards_the_limit() -> None:
    assert parse_number("000000000012") == 12
    assert parse_number("0" * 20) == 0


def test_empty_or_blank_text_asks_for_a_number() -> None:
    for text in ("", "   ", "\t"):
        with pytest.raises(NumberError) as refused:
            parse_number(text)
        assert refused.value.key == "number.err.empty"


def test_the_first_bad_character_is_named() -> None:
    assert bad_character("12a3b") == "a"
    assert bad_character("0123456789") is None
    assert bad_character("") is None
    assert bad_character("9/") == "/"  # just below "0" in ASCII
    assert bad_character(":") == ":"  # just above "9"
    with pytest.raises(NumberError) as refused:
        parse_number("12a3b")
    assert refused.value.key == "number.err.not_digit"
    assert refused.value.values == {"char": "a"}


def test_a_space_inside_a_number_is_named_not_shown_blank() -> None:
    with pytest.raises(NumberError) as refused:
        parse_number("1 2")
    assert refused.value.values == {"char": "SPACE"}
    with pytest.raises(NumberError) as refused:
        parse_number("1\u00a02")
    assert refused.value.values == {"char": "NO-BREAK SPACE"}


def test_an_invisible_or_combining_character_is_named() -> None:
    with pytest.raises(NumberError) as refused:
        parse_number("1\u200b2")  # zero width space: not printable
    assert refused.value.values == {"char": "ZERO WIDTH SPACE"}
    with pytest.raises(NumberError) as refused:
        parse_number("1\u03012")  # combining acute accent: printable, a mark
    assert refused.value.values == {"char": "COMBINING ACUTE ACCENT"}
    with pytest.raises(NumberError) as refused:
        parse_number("1\x072")  # a control character without a name
    assert refused.value.values == {"char": "U+0007"}


def test_a_visible_character_is_shown_as_typed() -> None:
    with pytest.raises(NumberError) as refused:
        parse_number("1²")
    assert refused.value.values == {"char": "²"}


def test_is_number_wants_digits_and_nothing_else() -> None:
    assert is_number("0")
    assert not is_number("")
    assert not is_number("12 ")
    assert not is_number("-1")


def test_decimal_reads_whole_and_fraction_parts() -> None:
    assert parse_decimal("12") == 12.0
    assert parse_decimal("7.5") == 7.5
    assert parse_decimal("7,25") == 7.25
    assert parse_decimal(".5") == 0.5
    assert parse_decimal("3.") == 3.0
    assert parse_decimal("  2,5  ") == 2.5


def test_decimal_refusals_say_why() -> None:
    for text in ("", "  "):
        with pytest.raises(NumberError) as refused:
            parse_decimal(text)
        assert refused.value.key == "number.err.empty"
    for text in (".", "1.2.3", "1,,2", "1" * 10):
        with pytest.raises(NumberError) as refused:
            parse_decimal(text)
        assert refused.value.key == "number.err.decimal"
        assert refused.value.values == {"text": text}
    with pytest.raises(NumberError) as refused:
        parse_decimal("1e5")
    assert refused.value.key == "number.err.not_digit"
    assert refused.value.values == {"char": "e"}


def test_several_numbers_with_any_separator() -> None:
    assert parse_numbers(" 1, 2;3 +4  5 ") == [1, 2, 3, 4, 5]
    assert parse_numbers("7") == [7]
    for text in ("", " , ; + "):
        with pytest.raises(NumberError) as refused:
            parse_numbers(text)
        assert refused.value.key == "number.err.empty"
    with pytest.raises(NumberError) as refused:
        parse_numbers("1, x")
    assert refused.value.values == {"char": "x"}


def test_decimal_names_the_first_character_that_is_not_a_digit_point_or_comma() -> None:
    for text, char in (("10e5", "e"), ("0x1", "x"), ("9:5", ":"), ("1X5", "X"), ("1,5.0A", "A")):
        with pytest.raises(NumberError) as refused:
            parse_decimal(text)
        assert refused.value.key == "number.err.not_digit"
        assert refused.value.values == {"char": char}

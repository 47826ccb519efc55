"""Whole numbers typed by a user: ASCII digits 0-9 only, one rule for the whole app.

``str.isdigit`` is true for ``²``, ``³``, ``١`` or ``٣`` (superscripts, other
scripts' digits) that ``int()`` refuses or reads differently, so every screen
and import reads the numbers people type through ``parse_number`` /
``parse_numbers``. They raise ``NumberError`` (a ``ValueError`` whose ``str()``
is the translated reason, naming the character that is not a digit 0-9).
"""

from __future__ import annotations

import re
import unicodedata

from sessions.core.errors import DomainError

MAX_DIGITS = 9  # beyond, no count of the app makes sense (and int() has a limit)
_ASCII_DIGITS = re.compile(r"[0-9]+")
_SEPARATORS = re.compile(r"[\s,;+]+")


class NumberError(DomainError):
    """Text that is not a whole number written with the digits 0-9."""


def is_number(text: str) -> bool:
    """True when ``text`` is one or more ASCII digits and nothing else."""
    return _ASCII_DIGITS.fullmatch(text) is not None


def bad_character(text: str) -> str | None:
    """The first character of ``text`` that is not an ASCII digit (None if there is none)."""
    for char in text:
        if not "0" <= char <= "9":
            return char
    return None


def _shown(char: str) -> str:
    """A character as the message shows it: invisible ones by their Unicode name."""
    if char.isprintable() and not char.isspace() and unicodedata.category(char)[0] != "M":
        return char
    return unicodedata.name(char, f"U+{ord(char):04X}")


def parse_number(text: str) -> int:
    """``text`` (spaces around ignored) as a whole number; NumberError otherwise."""
    value = text.strip()
    if not value:
        raise NumberError("number.err.empty")
    if not is_number(value):
        char = bad_character(value) or value
        raise NumberError("number.err.not_digit", char=_shown(char))
    if len(value.lstrip("0")) > MAX_DIGITS:
        raise NumberError("number.err.too_big", max=MAX_DIGITS)
    return int(value)


_DECIMAL = re.compile(r"(?=[.,]?[0-9])([0-9]{0,9})(?:[.,]([0-9]{0,6}))?")


def parse_decimal(text: str) -> float:
    """``12``, ``7.5`` or ``7,5`` (digits 0-9; no exponent, ``nan``, ``_`` or ``²``)."""
    value = text.strip()
    if not value:
        raise NumberError("number.err.empty")
    found = _DECIMAL.fullmatch(value)
    if found is None:
        char = next((c for c in value if not ("0" <= c <= "9" or c in ".,")), None)
        if char is None:
            raise NumberError("number.err.decimal", text=value)
        raise NumberError("number.err.not_digit", char=_shown(char))
    whole, fraction = found.groups()
    return float(f"{whole or 0}.{fraction or 0}")


def parse_numbers(text: str) -> list[int]:
    """Several numbers separated by spaces, commas, semicolons or ``+``."""
    parts = [p for p in _SEPARATORS.split(text.strip()) if p]
    if not parts:
        raise NumberError("number.err.empty")
    return [parse_number(p) for p in parts]

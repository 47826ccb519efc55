"""Why pydantic refused a value, said in the interface's language (not pydantic's English).

``explain(error)`` words one entry of ``ValidationError.errors()`` through the
catalog (``pydantic.<type>``, in ``messages/pydantic_errors.py``) with its
limits (a maximum, the values allowed) and, for a plain value, what was read.
A type the catalog does not word is named by its code. ``where(loc)`` is the
field's path, ``agenda.0.minutes``.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from sessions.i18n.catalog import DEFAULT, keys, t

# pydantic's types that say the same thing to a person, worded once
SAME = {
    "int_parsing": "int_type",
    "int_from_float": "int_type",
    "int_parsing_size": "int_type",
    "float_parsing": "float_type",
    "bool_parsing": "bool_type",
    "string_unicode": "string_type",
    "tuple_type": "list_type",
    "set_type": "list_type",
    "frozen_set_type": "list_type",
    "model_type": "dict_type",
    "model_attributes_type": "dict_type",
    "dataclass_type": "dict_type",
    "date_parsing": "date_type",
    "date_from_datetime_parsing": "date_type",
    "date_from_datetime_inexact": "date_type",
    "datetime_parsing": "datetime_type",
    "datetime_from_date_parsing": "datetime_type",
    "datetime_object_invalid": "datetime_type",
    "timezone_aware": "datetime_type",
    "enum": "literal_error",
    "union_tag_invalid": "literal_error",
    "assertion_error": "value_error",
}
SHOWN_CHARS = 40  # of a text read, at most


def where(loc: Sequence[object]) -> str:
    """The refused field's path (``agenda.0.minutes``); ``document`` for the whole."""
    return ".".join(str(part) for part in loc) or "document"


def explain(error: Mapping[str, Any], lang: str | None = None) -> str:
    """The reason of one pydantic error, worded by the catalog in ``lang``."""
    kind = SAME.get(error["type"], error["type"])
    key = f"pydantic.{kind}"
    if key not in keys(DEFAULT):
        return t("pydantic.other", lang, type=error["type"])
    values = {name: _value(value) for name, value in (error.get("ctx") or {}).items()}
    if "expected" in values:  # "'a', 'b' or 'c'": pydantic's own "or"
        values["expected"] = str(values["expected"]).replace(" or ", t("pydantic.or", lang))
    reason = t(key, lang, **values)
    read = error.get("input")
    if kind == "missing" or not isinstance(read, str | int | float):  # bool is an int
        return reason
    return t("pydantic.read", lang, reason=reason, value=_shown(read, lang))


def _value(value: object) -> object:
    """A limit as a person writes it: 10, not 10.0; an exception by its message."""
    if isinstance(value, float) and value.is_integer():
        return int(value)
    if isinstance(value, BaseException):
        return str(value)
    return value


def _shown(value: str | int | float | bool, lang: str | None) -> str:
    """What was read, as the file holds it: a text quoted (cut), JSON's true / false."""
    if isinstance(value, str):
        text = value if len(value) <= SHOWN_CHARS else value[: SHOWN_CHARS - 1] + "…"
        return t("pydantic.text", lang, text=text)
    return str(value).lower() if isinstance(value, bool) else str(value)

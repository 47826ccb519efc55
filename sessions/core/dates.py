"""A date typed by a person: ``AAAA-MM-JJ`` in ASCII digits, or a refusal saying what is wrong.

Python's ``date.fromisoformat`` also takes ``2026W481`` (an ISO week: a Monday)
and ``20261122``; a person typing either meant something else, so both are
refused with the form expected and an example, like an empty date or a day the
calendar does not have (``2026-02-31``).
"""

from __future__ import annotations

import datetime as dt
import re

from sessions.core.errors import DomainError

_DAY = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")


class DateError(DomainError):
    """A date refused: ``str()`` says why in the language shown."""


def parse_date(value: str, example: dt.date) -> dt.date:
    """``value`` as a date (spaces around it ignored); ``DateError`` with ``example`` otherwise."""
    value = value.strip()
    if not value:
        raise DateError("new.err_date_empty", example=example.isoformat())
    if not _DAY.fullmatch(value):
        raise DateError("new.err_date_form", value=value, example=example.isoformat())
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise DateError("new.err_date_day", value=value) from None

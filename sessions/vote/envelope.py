"""The point-envelope vote (METHOD step 3): envelope, show of hands, ballots, merges.

Every function that changes the session takes it first and raises
``VoteError`` (a ``ValueError`` with a translated message) without changing
anything when the input breaks a rule, so the app shows the reason and keeps
the state as it was.

Choices where the guide leaves one open (see ``docs/vote.md``):

- the envelope is ``number of items // 2``, at least 1 as soon as there is an
  item, and can be overridden;
- voters are the participants marked present;
- typed fingers: several numbers (``3 2 5``, ``3+2+5``, ``3,2,5``) are hands;
  one number alone (``12``, or ``=12``) is a total; ``3+`` is a single hand;
  Enter alone records that no hand was raised (0 points);
- a merge keeps the lowest number as the surviving item.
"""

from __future__ import annotations

import re

from sessions.core.numbers import NumberError, parse_number
from sessions.i18n import t, tn
from sessions.models import HandTally, Session
from sessions.vote import dots
from sessions.vote.errors import VoteError as VoteError  # shared with the dot vote
from sessions.vote.ranking import vote_items, voters

MAX_POINTS = 5


# -- who votes, with how many points ----------------------------------------
# ``voters`` (who votes) is defined once, in sessions.vote.ranking.


def default_envelope(session: Session) -> int:
    count = len(vote_items(session))
    return max(count // 2, 1) if count else 0


def envelope(session: Session) -> int:
    """The points each voter has: the override if set, else items // 2.

    Once the count is closed, the default is the one in force at the close:
    nothing done afterwards (an idea, a deletion) changes a closed vote's envelope.
    """
    if session.vote.envelope is not None:
        return session.vote.envelope
    if session.vote.counted and session.vote.envelope_at_close is not None:
        return session.vote.envelope_at_close
    return default_envelope(session)


def per_person(session: Session) -> int:
    """What each voter gives in all: the dots of a dot vote, else the envelope's points."""
    return session.vote.per_person if dots.is_dots(session) else envelope(session)


def rule_text(session: Session, lang: str | None = None) -> str:
    """The rule in words: "Vote à 3 gommettes par personne" or the envelope's points."""
    if dots.is_dots(session):
        return dots.describe(session, lang)
    return tn("dots.rule.envelope", envelope(session), lang, points=envelope(session))


def set_envelope(session: Session, value: int | None) -> None:
    if value is not None and not 1 <= value <= MAX_POINTS * 100:
        raise VoteError("vote.err.envelope_range", value=value)
    session.vote.envelope = value


def item_numbers(session: Session) -> list[int]:
    return [i.number for i in vote_items(session)]


def reading_order(session: Session) -> list[int]:
    """Items in the order they are read: last to first unless toggled."""
    numbers = item_numbers(session)
    return list(reversed(numbers)) if session.vote.reverse_order else numbers


def toggle_reading_order(session: Session) -> None:
    session.vote.reverse_order = not session.vote.reverse_order


def set_method(session: Session, method: str) -> None:
    if method not in ("hands", "ballots"):
        raise VoteError("vote.err.method", method=method)
    session.vote.method = method  # type: ignore[assignment]


# -- show of hands ----------------------------------------------------------
_SPLIT = re.compile(r"[\s+,;]+")


# A refused count says what to type by the vote's rule: raised fingers (3 2 5) for the
# envelope, the number of raised hands (7) for dots, the dots per hand (2 1 3) stacked.
_REFUSALS: dict[str, dict[str, str]] = {
    "fingers": {},
    "hands": {
        "vote.err.bad_char": "dots.err.bad_char",
        "vote.err.not_numbers": "dots.err.not_numbers",
    },
    "dots": {
        "vote.err.bad_char": "dots.err.bad_char_stacking",
        "vote.err.not_numbers": "dots.err.not_numbers_stacking",
    },
}


def hand_words(session: Session) -> str:
    """How the room's count is typed under the vote's rule: ``fingers``, ``hands`` or ``dots``."""
    if not dots.is_dots(session):
        return "fingers"
    return "dots" if session.vote.stacking else "hands"


def parse_hands(text: str, words: str = "fingers") -> HandTally | None:
    """What the scribe typed for one item; None when it is empty (no tally).

    Raises VoteError on anything that is not whole numbers in digits 0-9
    (the shared rule of ``sessions.core.numbers``: ``²`` is refused, by name),
    saying what to type in the ``words`` of the vote's rule (``hand_words``).
    """
    try:
        return _parse_hands(text)
    except VoteError as exc:
        said = _REFUSALS[words].get(exc.key)
        if said is None:
            raise
        raise VoteError(said, **exc.values) from None


def _parse_hands(text: str) -> HandTally | None:
    raw = text.strip()
    if not raw:
        return None
    body = raw[1:].strip() if raw.startswith("=") else raw
    parts = [p for p in _SPLIT.split(body) if p]
    if not parts or (raw.startswith("=") and len(parts) != 1):
        raise VoteError("vote.err.not_numbers", text=text)
    try:
        values = [parse_number(p) for p in parts]
    except NumberError as exc:
        char = exc.values.get("char")
        if char is None:
            raise VoteError("vote.err.too_big", text=text) from exc
        raise VoteError("vote.err.bad_char", text=text, char=char) from exc
    if raw.startswith("="):
        return HandTally(total=values[0])
    single_hand = raw.endswith("+") or raw.startswith("+")
    if len(values) == 1 and not single_hand:
        return HandTally(total=values[0])
    return HandTally(hands=values)


def check_tally(tally: HandTally, voter_count: int) -> None:
    """Each hand 0-5, no more hands than voters, total at most 5 x voters."""
    for hand in tally.hands:
        if not 0 <= hand <= MAX_POINTS:
            raise VoteError("vote.err.hand_range", value=hand, max=MAX_POINTS)
    if len(tally.hands) > voter_count:
        raise VoteError("vote.err.too_many_hands", hands=len(tally.hands), voters=voter_count)
    limit = MAX_POINTS * voter_count
    if tally.points > limit:
        raise VoteError("vote.err.total_too_big", total=tally.points, max=limit, voters=voter_count)


def set_tally(session: Session, number: int, tally: HandTally | None) -> None:
    """Record (or clear, with None) the show of hands for item ``number``."""
    if number not in item_numbers(session):
        raise VoteError("vote.err.no_item", number=number)
    if tally is None:
        session.vote.tallies.pop(number, None)
        return
    if dots.is_dots(session):
        dots.check_tally(session, number, tally, len(voters(session)))
    else:
        check_tally(tally, len(voters(session)))
    session.vote.tallies[number] = tally


def enter_hands(session: Session, number: int, text: str) -> HandTally:
    """Parse and record what was typed for ``number`` (the op the screen applies).

    Enter on an empty entry records that no hand was raised (0 points): the
    item is counted, and the reading moves on.
    """
    tally = parse_hands(text, hand_words(session)) or HandTally(total=0)
    set_tally(session, number, tally)
    return tally


def grand_total(session: Session) -> int:
    from sessions.vote.ranking import raw_points

    numbers = set(item_numbers(session))
    return sum(v for n, v in raw_points(session).items() if n in numbers)


def grand_total_limit(session: Session) -> int:
    return per_person(session) * len(voters(session))


def grand_total_warning(session: Session) -> str | None:
    """A clear warning when more points were counted than the envelopes hold."""
    total, limit = grand_total(session), grand_total_limit(session)
    if total > limit:
        return t(
            "dots.warn.grand_total" if dots.is_dots(session) else "vote.warn.grand_total",
            total=total,
            limit=limit,
            envelope=per_person(session),
            voters=len(voters(session)),
        )
    return None


# -- ballots ----------------------------------------------------------------
def ballot_sum(session: Session, participant_id: str) -> int:
    numbers = set(item_numbers(session))
    row = session.vote.ballots.get(participant_id, {})
    return sum(v for n, v in row.items() if n in numbers)


def set_ballot(session: Session, participant_id: str, number: int, value: int) -> None:
    """One cell of the ballots grid: 0-5 within the envelope (a dot vote: ``dots`` rules)."""
    person = session.participant(participant_id)
    if person is None or not person.present:
        raise VoteError("vote.err.not_voter", name=person.name if person else participant_id)
    if number not in item_numbers(session):
        raise VoteError("vote.err.no_item", number=number)
    if dots.is_dots(session):
        row = {**session.vote.ballots.get(participant_id, {}), number: value}
        dots.check_ballot_row(session, person.name, row, number)
    elif not 0 <= value <= MAX_POINTS:
        raise VoteError("vote.err.cell_range", value=value, max=MAX_POINTS)
    row = dict(session.vote.ballots.get(participant_id, {}))
    row[number] = value
    total = sum(v for n, v in row.items() if n in set(item_numbers(session)))
    limit = per_person(session)
    if total > limit:
        raise VoteError("vote.err.row_over", name=person.name, total=total, envelope=limit)
    if value == 0:
        row.pop(number, None)
    session.vote.ballots[participant_id] = row


# -- after the count --------------------------------------------------------
def close_count(session: Session, closed: bool = True) -> None:
    """Close the count: items with 0 points are struck (kept, shown struck).

    Closing freezes the envelope in force; reopening lets it follow the items again.
    """
    if closed and not session.vote.counted:
        session.vote.envelope_at_close = default_envelope(session)
    elif not closed:
        session.vote.envelope_at_close = None
    session.vote.counted = closed


def set_blind(session: Session, blind: bool) -> None:
    session.vote.blind = blind
    if blind:
        session.vote.revealed = False


def reveal(session: Session, revealed: bool = True) -> None:
    session.vote.revealed = revealed


def totals_hidden(session: Session) -> bool:
    return session.vote.blind and not session.vote.revealed


def merge(session: Session, numbers: list[int]) -> int:
    """Merge items (by consensus) into the lowest number; returns the survivor.

    Items already merged into another are refused; a surviving item of an
    earlier merge brings its own group along.
    """
    unique = sorted(set(numbers))
    if len(unique) < 2:
        raise VoteError("vote.err.merge_two")
    ideas = []
    for number in unique:
        idea = session.idea(number)
        if idea is None or idea.deleted or idea.duplicate_of is not None:
            raise VoteError("vote.err.no_item", number=number)
        if idea.merged_into is not None:
            raise VoteError("vote.err.already_merged", number=number, into=idea.merged_into)
        ideas.append(idea)
    survivor, rest = ideas[0], ideas[1:]
    for idea in rest:
        for child in idea.merged_from:
            grandchild = session.idea(child)
            if grandchild is not None:
                grandchild.merged_into = survivor.number
                survivor.merged_from.append(child)
        idea.merged_from = []
        idea.merged_into = survivor.number
        survivor.merged_from.append(idea.number)
    survivor.merged_from.sort()
    return survivor.number


def unmerge(session: Session, number: int) -> list[int]:
    """Undo a merge: a survivor releases its whole group, a merged item leaves it."""
    idea = session.idea(number)
    if idea is None:
        raise VoteError("vote.err.no_item", number=number)
    if idea.merged_into is not None:
        parent = session.idea(idea.merged_into)
        if parent is not None and number in parent.merged_from:
            parent.merged_from.remove(number)
        idea.merged_into = None
        return [number]
    if not idea.merged_from:
        raise VoteError("vote.err.not_merged", number=number)
    released = list(idea.merged_from)
    for child in released:
        other = session.idea(child)
        if other is not None:
            other.merged_into = None
    idea.merged_from = []
    return released

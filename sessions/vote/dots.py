"""The dot vote ([001], "votez pour 3 solutions préférées"), the second vote rule.

``vote.rule`` is ``"envelope"`` (fiches n°1/n°2: 0-5 points per item within an
envelope, ``sessions.vote.envelope``) or ``"dots"``: each voter present places
``vote.per_person`` dots (3 by default), at most one per item unless
``vote.stacking``. ``sessions.vote.envelope`` applies the envelope's rules and
asks this module when the rule is dots; everything after the count (struck
items, merges, ranking, top N, blind mode, reveal) is shared: an item's points
are its dots.

- Show of hands: what is typed for an item is its dots (``7``, or one ``1`` per
  raised hand); never more hands than voters present, at most one dot per voter
  and item without stacking (so an item holds at most as many dots as there are
  voters), and the dots counted over all items never exceed voters x N.
- Ballots: a cell is 0 or 1 (0 to N with stacking), a row at most N dots.
- The rule, N and stacking are chosen before counting: once a hand or a ballot
  is recorded (or the count closed) they are refused with the reason.
- A new session takes its rule and N from its template's ``[parts]`` table
  (``vote = "dots"``, ``dots = 3``: ``sessions.agenda.catalog.TemplateParts``).
"""

from __future__ import annotations

from dataclasses import dataclass

from sessions.i18n import t, tn
from sessions.models import HandTally, Session
from sessions.models.vote import DEFAULT_DOTS
from sessions.vote.errors import VoteError
from sessions.vote.ranking import vote_items

ENVELOPE = "envelope"
DOTS = "dots"
RULES = (ENVELOPE, DOTS)
MAX_DOTS = 100  # dots per person one may choose


def is_dots(session: Session) -> bool:
    return session.vote.rule == DOTS


def per_item(session: Session) -> int:
    """The most dots one voter may put on one item: 1, or N when stacking is allowed."""
    return session.vote.per_person if session.vote.stacking else 1


def counting_started(session: Session) -> bool:
    vote = session.vote
    return vote.counted or bool(vote.tallies) or any(vote.ballots.values())


def _before_counting(session: Session) -> None:
    if counting_started(session):
        raise VoteError("dots.err.started")


def set_rule(session: Session, rule: str) -> None:
    """Switch between the envelope and the dot vote, before counting."""
    if rule not in RULES:
        raise VoteError("dots.err.rule", rule=rule)
    if rule != session.vote.rule:
        _before_counting(session)
    session.vote.rule = rule  # type: ignore[assignment]


def set_per_person(session: Session, dots: int | None) -> None:
    """Dots per person (None: the default, 3), before counting."""
    value = DEFAULT_DOTS if dots is None else dots
    if not 1 <= value <= MAX_DOTS:
        raise VoteError("dots.err.per_person", value=value, max=MAX_DOTS)
    if value != session.vote.per_person:
        _before_counting(session)
    session.vote.per_person = value


def set_stacking(session: Session, stacking: bool) -> None:
    """Allow (or not) several dots of one voter on one item, before counting."""
    if stacking != session.vote.stacking:
        _before_counting(session)
    session.vote.stacking = stacking


def next_rule(session: Session) -> None:
    """F5's rule key: envelope -> dots -> dots with stacking -> envelope."""
    vote = session.vote
    if vote.rule == ENVELOPE:
        set_rule(session, DOTS)
        set_stacking(session, False)
    elif not vote.stacking:
        set_stacking(session, True)
    else:
        set_stacking(session, False)
        set_rule(session, ENVELOPE)


@dataclass(frozen=True)
class RuleWords:
    """A dot vote's rule, put into words in the language it is shown in (a refusal's value)."""

    per_person: int
    stacking: bool

    @classmethod
    def of(cls, session: Session) -> RuleWords:
        return cls(session.vote.per_person, session.vote.stacking)

    def message(self, lang: str | None = None) -> str:
        text = tn("dots.rule.dots", self.per_person, lang, dots=self.per_person)
        return text + (t("dots.rule.stacking", lang) if self.stacking else "")


def describe(session: Session, lang: str | None = None) -> str:
    """A dot vote in words: "Vote à 3 gommettes par personne" / "Dot vote, 3 dots per person"."""
    return RuleWords.of(session).message(lang)


def _item_numbers(session: Session) -> set[int]:
    return {idea.number for idea in vote_items(session)}


# -- show of hands ----------------------------------------------------------
def counted_dots(session: Session, skip: int | None = None) -> int:
    """Dots counted by show of hands over the items, leaving out item ``skip``."""
    numbers = _item_numbers(session)
    return sum(
        tally.points
        for number, tally in session.vote.tallies.items()
        if number in numbers and number != skip
    )


def check_tally(session: Session, number: int, tally: HandTally, count: int) -> None:
    """The dot vote's limits for the hands typed on item ``number``, ``count`` voters present."""
    most = per_item(session)
    for hand in tally.hands:
        if hand > most:
            key = "dots.err.hand_stacking" if session.vote.stacking else "dots.err.hand"
            raise VoteError(key, number=number, value=hand, max=most, rule=RuleWords.of(session))
    if len(tally.hands) > count:
        raise VoteError("vote.err.too_many_hands", hands=len(tally.hands), voters=count)
    if tally.points > count * most:
        key = "dots.err.item_over_stacking" if session.vote.stacking else "dots.err.item_over"
        raise VoteError(
            key, number=number, total=tally.points, voters=count, max=count * most,
            rule=RuleWords.of(session),
        )  # fmt: skip
    total = counted_dots(session, skip=number) + tally.points
    limit = count * session.vote.per_person
    if total > limit:
        raise VoteError(
            "dots.err.total_over", number=number, total=total, limit=limit, voters=count,
            dots=session.vote.per_person,
        )  # fmt: skip


# -- ballots ----------------------------------------------------------------
def check_ballot_row(session: Session, name: str, row: dict[int, int], number: int) -> None:
    """One voter's dots after setting item ``number``: 0/1 per item (0-N stacking), N in all."""
    value = row.get(number, 0)
    if value > per_item(session):
        if session.vote.stacking:
            raise VoteError(
                "dots.err.cell_range", name=name, number=number, value=value, max=per_item(session)
            )
        raise VoteError("dots.err.cell_stack", name=name, number=number, value=value)
    numbers = _item_numbers(session)
    total = sum(v for n, v in row.items() if n in numbers)
    if total > session.vote.per_person:
        raise VoteError(
            "dots.err.row_over", name=name, total=total, number=number,
            dots=session.vote.per_person,
        )  # fmt: skip


# -- in the minutes ----------------------------------------------------------
def minutes_intro(session: Session, lang: str, voter_count: int, total: int) -> str:
    """The vote section's first line for a dot vote, in place of the envelope's."""
    one = "" if session.vote.stacking else t("dots.minutes.one_per_item", lang)
    return t(
        "dots.minutes.intro",
        lang,
        rule=describe(session, lang),
        one=one,
        voters=tn("minutes.n_voters", voter_count, lang, n=voter_count),
        total=tn("dots.minutes.n_placed", total, lang, n=total),
    )

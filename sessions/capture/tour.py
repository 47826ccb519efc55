"""The tour de table (METHOD step 2): turn order, numbered ideas, passes, edits.

Every function taking a session changes it in place and is meant to run as
an op through ``app.apply`` (or ``SessionHandle.apply``); on bad input it
raises ``CaptureError`` (a ``ValueError`` with a translated message) before
changing anything.

Rules kept here:

- the turn goes round the participants marked present, in list order; each
  gives one idea or passes per round; ``capture.rounds`` rounds (3 by default);
- numbers come from ``Session.next_idea_number`` (highest number ever used
  + 1; ``next_idea_number`` here gives it without a walk of every idea): an
  edit, a deletion or a duplicate never renumbers nor reuses one;
- a reformulation keeps the former wording in ``history``;
- a deletion only marks the idea deleted (undo brings it back).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sessions.core.errors import DomainError
from sessions.core.keyed import highest_idea_number
from sessions.core.text import MAX_IDEA_CHARS, clean_text
from sessions.models import Idea, IdeaRevision, Participant, Session, TurnRecord
from sessions.people import roster
from sessions.vote.ranking import counts_as_idea

MAX_ROUNDS = 20


class CaptureError(DomainError):
    """A capture input that breaks a rule; ``str()`` is the translated reason."""


# -- turn order -------------------------------------------------------------
def present(session: Session) -> list[Participant]:
    """The participants in turn order: those present, in list order (``roster.present``)."""
    return roster.present(session)


def finished(session: Session) -> bool:
    """All rounds are done (or nobody is present to take a turn)."""
    return not present(session) or session.capture.current_round > session.capture.rounds


def current(session: Session) -> Participant | None:
    people = present(session)
    if not people or finished(session):
        return None
    return people[session.capture.current_index % len(people)]


def upcoming(session: Session) -> Participant | None:
    """Who speaks after the current participant (None after the last turn)."""
    people = present(session)
    cap = session.capture
    if not people or finished(session):
        return None
    index = cap.current_index + 1
    if index >= len(people):
        if cap.current_round >= cap.rounds:
            return None
        index = 0
    return people[index]


def _advance(session: Session, now: datetime) -> None:
    cap = session.capture
    cap.current_index += 1
    if cap.current_index >= len(present(session)):
        cap.current_index = 0
        cap.current_round += 1
    cap.turn_started_at = now


def _record(session: Session, person: Participant, number: int | None, now: datetime) -> None:
    cap = session.capture
    cap.turns.append(
        TurnRecord(
            participant_id=person.id,
            round=cap.current_round,
            idea_number=number,
            started_at=cap.turn_started_at,
            ended_at=now,
        )
    )


def next_idea_number(session: Session) -> int:
    """``session.next_idea_number()`` (highest number ever used + 1), without a walk per Enter.

    The highest number is kept with the list it was read from (see
    ``keyed.highest_idea_number``), shared with the op's slot lookup: an Enter
    reads only the ideas added since.
    """
    return highest_idea_number(session.ideas) + 1


def clean_idea(text: str) -> str:
    cleaned = clean_text(text)
    if not cleaned:
        raise CaptureError("capture.err.empty")
    if len(cleaned) > MAX_IDEA_CHARS:
        raise CaptureError("capture.err.too_long", max=MAX_IDEA_CHARS)
    return cleaned


def add_idea(
    session: Session,
    text: str,
    now: datetime,
    author_id: str | None = None,
    round_: int | None = None,
    late: bool = False,
) -> Idea:
    """A new idea with the next number (a free entry when used alone).

    Once the count is closed an idea is either ``late`` (recorded outside the
    vote) or refused: the facilitator reopens the count first. It never
    becomes a struck item silently.
    """
    cleaned = clean_idea(text)
    if author_id is not None and session.participant(author_id) is None:
        raise CaptureError("capture.err.no_participant", who=author_id)
    if session.vote.counted and not late:
        raise CaptureError("capture.err.count_closed")
    if late and not session.vote.counted:
        raise CaptureError("capture.err.not_late")
    idea = Idea(
        number=next_idea_number(session),
        text=cleaned,
        author_id=author_id,
        round=round_,
        created_at=now,
        late=late,
    )
    session.ideas.append(idea)
    return idea


def give_idea(session: Session, text: str, now: datetime, late: bool = False) -> Idea:
    """The current participant's idea; the turn moves on.

    After the last round, or with nobody present, it is a free entry.
    ``late``: the count is closed and the idea is recorded outside the vote.
    """
    person = current(session)
    if person is None:
        idea = add_idea(session, text, now, late=late)
    else:
        round_ = session.capture.current_round
        idea = add_idea(session, text, now, author_id=person.id, round_=round_, late=late)
        _record(session, person, idea.number, now)
        _advance(session, now)
    session.capture.draft = ""  # submitted: no longer a draft, whichever the path
    return idea


def pass_turn(session: Session, now: datetime) -> Participant:
    """The current participant passes (all their ideas were already given)."""
    person = current(session)
    if person is None:
        raise CaptureError("capture.err.no_turn")
    _record(session, person, None, now)
    _advance(session, now)
    return person


def skip_to(session: Session, participant_id: str, now: datetime) -> None:
    """Give the turn to someone else in the current round (nothing recorded)."""
    people = present(session)
    for index, person in enumerate(people):
        if person.id == participant_id:
            session.capture.current_index = index
            session.capture.turn_started_at = now
            return
    raise CaptureError("capture.err.no_participant", who=participant_id)


def restart_rounds(session: Session, now: datetime) -> None:
    """Start the tour again from round 1 (ideas and turns already given are kept)."""
    session.capture.current_round = 1
    session.capture.current_index = 0
    session.capture.turn_started_at = now


def set_rounds(session: Session, rounds: int) -> None:
    if not 1 <= rounds <= MAX_ROUNDS:
        raise CaptureError("capture.err.rounds", max=MAX_ROUNDS)
    session.capture.rounds = rounds


def set_question(session: Session, text: str) -> None:
    session.capture.question = clean_text(text, multiline=False)


def set_draft(session: Session, text: str) -> None:
    """Text typed but not yet submitted, kept so a crash loses nothing."""
    session.capture.draft = clean_text(text)[:MAX_IDEA_CHARS]


# -- changing ideas ---------------------------------------------------------
def _idea(session: Session, number: int) -> Idea:
    idea = session.idea(number)
    if idea is None:
        raise CaptureError("capture.err.no_idea", number=number)
    return idea


def reformulate(session: Session, number: int, text: str, now: datetime) -> Idea:
    """A new wording; the former one is kept in the idea's history."""
    idea = _idea(session, number)
    cleaned = clean_idea(text)
    if cleaned != idea.text:
        idea.history.append(IdeaRevision(text=idea.text, at=now))
        idea.text = cleaned
    return idea


def set_description(session: Session, number: int, text: str) -> Idea:
    """The item's very short description (the grid table's second column); "" clears it."""
    idea = _idea(session, number)
    cleaned = clean_text(text)
    if len(cleaned) > MAX_IDEA_CHARS:
        raise CaptureError("capture.err.too_long", max=MAX_IDEA_CHARS)
    idea.description = cleaned
    return idea


def set_author(session: Session, number: int, author_id: str | None) -> None:
    idea = _idea(session, number)
    if author_id is not None and session.participant(author_id) is None:
        raise CaptureError("capture.err.no_participant", who=author_id)
    idea.author_id = author_id


def delete_idea(session: Session, number: int) -> None:
    """Mark the idea deleted; its number is never given again."""
    idea = _idea(session, number)
    if idea.merged_from:
        raise CaptureError("capture.err.delete_merged", number=number)
    idea.deleted = True


def restore_idea(session: Session, number: int) -> None:
    _idea(session, number).deleted = False


def mark_duplicate(session: Session, number: int, of: int | None) -> None:
    """Mark ``number`` as already given (duplicate of ``of``); None clears it."""
    idea = _idea(session, number)
    if of is None:
        idea.duplicate_of = None
        return
    target = _idea(session, of)
    if of == number or target.deleted:
        raise CaptureError("capture.err.bad_duplicate", number=number, of=of)
    seen = {number}
    while target.duplicate_of is not None:  # refuse a cycle (a duplicate of itself)
        if target.duplicate_of in seen:
            raise CaptureError("capture.err.bad_duplicate", number=number, of=of)
        seen.add(target.number)
        target = _idea(session, target.duplicate_of)
    idea.duplicate_of = target.number


# -- counts -----------------------------------------------------------------
@dataclass(frozen=True)
class ParticipantStats:
    participant: Participant
    ideas: int
    passes: int
    seconds: float  # total measured time of their turns


def stats(session: Session) -> list[ParticipantStats]:
    """Per participant: ideas given, passes and time of their turns."""
    ideas: dict[str, int] = {}
    for idea in session.ideas:
        if idea.author_id and not idea.deleted:
            ideas[idea.author_id] = ideas.get(idea.author_id, 0) + 1
    passes: dict[str, int] = {}
    seconds: dict[str, float] = {}
    for turn in session.capture.turns:
        if turn.idea_number is None:
            passes[turn.participant_id] = passes.get(turn.participant_id, 0) + 1
        if turn.started_at and turn.ended_at:
            spent = max((turn.ended_at - turn.started_at).total_seconds(), 0.0)
            seconds[turn.participant_id] = seconds.get(turn.participant_id, 0.0) + spent
    return [
        ParticipantStats(p, ideas.get(p.id, 0), passes.get(p.id, 0), seconds.get(p.id, 0.0))
        for p in session.participants
    ]


def live_count(session: Session) -> int:
    """Ideas that count: not deleted, not duplicates (``ranking.counts_as_idea``)."""
    return sum(1 for i in session.ideas if counts_as_idea(i))

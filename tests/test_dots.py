"""The dot vote's rules ([001], "votez pour 3 solutions préférées"), beside the envelope."""

from __future__ import annotations

import contextlib
import datetime as dt

import pytest
from conftest import build_session
from hypothesis import given, settings
from hypothesis import strategies as st

from sessions.capture import tour as cap
from sessions.models import HandTally, Session
from sessions.models.session import migrate
from sessions.vote import dots, ops
from sessions.vote import envelope as v
from sessions.vote.errors import VoteError
from sessions.vote.ranking import item_points, ranked_items, top_numbers

T0 = dt.datetime(2026, 11, 22, 9, 0, tzinfo=dt.UTC)


def dot_session(ideas: int = 6, stacking: bool = False) -> Session:
    s = build_session("divergence-convergence")  # 4 participants present
    for n in range(1, ideas + 1):
        cap.add_idea(s, f"solution {n}", T0)
    s.vote.stacking = stacking
    return s


def test_the_divergence_convergence_template_votes_with_3_dots() -> None:
    s = build_session("divergence-convergence")
    assert (s.vote.rule, s.vote.per_person, s.vote.stacking) == ("dots", 3, False)
    assert build_session("territoire-numerique-10-ans").vote.rule == "envelope"
    assert build_session("idees-recues").vote.rule == "envelope"


def test_an_older_file_loads_as_an_envelope_vote() -> None:
    s = build_session()
    doc = s.model_dump(mode="json")
    doc["schema_version"] = 1
    for key in ("rule", "per_person", "stacking"):
        del doc["vote"][key]
    loaded = Session.model_validate(migrate(doc))
    assert (loaded.vote.rule, loaded.vote.per_person, loaded.vote.stacking) == (
        "envelope",
        3,
        False,
    )


def test_rule_in_words_in_both_languages() -> None:
    s = dot_session()
    assert v.rule_text(s, "fr") == "Vote à 3 gommettes par personne"
    assert v.rule_text(s, "en") == "Dot vote, 3 dots per person"
    dots.set_per_person(s, 1)
    assert v.rule_text(s, "fr") == "Vote à 1 gommette par personne"
    dots.set_stacking(s, True)
    assert v.rule_text(s, "en") == "Dot vote, 1 dot per person (stacking allowed on an item)"
    dots.set_rule(s, "envelope")
    assert v.rule_text(s, "fr") == "Vote à l'enveloppe\u202f: 3 points par personne"  # 6 items / 2


def test_hands_per_item_never_above_the_voters_without_stacking() -> None:
    s = dot_session()
    v.enter_hands(s, 6, "4")
    with pytest.raises(VoteError) as err:
        v.enter_hands(s, 5, "5")
    assert "Item n°5" in str(err.value) and "4 votants" in str(err.value)
    with pytest.raises(VoteError):
        v.enter_hands(s, 5, "1 2")  # a hand is one dot
    with pytest.raises(VoteError):
        v.enter_hands(s, 5, "1 1 1 1 1")  # 5 hands for 4 voters
    assert set(s.vote.tallies) == {6}


def test_the_total_never_exceeds_voters_times_n() -> None:
    s = dot_session()
    for number in (6, 5, 4):
        v.enter_hands(s, number, "4")
    assert v.grand_total(s) == v.grand_total_limit(s) == 12
    with pytest.raises(VoteError) as err:
        v.enter_hands(s, 3, "1")
    assert "13 gommettes" in str(err.value) and "12" in str(err.value)
    v.enter_hands(s, 6, "3")  # an item typed again replaces its count
    v.enter_hands(s, 3, "1")
    assert v.grand_total(s) == 12


def test_stacking_lets_a_hand_hold_up_to_n_dots() -> None:
    s = dot_session(stacking=True)
    v.enter_hands(s, 6, "3 3 2")  # three voters, 8 dots on one item
    assert s.vote.tallies[6].points == 8
    v.enter_hands(s, 5, "3 1")  # 8 + 4 = 12 = 4 voters x 3 is fine...
    with pytest.raises(VoteError) as err:
        v.enter_hands(s, 4, "1")  # ...but 13 is not
    assert "13 gommettes" in str(err.value)
    with pytest.raises(VoteError) as err:
        v.enter_hands(s, 3, "4")  # one number is a total: 4 dots on item 3 (<= 4 x 3)...
    assert "13 gommettes" not in str(err.value) and "16" in str(err.value)  # ...but 16 in all
    v.enter_hands(s, 6, "3 3")
    with pytest.raises(VoteError) as err:
        v.enter_hands(s, 3, "4 1")  # a hand of 4 > 3 dots
    assert "4 gommettes sur une main" in str(err.value)
    assert set(s.vote.tallies) == {6, 5}


def test_ballots_one_dot_per_item_and_n_in_all() -> None:
    s = dot_session()
    alice = s.participants[0]
    with pytest.raises(VoteError) as err:
        v.set_ballot(s, alice.id, 1, 2)
    assert "une seule gommette" in str(err.value) and alice.name in str(err.value)
    for number in (1, 2, 3):
        v.set_ballot(s, alice.id, number, 1)
    with pytest.raises(VoteError) as err:
        v.set_ballot(s, alice.id, 4, 1)
    assert "4 gommettes" in str(err.value) and "3 par personne" in str(err.value)
    v.set_ballot(s, alice.id, 1, 0)  # take one back, place it elsewhere
    v.set_ballot(s, alice.id, 4, 1)
    assert s.vote.ballots[alice.id] == {2: 1, 3: 1, 4: 1}


def test_ballots_with_stacking() -> None:
    s = dot_session(stacking=True)
    alice = s.participants[0]
    v.set_ballot(s, alice.id, 1, 3)
    assert s.vote.ballots[alice.id] == {1: 3}
    with pytest.raises(VoteError):
        v.set_ballot(s, alice.id, 2, 1)


def test_the_rule_changes_only_before_counting() -> None:
    s = dot_session()
    dots.next_rule(s)
    assert (s.vote.rule, s.vote.stacking) == ("dots", True)
    dots.next_rule(s)
    assert (s.vote.rule, s.vote.stacking) == ("envelope", False)
    dots.next_rule(s)
    assert (s.vote.rule, s.vote.stacking) == ("dots", False)
    dots.set_per_person(s, 2)
    v.enter_hands(s, 6, "1")
    for change in (
        lambda: dots.set_rule(s, "envelope"),
        lambda: dots.set_per_person(s, 3),
        lambda: dots.set_stacking(s, True),
        lambda: dots.next_rule(s),
    ):
        with pytest.raises(VoteError) as err:
            change()
        assert "Le décompte a commencé" in str(err.value)
    assert (s.vote.rule, s.vote.per_person, s.vote.stacking) == ("dots", 2, False)
    dots.set_per_person(s, 2)  # no change is not a change
    with pytest.raises(VoteError):
        dots.set_per_person(s, 0)
    with pytest.raises(VoteError):
        dots.set_rule(s, "borda")


def test_after_the_count_dots_rank_like_points() -> None:
    s = dot_session()
    for number, hands in {6: "1", 5: "4", 4: "", 3: "2", 2: "1", 1: "4"}.items():
        v.enter_hands(s, number, hands)
    ops.close(s)
    items = ranked_items(s)
    assert [(i.number, i.points, i.rank) for i in items if i.status == "active"] == [
        (1, 4, 1),
        (5, 4, 1),
        (3, 2, 3),
        (2, 1, 4),
        (6, 1, 4),
    ]
    assert [i.number for i in items if i.status == "struck"] == [4]
    assert top_numbers(s, 3) == [1, 5, 3]
    ops.merge(s, [2, 6])
    assert item_points(s)[2] == 2
    summary = ops.vote_summary(s)
    assert (summary["rule"], summary["per_person"], summary["total_points"]) == ("dots", 3, 12)


@st.composite
def counted_dot_votes(draw):
    stacking = draw(st.booleans())
    s = dot_session(ideas=draw(st.integers(2, 8)), stacking=stacking)
    s.vote.per_person = draw(st.integers(1, 4))
    numbers = v.item_numbers(s)
    if draw(st.booleans()):
        v.set_method(s, "ballots")
        for person in v.voters(s):
            for number in draw(st.lists(st.sampled_from(numbers), max_size=6)):
                with contextlib.suppress(VoteError):
                    v.set_ballot(s, person.id, number, draw(st.integers(0, 3)))
    else:
        for number in numbers:
            with contextlib.suppress(VoteError):
                v.set_tally(s, number, HandTally(total=draw(st.integers(0, 6))))
    return s, draw(st.lists(st.lists(st.sampled_from(numbers), min_size=2, max_size=3)))


@settings(max_examples=60, deadline=None)
@given(counted_dot_votes())
def test_merging_never_changes_the_total_of_dots_nor_breaks_the_caps(case) -> None:
    s, merges = case
    voters = len(v.voters(s))
    per_item = s.vote.per_person if s.vote.stacking else 1
    total = v.grand_total(s)
    assert total <= voters * s.vote.per_person  # the cap per person, summed
    for row in s.vote.ballots.values():
        assert sum(row.values()) <= s.vote.per_person
        assert all(value <= per_item for value in row.values())
    for tally in s.vote.tallies.values():
        assert tally.points <= voters * per_item
    ops.close(s)
    for group in merges:
        with contextlib.suppress(VoteError):
            ops.merge(s, group)
        standing = [i for i in ranked_items(s) if i.status in ("active", "struck")]
        assert sum(i.points for i in standing) == total


def test_the_minutes_name_the_dot_vote_in_place_of_the_envelope() -> None:
    from sessions.documents.minutes import minutes_markdown

    s = dot_session()
    for number, hands in {6: "1", 5: "4", 3: "2", 1: "3"}.items():
        v.enter_hands(s, number, hands)
    ops.close(s)
    fr = minutes_markdown(s, "fr")
    assert (
        "Vote à 3 gommettes par personne, une par item au plus\u202f; 4 votants\u202f; "
        "10 gommettes placées." in fr
    )
    assert "Enveloppe" not in fr and "| Gommettes |" in fr
    assert "barré (0 gommette)" in fr and "0 point" not in fr  # an item nobody chose
    en = minutes_markdown(s, "en")
    assert "Dot vote, 3 dots per person, at most one per item; 4 voters; 10 dots placed." in en
    assert "struck (0 dots)" in en
    s.vote.rule = "envelope"  # the same count under the envelope reads as before
    assert "Enveloppe\u202f: 3 points par participant" in minutes_markdown(s, "fr")

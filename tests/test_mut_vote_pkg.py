"""The vote package's commands and ops (sessions/vote/ops.py, vote_ops.py), issue 18.

``atelier vote`` refuses what would change nothing or comes too early (closing
a closed count, revealing before the count is closed or twice, merging before
the count is closed) and says how many items a close struck; the F5 keys as
ops record every slot they change for ctrl+z, named and labelled like every op
(tests/op_rules.py).
"""

from __future__ import annotations

from types import SimpleNamespace

import pytest
from grid_examples import full_session

from sessions.core.ops import apply, undo
from sessions.i18n import t
from sessions.vote import dots_ops, ranking, vote_ops
from sessions.vote import ops as commands
from sessions.vote.errors import VoteError
from sessions.vote.ranking import ranked_items
from tests.conftest import build_session
from tests.op_rules import apply_recorded, check_labels, check_names


def _struck(s) -> list[int]:  # type: ignore[no-untyped-def]
    return [i.number for i in ranked_items(s) if i.status == "struck"]


def _refused(s, call, *args) -> str:  # type: ignore[no-untyped-def]
    before = s.model_dump_json()
    with pytest.raises(VoteError) as caught:
        call(s, *args)
    assert s.model_dump_json() == before  # refused: nothing changed
    return caught.value.key


@pytest.mark.parametrize("module", [vote_ops, dots_ops])
def test_vote_ops_are_named_and_labelled_like_every_op(module: object) -> None:
    check_names(module, {"vote"})
    check_labels(module)


def test_closing_says_how_many_items_it_struck_and_refuses_twice() -> None:
    s = full_session()
    assert _refused(s, commands.close) == "vote.err.already_closed"
    commands.reopen(s)
    assert not s.vote.counted and _struck(s) == []
    assert _refused(s, commands.reopen) == "vote.err.not_closed"
    struck = commands.close(s)
    assert struck == len(_struck(s)) > 0


def test_revealing_needs_a_closed_count_and_happens_once() -> None:
    s = full_session()
    commands.reopen(s)
    assert _refused(s, commands.reveal) == "vote.err.close_first"
    commands.close(s)
    commands.reveal(s)
    assert s.vote.revealed
    assert _refused(s, commands.reveal) == "vote.err.already_revealed"


def test_merging_by_consensus_comes_after_the_count() -> None:
    s = full_session()
    commands.reopen(s)
    assert _refused(s, commands.merge, [4, 5]) == "vote.err.close_first"
    commands.close(s)
    assert commands.merge(s, [5, 4]) == 4
    assert commands.unmerge(s, 4) == [5]


def test_the_json_summary_reads_the_vote() -> None:
    s = full_session()
    summary = commands.vote_summary(s)
    assert (summary["counted"], summary["revealed"]) == (True, False)
    assert summary["struck"] == _struck(s)
    merged = {i.number for i in ranked_items(s) if i.status == "merged"}
    assert summary["merged"]
    for survivor, numbers in summary["merged"].items():
        assert int(survivor) == numbers[0] and set(numbers[1:]) <= merged


def test_count_reveal_and_merge_ops_are_recorded_and_undone() -> None:
    s = full_session()
    step = apply_recorded(s, vote_ops.CloseCount(closed=False))
    assert not s.vote.counted and step.label() == t("vote.undo.count")
    assert vote_ops.CloseCount().closed is True  # the default closes
    apply_recorded(s, vote_ops.CloseCount())
    assert s.vote.counted
    with pytest.raises(VoteError):
        apply(s, vote_ops.CloseCount(strict=True))
    assert apply(s, vote_ops.CloseCount(closed=False, strict=True)).result is None
    apply(s, vote_ops.CloseCount(strict=True))
    step = apply_recorded(s, vote_ops.Reveal())
    assert s.vote.revealed and step.label() == t("vote.undo.reveal")
    with pytest.raises(VoteError):
        apply(s, vote_ops.Reveal(strict=True))
    undo(s, step)
    assert not s.vote.revealed
    step = apply_recorded(s, vote_ops.Merge((4, 5)))
    assert [i.number for i in ranked_items(s) if i.status == "merged"].count(5) == 1
    apply_recorded(s, vote_ops.Unmerge(4))
    assert 5 not in [i.number for i in ranked_items(s) if i.status == "merged"]


def test_method_order_envelope_and_blind_ops_are_recorded() -> None:
    s = full_session()
    apply_recorded(s, vote_ops.ToggleReadingOrder())
    apply_recorded(s, vote_ops.SetEnvelope(3))
    assert s.vote.envelope == 3
    apply_recorded(s, vote_ops.SetBlind(True))
    assert s.vote.blind


def test_an_item_whose_merge_is_half_recorded_still_leaves_its_group() -> None:
    # a hand-edited file: 5 says it is merged into 4, which does not list it (or is gone)
    s = full_session()
    five = s.idea(5)
    assert five is not None and 5 not in s.idea(4).merged_from
    five.merged_into = 4
    assert commands.unmerge(s, 5) == [5]
    assert five.merged_into is None and 5 not in s.idea(4).merged_from
    five.merged_into = 999  # no such item
    assert commands.unmerge(s, 5) == [5] and five.merged_into is None


def test_the_json_summary_keeps_its_keys() -> None:
    s = full_session()
    summary = commands.vote_summary(s)
    assert set(summary) == {
        "counted", "revealed", "blind", "method", "rule", "per_person", "stacking",
        "items", "struck", "merged", "top", "total_points",
    }  # fmt: skip
    assert summary["top"] == ranking.top_numbers(s) and summary["blind"] is s.vote.blind


def test_dots_with_stacking_are_set_together() -> None:
    s = build_session()  # nothing counted yet
    commands.set_rule(s, "dots", 4, True)
    assert (s.vote.rule, s.vote.stacking) == ("dots", True)
    commands.set_rule(s, "dots", None, False)
    assert s.vote.stacking is False


def test_a_session_without_a_valid_top_keeps_the_top_10_and_ties_say_so() -> None:
    from sessions.models.format_parts import TOP_N

    for parts in (None, {}, {"top": 0}, {"top": True}):
        assert ranking.top_n(SimpleNamespace(parts=parts)) == TOP_N
    s = full_session()
    items = ranking.ranked_items(s)
    ties = ranking.tied_ranks(items)
    assert ties
    for item in items:
        if item.rank is not None:
            label = ranking.rank_label(item, ties)
            tied = t("vote.rank_tied", rank=item.rank)
            assert label == (tied if item.rank in ties else str(item.rank))
    assert any(ranking.rank_label(i, ties) == str(i.rank) for i in items if i.rank)


def test_the_screen_merges_any_time_the_command_line_only_after_the_count() -> None:
    s = full_session()
    commands.reopen(s)
    with pytest.raises(VoteError):
        apply(s, vote_ops.Merge((4, 5), strict=True))
    assert vote_ops.Merge((4, 5)).strict is False  # the screen's default
    apply_recorded(s, vote_ops.Merge((4, 5)))
    assert 5 in s.idea(4).merged_from

"""A team's own decision: the shipped one corrected by the team's examples (`actionbot learn`), and
whether it does better on the team's own history. Pure.

The team model is the shipped weights plus a correction fitted on the team's reviewed notes
(`bot.extraction.decision.refit`: the shipped weights are where fitting starts and what its penalty
pulls back to), so a handful of notes moves only the weights they show and the file kept is the
correction alone. It is judged leave one meeting out: each reviewed meeting read by a model fitted
on the others, against what people said of it, beside the shipped decision's reading of it.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, replace
from pathlib import Path
from typing import TYPE_CHECKING, Any

from bot.action_item import ActionItem
from bot.extraction.decision import Decision, Example, refit
from bot.extraction.labels import Figures, figures, items_of, labelled
from bot.notes.meeting import Meeting

if TYPE_CHECKING:
    from bot.extraction.extractor import Reading

# How much recall on the team's history a team model may give up for its precision.
RECALL_GIVEN_UP = 0.02
# The penalty on the correction: strong, as a team's history is a few notes.
L2 = 0.3
# A wrong item the team unticks in review; an item missed is lost: the team model weighs each item
# it is shown as three options that are not, so it gives up recall only for much precision.
POSITIVE = 3.0

ItemsOf = Callable[[Meeting, list["Reading"], Decision], list[ActionItem]]


@dataclass(frozen=True)
class Verdict:
    model: Decision | None  # fitted on every reviewed meeting; None when there is too little to judge
    before: Figures  # the shipped decision on the reviewed meetings
    after: Figures  # each reviewed meeting read by a model fitted without it
    meetings: int

    @property
    def better(self) -> bool:
        return (
            self.model is not None
            and self.after.f1 > self.before.f1
            and self.after.recall >= self.before.recall - RECALL_GIVEN_UP
        )


def judge(
    read: Iterable[tuple[Meeting, list[Reading]]],
    gold: Mapping[str, Any],
    items: ItemsOf,
    base: Decision,
    l2: float = L2,
) -> Verdict:
    """The team model fitted on the meetings of `read` that `gold` (the team's examples) lists,
    and its leave-one-meeting-out figures beside `base`'s. `items` reads a meeting's items with a
    decision (`Extractor.items`)."""
    reviewed = [(m, r, listed) for m, r in read if (listed := items_of(gold, m.path)) is not None]
    examples: dict[str, list[Example]] = {m.path: _examples(r, listed) for m, r, listed in reviewed}
    names = {Path(m.path).name for m, _, _ in reviewed}
    seen = {**gold, "notes": [n for n in gold["notes"] if Path(n["note"]).name in names]}
    before = [item for m, r, _ in reviewed for item in items(m, r, base)]
    if len(reviewed) < 2:
        shipped = figures(seen, before)
        return Verdict(None, shipped, shipped, len(reviewed))
    after: list[ActionItem] = []
    for meeting, readings, _ in reviewed:
        rest = [e for path, found in examples.items() if path != meeting.path for e in found]
        after.extend(items(meeting, readings, refit(base, rest, l2=l2, positive=POSITIVE)))
    model = refit(base, [e for found in examples.values() for e in found], l2=l2, positive=POSITIVE)
    return Verdict(model, figures(seen, before), figures(seen, after), len(reviewed))


def _examples(readings: list[Reading], listed: list[Mapping[str, Any]]) -> list[Example]:
    """The options the decision judges: where an exact rule decides, a weight cannot change the
    reading, and those options would only teach the team model the rule's cases."""
    from bot.extraction.judging import left_to_the_decision

    kept = [replace(r, options=[j for j in r.options if left_to_the_decision(j)]) for r in readings]
    return labelled(kept, listed)


def as_json(verdict: Verdict, base: Decision) -> dict[str, Any]:
    """The team model as its file holds it: the correction to `base`, and the figures it was kept on."""
    assert verdict.model is not None
    weights = verdict.model.weights
    correction = {
        name: round(weights[name] - base.weights.get(name, 0.0), 5)
        for name in sorted(weights)
        if abs(weights[name] - base.weights.get(name, 0.0)) >= 1e-4
    }
    return {
        "on": "shipped",
        "threshold": round(verdict.model.threshold, 4),
        "meetings": verdict.meetings,
        "leave_one_meeting_out": {
            label: {"precision": round(f.precision, 3), "recall": round(f.recall, 3), "f1": round(f.f1, 3)}
            for label, f in (("shipped", verdict.before), ("team", verdict.after))
        },
        "correction": correction,
    }


def from_json(data: Mapping[str, Any], base: Decision) -> Decision:
    """The team's decision: `base` with the file's correction added."""
    correction: Mapping[str, float] = data["correction"]
    weights = {**base.weights}
    for name, delta in correction.items():
        weights[name] = weights.get(name, 0.0) + float(delta)
    return Decision(weights, float(data["threshold"]), base.trained_on)

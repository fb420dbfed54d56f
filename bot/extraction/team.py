"""A team's own decision: the shipped one corrected by the team's examples (`actionbot learn`), and
whether it does better on the team's own history. Pure.

The team model is the shipped weights plus a correction fitted on the team's reviewed notes
(`bot.extraction.decision.refit`: the shipped weights are where fitting starts and what its penalty
pulls back to), so a handful of notes moves only the weights they show and the file kept is the
correction alone; narrowed, it only drops items the shipped decision takes (a review shows only
those). It is judged leave one meeting out: each reviewed meeting read by a model fitted on the
others, against what people said of it, beside the shipped decision's reading of it. How it is
fitted (narrowed or not, how strong the penalty) is chosen the same way on the meetings it is
fitted on, never on the meeting it is judged by.
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
# The ways of fitting a team model, most cautious first; `judge` chooses one leave one meeting out on
# the team's own history. Narrowed: the correction may only drop items the shipped decision takes,
# learnt from the items people saw (kept or unticked), which is all a review says. Corrected: it
# may also take options the shipped decision leaves, learnt from every option read. The penalty
# (L2 toward the shipped weights) is strong, as a team's history is a few notes.
WAYS: tuple[tuple[bool, float], ...] = ((True, 1.0), (True, 0.3), (False, 0.3), (False, 0.1))

ItemsOf = Callable[[Meeting, list["Reading"], Decision], list[ActionItem]]


@dataclass(frozen=True)
class Narrowed(Decision):
    """A team's decision that takes an option only where the shipped one (`within`) takes it too:
    the review comment lists only the items the bot found, so that is what people's corrections
    are about."""

    within: Decision | None = None

    def probability(self, features: Mapping[str, float]) -> float:
        own = super().probability(features)
        return own if self.within is None else min(own, self.within.probability(features))


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


@dataclass(frozen=True)
class _Meeting:
    meeting: Meeting
    readings: list[Reading]
    seen: list[Example]  # the options of the items people saw, kept or unticked
    read: list[Example]  # every option the decision judges


def judge(
    read: Iterable[tuple[Meeting, list[Reading]]],
    gold: Mapping[str, Any],
    items: ItemsOf,
    base: Decision,
) -> Verdict:
    """The team model fitted on the meetings of `read` that `gold` (the team's examples) lists,
    and its leave-one-meeting-out figures beside `base`'s. `items` reads a meeting's items with a
    decision (`Extractor.items`). Which of `WAYS` fits it is chosen on the meetings it is fitted on,
    again leave one meeting out, so no meeting's figures come from a choice made on it."""
    reviewed = {
        m.path: _Meeting(m, r, *shown_and_judged(r, listed, base))
        for m, r in read
        if (listed := items_of(gold, m.path)) is not None
    }
    history = _History(reviewed, gold, items, base)
    before = history.figures(history.read(reviewed, None))
    if len(reviewed) < 2:
        return Verdict(None, before, before, len(reviewed))
    after: list[ActionItem] = []
    for path, held_out in reviewed.items():
        rest = {p: m for p, m in reviewed.items() if p != path}
        after.extend(history.read({path: held_out}, history.fitted(rest, history.way(rest))))
    model = history.fitted(reviewed, history.way(reviewed))
    return Verdict(model, before, history.figures(after), len(reviewed))


@dataclass(frozen=True)
class _History:
    """The team's reviewed meetings, and how a team model fitted on some of them reads others."""

    reviewed: Mapping[str, _Meeting]
    gold: Mapping[str, Any]
    items: ItemsOf
    base: Decision

    def figures(self, found: Iterable[ActionItem]) -> Figures:
        names = {Path(m.meeting.path).name for m in self.reviewed.values()}
        return figures(
            {**self.gold, "notes": [n for n in self.gold["notes"] if Path(n["note"]).name in names]}, found
        )

    def read(self, meetings: Mapping[str, _Meeting], decision: Decision | None) -> list[ActionItem]:
        chosen = decision or self.base
        return [item for m in meetings.values() for item in self.items(m.meeting, m.readings, chosen)]

    def fitted(self, meetings: Mapping[str, _Meeting], way: tuple[bool, float]) -> Decision:
        narrow, l2 = way
        if narrow:
            fitted = refit(self.base, [e for m in meetings.values() for e in m.seen], l2=l2)
            return Narrowed(fitted.weights, fitted.threshold, fitted.trained_on, self.base)
        return refit(self.base, [e for m in meetings.values() for e in m.read], l2=l2)

    def way(self, meetings: Mapping[str, _Meeting]) -> tuple[bool, float]:
        """The way of `WAYS` that reads `meetings` best leave one meeting out: the best F1 among those
        that keep recall, the most cautious on a tie."""
        if len(meetings) < 2:
            return WAYS[0]
        part = _History(meetings, self.gold, self.items, self.base)
        before = part.figures(part.read(meetings, None))

        def score(n: int) -> tuple[bool, float, int]:
            found = [
                item
                for path, held_out in meetings.items()
                for item in part.read(
                    {path: held_out}, part.fitted({p: m for p, m in meetings.items() if p != path}, WAYS[n])
                )
            ]
            after = part.figures(found)
            return after.recall >= before.recall - RECALL_GIVEN_UP, after.f1, -n

        return WAYS[-max(score(n) for n in range(len(WAYS)))[2]]


def shown_and_judged(
    readings: list[Reading], listed: list[Mapping[str, Any]], base: Decision
) -> tuple[list[Example], list[Example]]:
    """The options of the items people saw, and every option the decision judges. Where an exact
    rule decides, a weight cannot change the reading, and those options would only teach the team
    model the rule's cases."""
    from bot.extraction.judging import accepts, left_to_the_decision

    judged = [replace(r, options=[j for j in r.options if left_to_the_decision(j)]) for r in readings]
    shown = [replace(r, options=[j for j in r.options if accepts(j, base)]) for r in judged]
    return labelled(shown, listed), labelled(judged, listed)


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
        "narrowed": isinstance(verdict.model, Narrowed),
        "threshold": round(verdict.model.threshold, 4),
        "meetings": verdict.meetings,
        "leave_one_meeting_out": {
            label: {"precision": round(f.precision, 3), "recall": round(f.recall, 3), "f1": round(f.f1, 3)}
            for label, f in (("shipped", verdict.before), ("team", verdict.after))
        },
        "correction": correction,
    }


def from_json(data: Mapping[str, Any], base: Decision) -> Decision:
    """The team's decision: `base` with the file's correction added, narrowed to what `base` takes
    when the file says so."""
    correction: Mapping[str, float] = data["correction"]
    weights = {**base.weights}
    for name, delta in correction.items():
        weights[name] = weights.get(name, 0.0) + float(delta)
    if data.get("narrowed"):
        return Narrowed(weights, float(data["threshold"]), base.trained_on, base)
    return Decision(weights, float(data["threshold"]), base.trained_on)

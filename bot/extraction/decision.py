"""The learned decision: is this sentence an action item of this person?

A logistic regression over the evidence of `bot.extraction.evidence`, its weights a JSON file shipped
with the package (`decision.json`) and reproduced from the annotated corpora by
`python tools/train_decision.py`. A linear model is enough for the evidence it weighs, explains
itself weight by weight, costs a dictionary look-up per feature and needs no library at run time.
Training is full-batch gradient descent from zero, so the same examples give the same weights.
"""

from __future__ import annotations

import json
import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Any

SHIPPED = "decision.json"


@dataclass(frozen=True)
class Decision:
    weights: Mapping[str, float]
    threshold: float = 0.5
    trained_on: tuple[str, ...] = ()

    def probability(self, features: Mapping[str, float]) -> float:
        total = sum(self.weights.get(name, 0.0) * value for name, value in features.items())
        return 1.0 / (1.0 + math.exp(-max(min(total, 30.0), -30.0)))

    def accepts(self, features: Mapping[str, float]) -> bool:
        return self.probability(features) >= self.threshold

    def as_json(self) -> dict[str, Any]:
        weights = {k: round(v, 5) for k, v in sorted(self.weights.items()) if abs(v) >= 1e-5}
        return {
            "threshold": round(self.threshold, 4),
            "trained_on": list(self.trained_on),
            "weights": weights,
        }

    @classmethod
    def from_json(cls, data: Mapping[str, Any]) -> Decision:
        return cls(dict(data["weights"]), float(data["threshold"]), tuple(data.get("trained_on", ())))

    @classmethod
    def load(cls, path: Path) -> Decision:
        return cls.from_json(json.loads(path.read_text(encoding="utf-8")))

    @classmethod
    def shipped(cls) -> Decision:
        return _shipped()


@lru_cache(maxsize=1)
def _shipped() -> Decision:
    text = resources.files("bot.extraction").joinpath(SHIPPED).read_text(encoding="utf-8")
    return Decision.from_json(json.loads(text))


Example = tuple[Mapping[str, float], bool]


def fit(
    groups: Mapping[str, Sequence[Example]],
    *,
    l2: float = 0.01,
    steps: int = 400,
    rate: float = 0.05,
) -> Decision:
    """Weights that fit the examples of every group (a community), and a threshold chosen on
    communities unseen: each group scored by weights fitted without it, the cut that gives the best
    F1 over those scores. A threshold chosen on the examples it was fitted to would be too lax."""
    names = tuple(sorted(groups))
    examples = [e for name in names for e in groups[name]]
    weights = _weights(examples, l2, steps, rate)
    scores: list[float] = []
    labels: list[bool] = []
    for held_out in names if len(names) > 1 else ():
        rest = [e for name in names if name != held_out for e in groups[name]]
        unseen = Decision(_weights(rest, l2, steps, rate))
        scores.extend(unseen.probability(features) for features, _ in groups[held_out])
        labels.extend(label for _, label in groups[held_out])
    threshold = best_threshold(scores, labels) if scores else 0.5
    return Decision(weights, threshold, names)


def refit(
    prior: Decision,
    examples: Sequence[Example],
    *,
    l2: float = 0.1,
    steps: int = 200,
    rate: float = 0.05,
    positive: float = 1.0,
) -> Decision:
    """`prior` corrected to fit `examples` (a team's): its weights the starting point and what the
    L2 penalty pulls back to, so a few dozen examples move only what they show, and its threshold
    kept, since a team's history is too short to choose a cut on meetings unseen."""
    weights = _weights(examples, l2, steps, rate, prior.weights, positive)
    return Decision({**prior.weights, **weights}, prior.threshold, prior.trained_on)


def _weights(
    examples: Sequence[Example],
    l2: float,
    steps: int,
    rate: float,
    prior: Mapping[str, float] | None = None,
    positive: float = 1.0,
) -> dict[str, float]:
    """Adam on the mean log loss plus an L2 penalty toward `prior` (zero unless given), from it.
    The examples are sparse (a few dozen of a few thousand features each), so products are sums
    over their non-zero entries."""
    import numpy as np  # spaCy's own dependency; only training needs it

    names = sorted({name for features, _ in examples for name in features})
    index = {name: i for i, name in enumerate(names)}
    start = np.array([(prior or {}).get(name, 0.0) for name in names])
    rows = np.array([r for r, (features, _) in enumerate(examples) for _ in features], dtype=np.int64)
    columns = np.array([index[n] for features, _ in examples for n in features], dtype=np.int64)
    values = np.array([v for features, _ in examples for v in features.values()], dtype=np.float64)
    labels = np.array([1.0 if label else 0.0 for _, label in examples])
    weighed = np.where(labels > 0, positive, 1.0)
    weights = start.copy()
    first, second = np.zeros(len(names)), np.zeros(len(names))
    for step in range(1, steps + 1):
        margin = np.bincount(rows, weights=values * weights[columns], minlength=len(examples))
        residual = (1.0 / (1.0 + np.exp(-np.clip(margin, -30, 30))) - labels) * weighed
        summed = np.bincount(columns, weights=values * residual[rows], minlength=len(names))
        gradient = summed / len(examples) + l2 * (weights - start)
        first = 0.9 * first + 0.1 * gradient
        second = 0.999 * second + 0.001 * gradient**2
        weights -= rate * (first / (1 - 0.9**step)) / (np.sqrt(second / (1 - 0.999**step)) + 1e-8)
    return {name: float(w) for name, w in zip(names, weights, strict=True)}


def best_threshold(scores: Sequence[float], labels: Sequence[bool], tolerance: float = 0.002) -> float:
    """The highest cut whose F1 over the scored examples is within `tolerance` of the best. F1 is
    flat over a wide band of cuts (0.30 to 0.50 on the shared corpora); its exact top moves from
    one end of the band to the other when a few examples change, and the higher end gives the same
    F1 with fewer false items."""
    ranked = sorted(zip(scores, labels, strict=True), key=lambda pair: -pair[0])
    positives = sum(labels)
    cuts: list[tuple[float, float]] = []  # (F1, cut), highest cut first
    true = 0
    for n, (score, label) in enumerate(ranked, start=1):
        true += label
        cuts.append((2 * true / (n + positives) if positives else 0.0, score))
    best = max((f1 for f1, _ in cuts), default=0.0)
    return float(next((cut for f1, cut in cuts if f1 >= best - tolerance and f1 > 0), 0.5))

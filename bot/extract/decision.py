"""The learned decision: is this sentence an action item of this person?

A logistic regression over the evidence of `bot.extract.evidence`, its weights a JSON file shipped
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
        text = resources.files("bot.extract").joinpath(SHIPPED).read_text(encoding="utf-8")
        return cls.from_json(json.loads(text))


Example = tuple[Mapping[str, float], bool]


def fit(
    examples: Sequence[Example],
    *,
    l2: float = 0.003,
    steps: int = 400,
    rate: float = 0.05,
    trained_on: tuple[str, ...] = (),
) -> Decision:
    """Weights that fit the examples (Adam on the mean log loss plus an L2 penalty), and the
    threshold that gives the best F1 on them."""
    import numpy as np  # spaCy's own dependency; only training needs it

    names = sorted({name for features, _ in examples for name in features})
    index = {name: i for i, name in enumerate(names)}
    matrix = np.zeros((len(examples), len(names)), dtype=np.float64)
    for row, (features, _) in enumerate(examples):
        for name, value in features.items():
            matrix[row, index[name]] = value
    labels = np.array([1.0 if label else 0.0 for _, label in examples])
    weights = np.zeros(len(names))
    first, second = np.zeros(len(names)), np.zeros(len(names))
    for step in range(1, steps + 1):
        predicted = 1.0 / (1.0 + np.exp(-np.clip(matrix @ weights, -30, 30)))
        gradient = matrix.T @ (predicted - labels) / len(examples) + l2 * weights
        first = 0.9 * first + 0.1 * gradient
        second = 0.999 * second + 0.001 * gradient**2
        weights -= rate * (first / (1 - 0.9**step)) / (np.sqrt(second / (1 - 0.999**step)) + 1e-8)
    scores = 1.0 / (1.0 + np.exp(-np.clip(matrix @ weights, -30, 30)))
    threshold = best_threshold(list(scores), [bool(label) for label in labels])
    return Decision({name: float(w) for name, w in zip(names, weights, strict=True)}, threshold, trained_on)


def best_threshold(scores: Sequence[float], labels: Sequence[bool]) -> float:
    """The cut that maximises F1 over the scored examples."""
    ranked = sorted(zip(scores, labels, strict=True), key=lambda pair: -pair[0])
    positives = sum(labels)
    best, cut, true = 0.0, 0.5, 0
    for n, (score, label) in enumerate(ranked, start=1):
        true += label
        f1 = 2 * true / (n + positives) if positives else 0.0
        if f1 > best:
            best, cut = f1, score
    return float(cut)

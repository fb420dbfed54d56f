"""The promise rules (`bot.extraction.patterns`) and their vetoes (`bot.extraction.vetoes`) run over
one parse: which rules matched, with their nodes, and which tokens a veto holds."""

from __future__ import annotations

from typing import TYPE_CHECKING

from spacy.matcher import DependencyMatcher

from bot.extraction.depmatch import Pattern
from bot.extraction.grammar import for_another_occasion, with_someone
from bot.extraction.patterns import RULES, Rule
from bot.extraction.vetoes import VETOES

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token
    from spacy.vocab import Vocab

_VETO = "veto:"
_ROLE_VETO = f"{_VETO}role"
_ORDER = {rule.id: n for n, rule in enumerate(RULES)}

Match = tuple[Rule, dict[str, "Token"]]
Vetoed = dict[int, set[str]]  # veto ids by the token they hold


class PromiseMatcher:
    def __init__(self, vocab: Vocab) -> None:
        # One matcher for promises and vetoes, so each parse is matched once; one key per pattern,
        # so a match says which pattern (and so which node is which) it is.
        self.vocab = vocab
        self.matcher = DependencyMatcher(vocab)
        self.patterns: dict[str, tuple[Rule, Pattern]] = {}
        for rule in RULES:
            for number, pattern in enumerate(rule.patterns):
                key = f"{rule.id}#{number}"
                self.patterns[key] = (rule, pattern)
                self.matcher.add(key, [pattern])
        for veto, patterns in VETOES.items():
            self.matcher.add(f"{_VETO}{veto}", list(patterns))

    def __call__(self, doc: Doc) -> tuple[list[Match], Vetoed]:
        """The promises the patterns find, earliest first (for one verb, the rule listed first), and
        the vetoes by the token they veto."""
        matches: list[Match] = []
        vetoed: Vetoed = {}
        for match_id, token_ids in self.matcher(doc):
            key = self.vocab.strings[match_id]
            if key.startswith(_VETO):
                target = doc[token_ids[0]]
                if key == _ROLE_VETO and (for_another_occasion(target) or with_someone(target)):
                    continue  # "will facilitate the next meeting": a promise, not this call's role
                vetoed.setdefault(token_ids[0], set()).add(key[len(_VETO) :])
                continue
            rule, pattern = self.patterns[key]
            nodes = {node["RIGHT_ID"]: doc[i] for node, i in zip(pattern, token_ids, strict=True)}
            matches.append((rule, nodes))
        matches.sort(key=lambda m: (m[1].get("task", m[1]["verb"]).i, _ORDER[m[0].id]))
        return matches, vetoed


def vetoes_of(rule: Rule, nodes: dict[str, Token], vetoed: Vetoed) -> set[str]:
    """The vetoes of `rule` holding its match: on its anchor, its task or its modal."""
    targets = {nodes[rule.anchor].i, nodes.get("task", nodes[rule.anchor]).i}
    if "modal" in nodes:
        targets.add(nodes["modal"].i)
    return {veto for i in targets for veto in rule.vetoes if veto in vetoed.get(i, ())}

"""The pieces spaCy's `DependencyMatcher` patterns are written with, for the promise rules
(`bot.extraction.patterns`) and their vetoes (`bot.extraction.vetoes`): a node, a child of a node,
and the sets of values an attribute may or may not take."""

from __future__ import annotations

from typing import Any

Pattern = list[dict[str, Any]]


def node(name: str, attrs: dict[str, Any]) -> dict[str, Any]:
    return {"RIGHT_ID": name, "RIGHT_ATTRS": attrs}


def child(parent: str, name: str, attrs: dict[str, Any], op: str = ">") -> dict[str, Any]:
    return {"LEFT_ID": parent, "REL_OP": op, "RIGHT_ID": name, "RIGHT_ATTRS": attrs}


def one_of(values: frozenset[str] | tuple[str, ...]) -> dict[str, list[str]]:
    return {"IN": sorted(values)}


def none_of(values: frozenset[str]) -> dict[str, list[str]]:
    return {"NOT_IN": sorted(values)}

"""The keys the config accepts, read from its pydantic models: to suggest the nearest one for a
mistyped key, and to check that config.example.yaml shows every one."""

from __future__ import annotations

import difflib
import types
import typing
from collections.abc import Iterator
from typing import Any

from pydantic import BaseModel


def _model_in(annotation: Any) -> type[BaseModel] | None:
    """The model a field holds, itself or as the items of a list (`people: list[PersonConfig]`)."""
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return annotation
    origin = typing.get_origin(annotation)
    if origin in (list, typing.Union, types.UnionType):
        for argument in typing.get_args(annotation):
            found = _model_in(argument)
            if found is not None:
                return found
    return None


def key_paths(model: type[BaseModel], prefix: tuple[str, ...] = ()) -> Iterator[tuple[str, ...]]:
    """Every key path the model accepts: ("tracker", "labels", "item"), a list's items' keys under
    the list's own key."""
    for name, info in model.model_fields.items():
        path = (*prefix, name)
        yield path
        inner = _model_in(info.annotation)
        if inner is not None:
            yield from key_paths(inner, path)


def keys_at(model: type[BaseModel], location: tuple[str | int, ...]) -> list[str]:
    """The keys accepted at `location` (a pydantic error's location, list indexes included)."""
    current: type[BaseModel] | None = model
    for part in location:
        if isinstance(part, int) or current is None:
            continue
        info = current.model_fields.get(part)
        current = _model_in(info.annotation) if info is not None else None
    return list(current.model_fields) if current is not None else []


def nearest(key: str, known: list[str]) -> str | None:
    found = difflib.get_close_matches(key, known, n=1, cutoff=0.6)
    return found[0] if found else None

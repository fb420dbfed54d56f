"""How the commands' help reads: metavars a person understands (FILE, DATE, [markdown|json]) where
typer would print Python types (<bool>, <list[str]>), -h beside --help, and the version."""

from __future__ import annotations

import inspect
from importlib import metadata
from typing import Any

from typer.core import TyperArgument, TyperCommand, TyperGroup, TyperOption

HELP_OPTIONS = {"help_option_names": ["-h", "--help"]}


def _shown_type(param: TyperArgument | TyperOption) -> str | None:
    if isinstance(param, TyperOption) and (param.is_flag or param.count):
        return None  # a flag takes no value: nothing to say
    described = getattr(param, "type_descriptor", None)
    if described is not None and described.is_choice:
        return "[" + "|".join(str(getattr(c, "value", c)) for c in described.choices or ()) + "]"
    if isinstance(param, TyperArgument):
        return None  # its name (or metavar) is already shown beside it
    return param.metavar or (param.name or "value").upper()


def _plain(params: list[Any]) -> list[Any]:
    for param in params:
        if isinstance(param, TyperArgument | TyperOption):
            # typer renders the type column from this method on each parameter.
            shown = _shown_type(param)
            setattr(param, "display_type_rich", lambda ctx, shown=shown: shown)  # noqa: B010
    return params


class Command(TyperCommand):
    """A command whose help shows what to type, never how Python holds it, and whose docstring
    reads as paragraphs: the help keeps every line break it is given, and a docstring's are only
    where its source line ended."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        if self.help:
            self.help = reflowed(self.help)

    def get_params(self, ctx: Any) -> list[Any]:
        # Here rather than at construction: the help option is only added to the list here.
        return _plain(super().get_params(ctx))


class Group(TyperGroup):
    def get_params(self, ctx: Any) -> list[Any]:
        return _plain(super().get_params(ctx))


def reflowed(text: str) -> str:
    """Each paragraph of `text` on one line, so the terminal wraps it at its own width."""
    paragraphs = inspect.cleandoc(text).split("\n\n")
    return "\n\n".join(" ".join(line.strip() for line in p.splitlines()) for p in paragraphs)


def version() -> str:
    try:
        return metadata.version("actionbot")
    except metadata.PackageNotFoundError:
        return "unknown (not installed)"

"""What a sync plan would change in each issue, as diff lines: title, body lines, labels, assignees,
comments and state. `sync --dry-run` prints them, so a plan can be checked before it is written.
Pure.
"""

from __future__ import annotations

import difflib
import re
from typing import assert_never

from bot.syncplan import plan
from bot.syncplan.apply import DUPLICATE_COMMENT

# The bot's hidden bookkeeping in a body: it changes with every fact, and nobody reads it.
_HIDDEN = re.compile(r"^\s*<!-- actionbot:[^>]*-->\s*$")


def where(step: plan.Step) -> str:
    said = plan.meaning(step)
    return f"{said.repo} (new)" if said.number is None else f"{said.repo}#{said.number}"


def step_diff(step: plan.Step) -> list[str]:
    """`+`/`-` lines of what the step changes; empty for an unchanged item."""
    match step:
        case plan.Unchanged():
            return []
        case plan.Create():
            issue = step.issue
            lines = [f"+ title: {issue.title}", f"+ labels: {', '.join(issue.labels)}"]
            if issue.assignees:
                lines.append(f"+ assignees: {', '.join(issue.assignees)}")
            return lines + [f"+ {line}" for line in _shown(issue.body)]
        case plan.EditBlock():
            lines = [f"- title: {step.issue.title}", f"+ title: {step.title}"] if step.title else []
            return lines + _body_diff(step.issue.body, step.body)
        case plan.Restore():
            lines = [f"- title: {step.issue.title}", f"+ title: {step.title}"] if step.title else []
            reopening = ["- state: closed", "+ state: open"] if step.reopen else []
            return _comment(step.comment) + reopening + lines + _body_diff(step.issue.body, step.body)
        case plan.RaiseAgain():
            return _comment(step.comment) + _body_diff(step.issue.body, step.body)
        case plan.ProgressNote() | plan.FlagRemoved():
            return _comment(step.comment) + _closing(step.close) + _body_diff(step.issue.body, step.body)
        case plan.CloseDuplicate():
            return _comment(DUPLICATE_COMMENT.format(number=step.original.number)) + _closing(True)
        case _:
            assert_never(step)


def _shown(body: str) -> list[str]:
    return [line for line in body.splitlines() if not _HIDDEN.match(line)]


def _body_diff(before: str, after: str) -> list[str]:
    changed = difflib.unified_diff(_shown(before), _shown(after), lineterm="", n=0)
    return [
        f"{line[0]} {line[1:]}"
        for line in changed
        if line[:1] in "+-" and not line.startswith(("+++", "---"))
    ]


def _comment(text: str) -> list[str]:
    shown = _shown(text)
    return [f"+ comment: {shown[0] if shown else ''}", *(f"+   {line}" for line in shown[1:])]


def _closing(close: bool) -> list[str]:
    return ["- state: open", "+ state: closed"] if close else []


def markdown(steps: list[plan.Step]) -> str:
    """The diffs for a job summary, one fenced block per changed issue."""
    blocks = []
    for step in steps:
        lines = step_diff(step)
        if lines:
            blocks.append(
                f"**{where(step)}**\n\n```diff\n" + "\n".join(lines).replace("```", "'''") + "\n```"
            )
    return "\n\n".join(blocks)

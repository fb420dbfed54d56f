"""What a sync did, in one line for the daemon's log: counts, with the issues they are."""

from __future__ import annotations

from bot.syncplan.apply import SyncResult
from bot.syncplan.plan import Create, meaning


def sync_summary(result: SyncResult) -> str:
    created = [
        result.issues[s.item.id] for s in result.done if isinstance(s, Create) and s.item.id in result.issues
    ]
    changed = {
        (said.repo, said.number)
        for said in map(meaning, result.done)
        if said.changes and said.number is not None
    }
    line = f"{result.created} issue{'' if result.created == 1 else 's'} created"
    if created:
        line += " (" + ", ".join(f"{i.repo}#{i.number}" for i in created) + ")"
    line += f", {result.updated} updated"
    if changed:
        line += " (" + ", ".join(f"{repo}#{number}" for repo, number in sorted(changed)) + ")"
    return line

"""How the planning time grows with the number of new items: the pure work a sync does between reading
the notes and writing, for a team's backfill of many meetings into an empty repository.

    python benchmarks/planning.py [--items 1500,3000,6000] [--repeat 3]

(`benchmarks/scale.py` runs it too, after its rerun figures.)

The notes are generated: a team of twelve, one meeting a week, twenty promises a meeting ("Sam will
tune the kestrel parser"), one in ten of them raised again at a later meeting, and five lines a
meeting reporting progress on an earlier promise ("Sam looked at the kestrel parser"). The notes are
read by the real note reader; the items are made from the promise lines directly (spaCy would make
the same ones, and is not what is measured). For each size (the first meetings holding that many
items), the best of --repeat rounds of:

- progress: `bot.followup.progress.progress_of`, which lines of later notes are progress on which item;
- plan: `bot.syncplan.plan.make_plan` and `with_assignees`, against a tracker holding none of the bot's
  issues (every item is new: the case whose cost grew with the square of the items).

Prints one JSON line per size, {"items", "meetings", "progress_seconds", "plan_seconds",
"seconds", "creates", "raised_again", "progress_notes"}, and a last line comparing the largest size
with the smallest: "linear" (their ratio of items) against "ratio" (of seconds).
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import random
import sys
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from bot.action_item import ActionItem, Owner, item_id  # noqa: E402
from bot.followup.progress import progress_of  # noqa: E402
from bot.notes.meeting import Meeting, parse_note  # noqa: E402
from bot.people import Person, Roster  # noqa: E402
from bot.syncplan.matching import NoteScope  # noqa: E402
from bot.syncplan.plan import Create, PlanSettings, make_plan, with_assignees  # noqa: E402

REPO = "bench/notes"
PER_MEETING = 20
PROGRESS_LINES = 5
RAISED_AGAIN = 0.1
TEAM = Roster(
    tuple(
        Person(f"{first} {last}", first.lower(), (first,))
        for first, last in [
            ("Priya", "Raman"), ("Samuel", "Okafor"), ("Lee", "Chen"), ("Dana", "Whitfield"),
            ("Tomasz", "Kowalczyk"), ("Ines", "Barreto"), ("Yuki", "Tanabe"), ("Rafael", "Quintero"),
            ("Margit", "Halvorsen"), ("Hamish", "Strachan"), ("Lena", "Vogt"), ("Devraj", "Pillai"),
        ]
    )
)  # fmt: skip
VERBS = ("tune", "review", "write", "fix", "release", "port", "document", "benchmark", "test", "package")
SYLLABLES = ("ka", "ro", "mi", "tes", "lun", "dor", "vex", "pa", "qui", "zen", "sol", "bra", "nik", "ul")


@dataclass(frozen=True)
class Promise:
    owner: Person
    task: str


def words(rng: random.Random, count: int) -> list[str]:
    """`count` made-up topic words: a project's own nouns (crate, module and host names)."""
    found: set[str] = set()
    while len(found) < count:
        found.add("".join(rng.choice(SYLLABLES) for _ in range(rng.randint(2, 4))))
    return sorted(found)


def generate(meetings: int, seed: int = 7) -> tuple[list[Meeting], list[ActionItem]]:
    rng = random.Random(seed)
    vocabulary = words(rng, 4000)
    promised: list[Promise] = []
    notes: list[Meeting] = []
    items: list[ActionItem] = []
    start = dt.date(2020, 1, 1)
    for number in range(meetings):
        date = start + dt.timedelta(days=7 * number)
        path = f"notes/{date.isoformat()}.md"
        lines: list[Promise] = []
        for _ in range(PER_MEETING):
            if promised and rng.random() < RAISED_AGAIN:
                lines.append(rng.choice(promised))
            else:
                topic = " ".join(rng.sample(vocabulary, rng.randint(2, 3)))
                lines.append(Promise(rng.choice(TEAM.people), f"{rng.choice(VERBS)} the {topic}"))
        progress = [rng.choice(promised) for _ in range(PROGRESS_LINES)] if promised else []
        body = [f"---\ndate: {date.isoformat()}\n---\n", "## Actions\n"]
        body += [f"{p.owner.aliases[0]} will {p.task}.\n" for p in lines]
        body += [f"{p.owner.aliases[0]} looked at the {p.task.split(' the ', 1)[1]}.\n" for p in progress]
        meeting = parse_note(path, "\n".join(body))
        notes.append(meeting)
        first_line = next(s.line for s in meeting.sentences)
        seen: dict[str, int] = {}
        for offset, promise in enumerate(lines):
            owners = (Owner(promise.owner.name, promise.owner.github),)
            task = promise.task[0].upper() + promise.task[1:]
            occurrence = seen.get(promise.owner.name + task, 0)
            seen[promise.owner.name + task] = occurrence + 1
            items.append(
                ActionItem(
                    id=item_id(path, "Actions", owners, task, occurrence),
                    note=path,
                    meeting_date=date,
                    line=first_line + 2 * offset,
                    text=f"{promise.owner.aliases[0]} will {promise.task}.",
                    owners=owners,
                    task=task,
                    due=None,
                    section="Actions",
                )
            )
        promised.extend(lines)
    return notes, items


def plan(items: list[ActionItem], meetings: list[Meeting]) -> tuple[float, float, dict[str, int]]:
    started = time.perf_counter()
    progress = progress_of(items, meetings, TEAM)
    progressed = time.perf_counter()
    planned = make_plan(
        items,
        {REPO: []},
        route=lambda _: REPO,
        link=lambda item: f"{item.note}:{item.line}",
        notes=NoteScope(frozenset(m.path for m in meetings)),
        roster_logins=frozenset(p.github for p in TEAM.people if p.github),
        settings=PlanSettings(),
        progress=progress,
    )
    everyone = {p.github for p in TEAM.people if p.github}
    planned = with_assignees(planned, {REPO: everyone}, everyone)
    done = time.perf_counter()
    creates = [s for s in planned.steps if isinstance(s, Create)]
    counts = {
        "creates": len(creates),
        "raised_again": sum(len(c.follow_ups) for c in creates),
        "progress_notes": sum(len(found) for found in progress.values()),
    }
    return progressed - started, done - progressed, counts


def measure(sizes: list[int], repeat: int) -> list[dict[str, Any]]:
    meetings, items = generate(max(sizes) // PER_MEETING)
    rows: list[dict[str, Any]] = []
    for size in sizes:
        held = meetings[: size // PER_MEETING]
        mine = items[:size]
        best: tuple[float, float, dict[str, int]] | None = None
        for _ in range(repeat):
            timed = plan(mine, held)
            if best is None or sum(timed[:2]) < sum(best[:2]):
                best = timed
        assert best is not None
        rows.append(
            {
                "items": len(mine),
                "meetings": len(held),
                "progress_seconds": round(best[0], 3),
                "plan_seconds": round(best[1], 3),
                "seconds": round(best[0] + best[1], 3),
                **best[2],
            }
        )
    return rows


def comparison(rows: list[dict[str, Any]]) -> dict[str, Any]:
    small, large = rows[0], rows[-1]
    return {
        "items": f"{large['items']}/{small['items']}",
        "linear": round(large["items"] / small["items"], 2),
        "ratio": round(large["seconds"] / small["seconds"], 2),
        "progress_ratio": round(large["progress_seconds"] / small["progress_seconds"], 2),
        "plan_ratio": round(large["plan_seconds"] / small["plan_seconds"], 2),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--items", default="1500,3000,6000", help="item counts, comma-separated")
    parser.add_argument("--repeat", type=int, default=3, help="take the best of N rounds")
    args = parser.parse_args()
    rows = measure(sorted(int(s) for s in args.items.split(",")), args.repeat)
    for row in rows:
        print(json.dumps(row))
    print(json.dumps(comparison(rows)))


if __name__ == "__main__":
    main()

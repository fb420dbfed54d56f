"""How often the team meets, when the config does not say: read from the dates of its notes.

A team meets on a rhythm and its notes' dates show it, even with notes missing: a skipped meeting,
or a note not kept, leaves a gap two or three steps long. A wrong guess would date "by the next
call" wrongly in every note, so the rule is strict, and without a guess "the next call" has a date
only where a note announces it:

- the step is the most common gap in days between consecutive meeting dates (the shorter on a tie),
- seen at least twice (one gap, two notes, says nothing of a rhythm),
- and at least two thirds of all the gaps are whole multiples of it.

Notes of monthly meetings ("the first Tuesday": 28 and 35 days) or of meetings called when needed
fail it, as they should: no number of days says when those teams meet next.

Pure: dates in, a number of days out. Extraction ("by the next call"), the follow-up (the next
meeting, for report and remind) and `actionbot init` all ask here.
"""

from __future__ import annotations

import datetime as dt
import itertools
from collections import Counter
from collections.abc import Iterable

# The step must come back this often, and explain this share of the gaps (see the docstring).
SEEN_AT_LEAST = 2
EXPLAINED = (2, 3)


def inferred_every_days(dates: Iterable[dt.date]) -> int | None:
    """The days between the team's meetings as the dates show it, or None when they show no rhythm
    regular enough to trust."""
    held = sorted(set(dates))
    gaps = [(later - earlier).days for earlier, later in itertools.pairwise(held)]
    if not gaps:
        return None
    step, seen = min(Counter(gaps).items(), key=lambda counted: (-counted[1], counted[0]))
    explained = sum(1 for gap in gaps if gap % step == 0)
    share, of = EXPLAINED
    if seen < SEEN_AT_LEAST or explained * of < len(gaps) * share:
        return None
    return step


def every_days(configured: int | None, dates: Iterable[dt.date]) -> int | None:
    """The config's `meetings.every_days` when it gives one, else the notes' own rhythm (or None)."""
    return configured if configured is not None else inferred_every_days(dates)

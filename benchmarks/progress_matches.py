"""List every later-note line the progress matcher ties to an earlier item, for judging by hand.

    python benchmarks/progress_matches.py --notes DIR --config FILE

Precision is measured by reading each printed pair and counting those where the later line really
is about the item; the matcher has no gold annotations to score against.
"""

from __future__ import annotations

import argparse
from pathlib import Path

from bot import pipeline
from bot.config import load_config
from bot.followup.progress import progress_of
from bot.notefiles import discover


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--notes", required=True)
    parser.add_argument("--config", default=None)
    args = parser.parse_args()
    config = load_config(Path(args.config) if args.config else None)
    extraction = pipeline.extract(discover([args.notes]), config)
    items = {item.id: item for item in extraction.items}
    pairs = 0
    for item_id, notes in progress_of(extraction.items, extraction.meetings, config.roster).items():
        item = items[item_id]
        print(f"{item.meeting_date} {', '.join(o.name for o in item.owners)}: {item.text}")
        for note in notes:
            pairs += 1
            done = " [done]" if note.done else ""
            print(f"    {note.meeting} {Path(note.note).name}:{note.line}{done}: {note.text}")
    print(f"{pairs} matches over {len(extraction.items)} items in {len(extraction.meetings)} notes")


if __name__ == "__main__":
    main()

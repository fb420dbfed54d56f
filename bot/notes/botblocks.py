"""The blocks the bot writes into notes (the follow-up checklist, between two markers), and notes
read without them: what the bot wrote there is never the meeting's own content."""

from __future__ import annotations

import re

MARKDOWN_BEGIN = "<!-- actionbot:follow-up begin -->"
MARKDOWN_END = "<!-- actionbot:follow-up end -->"
RST_BEGIN = ".. actionbot:follow-up begin"
RST_END = ".. actionbot:follow-up end"
_BLOCK = re.compile(
    "|".join(
        rf"^[ \t]*{re.escape(begin)}[ \t]*$.*?^[ \t]*{re.escape(end)}[ \t]*$"
        for begin, end in ((MARKDOWN_BEGIN, MARKDOWN_END), (RST_BEGIN, RST_END))
    ),
    re.MULTILINE | re.DOTALL,
)


def without_bot_blocks(text: str) -> str:
    """`text` with each of the bot's blocks, markers included, made blank lines: every other line
    keeps its number."""
    return _BLOCK.sub(lambda block: "\n" * block.group(0).count("\n"), text)

"""Where a list item sits, for every format's reader: the item it is nested under and the paragraph
that introduced its list, as indices of blocks (`Block.parent`, `Block.lead`).

A reader says where lists and items begin and end, by its markup's tokens or by indentation, and
turns each paragraph of an item into its block here.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from bot.notes.blocks import Block, BlockKind, TextLine


@dataclass
class _Open:
    indent: int
    block: int | None = None  # the block of the item's first paragraph, once read


@dataclass
class ListNesting:
    """The list items open while a reader walks a note, outermost first, and the lead of the list."""

    _open: list[_Open] = field(default_factory=list)
    lead: int | None = None

    @property
    def inside(self) -> bool:
        return bool(self._open)

    def start(self, blocks: Sequence[Block], introduced: bool = True) -> None:
        """A list begins outside any other: the paragraph just before it, when `introduced` by it,
        leads every item of it ("Next steps:" above "- Call Tom")."""
        follows_paragraph = introduced and bool(blocks) and blocks[-1].kind is BlockKind.PARAGRAPH
        self.lead = len(blocks) - 1 if follows_paragraph else None

    def open(self, indent: int = 0) -> None:
        self._open.append(_Open(indent))

    def close(self) -> None:
        self._open.pop()

    def close_to(self, indent: int) -> None:
        """Where lists nest by indentation: an item at `indent` closes those at or beyond it."""
        while self._open and self._open[-1].indent >= indent:
            self._open.pop()

    def close_all(self) -> None:
        self._open.clear()

    def item(
        self, blocks: Sequence[Block], section: str, lines: tuple[TextLine, ...], checked: bool | None = None
    ) -> Block:
        """The block of a paragraph of the innermost open item, to be appended to `blocks`: under that
        item's first paragraph if this is a later one, else under the nearest item that has one."""
        own = self._open[-1]
        parent = own.block
        if parent is None:
            parent = next((o.block for o in reversed(self._open[:-1]) if o.block is not None), None)
            own.block = len(blocks)
        return Block(BlockKind.ITEM, section, lines, checked=checked, parent=parent, lead=self.lead)

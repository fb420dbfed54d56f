"""The text of an HTML block in a Markdown note, a piece per cell, list item or paragraph, with the
line of the block it starts on. Wikis export minutes as HTML tables; their words are the note."""

from __future__ import annotations

from html.parser import HTMLParser

# Elements whose start or end ends a piece of text.
_BREAKS = frozenset(
    {"li", "td", "th", "tr", "p", "br", "div", "ol", "ul", "table", "h1", "h2", "h3", "h4", "h5", "h6"}
)
_SKIPPED = frozenset({"script", "style"})


class _Texts(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.pieces: list[tuple[int, str, bool]] = []  # (line offset, text, inside a list item)
        self._text: list[str] = []
        self._line = 0
        self._items = 0
        self._skipping = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _SKIPPED:
            self._skipping += 1
        if tag in _BREAKS:
            self.flush()
        self._items += tag == "li"

    def handle_endtag(self, tag: str) -> None:
        if tag in _SKIPPED:
            self._skipping = max(self._skipping - 1, 0)
        if tag in _BREAKS:
            self.flush()
        if tag == "li":
            self._items = max(self._items - 1, 0)

    def handle_data(self, data: str) -> None:
        if self._skipping:
            return
        if not "".join(self._text).strip():
            self._line = self.getpos()[0] - 1
        self._text.append(data)

    def flush(self) -> None:
        text = " ".join("".join(self._text).split())
        if text:
            self.pieces.append((self._line, text, self._items > 0))
        self._text = []


def html_texts(html: str) -> list[tuple[int, str, bool]]:
    """Each piece of text of the block: its line counted from the block's first, its words, and
    whether it is a list item."""
    parser = _Texts()
    parser.feed(html)
    parser.close()
    parser.flush()
    return parser.pieces

"""reStructuredText notes, read with docutils, whose doctree keeps the line of each paragraph."""

from __future__ import annotations

from dataclasses import dataclass, field

from docutils import nodes
from docutils.core import publish_doctree
from docutils.utils import SystemMessage

from bot.notes.blocks import Block, BlockKind, Document, TextLine, Unreadable
from bot.notes.nesting import ListNesting

_QUIET = {
    "report_level": 5,
    "halt_level": 5,
    "file_insertion_enabled": False,
    "raw_enabled": False,
    "input_encoding": "unicode",
    "warning_stream": False,
}


def read_rst(body: str, first_line: int, metadata: dict[str, object]) -> Document:
    meta = dict(metadata)
    blocks: list[Block] = []
    try:
        tree = publish_doctree(body, settings_overrides=_QUIET)
        title = _collect(tree, "", first_line, blocks, meta, _Lists(body.split("\n"), first_line))
    except SystemMessage as error:  # only with halt_level below 5; kept so a docutils change stays clear
        raise Unreadable(f"reStructuredText error: {error}") from error
    except ValueError as error:
        raise Unreadable(str(error)) from error
    return Document(metadata=meta, title=title, blocks=tuple(blocks))


@dataclass
class _Lists:
    """The source lines, and the list item each paragraph is nested under while the tree is walked."""

    sources: list[str]
    first_line: int
    nesting: ListNesting = field(default_factory=ListNesting)
    depth: int = 0  # sections entered

    def source(self, number: int) -> str:
        index = number - self.first_line
        return self.sources[index] if 0 <= index < len(self.sources) else ""


def _collect(
    node: nodes.Node, section: str, offset: int, blocks: list[Block], meta: dict[str, object], lists: _Lists
) -> str | None:
    title: str | None = None
    for child in node.children:
        if isinstance(child, nodes.title | nodes.subtitle):
            # A lone section under the title is promoted to the subtitle: it is still a section.
            text = child.astext().strip()
            line = (child.line or 1) - 1 + offset - 1
            level = 1 if isinstance(node, nodes.document) else lists.depth + 1
            blocks.append(Block(BlockKind.HEADING, text, (TextLine(max(line, 1), text),), level=level))
            if isinstance(node, nodes.document) and isinstance(child, nodes.title):
                title = text
            section = text
        elif isinstance(child, nodes.docinfo | nodes.field_list):
            for field in child.children:
                if not isinstance(field, nodes.Element):
                    continue
                name = field.tagname if not isinstance(field, nodes.field) else field[0].astext()
                value = field.astext() if not isinstance(field, nodes.field) else field[1].astext()
                meta.setdefault(name.strip().lower(), value.strip())
                line = (field.line or child.line or 1) + offset - 1
                blocks.append(Block(BlockKind.PARAGRAPH, section, (TextLine(line, f"{name}: {value}"),)))
        elif isinstance(child, nodes.section):
            lists.depth += 1
            _collect(child, section, offset, blocks, meta, lists)
            lists.depth -= 1
        elif isinstance(child, nodes.paragraph):
            lines = _lines(child, offset, lists)
            if isinstance(node, nodes.list_item):
                blocks.append(lists.nesting.item(blocks, section, lines))
            else:
                blocks.append(Block(BlockKind.PARAGRAPH, section, lines))
        elif isinstance(child, nodes.bullet_list | nodes.enumerated_list) and not lists.nesting.inside:
            lists.nesting.start(blocks)
            _collect(child, section, offset, blocks, meta, lists)
        elif isinstance(child, nodes.list_item):
            lists.nesting.open()
            _collect(child, section, offset, blocks, meta, lists)
            lists.nesting.close()
        elif isinstance(child, nodes.Element):
            _collect(child, section, offset, blocks, meta, lists)
    return title


def _lines(paragraph: nodes.paragraph, offset: int, lists: _Lists) -> tuple[TextLine, ...]:
    first = (paragraph.line or 1) + offset - 1
    return tuple(
        TextLine(first + i, text, lists.source(first + i))
        for i, text in enumerate(paragraph.astext().split("\n"))
    )

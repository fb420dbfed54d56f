"""reStructuredText notes, read with docutils, whose doctree keeps the line of each paragraph."""

from __future__ import annotations

from docutils import nodes
from docutils.core import publish_doctree
from docutils.utils import SystemMessage

from bot.blocks import Block, BlockKind, Document, TextLine

_QUIET = {
    "report_level": 5,
    "halt_level": 5,
    "file_insertion_enabled": False,
    "raw_enabled": False,
    "input_encoding": "unicode",
    "warning_stream": False,
}


def read_rst(body: str, first_line: int, metadata: dict[str, object]) -> Document:
    try:
        tree = publish_doctree(body, settings_overrides=_QUIET)
    except SystemMessage as error:  # only with halt_level below 5; kept so a docutils change stays clear
        raise ValueError(f"reStructuredText error: {error}") from error
    meta = dict(metadata)
    blocks: list[Block] = []
    title = _collect(tree, "", first_line, blocks, meta)
    return Document(metadata=meta, title=title, blocks=tuple(blocks))


def _collect(
    node: nodes.Node, section: str, offset: int, blocks: list[Block], meta: dict[str, object]
) -> str | None:
    title: str | None = None
    for child in node.children:
        if isinstance(child, nodes.title):
            text = child.astext().strip()
            line = (child.line or 1) - 1 + offset - 1
            blocks.append(Block(BlockKind.HEADING, text, (TextLine(max(line, 1), text),)))
            if isinstance(node, nodes.document):
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
            _collect(child, section, offset, blocks, meta)
        elif isinstance(child, nodes.paragraph):
            kind = BlockKind.ITEM if isinstance(node, nodes.list_item) else BlockKind.PARAGRAPH
            blocks.append(Block(kind, section, _lines(child, offset)))
        elif isinstance(child, nodes.Element):
            _collect(child, section, offset, blocks, meta)
    return title


def _lines(paragraph: nodes.paragraph, offset: int) -> tuple[TextLine, ...]:
    first = (paragraph.line or 1) + offset - 1
    return tuple(TextLine(first + i, text) for i, text in enumerate(paragraph.astext().split("\n")))

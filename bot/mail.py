"""A notice as mail: HTML from the notice's Markdown, written so that the plain-text part apprise
derives from it reads as well. Pure.

Why not apprise's own Markdown: it renders task boxes as a literal "[ ]" and needs four spaces to
nest a list (the checklist's progress lines use two, as CommonMark does). And its HTML-to-text
converter starts a new line at every `<code>` and keeps the whitespace between block tags as blank
lines: "label an issue `agenda` to propose it" came out on three lines, and everything
double-spaced. Here a blank line parts blocks (a `<br>` between them), and nothing else.
"""

from __future__ import annotations

import re

from markdown_it import MarkdownIt

_BOX = re.compile(r"^(\s*[-*+] )\[([ xX])\] ", re.MULTILINE)
_CODE = re.compile(r"<code>(.*?)</code>", re.DOTALL)
_BLOCK = r"(?:p|li|ul|ol|h[1-6]|blockquote|hr ?/?|br ?/?)"
_AROUND_BLOCK = re.compile(rf"\s*(</?{_BLOCK}>)\s*")
# Between two blocks of the top level (a list's end is followed by another block, never by </li>).
_BETWEEN_BLOCKS = re.compile(r"(</(?:p|h[1-6]|ul|ol)>)(?=<(?:p|h[1-6]|ul|ol)>)")
_MARKDOWN = MarkdownIt("commonmark", {"html": False})
CHECKED, UNCHECKED = "☑", "☐"


def mail_html(markdown: str) -> str:
    boxed = _BOX.sub(lambda m: m[1] + (CHECKED if m[2] != " " else UNCHECKED) + " ", markdown)
    html = _MARKDOWN.render(boxed)
    html = _CODE.sub(r'<span style="font-family: monospace">\1</span>', html)
    html = _AROUND_BLOCK.sub(r"\1", html).strip()
    # One line break between paragraphs, headings and lists: the text part's only blank lines.
    return _BETWEEN_BLOCKS.sub(r"\1<br>", html)

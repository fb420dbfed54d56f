"""The docs a newcomer reads: a README short enough to read in five minutes, and every relative link
in it, in CONTRIBUTING.md and in docs/ leading to a file that exists (and a heading, when the link
names one)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from tests.conftest import ROOT

README_MOST_LINES = 250
DOCS = [ROOT / "README.md", ROOT / "CONTRIBUTING.md", *sorted((ROOT / "docs").glob("*.md"))]
# [text](target) outside code: the target up to a closing bracket or a space (a title after it).
LINK = re.compile(r"\[[^\]]*\]\(([^)\s]+)(?:\s[^)]*)?\)")
FENCE = re.compile(r"^( *)```.*?^\1```$", re.M | re.S)
CODE = re.compile(r"`[^`\n]*`")


def links(text: str) -> list[str]:
    prose = CODE.sub("", FENCE.sub("", text))
    return LINK.findall(prose)


def anchor(heading: str) -> str:
    """GitHub's id for a heading: lower case, marks and punctuation gone, spaces as hyphens."""
    text = re.sub(r"[^\w\- ]", "", heading.replace("`", "").strip().lower())
    return text.replace(" ", "-")


def anchors(text: str) -> set[str]:
    found: set[str] = set()
    seen: dict[str, int] = {}
    for heading in re.findall(r"^#{1,6} (.+?)\s*$", FENCE.sub("", text), re.M):
        slug = anchor(heading)
        count = seen.get(slug, 0)
        seen[slug] = count + 1
        found.add(slug if count == 0 else f"{slug}-{count}")
    return found


def broken(doc: Path) -> list[str]:
    wrong = []
    for target in links(doc.read_text(encoding="utf-8")):
        if re.match(r"[a-z][a-z+.-]*:", target):
            continue  # https:, mailto: and the like: not a file of the repository
        path, _, fragment = target.partition("#")
        file = (doc.parent / path).resolve() if path else doc
        if not file.exists():
            wrong.append(f"{target}: no such file")
        elif fragment and (file.suffix != ".md" or fragment not in anchors(file.read_text(encoding="utf-8"))):
            wrong.append(f"{target}: no heading #{fragment}")
    return wrong


@pytest.mark.parametrize("doc", DOCS, ids=[str(d.relative_to(ROOT)) for d in DOCS])
def test_every_relative_link_resolves(doc: Path) -> None:
    assert broken(doc) == []


def test_the_docs_exist_and_the_readme_links_to_each() -> None:
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    pages = {d.relative_to(ROOT).as_posix() for d in DOCS[1:]}
    assert {"CONTRIBUTING.md", "docs/commands.md", "docs/workflow.md", "docs/review.md"} <= pages
    linked = {target.partition("#")[0] for target in links(text)}
    assert pages - linked == set()


def test_the_readme_is_short() -> None:
    lines = (ROOT / "README.md").read_text(encoding="utf-8").splitlines()
    assert len(lines) <= README_MOST_LINES


def test_the_check_sees_a_broken_link_and_a_missing_heading(tmp_path: Path) -> None:
    (tmp_path / "other.md").write_text("# Other\n\n## `actionbot sync` and more\n", encoding="utf-8")
    doc = tmp_path / "doc.md"
    doc.write_text(
        "# Doc\n\n## Same\n\n## Same\n\n"
        "[ok](other.md#actionbot-sync-and-more) [ok](#same-1) [web](https://example.org/x#y)\n"
        "[gone](missing.md) [no heading](other.md#nope) [not here](#other)\n"
        "`[in code](missing.md)`\n\n```\n[in a block](missing.md)\n```\n",
        encoding="utf-8",
    )
    assert broken(doc) == [
        "missing.md: no such file",
        "other.md#nope: no heading #nope",
        "#other: no heading #other",
    ]

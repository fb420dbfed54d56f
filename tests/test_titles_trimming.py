"""A title's text made to fit an issue list (`bot.extraction.trimming`), on titles written for
these tests."""

from __future__ import annotations

import pytest

from bot.extraction.trimming import MAX_CHARS, balanced, cut, finish


@pytest.mark.parametrize(
    ("title", "whole"),
    [
        ("Review BD’s slides (#23)", "Review BD’s slides (#23)"),
        # An aside left open is cut off where it opens...
        ("Draft the charter (still open for comments", "Draft the charter "),
        # ... unless that leaves nothing to do: then only the bracket goes.
        ("Draft (charter", "Draft charter"),
        # A closer without its opener goes.
        ("Work out where we stand” with the leads", "Work out where we stand with the leads"),
        ('Reword the "drop-in messaging', "Reword the drop-in messaging"),
    ],
)
def test_every_bracket_and_quote_is_closed(title: str, whole: str) -> None:
    assert balanced(title) == whole


def test_a_cut_falls_on_a_word_boundary_outside_brackets_and_code() -> None:
    assert cut("Update the docs for the release", 20) == "Update the docs for"
    assert cut("Update `make docs serve` now", 18) == "Update"
    assert cut("Update (the docs for) the release", 25) == "Update (the docs for) the"
    # One long word cannot be cut at a boundary: it is cut at the limit.
    assert cut("Supercalifragilistic", 5) == "Super"


def test_a_finished_title_starts_with_a_capital_and_ends_on_a_content_word() -> None:
    assert finish("  update   the docs ,") == "Update the docs"
    # Never end on a function word, nor on a filler that adds nothing.
    assert finish("ask the team about") == "Ask the team"
    assert finish("update the docs as well") == "Update the docs"
    # "her" says whom: kept rather than leave the verb alone.
    assert finish("reach out to her") == "Reach out to her"
    assert finish("") == ""


def test_a_long_title_is_cut_to_the_limit() -> None:
    title = finish("write " + "the guide for " * 10)
    assert len(title) <= MAX_CHARS
    # Cut at a word, and the "for" the cut left last goes.
    assert title.startswith("Write the guide for the guide") and title.endswith(" guide")


def test_a_function_word_that_goes_with_its_bracket_leaves_none_open() -> None:
    # "here]" goes as a function word, and takes the closer of "[forms" with it.
    assert (
        finish("Lee → file the templates for each stage [forms here]")
        == "Lee → file the templates for each stage"
    )
    # An arrow that hands the task over is no part of the title.
    assert finish("→ file the templates") == "File the templates"


def test_an_issue_address_is_said_as_the_issue_list_says_it() -> None:
    # The address is long, and its words ("https", "github", "issues") name nothing to do.
    title = "resolve https://github.com/acme/site/issues/17, https://github.com/acme/docs/pull/26#top"
    assert finish(title) == "Resolve acme/site#17, acme/docs#26"
    # An address to something else than the issue or pull request itself stays whole.
    assert (
        finish("read https://github.com/acme/site/pull/26/files")
        == "Read https://github.com/acme/site/pull/26/files"
    )

"""The review comment as text, on plain values: what it lists, what people's edits to it say, and
that it keeps those edits when it is written again."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace

from hypothesis import given
from hypothesis import strategies as st

from bot.action_item import ActionItem, Owner
from bot.issueindex import issuetext
from bot.issues import Issue, NewIssue
from bot.people import Person, Roster
from bot.review import comment, corrections
from bot.syncplan.plan import Create, FlagRemoved, Step, Unchanged

KEY = ActionItem(
    id="0123456789abcdef", note="notes/2026-05-06.md", meeting_date=dt.date(2026, 5, 6), line=8,
    text="Priya will rotate the <b>key</b> for #12 by Friday.", owners=(Owner("Priya Raman", "priyar"),),
    task="Rotate the <b>key</b> for #12", due=dt.date(2026, 5, 8), section="Build",
)  # fmt: skip
FAQ = replace(KEY, id="fedcba9876543210", line=12, text="Lee will write the FAQ.", task="Write the FAQ",
              owners=(Owner("Lee Chen", "leechen"),), due=None)  # fmt: skip
ISSUE = Issue("team/notes", 7, "Tag the release (Lee Chen)", "body", "open", "bot")
STEPS: list[Step] = [
    Create(KEY, NewIssue("team/notes", "t", "b")),
    Create(FAQ, NewIssue("team/notes", "t", "b")),
    Unchanged(FAQ, ISSUE),
    FlagRemoved(ISSUE, "gone", "fact", close=False, body="b"),
]
ROSTER = Roster((Person("Priya Raman", "priyar"), Person("Lee Chen", "leechen", ("Lee",))))


def test_new_items_are_ticked_lines_and_changed_issues_are_listed_with_their_number() -> None:
    text = comment.render(STEPS, {})
    lines = text.splitlines()
    assert lines[0] == comment.MARK and comment.HEADING in lines
    ticked = [line for line in lines if line.startswith("- [x] ")]
    assert len(ticked) == 2
    # Inert: no HTML, no reference to issue 12 (its "#" is followed by a word joiner).
    assert ticked[0].startswith("- [x] Rotate the &lt;b&gt;key&lt;/b&gt; for #\u206012 · owners: Priya Raman")
    assert (
        "due: 2026-05-08 · notes/2026-05-06.md line 8 <!-- actionbot:item 0123456789abcdef -->" in ticked[0]
    )
    assert (
        lines[lines.index(comment.CHANGES) + 2] == "- flag-removed team/notes#7: Tag the release (Lee Chen)"
    )
    assert comment.NOTHING_NEW in comment.render([Unchanged(FAQ, ISSUE)], {})


def test_unticked_retitled_and_reassigned_lines_are_corrections_and_the_rest_confirmations() -> None:
    text = comment.render(STEPS, {})
    edited = text.replace("- [x] Rotate the &lt;b&gt;key&lt;/b&gt;", "- [x] Rotate the <i>old</i>").replace(
        "- [x] Write the FAQ · owners: Lee Chen", "- [ ] Write the FAQ · owners: Lee Chen"
    )
    found = {c.id: c for c in comment.corrections(comment.parse(edited), [KEY, FAQ], "pull request #3")}
    assert found[KEY.id].kind == "override" and found[KEY.id].title == "Rotate the <i>old</i> for #12"
    assert found[KEY.id].assignees is None and found[FAQ.id].kind == "ignore"
    assert {c.kind for c in comment.corrections(comment.parse(text), [KEY, FAQ], "pr")} == {"confirm"}
    moved = text.replace("owners: Lee Chen", "owners: @priyar, Lee")
    [faq] = [c for c in comment.corrections(comment.parse(moved), [FAQ], "pr")]
    assert faq.assignees == ("@priyar", "Lee")
    corrected = corrections.overridden(FAQ, faq, ROSTER)
    assert [(o.name, o.github) for o in corrected.owners] == [
        ("Priya Raman", "priyar"),
        ("Lee Chen", "leechen"),
    ]


def test_written_again_the_comment_keeps_what_people_did_to_it() -> None:
    edited = comment.render(STEPS, {}).replace("- [x] Write the FAQ", "- [ ] Write the contributor FAQ")
    again = comment.render(STEPS, comment.parse(edited))
    assert again == edited
    # An item no longer in the plan leaves the comment, its edit with it.
    assert "FAQ" not in comment.render(STEPS[:1], comment.parse(edited))


def test_a_comment_too_long_for_github_lists_what_fits_and_says_so() -> None:
    many: list[Step] = [
        Create(replace(KEY, id=f"{n:016x}", task=f"Rotate key number {n}"), NewIssue("r/r", "t", "b"))
        for n in range(2000)
    ]
    text = comment.render(many, {})
    listed = len(comment.parse(text))
    assert len(text) <= issuetext.MAX_BODY and 100 < listed < 2000
    assert comment.CUT.format(count=2000 - listed) in text


@given(st.text(alphabet=st.characters(exclude_categories=["Cs"]), max_size=80))
def test_any_task_reads_back_as_the_line_the_bot_wrote(task: str) -> None:
    item = replace(KEY, task=task or "x")
    reviewed = comment.parse(comment.render([Create(item, NewIssue("r/r", "t", "b"))], {}))
    assert [c.kind for c in comment.corrections(reviewed, [item], "pr")] == ["confirm"]

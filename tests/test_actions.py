"""The GitHub Actions edge: which notes an event changed (against real git history), and what a run
tells Actions back (summary, outputs, warnings as workflow commands)."""

from __future__ import annotations

import datetime as dt
import json
import os
from pathlib import Path
from typing import Any

import pytest

from bot import actions
from bot.action_item import ActionItem, Owner
from bot.actions import Annotation, Changes, Event
from bot.commands.sync import plan_markdown
from bot.issues import NewIssue
from bot.notefiles import discover
from bot.notes.meeting import NoteError
from bot.people import Person, Roster
from bot.syncplan.apply import SyncResult
from bot.syncplan.plan import Create, SyncPlan
from tests import clibed, syncbed
from tests.gitbed import NotesRepo

ZERO = "0" * 40


def note(date: str) -> str:
    return f"# {date}\n\nPriya will rotate the key.\n"


@pytest.fixture
def repo(tmp_path: Path) -> NotesRepo:
    return NotesRepo(tmp_path / "checkout")


def notes_changed(repo: NotesRepo, event: Event) -> list[str]:
    """Changed notes as the CLI finds them: the configured folder's notes, from the checkout."""
    changes = actions.changes(event, repo.root)
    return sorted(Path(n).relative_to(repo.root).as_posix() for n in changes.select(notes_of(repo)))


def notes_of(repo: NotesRepo) -> list[str]:
    return discover([str(repo.root / "notes")])


def push(before: str, after: str, **extra: Any) -> Event:
    return Event("push", {"before": before, "after": after, **extra}, after)


def test_a_push_reads_the_notes_its_commits_added_modified_or_renamed(repo: NotesRepo) -> None:
    first = repo.commit(
        {
            "notes/2026-05-06.md": note("2026-05-06"),
            "notes/old.md": note("2026-04-01"),
        }
    )
    repo.commit({"notes/2026-05-20.md": note("2026-05-20")})
    repo.commit({"notes/2026-05-06.md": note("2026-05-06") + "\nSam will write.\n"})
    repo.move("notes/old.md", "notes/2026-04-01.md")
    after = repo.commit({"notes/README.md": "How we write notes\n", "docs/x.md": "not a note\n"})
    # Several commits in one push; a README beside the notes and files elsewhere are not notes.
    assert notes_changed(repo, push(first, after)) == [
        "notes/2026-04-01.md",
        "notes/2026-05-06.md",
        "notes/2026-05-20.md",
    ]
    changes = actions.changes(push(first, after), repo.root)
    assert changes.why == f"changed by the push {first[:7]}..{after[:7]}"


def test_a_deleted_note_is_not_read(repo: NotesRepo) -> None:
    first = repo.commit({"notes/a.md": note("2026-05-06"), "notes/b.md": note("2026-05-20")})
    after = repo.commit({}, remove=("notes/a.md",))
    assert notes_changed(repo, push(first, after)) == []


def test_a_new_branch_reads_the_notes_of_its_last_commit(repo: NotesRepo) -> None:
    repo.commit({"notes/2026-05-06.md": note("2026-05-06")})
    after = repo.commit({"notes/2026-05-20.md": note("2026-05-20")})
    changes = actions.changes(push(ZERO, after, created=True), repo.root)
    assert notes_changed(repo, push(ZERO, after, created=True)) == ["notes/2026-05-20.md"]
    assert changes.why.startswith("a new branch: the notes changed by its commit")


def test_a_force_push_reads_the_notes_of_its_last_commit(repo: NotesRepo) -> None:
    repo.commit({"notes/2026-05-06.md": note("2026-05-06")})
    after = repo.commit({"notes/2026-05-20.md": note("2026-05-20")})
    gone = "1" * 40  # the tip before the force push, which the checkout never fetched
    changes = actions.changes(push(gone, after, forced=True), repo.root)
    assert changes.files is not None and changes.why.startswith("a force push")
    assert notes_changed(repo, push(gone, after, forced=True)) == ["notes/2026-05-20.md"]


def test_the_first_commit_of_a_repository_reads_every_note(repo: NotesRepo) -> None:
    after = repo.commit({"notes/a.md": note("2026-05-06"), "notes/b.md": note("2026-05-20")})
    changes = actions.changes(push(ZERO, after), repo.root)
    assert changes.files is None and "every note" in changes.why
    assert notes_changed(repo, push(ZERO, after)) == ["notes/a.md", "notes/b.md"]


def test_a_shallow_clone_reads_every_note(repo: NotesRepo, tmp_path: Path) -> None:
    first = repo.commit({"notes/a.md": note("2026-05-06")})
    after = repo.commit({"notes/b.md": note("2026-05-20")})
    shallow = tmp_path / "shallow"
    repo.git("clone", "-q", "--depth", "1", f"file://{repo.root}", str(shallow))
    changes = actions.changes(push(first, after), shallow)
    assert changes.files is None


def test_a_deleted_branch_reads_nothing(repo: NotesRepo) -> None:
    before = repo.commit({"notes/a.md": note("2026-05-06")})
    assert actions.changes(push(before, ZERO, deleted=True), repo.root).files == frozenset()


def test_a_pull_request_reads_the_notes_it_changes_from_the_merge_base(repo: NotesRepo) -> None:
    repo.commit({"notes/a.md": note("2026-05-06")})
    repo.git("checkout", "-q", "-b", "topic")
    head = repo.commit({"notes/b.md": note("2026-05-20")})
    repo.git("checkout", "-q", "main")
    later_base = repo.commit({"notes/c.md": note("2026-06-03")})  # main moved on
    event = Event(
        "pull_request",
        {"number": 7, "pull_request": {"number": 7, "base": {"sha": later_base}, "head": {"sha": head}}},
        head,
    )
    repo.git("checkout", "-q", "topic")
    assert notes_changed(repo, event) == ["notes/b.md"]
    assert actions.changes(event, repo.root).why == "changed by pull request #7"


def test_other_events_read_the_notes_of_their_commit(repo: NotesRepo) -> None:
    repo.commit({"notes/a.md": note("2026-05-06")})
    head = repo.commit({"notes/b.md": note("2026-05-20")})
    event = Event("workflow_dispatch", {"inputs": {}}, head)
    assert notes_changed(repo, event) == ["notes/b.md"]
    assert actions.changes(event, repo.root).why.startswith("a workflow_dispatch run")


def test_event_shas_are_never_passed_to_git_as_options(repo: NotesRepo, tmp_path: Path) -> None:
    repo.commit({"notes/a.md": note("2026-05-06")})
    after = repo.commit({"notes/b.md": note("2026-05-20")})
    target = tmp_path / "written"
    changes = actions.changes(push(f"--output={target}", after), repo.root)
    assert not target.exists() and changes.why.startswith("a force push")


def test_a_payload_of_unexpected_shape_falls_back_to_the_commit(repo: NotesRepo) -> None:
    repo.commit({"notes/a.md": note("2026-05-06")})
    head = repo.commit({"notes/b.md": note("2026-05-20")})
    for payload in ({"pull_request": "7"}, {"pull_request": {"base": {"sha": 7}, "head": None}}):
        assert notes_changed(repo, Event("pull_request", payload, head)) == ["notes/b.md"]
    assert notes_changed(repo, Event("push", {"before": ["x"], "after": True}, head)) == ["notes/b.md"]


def test_load_event(tmp_path: Path) -> None:
    path = tmp_path / "event.json"
    path.write_text(json.dumps({"before": ZERO, "after": "a" * 40}), encoding="utf-8")
    env = {"GITHUB_EVENT_PATH": str(path), "GITHUB_EVENT_NAME": "push", "GITHUB_SHA": "a" * 40}
    assert actions.load_event(env) == Event("push", {"before": ZERO, "after": "a" * 40}, "a" * 40)
    with pytest.raises(actions.ActionsError, match="only inside GitHub Actions"):
        actions.load_event({})
    path.write_text("[1]", encoding="utf-8")
    with pytest.raises(actions.ActionsError, match="not a JSON object"):
        actions.load_event(env)


def test_select_keeps_the_given_order_and_spelling(tmp_path: Path) -> None:
    a, b = tmp_path / "a.md", tmp_path / "b.md"
    changes = Changes(frozenset({b.resolve()}), "test")
    assert changes.select([str(a), str(b)]) == [str(b)]
    assert Changes(None, "test").select([str(a), str(b)]) == [str(a), str(b)]


# -- what the run tells Actions ------------------------------------------------------------------


def test_workflow_commands_escape_what_would_end_or_split_them() -> None:
    warning = Annotation("notes/a,b:c%.md", 3, "100% broken\r\nsecond line")
    assert warning.command() == "::warning file=notes/a%2Cb%3Ac%25.md,line=3::100%25 broken%0D%0Asecond line"
    assert Annotation("notes/a.md", None, "x").command() == "::warning file=notes/a.md::x"


def test_nothing_is_told_outside_actions(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    summary, output = tmp_path / "summary.md", tmp_path / "output"
    env = {"GITHUB_STEP_SUMMARY": str(summary), "GITHUB_OUTPUT": str(output)}
    actions.write_summary("# hello", env=env)
    actions.set_outputs({"items": 1}, env=env)
    actions.warn([Annotation("a.md", 1, "x")])
    assert not summary.exists() and not output.exists()
    assert capsys.readouterr().err == ""


def test_summary_outputs_and_warnings_inside_actions(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    summary, output = tmp_path / "summary.md", tmp_path / "output"
    env = {"GITHUB_ACTIONS": "true", "GITHUB_STEP_SUMMARY": str(summary), "GITHUB_OUTPUT": str(output)}
    actions.write_summary("### one", "", "two\n", env=env)
    actions.write_summary("three", env=env)
    assert summary.read_text(encoding="utf-8") == "### one\n\ntwo\n\nthree\n\n"
    actions.set_outputs({"items": 3, "created": 2}, env=env)
    assert output.read_text(encoding="utf-8") == "items=3\ncreated=2\n"
    monkeypatch.setenv("GITHUB_ACTIONS", "true")
    actions.warn([Annotation("a.md", 1, "x")])
    assert capsys.readouterr().err == "::warning file=a.md,line=1::x\n"


def test_a_huge_summary_is_cut_at_a_line(tmp_path: Path) -> None:
    summary = tmp_path / "summary.md"
    env = {"GITHUB_ACTIONS": "true", "GITHUB_STEP_SUMMARY": str(summary)}
    actions.write_summary("\n".join(f"| row {i} |" for i in range(100_000)), env=env)
    text = summary.read_text(encoding="utf-8")
    assert len(text.encode()) <= actions.SUMMARY_LIMIT + len(actions.SUMMARY_CUT)
    assert text.endswith(actions.SUMMARY_CUT) and text.removesuffix(actions.SUMMARY_CUT).endswith("|")


def test_unreadable_notes_become_warnings_at_their_line(tmp_path: Path) -> None:
    env = {"GITHUB_WORKSPACE": str(tmp_path)}
    errors = [
        NoteError(str(tmp_path / "notes" / "a.md"), "not UTF-8 text", line=4),
        NoteError("b.md", "empty"),
    ]
    assert actions.note_warnings(errors, env) == [
        Annotation("notes/a.md", 4, "not UTF-8 text"),
        Annotation("b.md", None, "empty"),
    ]


def item(note: str, line: int, *owners: Owner) -> ActionItem:
    return ActionItem(
        id=f"{note}{line}",
        note=note,
        meeting_date=dt.date(2026, 5, 6),
        line=line,
        text="x",
        owners=owners,
        task="Write it",
        due=None,
        section="",
    )


def test_owners_missing_from_the_roster_are_warned_about_once_with_their_items() -> None:
    roster = Roster(
        (
            Person("Priya Raman", "priyar", ("Priya",)),
            Person("Dana Whitfield", None, ("Dana",)),
            Person("Tom Lind", "tlind"),
            Person("Tom Garcia", "tgarcia"),
        )
    )
    items = [
        item("notes/a.md", 5, Owner("Priya Raman", "priyar"), Owner("Olga")),
        item("notes/a.md", 9, Owner("Olga")),
        item("notes/a.md", 12, Owner("zed", "zed"), Owner("Dana Whitfield")),
        item("notes/b.md", 2, Owner("Olga")),
        item("notes/b.md", 4, Owner("Tom")),
    ]
    warnings = actions.unknown_owners(items, roster, {})
    assert [(w.file, w.line, w.message.split(" but")[0]) for w in warnings] == [
        ("notes/a.md", 5, "Olga owns 3 items"),
        ("notes/a.md", 12, "@zed owns 1 item"),
        ("notes/b.md", 4, "Tom owns 1 item"),
    ]
    assert warnings[2].message == (
        "Tom owns 1 item but is not in people: Tom Lind and Tom Garcia share that name and the note's "
        "attendees do not say which one it is; list the attendees, or give one of them the alias"
    )


def test_the_plan_in_markdown_keeps_note_text_inert() -> None:
    planned = item("notes/a.md", 5, Owner("Priya Raman", "priyar"))
    title = "Fix a|b <b>now</b> @someone #12"
    plan = SyncPlan([Create(planned, NewIssue("team/notes", title, "", ()))])
    text = plan_markdown(SyncResult(plan), dry_run=True, scope="Notes read (test): `notes/a.md`.")
    lines = text.splitlines()
    assert lines[0] == "### actionbot sync plan: 1 changes, 0 unchanged (dry run)"
    assert lines[2] == "Notes read (test): `notes/a.md`."
    assert lines[4:6] == ["| action | issue | what |", "| --- | --- | --- |"]
    joiner = "\u2060"
    inert = f"Fix a\\|b &lt;b&gt;now&lt;/b&gt; @{joiner}someone #{joiner}12"
    assert lines[6] == f"| create | team/notes (new) | {inert} |"
    assert "issues created" not in text


# -- the commands inside Actions -----------------------------------------------------------------


def actionbot(*args: str, cwd: Path, env: dict[str, str]) -> clibed.Ran:
    return clibed.actionbot(*args, cwd=cwd, env={**os.environ, **env})


def test_commands_tell_actions_their_plan_checklist_outputs_and_warnings(tmp_path: Path) -> None:
    notes = tmp_path / "notes"
    notes.mkdir()
    (notes / "2026-05-06.md").write_text(syncbed.ATTENDEE_OWNS, encoding="utf-8")
    (notes / "broken.md").write_text("---\ntitle: [oops\n---\nLee will write.\n", encoding="utf-8")
    (tmp_path / "actionbot.yaml").write_text(
        "people:\n  - {name: Priya Raman, github: priyar, aliases: [Priya]}\ntracker: {kind: local}\n",
        encoding="utf-8",
    )
    summary, output = tmp_path / "summary.md", tmp_path / "output"
    env = {
        "GITHUB_ACTIONS": "true",
        "GITHUB_STEP_SUMMARY": str(summary),
        "GITHUB_OUTPUT": str(output),
        "GITHUB_WORKSPACE": str(tmp_path),
    }
    sync = actionbot("sync", "--json", cwd=tmp_path, env=env)
    assert sync.returncode == 1  # the broken note
    assert json.loads(sync.stdout)["created"] == 2  # warnings never reach stdout
    warnings = [line for line in sync.stderr.splitlines() if line.startswith("::warning ")]
    assert len(warnings) == 2
    assert warnings[0].startswith("::warning file=notes/2026-05-06.md,line=7::Olga owns 1 item but")
    assert warnings[1].startswith("::warning file=notes/broken.md,line=3::broken front matter")
    # The issues the sync opened are named by their numbers (inert: a word joiner after the #).
    assert "| create | local/notes#\u20601 | Rotate the key (Priya Raman) |" in summary.read_text(
        encoding="utf-8"
    )
    assert output.read_text(encoding="utf-8") == "items=2\nchanges=2\ncreated=2\nupdated=0\n"

    summary.unlink()
    report = actionbot("report", "notes/2026-05-06.md", "--now", "2026-05-10T12:00:00", cwd=tmp_path, env=env)
    assert report.returncode == 0, report.stderr
    assert summary.read_text(encoding="utf-8") == report.stdout + "\n"


def test_changed_by_event_needs_an_event(tmp_path: Path) -> None:
    run = actionbot("sync", "--changed-by-event", cwd=tmp_path, env={})
    assert run.returncode == 2
    assert run.stderr == (
        "error: the notes an event changed are known only inside GitHub Actions "
        "(GITHUB_EVENT_PATH and GITHUB_EVENT_NAME are not set)\n"
    )


def test_only_the_notes_branch_syncs(tmp_path: Path) -> None:
    env = {"GITHUB_ACTIONS": "true", "GITHUB_EVENT_NAME": "push"}
    assert actions.foreign_ref("main", {**env, "GITHUB_REF": "refs/heads/main"}) is None
    assert actions.foreign_ref("main", {**env, "GITHUB_REF": "refs/heads/feature"}) == "refs/heads/feature"
    assert actions.foreign_ref("main", {**env, "GITHUB_REF": "refs/tags/v1"}) == "refs/tags/v1"
    assert actions.foreign_ref("main", {"GITHUB_REF": "refs/heads/feature"}) is None  # outside Actions
    notes = tmp_path / "notes"
    notes.mkdir()
    (notes / "2026-05-06.md").write_text("# 2026-05-06\n\nPriya will rotate the key.\n", encoding="utf-8")
    (tmp_path / "actionbot.yaml").write_text(
        "people:\n  - {name: Priya Raman, aliases: [Priya]}\ntracker: {kind: local}\n", encoding="utf-8"
    )
    branch = {**env, "GITHUB_REF": "refs/heads/feature", "GITHUB_WORKSPACE": str(tmp_path)}
    run = actionbot("sync", "--json", cwd=tmp_path, env=branch)
    assert run.returncode == 0 and json.loads(run.stdout)["dry_run"] is True
    assert "refs/heads/feature is not notes.branch (main): planning only" in run.stderr
    on_main = actionbot("sync", "--json", cwd=tmp_path, env={**branch, "GITHUB_REF": "refs/heads/main"})
    assert json.loads(on_main.stdout)["created"] == 1


HOSTILE_NAME = "notes/2026-05-06\n::error title=pwned::injected.md"


def workflow_commands(output: str) -> list[str]:
    """The lines of a step's output the runner reads as workflow commands (leading space aside)."""
    return [line.lstrip() for line in output.splitlines() if line.lstrip().startswith("::")]


def test_a_note_named_to_inject_a_workflow_command_injects_nothing(tmp_path: Path) -> None:
    """A fork's pull request can name a note anything; the plan job echoes what it reads."""
    repo = NotesRepo(tmp_path / "checkout")
    (repo.root / "actionbot.yaml").write_text(
        "people:\n  - {name: Priya Raman, github: priyar, aliases: [Priya]}\ntracker: {kind: local}\n",
        encoding="utf-8",
    )
    base = repo.commit({"notes/2026-05-01.md": note("2026-05-01")})
    head = repo.commit(
        {HOSTILE_NAME: "---\ndate: 2026-05-06\n---\n\nAttendees: Olga\n\nOlga will ask about the logo.\n"}
    )
    event = tmp_path / "event.json"
    pull = {"number": 7, "base": {"sha": base}, "head": {"sha": head}}
    event.write_text(json.dumps({"pull_request": pull}), encoding="utf-8")
    env = {
        "GITHUB_ACTIONS": "true",
        "GITHUB_EVENT_NAME": "pull_request",
        "GITHUB_EVENT_PATH": str(event),
        "GITHUB_SHA": head,
        "GITHUB_WORKSPACE": str(repo.root),
    }
    runs: list[tuple[str, ...]] = [
        ("sync", "--changed-by-event", "--dry-run"),
        ("extract", "notes", "--json"),
    ]
    for args in runs:
        run = actionbot(*args, cwd=repo.root, env=env)
        assert run.returncode in (0, 1), run.stderr
        assert "injected" in run.stdout + run.stderr  # the note was read, and named
        commands = workflow_commands(run.stdout) + workflow_commands(run.stderr)
        # Only the bot's own warning on the note (Olga is not among the people), its name escaped.
        assert all(c.startswith("::warning file=notes/2026-05-06%0A%3A%3Aerror") for c in commands), commands
        assert commands or args[0] == "extract"

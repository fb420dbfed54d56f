"""The action's lock: the bot's runtime dependencies at the versions installed here, the ones the
tests ran, for `action.yml` to install with `pip install --require-hashes`.

    python tools/lock.py > pins.in
    pip-compile --generate-hashes --allow-unsafe --no-header --no-annotate -o requirements.lock pins.in

pip-compile (pip-tools) adds the hashes of every file PyPI has for each pinned version. The lock is
for this machine's platform and Python (Linux, 3.11: the action's default python-version).
"""

from __future__ import annotations

import tomllib
from importlib import metadata
from pathlib import Path

from packaging.requirements import Requirement
from packaging.utils import canonicalize_name

PYPROJECT = Path(__file__).resolve().parents[1] / "pyproject.toml"


def build_requirements() -> list[str]:
    """What pip needs to build the bot from its source (pyproject's build-system), pinned by
    pip-compile like the rest, so that the build fetches nothing unpinned either."""
    with PYPROJECT.open("rb") as handle:
        return list(tomllib.load(handle)["build-system"]["requires"])


def closure(root: str = "actionbot") -> dict[str, str]:
    """Every distribution `root` needs at run time here (markers evaluated, extras such as
    pyjwt[crypto] followed), by its canonical name, with the version installed."""
    found: dict[str, str] = {}
    waiting: list[tuple[str, frozenset[str]]] = [(root, frozenset())]
    seen: set[tuple[str, frozenset[str]]] = set()
    while waiting:
        name, extras = waiting.pop()
        if (name, extras) in seen:
            continue
        seen.add((name, extras))
        for text in metadata.requires(name) or []:
            requirement = Requirement(text)
            marker = requirement.marker
            if marker is not None and not any(marker.evaluate({"extra": e}) for e in {"", *extras}):
                continue
            found[canonicalize_name(requirement.name)] = metadata.version(requirement.name)
            waiting.append((requirement.name, frozenset(requirement.extras)))
    return found


def main() -> None:
    # spaCy needs setuptools at run time too (any version will do); the build's requirement decides it.
    built = {canonicalize_name(Requirement(r).name) for r in build_requirements()}
    for name, version in sorted(closure().items()):
        if name not in built:
            print(f"{name}=={version}")
    for requirement in build_requirements():
        print(requirement)


if __name__ == "__main__":
    main()

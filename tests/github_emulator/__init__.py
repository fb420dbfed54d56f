"""A stateful GitHub REST API emulator on loopback, for tests that use PyGithub's real HTTP stack.

    from tests.github_emulator import GitHubEmulator

    with GitHubEmulator() as emu:
        emu.add_repo("octo/meetings", collaborators=["alice"])
        gh = emu.github()  # or github.Github(base_url=emu.url, auth=github.Auth.Token(emu.token), ...)
        gh.get_repo("octo/meetings").create_issue("Ship it")
        assert emu.issues("octo/meetings")[0].user.login == emu.login

Modules: ``state`` (the data and its rules), ``handlers`` (routes and endpoints), ``payloads``
(JSON shapes), ``schemas`` (validation against githubkit's OpenAPI models), ``faults``,
``requestlog``, ``wsgi`` (the app), ``server`` (background thread), ``fixtures`` (pytest).
"""

from .emulator import DEFAULT_LOGIN, DEFAULT_TOKEN, GitHubEmulator
from .errors import ApiError
from .faults import FaultKind, FaultRule
from .requestlog import LoggedRequest
from .schemas import SchemaFailure
from .state import UNSET, Comment, Issue, Label, Milestone, Repo, TimelineEvent, User, body_of

__all__ = [
    "DEFAULT_LOGIN",
    "DEFAULT_TOKEN",
    "UNSET",
    "ApiError",
    "Comment",
    "FaultKind",
    "FaultRule",
    "GitHubEmulator",
    "Issue",
    "Label",
    "LoggedRequest",
    "Milestone",
    "Repo",
    "SchemaFailure",
    "TimelineEvent",
    "User",
    "body_of",
]

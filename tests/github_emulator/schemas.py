"""Validate every response body against githubkit's models of GitHub's OpenAPI description.

The models are generated from https://github.com/github/rest-api-description (API version
2022-11-28). Validation is *strict* JSON validation of the exact bytes sent (so ``"5"`` is not an
integer and a timestamp must be an ISO string), required fields must be present, and, on top of
what pydantic checks, any field the schema does not describe is reported too: githubkit's models
silently ignore unknown keys, which would hide typos in the emulator's payloads.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import cache
from typing import Any

import pydantic
from githubkit_schemas.v2022_11_28 import models

# GitHub's "timeline-issue-events" (a oneOf); githubkit has no name for the union, only this list in
# the response type of its issues.list_events_for_timeline.
TIMELINE_ISSUE_EVENTS: Any = (
    models.LabeledIssueEvent
    | models.UnlabeledIssueEvent
    | models.MilestonedIssueEvent
    | models.DemilestonedIssueEvent
    | models.RenamedIssueEvent
    | models.ReviewRequestedIssueEvent
    | models.ReviewRequestRemovedIssueEvent
    | models.ReviewDismissedIssueEvent
    | models.LockedIssueEvent
    | models.AddedToProjectIssueEvent
    | models.MovedColumnInProjectIssueEvent
    | models.RemovedFromProjectIssueEvent
    | models.ConvertedNoteToIssueIssueEvent
    | models.TimelineCommentEvent
    | models.TimelineCrossReferencedEvent
    | models.TimelineCommittedEvent
    | models.TimelineReviewedEvent
    | models.TimelineLineCommentedEvent
    | models.TimelineCommitCommentedEvent
    | models.TimelineAssignedIssueEvent
    | models.TimelineUnassignedIssueEvent
    | models.StateChangeIssueEvent
    | models.IssueTypeAddedIssueEvent
    | models.IssueTypeRemovedIssueEvent
    | models.IssueTypeChangedIssueEvent
    | models.SubIssueAddedIssueEvent
    | models.SubIssueRemovedIssueEvent
    | models.ParentIssueAddedIssueEvent
    | models.ParentIssueRemovedIssueEvent
    | models.BlockedByAddedIssueEvent
    | models.BlockedByRemovedIssueEvent
    | models.BlockingAddedIssueEvent
    | models.BlockingRemovedIssueEvent
    | models.TimelineConnectedEvent
    | models.TimelineDisconnectedEvent
)

# Keys are the component names of GitHub's OpenAPI description.
SCHEMAS: dict[str, Any] = {
    "private-user": models.PrivateUser | models.PublicUser,
    "public-user": models.PublicUser,
    "simple-user-list": list[models.SimpleUser],
    "rate-limit-overview": models.RateLimitOverview,
    "full-repository": models.FullRepository,
    "issue": models.Issue,
    "issue-list": list[models.Issue],
    "issue-comment": models.IssueComment,
    "issue-comment-list": list[models.IssueComment],
    "timeline-issue-events-list": list[TIMELINE_ISSUE_EVENTS],
    "label": models.Label,
    "label-list": list[models.Label],
    "milestone": models.Milestone,
    "milestone-list": list[models.Milestone],
    "content-file": models.ContentFile,
    "content-directory": list[models.ContentDirectoryItems],
    "commit-comparison": models.CommitComparison,
    "pull-request-simple-list": list[models.PullRequestSimple],
    "file-commit": models.FileCommit,
    "basic-error": models.BasicError,
    "validation-error": models.ValidationError,
}


@dataclass(frozen=True)
class SchemaFailure:
    """A response the emulator produced that does not match GitHub's schema (an emulator bug)."""

    method: str
    path: str
    status: int
    schema: str
    error: str

    def __str__(self) -> str:
        return f"{self.method} {self.path} -> {self.status}: body is not a valid {self.schema}:\n{self.error}"


@cache
def _adapter(schema: str) -> pydantic.TypeAdapter[Any]:
    return pydantic.TypeAdapter(SCHEMAS[schema])


def validate(schema: str, body: bytes) -> str | None:
    """The validation error for ``body`` as ``schema``, or None if it is valid."""
    if schema not in SCHEMAS:
        return f"unknown schema name {schema!r}"
    try:
        parsed = _adapter(schema).validate_json(body, strict=True)
    except pydantic.ValidationError as e:
        return str(e)
    unknown = unknown_fields(json.loads(body), parsed)
    if unknown:
        return "fields not described by the schema: " + ", ".join(unknown)
    return None


def unknown_fields(data: Any, parsed: Any, where: str = "$") -> list[str]:
    """JSON object keys that the model ``parsed`` (validated from ``data``) has no field for."""
    if isinstance(parsed, pydantic.BaseModel) and isinstance(data, dict):
        if parsed.model_config.get("extra") == "allow":  # free-form objects
            return []
        fields = {(f.alias or name): name for name, f in type(parsed).model_fields.items()}
        found = [f"{where}.{key}" for key in data if key not in fields]
        for key, name in fields.items():
            if key in data:
                found += unknown_fields(data[key], getattr(parsed, name), f"{where}.{key}")
        return found
    if isinstance(parsed, list) and isinstance(data, list):
        return [
            u
            for i, (d, p) in enumerate(zip(data, parsed, strict=False))
            for u in unknown_fields(d, p, f"{where}[{i}]")
        ]
    return []


def warm_up() -> None:
    """Build every adapter up front (about 0.2 s) so the first requests are not slow."""
    for schema in SCHEMAS:
        _adapter(schema)

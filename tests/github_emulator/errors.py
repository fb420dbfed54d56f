"""GitHub-shaped API errors raised by the emulator's state layer and handlers."""

from __future__ import annotations

from typing import Any

DOCS = "https://docs.github.com/rest"


class ApiError(Exception):
    """An error response, rendered in GitHub's ``basic-error`` or ``validation-error`` shape."""

    def __init__(
        self,
        status: int,
        message: str,
        *,
        errors: list[dict[str, Any]] | None = None,
        documentation_url: str | None = None,
        headers: dict[str, str] | None = None,
    ) -> None:
        super().__init__(f"{status} {message}")
        self.status = status
        self.message = message
        self.errors = errors
        self.documentation_url = documentation_url
        self.headers = headers or {}

    @property
    def schema(self) -> str:
        return "validation-error" if self.status == 422 else "basic-error"

    def body(self, default_documentation_url: str = DOCS) -> dict[str, Any]:
        body: dict[str, Any] = {"message": self.message}
        if self.errors is not None:
            body["errors"] = self.errors
        body["documentation_url"] = self.documentation_url or default_documentation_url
        if self.schema == "basic-error":  # GitHub sends "status" on 422s too, but the schema omits it
            body["status"] = str(self.status)
        return body


def not_found(message: str = "Not Found") -> ApiError:
    return ApiError(404, message)


def validation_failed(
    resource: str, field: str, code: str, *, value: Any = None, message: str | None = None
) -> ApiError:
    """A 422 like GitHub's: ``{"message": "Validation Failed", "errors": [{resource, code, field}]}``."""
    error: dict[str, Any] = {"resource": resource, "code": code, "field": field}
    if value is not None:
        error["value"] = value
    if message is not None:
        error["message"] = message
    return ApiError(422, "Validation Failed", errors=[error])


def invalid_request(detail: str) -> ApiError:
    """GitHub's answer to a request body of the wrong JSON type (schema check before validation)."""
    return ApiError(422, f"Invalid request.\n\n{detail}")

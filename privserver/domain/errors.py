"""Errors raised by the domain layer; the API turns each into an RFC 9457 problem."""

from __future__ import annotations


class DomainError(Exception):
    """Base of the domain's errors; `status` and `problem_type` say how the API reports it."""

    status = 400
    problem_type = "about:blank"
    title = "Bad Request"

    def __init__(self, detail: str) -> None:
        super().__init__(detail)
        self.detail = detail


class NotFoundError(DomainError):
    status = 404
    title = "Not Found"


class ForbiddenError(DomainError):
    status = 403
    title = "Forbidden"


class ConflictError(DomainError):
    status = 409
    title = "Conflict"


class LastAdministratorManagerError(ConflictError):
    problem_type = "urn:privserver:problem:last-administrator-manager"
    title = "Last AdministratorManager"


class PrivilegeNameTakenError(ConflictError):
    problem_type = "urn:privserver:problem:privilege-name-taken"
    title = "Privilege name taken"


class PreconditionFailedError(DomainError):
    status = 412
    problem_type = "urn:privserver:problem:stale-etag"
    title = "Precondition Failed"


class PreconditionRequiredError(DomainError):
    status = 428
    title = "Precondition Required"


class TooManyItemsError(DomainError):
    status = 413
    problem_type = "urn:privserver:problem:too-many-items"
    title = "Content Too Large"


class RateLimitedError(DomainError):
    """Too many requests from one caller; `retry_after` is the wait in seconds."""

    status = 429
    title = "Too Many Requests"

    def __init__(self, detail: str, retry_after: float) -> None:
        super().__init__(detail)
        self.retry_after = retry_after


class ValidationFailedError(DomainError):
    """One or more invalid values; `errors` maps each field to its messages."""

    status = 422
    problem_type = "urn:privserver:problem:validation-failed"
    title = "Unprocessable Content"

    def __init__(self, errors: dict[str, list[str]], detail: str | None = None) -> None:
        if detail is None:
            fields = ", ".join(errors)
            detail = (
                f"invalid value for {fields}"
                if len(errors) == 1
                else f"invalid values for {fields}"
            )
        super().__init__(detail)
        self.errors = errors

    @classmethod
    def single(cls, field: str, message: str) -> ValidationFailedError:
        return cls({field: [message]}, detail=f"{field}: {message}")

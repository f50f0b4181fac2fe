"""Translated texts of the catalog editor that several of its widgets share."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from privadmin.api_client import (
    ApiError,
    AuthenticationError,
    ConflictError,
    ForbiddenError,
    NotFoundError,
    PreconditionFailedError,
    ProblemError,
    RateLimitedError,
    ServerError,
    SignedOutError,
    TransportError,
    ValidationError,
)
from privadmin.controllers import catalog as rules
from privadmin.controllers.catalog import Deactivation, Problem


def error_text(error: BaseException) -> str:
    """Describe a failed request in plain words, with what the user can do next."""
    if isinstance(error, SignedOutError):
        return QCoreApplication.translate(
            "Catalog", "You have been signed out. Sign in again, then retry."
        )
    if isinstance(error, TransportError):
        return QCoreApplication.translate(
            "Catalog", "The server could not be reached. Check the network connection and retry."
        )
    if isinstance(error, AuthenticationError):
        return QCoreApplication.translate(
            "Catalog", "The server did not accept your sign-in. Sign in again, then retry."
        )
    if isinstance(error, ForbiddenError):
        return QCoreApplication.translate(
            "Catalog", "You are not allowed to change this organization's privileges."
        )
    if isinstance(error, NotFoundError):
        return QCoreApplication.translate(
            "Catalog",
            "The privilege no longer exists. Someone may have deleted it; reload the list.",
        )
    if isinstance(error, PreconditionFailedError):
        return QCoreApplication.translate(
            "Catalog",
            "Someone else changed the privilege meanwhile. Open it again to see their version.",
        )
    if isinstance(error, RateLimitedError):
        return QCoreApplication.translate(
            "Catalog", "The server is busy. Wait a moment, then retry."
        )
    if isinstance(error, ServerError):
        return QCoreApplication.translate(
            "Catalog", "The server failed to handle the request. Retry later."
        )

    if isinstance(error, ValidationError | ConflictError):
        detail = error.detail or error.title
        return QCoreApplication.translate("Catalog", "The server rejected the change: %1").replace(
            "%1", detail
        )
    if isinstance(error, ProblemError):
        return (
            QCoreApplication.translate("Catalog", "The server answered %1: %2")
            .replace("%1", str(error.status))
            .replace("%2", error.title)
        )
    if isinstance(error, ApiError):
        return QCoreApplication.translate(
            "Catalog", "The server's answer could not be read: %1"
        ).replace("%1", error.message)
    return QCoreApplication.translate("Catalog", "Unexpected error: %1").replace(
        "%1", str(error) or type(error).__name__
    )


def count_text(count: int, one: str, many: str) -> str:
    """Pick the singular or plural text; Danish and English both distinguish only one from many."""
    return one if count == 1 else many.replace("%1", str(count))


def problem_text(problem: Problem) -> str:
    if problem is Problem.NAME_EMPTY:
        return QCoreApplication.translate("Catalog", "Enter a name.")
    if problem is Problem.NAME_TOO_LONG:
        text = QCoreApplication.translate("Catalog", "The name may have at most %1 characters.")
        return text.replace("%1", str(rules.NAME_MAX_LENGTH))
    if problem is Problem.NAME_TAKEN:
        return QCoreApplication.translate(
            "Catalog",
            "The organization already has a privilege with this name "
            "(capital and small letters count as the same).",
        )
    text = QCoreApplication.translate("Catalog", "A description may have at most %1 characters.")
    return text.replace("%1", str(rules.DESCRIPTION_MAX_LENGTH))


def organization_line(name: str | None, tin: str, count: int) -> str:
    """Return a bullet line naming an organization and its number of assignments."""
    assignments = count_text(
        count,
        QCoreApplication.translate("Catalog", "1 assignment"),
        QCoreApplication.translate("Catalog", "%1 assignments"),
    )
    return f"• {name or tin} ({tin}): {assignments}"


def deactivation_text(deactivation: Deactivation) -> str:
    """Say how many assignments turn inactive, and in which organizations."""
    if deactivation.total == 0:
        return QCoreApplication.translate("Catalog", "No active assignments will become inactive.")
    lines = [
        count_text(
            deactivation.total,
            QCoreApplication.translate("Catalog", "1 active assignment will become inactive:"),
            QCoreApplication.translate("Catalog", "%1 active assignments will become inactive:"),
        )
    ]
    for organization in deactivation.organizations:
        lines.append(
            organization_line(
                organization.organization_name, organization.organization_tin, organization.count
            )
        )
    lines.append(
        QCoreApplication.translate(
            "Catalog", "They are not deleted, and become active again if the change is undone."
        )
    )
    return "\n".join(lines)

"""PrivilegesClient: typed async access to the whole Privileges API."""

from __future__ import annotations

import asyncio
import ipaddress
import logging
import uuid
from collections.abc import AsyncIterator, Iterable, Sequence
from types import TracebackType
from typing import Any, Self, TypeVar
from urllib.parse import urlsplit

import httpx
import pydantic

from privadmin.api_client import _adapter
from privadmin.api_client._auth import BearerAuth
from privadmin.api_client._batch import BatchRun, ProgressCallback, run_batches
from privadmin.api_client._errors import (
    NotFoundError,
    ProblemError,
    ProtocolError,
    RateLimitedError,
    parse_retry_after,
    problem_error_class,
)
from privadmin.api_client._paging import check_page_size, iterate_pages
from privadmin.api_client._retry import Exchange, RetryPolicy, send_with_retries
from privadmin.api_client._transport import REQUEST_ID_HEADER, make_http_client
from privadmin.api_client.tokens import TokenSource
from privadmin.models import (
    Administrator,
    AssignableGroup,
    Assignment,
    AssignmentChange,
    AuditEvent,
    BatchResult,
    Identity,
    Me,
    Organization,
    Privilege,
    PrivilegeChanges,
    PrivilegeDraft,
    PrivilegeUsage,
    Role,
    RuntimeResult,
    WhitelistEntry,
)

log = logging.getLogger("privadmin.api_client")

RecordT = TypeVar("RecordT", bound=pydantic.BaseModel)

# Methods that the HTTP standard defines as idempotent and this API implements so:
# a repeated PUT or DELETE leaves the same state. PATCH with If-Match is not
# repeated, since a repeat after a lost response fails with 412. POST that creates
# a privilege is never repeated, since a repeat could create it twice.
_IDEMPOTENT = frozenset({"GET", "PUT", "DELETE"})


class PrivilegesClient:
    """Async client of the Privileges API; use it as an async context manager or call aclose().

    Every request carries a fresh X-Request-ID (kept across its retries and
    logged), a timeout, and the token source's bearer token. GET, PUT and
    DELETE, and the batch POST, are retried on connection errors, 503 and 429.
    Errors are raised as the ApiError hierarchy.
    """

    def __init__(
        self,
        api_base_url: str,
        token_source: TokenSource,
        *,
        timeout: float = 30.0,
        transport: httpx.AsyncBaseTransport | None = None,
        user_agent: str | None = None,
        retry_policy: RetryPolicy | None = None,
    ) -> None:
        self.api_url = _api_url(api_base_url)
        self.timeout = timeout
        self.retry_policy = retry_policy or RetryPolicy()
        self._http = make_http_client(
            base_url=self.api_url,
            timeout=timeout,
            transport=transport,
            user_agent=user_agent,
            auth=BearerAuth(token_source),
        )

    async def __aenter__(self) -> Self:
        return self

    async def __aexit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        await self.aclose()

    async def aclose(self) -> None:
        await self._http.aclose()

    # The caller and organizations.

    async def me(self) -> Me:
        """Return the caller's identity and its roles per organization."""
        return await self._get_record(Me, _adapter.me_path())

    async def get_organization(self, tin: str) -> Organization:
        return await self._get_record(Organization, _adapter.organization_path(tin))

    async def search_organizations(self, search: str) -> list[Organization]:
        """Find organizations by name or TIN, e.g. to whitelist one."""
        return await self._get_records(
            Organization, _adapter.organizations_path(), params=_adapter.search_params(search)
        )

    # Employees.

    def identities(
        self, tin: str, *, search: str | None = None, page_size: int = _adapter.MAX_PAGE_SIZE
    ) -> AsyncIterator[list[Identity]]:
        """Iterate over the organization's employees, one list per page."""
        params = _adapter.search_params(search) if search else {}
        return self._pages(Identity, _adapter.identities_path(tin), page_size, params)

    async def put_identity(
        self,
        tin: str,
        idp: str,
        idp_identity_id: uuid.UUID | str,
        *,
        name: str | None = None,
        email: str | None = None,
        rid: str | None = None,
    ) -> Identity:
        """Add an employee by UUID, or update the given attributes of one."""
        path = _adapter.identity_path(tin, idp, idp_identity_id)
        exchange = await self._send("PUT", path, json=_adapter.identity_body(name, email, rid))
        return self._read(Identity, exchange, "PUT", path)

    async def delete_identity(self, tin: str, idp: str, idp_identity_id: uuid.UUID | str) -> None:
        """Remove the employee and the assignments the organization made to them."""
        await self._delete(_adapter.identity_path(tin, idp, idp_identity_id))

    # Assignments.

    async def assignable_privileges(self, tin: str) -> list[AssignableGroup]:
        """Return what the organization may assign, grouped by owning organization."""
        return await self._get_records(AssignableGroup, _adapter.assignable_privileges_path(tin))

    async def identity_assignments(
        self, tin: str, idp: str, idp_identity_id: uuid.UUID | str
    ) -> list[Assignment]:
        """Return the assignments the organization made to one identity."""
        return await self._get_records(
            Assignment, _adapter.identity_assignments_path(tin, idp, idp_identity_id)
        )

    def assignments(
        self,
        tin: str,
        *,
        privilege_id: uuid.UUID | str | None = None,
        page_size: int = _adapter.MAX_PAGE_SIZE,
    ) -> AsyncIterator[list[Assignment]]:
        """Iterate over every assignment the organization made, one list per page."""
        params = _adapter.assignments_params(privilege_id)
        return self._pages(Assignment, _adapter.assignments_path(tin), page_size, params)

    async def assign(
        self, tin: str, idp: str, idp_identity_id: uuid.UUID | str, privilege_id: uuid.UUID | str
    ) -> bool:
        """Assign a privilege; return True when this call created the assignment.

        False when it already existed. After a retry whose earlier attempt may
        have created it, False as well: an undo then leaves it in place rather
        than remove an assignment that may have existed before.
        """
        path = _adapter.assignment_path(tin, idp, idp_identity_id, privilege_id)
        exchange = await self._send("PUT", path)
        return exchange.response.status_code == 201

    async def unassign(
        self, tin: str, idp: str, idp_identity_id: uuid.UUID | str, privilege_id: uuid.UUID | str
    ) -> bool:
        """Remove an assignment; return False when it was not there."""
        path = _adapter.assignment_path(tin, idp, idp_identity_id, privilege_id)
        try:
            return await self._delete(path)
        except NotFoundError:
            return False

    async def batch(
        self,
        tin: str,
        *,
        add: Iterable[AssignmentChange] = (),
        remove: Iterable[AssignmentChange] = (),
    ) -> BatchResult:
        """Apply up to 5000 changes in one atomic request: all of them or, on any error, none."""
        additions = list(add)
        removals = list(remove)
        count = len(additions) + len(removals)
        if count > _adapter.MAX_BATCH_ITEMS:
            raise ValueError(
                f"A batch takes at most {_adapter.MAX_BATCH_ITEMS} changes, got {count}; "
                "use run_batches to split them"
            )
        if count == 0:
            return BatchResult(items=())

        path = _adapter.batch_path(tin)
        # The batch POST is retried: the API defines it as idempotent, because adding
        # an existing assignment or removing a missing one is "unchanged" and the
        # whole batch is one transaction. A repeat after a lost response reports the
        # first attempt's changes as unchanged, which the result then flags.
        exchange = await self._send(
            "POST", path, json=_adapter.batch_body(additions, removals), retry=True
        )
        result = self._read(BatchResult, exchange, "POST", path)
        if exchange.earlier_attempt_may_have_applied:
            result = result.model_copy(update={"retried_after_lost_response": True})
        return result

    async def run_batches(
        self,
        tin: str,
        *,
        add: Iterable[AssignmentChange] = (),
        remove: Iterable[AssignmentChange] = (),
        on_progress: ProgressCallback | None = None,
        cancel_event: asyncio.Event | None = None,
        max_items: int = _adapter.MAX_BATCH_ITEMS,
    ) -> BatchRun:
        """Apply any number of changes as consecutive atomic batches of at most `max_items`.

        `on_progress(done_items, total_items)` is called before the first batch
        and after each one; `cancel_event` is checked between batches. It never
        raises for a failed batch: the BatchRun reports what was applied, what
        was not, and the error. Invalid input raises ValueError before anything is sent.
        """

        async def send(
            additions: Sequence[AssignmentChange], removals: Sequence[AssignmentChange]
        ) -> BatchResult:
            return await self.batch(tin, add=additions, remove=removals)

        return await run_batches(
            send,
            tin,
            add,
            remove,
            on_progress=on_progress,
            cancel_event=cancel_event,
            max_items=max_items,
        )

    # Runtime lookups (published).

    async def runtime(self, tin: str, idp: str, idp_identity_id: uuid.UUID | str) -> RuntimeResult:
        """Look up an identity's active privileges of provider `tin`; needs a service token."""
        return await self._get_record(RuntimeResult, _adapter.runtime_path(tin, idp, idp_identity_id))

    async def my_runtime(self) -> RuntimeResult:
        """Look up the end user's own active privileges; needs the end user's token (scope privileges)."""
        return await self._get_record(RuntimeResult, _adapter.my_runtime_path())

    # The catalog of owned privileges.

    async def privileges(self, tin: str) -> list[Privilege]:
        return await self._get_records(Privilege, _adapter.privileges_path(tin))

    async def get_privilege(self, tin: str, privilege_id: uuid.UUID | str) -> Privilege:
        """Return one privilege with its etag, for a later update_privilege."""
        path = _adapter.privilege_path(tin, privilege_id)
        exchange = await self._send("GET", path)
        return self._read_privilege(exchange, "GET", path)

    async def create_privilege(self, tin: str, draft: PrivilegeDraft) -> Privilege:
        path = _adapter.privileges_path(tin)
        exchange = await self._send("POST", path, json=_adapter.privilege_draft_body(draft), retry=False)
        return self._read_privilege(exchange, "POST", path)

    async def update_privilege(
        self, tin: str, privilege_id: uuid.UUID | str, changes: PrivilegeChanges, *, etag: str
    ) -> Privilege:
        """Change descriptions or assignability if the privilege still has `etag`.

        Raises PreconditionFailedError when someone changed it since it was read.
        """
        if not etag:
            raise ValueError("etag is empty: pass the etag of the privilege from get_privilege")
        body = _adapter.privilege_changes_body(changes)
        if not body:
            raise ValueError("changes is empty: set at least one field of PrivilegeChanges")
        path = _adapter.privilege_path(tin, privilege_id)
        headers = {"If-Match": etag, "Content-Type": _adapter.PATCH_CONTENT_TYPE}
        exchange = await self._send("PATCH", path, json=body, headers=headers, retry=False)
        return self._read_privilege(exchange, "PATCH", path)

    async def delete_privilege(self, tin: str, privilege_id: uuid.UUID | str) -> None:
        """Delete a privilege and every assignment of it."""
        await self._delete(_adapter.privilege_path(tin, privilege_id))

    async def whitelist(self, tin: str, privilege_id: uuid.UUID | str) -> list[WhitelistEntry]:
        return await self._get_records(WhitelistEntry, _adapter.whitelist_path(tin, privilege_id))

    async def add_to_whitelist(
        self, tin: str, privilege_id: uuid.UUID | str, whitelisted_tin: str
    ) -> None:
        await self._send("PUT", _adapter.whitelist_entry_path(tin, privilege_id, whitelisted_tin))

    async def remove_from_whitelist(
        self, tin: str, privilege_id: uuid.UUID | str, whitelisted_tin: str
    ) -> None:
        await self._delete(_adapter.whitelist_entry_path(tin, privilege_id, whitelisted_tin))

    async def usage(self, tin: str, privilege_id: uuid.UUID | str) -> list[PrivilegeUsage]:
        """Return per assigning organization how many assignments of the privilege are active."""
        return await self._get_records(PrivilegeUsage, _adapter.usage_path(tin, privilege_id))

    # Administrators and audit.

    async def administrators(self, tin: str) -> list[Administrator]:
        return await self._get_records(Administrator, _adapter.administrators_path(tin))

    async def put_administrator(
        self, tin: str, idp: str, idp_identity_id: uuid.UUID | str, roles: Sequence[Role]
    ) -> Administrator:
        """Set an administrator's roles in the organization, replacing the earlier ones."""
        path = _adapter.administrator_path(tin, idp, idp_identity_id)
        exchange = await self._send("PUT", path, json=_adapter.administrator_body(roles))
        return self._read(Administrator, exchange, "PUT", path)

    async def delete_administrator(self, tin: str, idp: str, idp_identity_id: uuid.UUID | str) -> None:
        await self._delete(_adapter.administrator_path(tin, idp, idp_identity_id))

    def audit_events(self, tin: str, *, page_size: int = 200) -> AsyncIterator[list[AuditEvent]]:
        """Iterate over the organization's audit trail, one list per page."""
        return self._pages(AuditEvent, _adapter.audit_events_path(tin), page_size, {})

    # Requests.

    async def _send(
        self,
        method: str,
        path: str,
        *,
        params: dict[str, str] | None = None,
        json: Any = None,
        headers: dict[str, str] | None = None,
        retry: bool | None = None,
    ) -> Exchange:
        """Send one request (with retries where safe) and raise for an error status."""
        request_id = uuid.uuid4().hex
        all_headers = {REQUEST_ID_HEADER: request_id, **(headers or {})}

        async def send() -> httpx.Response:
            return await self._http.request(method, path, params=params, json=json, headers=all_headers)

        exchange = await send_with_retries(
            send,
            retry=method in _IDEMPOTENT if retry is None else retry,
            policy=self.retry_policy,
            method=method,
            path=path,
            request_id=request_id,
            timeout=self.timeout,
        )
        response = exchange.response
        log.debug("%s %s -> %d (request %s)", method, path, response.status_code, request_id)

        status = response.status_code
        if status == 404 and method == "DELETE" and exchange.earlier_attempt_may_have_applied:
            # The first attempt's response was lost, so it may have deleted the target.
            log.info("%s %s: 404 on retry, treating as done (request %s)", method, path, request_id)
            return exchange
        if status >= 400:
            raise _problem(response, method, path, request_id)
        if not 200 <= status < 300:
            raise ProtocolError(
                f"Unexpected HTTP {status} to {method} {path}", request_id=request_id
            )
        return exchange

    async def _delete(self, path: str) -> bool:
        """DELETE `path`; return True, also when a retry found it already gone."""
        await self._send("DELETE", path)
        return True

    def _json(self, exchange: Exchange, method: str, path: str) -> Any:
        response = exchange.response
        try:
            return response.json()
        except ValueError as error:
            raise ProtocolError(
                f"Response to {method} {path} (HTTP {response.status_code}) is not valid JSON: {error}",
                request_id=_request_id(exchange),
            ) from error

    def _read(
        self, record: type[RecordT], exchange: Exchange, method: str, path: str, **extra: Any
    ) -> RecordT:
        data = self._json(exchange, method, path)
        try:
            return _adapter.read_record(record, data, **extra)
        except (TypeError, ValueError) as error:
            raise ProtocolError(
                f"Invalid {record.__name__} in response to {method} {path}: {_describe(error)}",
                request_id=_request_id(exchange),
            ) from error

    def _read_privilege(self, exchange: Exchange, method: str, path: str) -> Privilege:
        etag = exchange.response.headers.get("ETag")
        return self._read(Privilege, exchange, method, path, etag=etag)

    async def _get_record(self, record: type[RecordT], path: str) -> RecordT:
        exchange = await self._send("GET", path)
        return self._read(record, exchange, "GET", path)

    async def _get_records(
        self, record: type[RecordT], path: str, *, params: dict[str, str] | None = None
    ) -> list[RecordT]:
        exchange = await self._send("GET", path, params=params)
        data = self._json(exchange, "GET", path)
        try:
            return _adapter.read_records(record, data)
        except (TypeError, ValueError) as error:
            raise ProtocolError(
                f"Invalid list of {record.__name__} in response to GET {path}: {_describe(error)}",
                request_id=_request_id(exchange),
            ) from error

    def _pages(
        self, record: type[RecordT], path: str, page_size: int, params: dict[str, str]
    ) -> AsyncIterator[list[RecordT]]:
        check_page_size(page_size)

        async def fetch_page(cursor: str | None) -> Any:
            page_params = {**params, **_adapter.page_params(page_size, cursor)}
            exchange = await self._send("GET", path, params=page_params)
            return self._json(exchange, "GET", path)

        def read_item(data: Any) -> RecordT:
            try:
                return _adapter.read_record(record, data)
            except pydantic.ValidationError as error:
                raise ValueError(f"invalid {record.__name__}: {_describe(error)}") from error

        return iterate_pages(fetch_page, read_item, path=path)


def _request_id(exchange: Exchange) -> str | None:
    request_id: str | None = exchange.response.request.headers.get(REQUEST_ID_HEADER)
    return request_id


def _api_url(api_base_url: str) -> str:
    """Return the API URL (ending in /api/v1) for a base URL, refusing plain HTTP to other hosts."""
    parts = urlsplit(api_base_url)
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise ValueError(f"api_base_url must be an http(s) URL with a host, got {api_base_url!r}")
    if parts.scheme == "http" and not _is_loopback(parts.hostname):
        raise ValueError(
            f"api_base_url {api_base_url!r} uses plain HTTP to a host other than this computer; "
            "use https, so that access tokens are not sent in the clear"
        )
    url = api_base_url.rstrip("/")
    if not url.endswith(_adapter.API_PREFIX):
        url += _adapter.API_PREFIX
    return url


def _is_loopback(host: str) -> bool:
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def _problem(response: httpx.Response, method: str, path: str, request_id: str) -> ProblemError:
    status = response.status_code
    try:
        fields = _adapter.read_problem(response.json())
    except ValueError:
        fields = {}
    error_class = problem_error_class(status)
    title = fields.pop("title", None) or response.reason_phrase or f"HTTP {status}"
    extra: dict[str, Any] = {}
    if error_class is RateLimitedError:
        extra["retry_after"] = parse_retry_after(response.headers.get("Retry-After"))
    error = error_class(status, title, request_id=request_id, **fields, **extra)
    log.info("%s %s failed (request %s): %s", method, path, request_id, error)
    return error


def _describe(error: Exception) -> str:
    """Summarize a validation error in one line: each bad field and what is wrong with it."""
    if isinstance(error, pydantic.ValidationError):
        problems = []
        for detail in error.errors()[:5]:
            location = ".".join(str(part) for part in detail["loc"]) or "(record)"
            problems.append(f"{location}: {detail['msg']}")
        more = error.error_count() - len(problems)
        if more > 0:
            problems.append(f"and {more} more")
        return "; ".join(problems)
    return str(error)

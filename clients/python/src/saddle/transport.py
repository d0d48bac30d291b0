"""GraphQL over HTTP with urllib: one POST per operation, retries with exponential backoff.

The URL comes from SADDLE_URL (default http://127.0.0.1:4000), the token from SADDLE_TOKEN
(sent as `Authorization: Bearer <token>`), as the server's README says.
"""

from __future__ import annotations

import json
import os
import random
import time
import urllib.error
import urllib.parse
import urllib.request
from typing import Any, Callable, Dict, Mapping, Optional, TypeVar

T = TypeVar("T")

from .errors import SaddleError, ServerUnreachable

DEFAULT_URL = "http://127.0.0.1:4000"


def resolve_url(url: Optional[str]) -> str:
    """The server's base URL (no `/graphql`): the argument, else SADDLE_URL, else the default."""
    base = url or os.environ.get("SADDLE_URL") or DEFAULT_URL
    base = base.rstrip("/")
    # Accept the GraphQL endpoint itself too: people paste what the server printed.
    return base[: -len("/graphql")] if base.endswith("/graphql") else base


def resolve_token(token: Optional[str]) -> Optional[str]:
    return token or os.environ.get("SADDLE_TOKEN") or None


class Transport:
    """Sends GraphQL operations to one server.

    `retries` extra attempts are made for what may pass later (connection refused, timeouts,
    5xx, RATE_LIMITED, STORAGE_FULL), waiting `backoff_s`, 2×, 4×, … (with jitter, at most
    `max_backoff_s`; a Retry-After from the server wins). Refusals (BAD_USER_INPUT, CONFLICT, …)
    raise at once: resending the same request would get the same answer.
    """

    def __init__(
        self,
        url: Optional[str] = None,
        token: Optional[str] = None,
        timeout_s: float = 30.0,
        retries: int = 4,
        backoff_s: float = 0.5,
        max_backoff_s: float = 8.0,
        sleep: Callable[[float], None] = time.sleep,
    ):
        self.base_url = resolve_url(url)
        self.token = resolve_token(token)
        self.timeout_s = timeout_s
        self.retries = retries
        self.backoff_s = backoff_s
        self.max_backoff_s = max_backoff_s
        self._sleep = sleep

    @property
    def graphql_url(self) -> str:
        return f"{self.base_url}/graphql"

    def headers(self, content_type: Optional[str] = "application/json") -> Dict[str, str]:
        headers = {"Accept": "application/json"}
        if content_type:
            headers["Content-Type"] = content_type
        if self.token:
            headers["Authorization"] = f"Bearer {self.token}"
        return headers

    def execute(self, query: str, variables: Optional[Mapping[str, Any]] = None, retries: Optional[int] = None) -> Dict[str, Any]:
        """Runs one operation and returns its `data`; raises SaddleError or ServerUnreachable."""
        body = json.dumps({"query": query, "variables": dict(variables or {})}, allow_nan=False).encode("utf-8")
        return self.with_retries(lambda: self._post_once(body), retries)

    def with_retries(self, attempt: Callable[[], T], retries: Optional[int] = None) -> T:
        attempts = 1 + (self.retries if retries is None else retries)
        for index in range(attempts):
            try:
                return attempt()
            except SaddleError as error:
                if not error.retryable or index == attempts - 1:
                    raise
                self._sleep(error.retry_after if error.retry_after is not None else self._delay(index))
            except ServerUnreachable:
                if index == attempts - 1:
                    raise
                self._sleep(self._delay(index))
        raise AssertionError("unreachable")  # the loop always returns or raises

    def artifact_url(self, run_id: str, name: str) -> str:
        return f"{self.base_url}/artifacts/runs/{urllib.parse.quote(run_id, safe='')}/{urllib.parse.quote(name, safe='')}"

    def upload_artifact(
        self,
        run_id: str,
        name: str,
        data: bytes,
        content_type: str = "application/octet-stream",
        query: Optional[Mapping[str, Any]] = None,
        retries: Optional[int] = None,
    ) -> Dict[str, Any]:
        """PUTs a file as the run's artifact `name` (`PUT /artifacts/runs/<id>/<name>`; for
        `weights`, query = {thetaLength, stateLength}); returns the server's JSON answer."""
        url = self.artifact_url(run_id, name)
        if query:
            url += "?" + urllib.parse.urlencode({key: str(value) for key, value in query.items()})

        def attempt() -> Dict[str, Any]:
            request = urllib.request.Request(url, data=data, method="PUT", headers=self.headers(content_type))
            return self._json_response(request)

        return self.with_retries(attempt, retries)

    def download_artifact(self, run_id: str, name: str) -> bytes:
        def attempt() -> bytes:
            request = urllib.request.Request(self.artifact_url(run_id, name), method="GET", headers=self.headers(None))
            try:
                with urllib.request.urlopen(request, timeout=self.timeout_s) as response:
                    return bytes(response.read())
            except urllib.error.HTTPError as error:
                raise self._http_error(request, error) from None
            except (urllib.error.URLError, OSError) as error:
                raise ServerUnreachable(f"cannot reach {request.full_url}: {getattr(error, 'reason', error)}") from None

        return self.with_retries(attempt)

    def _json_response(self, request: urllib.request.Request) -> Dict[str, Any]:
        try:
            with urllib.request.urlopen(request, timeout=self.timeout_s) as response:
                parsed = _parse_json(response.read())
        except urllib.error.HTTPError as error:
            raise self._http_error(request, error) from None
        except (urllib.error.URLError, OSError) as error:
            raise ServerUnreachable(f"cannot reach {request.full_url}: {getattr(error, 'reason', error)}") from None
        return parsed if isinstance(parsed, dict) else {}

    def _http_error(self, request: urllib.request.Request, error: urllib.error.HTTPError) -> Exception:
        payload = error.read()
        parsed = _parse_json(payload)
        if isinstance(parsed, dict) and parsed.get("errors"):
            return _first_error(parsed, error.headers.get("Retry-After"))
        if error.code >= 500 or error.code == 429:
            return ServerUnreachable(f"{request.full_url} answered HTTP {error.code}")
        return SaddleError(f"{request.full_url} answered HTTP {error.code}: {payload[:300].decode('utf-8', 'replace')}", code=f"HTTP_{error.code}")

    def _delay(self, index: int) -> float:
        delay = min(self.max_backoff_s, self.backoff_s * 2.0**index)
        # Jitter, so many scripts whose server came back do not all retry in the same instant.
        return delay * (0.75 + 0.5 * random.random())

    def _post_once(self, body: bytes) -> Dict[str, Any]:
        request = urllib.request.Request(self.graphql_url, data=body, method="POST", headers=self.headers())
        return self._graphql_response(request)

    def _graphql_response(self, request: urllib.request.Request) -> Dict[str, Any]:
        try:
            with urllib.request.urlopen(request, timeout=self.timeout_s) as response:
                payload = response.read()
        except urllib.error.HTTPError as error:
            raise self._http_error(request, error) from None
        except (urllib.error.URLError, OSError) as error:
            raise ServerUnreachable(f"cannot reach {request.full_url}: {getattr(error, 'reason', error)}") from None
        parsed = _parse_json(payload)
        if not isinstance(parsed, dict):
            raise ServerUnreachable(f"{request.full_url} answered something other than GraphQL JSON")
        if parsed.get("errors"):
            raise _first_error(parsed, None)
        data = parsed.get("data")
        if not isinstance(data, dict):
            raise SaddleError("the server answered without data", code="INTERNAL")
        return data


def _parse_json(payload: bytes) -> Any:
    try:
        return json.loads(payload.decode("utf-8"))
    except (UnicodeDecodeError, ValueError):
        return None


def _first_error(parsed: Dict[str, Any], retry_after_header: Optional[str]) -> SaddleError:
    first = parsed["errors"][0] if isinstance(parsed["errors"], list) and parsed["errors"] else {}
    extensions = first.get("extensions") or {}
    retry_after: Optional[float] = None
    if isinstance(extensions.get("retryAfterSeconds"), (int, float)):
        retry_after = float(extensions["retryAfterSeconds"])
    elif retry_after_header and retry_after_header.isdigit():
        retry_after = float(retry_after_header)
    return SaddleError(str(first.get("message", "unknown error")), code=extensions.get("code"), path=extensions.get("path"), retry_after=retry_after)

"""The client's errors: what the server refused (with its code) versus what could not reach it."""

from __future__ import annotations

from typing import Any, Optional, Sequence

# Codes that say "try again later"; everything else is the request's fault and resending it
# would get the same answer.
RETRYABLE_CODES = frozenset({"RATE_LIMITED", "STORAGE_FULL", "INTERNAL"})


class SaddleError(Exception):
    """A GraphQL error answered by the server: `code` is its `extensions.code`."""

    def __init__(self, message: str, code: Optional[str] = None, path: Optional[Sequence[Any]] = None, retry_after: Optional[float] = None):
        super().__init__(message if code is None else f"{code}: {message}")
        self.message = message
        self.code = code
        self.path = list(path) if path is not None else None
        self.retry_after = retry_after

    @property
    def retryable(self) -> bool:
        return self.code in RETRYABLE_CODES


class ServerUnreachable(Exception):
    """The server did not answer (refused, timed out, or an HTTP error without a GraphQL body)."""

"""Error catalogs: what each code means, and how any Python exception becomes one code."""

from __future__ import annotations

import asyncio
import concurrent.futures
import dataclasses
import enum
import json
from collections.abc import Mapping
from typing import Generic, Protocol, TypeVar

from ._errors import RecordError, TransitionError, ValidationFailure

__all__ = [
    "CodeFacts", "ContractTimeoutError", "ErrorCategory", "FailureKind", "NormalizedError", "Outcome",
    "normalize_error",
]


class ErrorCategory(str, enum.Enum):
    """The broad class of an error, which decides how callers react to it."""

    CLIENT = "client"
    """The caller sent something invalid; retrying the same input fails again."""
    TIMEOUT = "timeout"
    """A deadline passed."""
    EXECUTION = "execution"
    """The work itself failed (business logic, a tool)."""
    SYSTEM = "system"
    """The platform failed (database, cancellation, exhausted retries)."""
    DEPENDENCY = "dependency"
    """Something the work depends on is unavailable (a provider, a network peer)."""

    def __str__(self) -> str:
        return self.value


class Outcome(str, enum.Enum):
    """What reaching a terminal lifecycle state means for the caller."""

    SUCCESS = "success"
    """The work finished as intended."""
    FAILURE = "failure"
    """The work stopped on an error."""
    CANCELLED = "cancelled"
    """The work was cancelled before it finished."""
    TIMEOUT = "timeout"
    """The work ran past its deadline."""

    def __str__(self) -> str:
        return self.value


class FailureKind(str, enum.Enum):
    """The kinds of failure a catalog's ``normalize:`` table gives a code."""

    VALIDATION = "validation"
    """Decoding, validation and transition failures: retrying the same work fails again."""
    TIMEOUT = "timeout"
    """A deadline passed."""
    CANCELLATION = "cancellation"
    """The work was cancelled."""
    RETRY_EXHAUSTED = "retry_exhausted"
    """Retries were used up; only :func:`with_retry` produces it."""
    DEFAULT = "default"
    """Anything else: the table's ``default:`` code."""

    def __str__(self) -> str:
        return self.value

    @classmethod
    def classify(cls, error: BaseException) -> FailureKind:
        """The kind of ``error``: ``asyncio.CancelledError`` (and ``concurrent.futures.CancelledError``)
        is cancellation; ``TimeoutError`` (``asyncio.TimeoutError``, ``socket.timeout``, an ``OSError`` with
        ``ETIMEDOUT``, :class:`ContractTimeoutError`) is a timeout; :class:`RecordError`,
        :class:`TransitionError`, :class:`ValidationFailure` and ``json.JSONDecodeError`` are validation;
        :class:`RetriesExhaustedError` is retry exhaustion; anything else is the default."""
        if isinstance(error, (asyncio.CancelledError, concurrent.futures.CancelledError)):
            return cls.CANCELLATION
        if isinstance(error, TimeoutError):
            return cls.TIMEOUT
        if isinstance(error, (RecordError, TransitionError, ValidationFailure, json.JSONDecodeError)):
            return cls.VALIDATION
        from ._retry import RetriesExhaustedError
        if isinstance(error, RetriesExhaustedError):
            return cls.RETRY_EXHAUSTED
        return cls.DEFAULT


class ContractTimeoutError(TimeoutError):
    """A deadline passed: raise it from work that gives up waiting, and every catalog's ``normalize``
    turns it into the catalog's timeout code."""

    def __init__(self, operation: str | None = None, limit_seconds: float | None = None) -> None:
        super().__init__(operation, limit_seconds)
        self.operation = operation
        """What was being waited for, e.g. ``tool pandas_tool.read_csv``; None when unnamed."""
        self.limit_seconds = limit_seconds
        """The time limit that passed, when known."""

    def __str__(self) -> str:
        subject = self.operation or "the operation"
        if self.limit_seconds is None:
            return f"{subject} timed out"
        return f"{subject} timed out after {self.limit_seconds} seconds"


State = TypeVar("State")


@dataclasses.dataclass(frozen=True, slots=True)
class CodeFacts(Generic[State]):
    """What the schema says about one error code."""

    category: ErrorCategory
    """The broad class of the error."""
    retryable: bool
    """Whether retrying the same work may succeed."""
    message: str
    """The message shown to users when no better one is known."""
    status: State | None = None
    """The lifecycle state a record ends in when this error stops it; None when the code names none."""


class CatalogCode(Protocol):
    """A member of a generated error catalog (``ErrorCode.VALIDATION_ERROR``)."""

    @property
    def is_retryable(self) -> bool: ...
    @property
    def default_message(self) -> str: ...


Code = TypeVar("Code", bound=CatalogCode)


class NormalizedError(Exception, Generic[Code]):
    """An exception as one code of an error catalog: what callers store (``error_code``,
    ``error_message``), show and decide on. The message for users is always the code's message; the
    original exception's text may carry internals, so it is kept only as :attr:`detail`, for logs."""

    def __init__(self, code: Code, detail: str) -> None:
        super().__init__(code, detail)
        self.code = code
        """The catalog's code."""
        self.detail = detail
        """What actually happened, for logs: the original exception's text."""

    @property
    def user_message(self) -> str:
        """The message for users: the code's message, never the original exception's text."""
        return self.code.default_message

    @property
    def is_retryable(self) -> bool:
        """Whether retrying the same work may succeed: the code's retryability."""
        return self.code.is_retryable

    def __str__(self) -> str:
        return f"{getattr(self.code, 'value', self.code)}: {self.detail}"


def normalize_error(error: BaseException, table: Mapping[FailureKind, Code]) -> NormalizedError[Code]:
    """``error`` as a code of the catalog whose ``normalize:`` table is ``table`` (a code for every
    :class:`FailureKind`), checked in this order:

    1. a :class:`NormalizedError` holding a code of this catalog is returned as it is;
    2. an exception with a ``contract_error_code`` attribute holding a code of this catalog gets it;
    3. otherwise :meth:`FailureKind.classify` picks the table's code.
    """
    catalog = type(table[FailureKind.DEFAULT])
    if isinstance(error, NormalizedError) and isinstance(error.code, catalog):
        return error
    detail = str(error) or type(error).__name__
    declared = getattr(error, "contract_error_code", None)
    if isinstance(declared, catalog):
        return NormalizedError(declared, detail)
    return NormalizedError(table[FailureKind.classify(error)], detail)

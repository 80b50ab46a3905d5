"""Retry policies (exponential backoff, 指数退避重试) and running work with them."""

from __future__ import annotations

import asyncio
import dataclasses
import enum
import secrets
from collections.abc import Awaitable, Callable
from typing import Final, Protocol, TypeVar

from ._catalog import Code, NormalizedError

__all__ = ["Jitter", "RandomSource", "RetriesExhaustedError", "RetryPolicy", "SplitMix64", "with_retry"]

_UINT64: Final = (1 << 64) - 1
_INT64_MAX: Final = (1 << 63) - 1


class Jitter(str, enum.Enum):
    """How jitter spreads a delay, so that many clients failing together do not retry together."""

    NONE = "none"
    """The computed delay exactly."""
    FULL = "full"
    """A random delay between zero and the computed delay."""
    EQUAL = "equal"
    """Half the computed delay plus a random part of the other half."""

    def __str__(self) -> str:
        return self.value


class RandomSource(Protocol):
    """Where jitter's random numbers come from."""

    def next_uint64(self) -> int:
        """The next 64 random bits, as an int from 0 to 2**64 - 1."""
        ...


class SplitMix64:
    """A small, fast, seedable generator (SplitMix64, Steele, Lea and Flood 2014) for repeatable jitter
    in tests and simulations; the same sequence as Swift's ``SplitMix64``. Not for anything secret."""

    def __init__(self, seed: int) -> None:
        self.state = seed & _UINT64

    def next_uint64(self) -> int:
        """The next 64 random bits."""
        self.state = (self.state + 0x9E37_79B9_7F4A_7C15) & _UINT64
        z = self.state
        z = ((z ^ (z >> 30)) * 0xBF58_476D_1CE4_E5B9) & _UINT64
        z = ((z ^ (z >> 27)) * 0x94D0_49BB_1331_11EB) & _UINT64
        return z ^ (z >> 31)


class _SystemRandom:
    def next_uint64(self) -> int:
        return secrets.randbits(64)


def _random_in(source: RandomSource, upper: int) -> int:
    """A uniform integer from 0 through ``upper`` (at most 2**63 - 1), drawn as Swift's
    ``Int64.random(in: 0...upper, using:)`` draws it, so a seeded source gives Swift's numbers."""
    bound = upper + 1
    product = source.next_uint64() * bound
    if product & _UINT64 < bound:
        threshold = ((1 << 64) - bound) % bound
        while product & _UINT64 < threshold:
            product = source.next_uint64() * bound
    return product >> 64


@dataclasses.dataclass(frozen=True, slots=True)
class RetryPolicy:
    """How many times failed work is retried and how long to wait before each retry.

    Retry ``n`` (0 for the first retry) waits ``initial_delay_ms × multiplier**n``, capped at
    ``max_delay_ms``, then spread by ``jitter``: the same numbers as Swift's ``RetryPolicy``.
    """

    max_retries: int
    """Retries after the first attempt; ``max_retries + 1`` attempts in all."""
    initial_delay_ms: int
    """The delay before the first retry, in milliseconds."""
    max_delay_ms: int
    """The longest any single delay may be before jitter, in milliseconds."""
    multiplier: float = 2.0
    """How much each delay grows over the one before (2 doubles it)."""
    jitter: Jitter = Jitter.NONE
    """How each delay is spread."""

    def base_delay_ns(self, retry: int) -> int:
        """The delay before retry ``retry`` without jitter, in nanoseconds: ``initial × multiplier**retry``
        capped at the maximum. Any ``retry`` works: a negative one counts as 0, a huge one gives the cap."""
        cap = _nanoseconds(self.max_delay_ms)
        initial = _nanoseconds(self.initial_delay_ms)
        if initial <= 0:
            return 0  # No delay grows into none, however large the power.
        scaled = float(initial) * _power(float(self.multiplier), max(0, retry))
        if not scaled < float(cap):
            return cap
        return max(0, _rounded(scaled))

    def delay_ns(self, retry: int, random: RandomSource | None = None) -> int:
        """The delay before retry ``retry`` in nanoseconds, spread by :attr:`jitter` with numbers from
        ``random`` (pass a seeded :class:`SplitMix64` for Swift's repeatable sequence)."""
        base = self.base_delay_ns(retry)
        if self.jitter is Jitter.NONE:
            return base
        source = random if random is not None else _SystemRandom()
        if self.jitter is Jitter.FULL:
            return _random_in(source, base)
        half = base // 2
        return half + _random_in(source, base - half)

    def delay_seconds(self, retry: int, random: RandomSource | None = None) -> float:
        """:meth:`delay_ns` in seconds, for ``asyncio.sleep``."""
        return self.delay_ns(retry, random) / 1e9


def _nanoseconds(milliseconds: int) -> int:
    """A duration of ``milliseconds`` in nanoseconds, clamped to ``0 ... 2**63 - 1`` as Swift's is."""
    return min(max(0, milliseconds) * 1_000_000, _INT64_MAX)


def _power(base: float, exponent: int) -> float:
    """``base ** exponent`` by squaring in doubles, as Swift's ``RetryPolicy`` computes it."""
    result, factor, remaining = 1.0, base, exponent
    while remaining > 0:
        if remaining & 1:
            result *= factor
        remaining >>= 1
        if remaining > 0:
            factor *= factor
    return result


def _rounded(value: float) -> int:
    """Halfway cases away from zero, as Swift's ``rounded()``."""
    whole = int(value)
    return whole + 1 if value - whole >= 0.5 else whole


class RetriesExhaustedError(Exception):
    """Retries were used up; every catalog's ``normalize`` gives it the ``retry_exhausted`` code (its ``default:``
    when the table names none)."""


Success = TypeVar("Success")


async def with_retry(operation: Callable[[], Awaitable[Success]], *, policy: RetryPolicy,
                     normalize: Callable[[BaseException], NormalizedError[Code]], random: RandomSource | None = None,
                     sleep: Callable[[float], Awaitable[object]] = asyncio.sleep) -> Success:
    """Runs ``operation``, retrying failures the catalog calls retryable with the policy's backoff, and
    returns its first success.

    ``normalize`` is a catalog's (``PipelineErrorCode.normalize``). Every failure (an ``Exception``;
    ``asyncio.CancelledError`` and other ``BaseException``s propagate as they are, so cancellation keeps working)
    is normalized through it:
    a failure that is not retryable is raised at once as its :class:`NormalizedError`; a retryable one is
    retried after :meth:`RetryPolicy.delay_seconds` (slept with ``sleep``) until ``policy.max_retries``
    retries are used, then the catalog's ``retry_exhausted`` code is raised with the attempts and the
    last failure in its detail. The original exception is the raised error's ``__cause__``.
    """
    retry = 0
    while True:
        try:
            return await operation()
        except Exception as error:  # noqa: BLE001 - every failure is normalized
            failure = normalize(error)
            if not failure.is_retryable:
                raise failure from error
            if retry >= policy.max_retries:
                attempts = retry + 1
                exhausted = RetriesExhaustedError(f"gave up after {attempts} attempt{'' if attempts == 1 else 's'}; "
                                                  f"last error {failure}")
                raise normalize(exhausted) from error
        await sleep(policy.delay_seconds(retry, random))
        retry += 1

"""The runtime on its own: timestamps, retry delays and jitter, with_retry, rule helpers, limits, the API check."""

from __future__ import annotations

import asyncio
import datetime
import struct
import unittest
from collections.abc import Callable

import support
from execution_contracts import (
    Jitter, JSONLimits, NormalizedError, RecordError, RetryPolicy, SplitMix64, Timestamp, parse_json,
)
from execution_contracts._runtime import require_api_version, with_retry
from execution_contracts._runtime._json import read_json_strictly
from execution_contracts._runtime._retry import _random_in
from execution_contracts._runtime._rules import greater_or_equal, less, same_text, text_in
from execution_contracts.task_pipeline import PipelineErrorCode

FIXTURES = support.TESTS / "fixtures"


def bits(value: float) -> int:
    return int(struct.unpack("<Q", struct.pack("<d", value))[0])


class TimestampTests(unittest.TestCase):
    def test_parsing_and_formatting_match_swift_on_every_fixture(self) -> None:
        lines = [line for line in (FIXTURES / "swift_timestamps.txt").read_text().splitlines() if line[:1] != "#"]
        self.assertGreater(len(lines), 300)
        for line in lines:
            text, *expected = line.split("\t")
            with self.subTest(text):
                parsed = Timestamp.parse(text)
                if expected == ["invalid"]:
                    self.assertIsNone(parsed)
                    continue
                assert parsed is not None
                self.assertEqual(bits(parsed.epoch_seconds), int(expected[0]))
                self.assertEqual(str(parsed), expected[1] if expected[1] != "nil" else str(parsed))

    def test_a_datetime_round_trips_to_the_microsecond(self) -> None:
        moment = datetime.datetime(2026, 2, 26, 10, 30, 0, 250000, tzinfo=datetime.timezone(datetime.timedelta(hours=8)))
        timestamp = Timestamp.from_datetime(moment)
        self.assertEqual(timestamp.rfc3339(), "2026-02-26T02:30:00.25Z")
        self.assertEqual(timestamp.to_datetime(), moment)
        self.assertEqual(Timestamp.parse("2026-02-26T02:30:00.25Z"), timestamp)

    def test_a_naive_datetime_is_refused(self) -> None:
        with self.assertRaises(ValueError):
            Timestamp.from_datetime(datetime.datetime(2026, 1, 1))

    def test_years_outside_rfc_3339_cannot_be_written(self) -> None:
        late = Timestamp.parse("9999-12-31T23:59:59-01:00")
        assert late is not None
        with self.assertRaises(ValueError):
            late.rfc3339()
        with self.assertRaises(ValueError):
            late.to_datetime()


class RetryPolicyTests(unittest.TestCase):
    POLICY = RetryPolicy(max_retries=3, initial_delay_ms=1000, max_delay_ms=60000)

    def test_delays_double_up_to_the_cap(self) -> None:
        self.assertEqual([self.POLICY.base_delay_ns(n) // 1_000_000 for n in range(8)],
                         [1000, 2000, 4000, 8000, 16000, 32000, 60000, 60000])

    def test_any_retry_number_is_safe(self) -> None:
        self.assertEqual(self.POLICY.base_delay_ns(-1), 1_000_000_000)
        self.assertEqual(self.POLICY.base_delay_ns(2**63 - 1), 60_000_000_000)
        self.assertEqual(self.POLICY.base_delay_ns(10**30), 60_000_000_000)

    def test_degenerate_policies_give_zero_or_the_cap(self) -> None:
        self.assertEqual(RetryPolicy(1, 0, 1000).base_delay_ns(5), 0)
        self.assertEqual(RetryPolicy(1, -5, 1000).base_delay_ns(5), 0)
        self.assertEqual(RetryPolicy(1, 10, -1).base_delay_ns(0), 0)
        self.assertEqual(RetryPolicy(1, 2**62, 2**62).base_delay_ns(0), 2**63 - 1)
        self.assertEqual(RetryPolicy(1, 10, 10**6, multiplier=-2.0).base_delay_ns(1), 0)
        self.assertEqual(RetryPolicy(1, 10, 10**6, multiplier=float("inf")).base_delay_ns(3), 10**12)

    def test_jittered_delays_stay_within_their_bounds(self) -> None:
        source = SplitMix64(7)
        full = RetryPolicy(5, 250, 4000, multiplier=1.5, jitter=Jitter.FULL)
        equal = RetryPolicy(5, 250, 4000, multiplier=1.5, jitter=Jitter.EQUAL)
        for n in range(10):
            base = full.base_delay_ns(n)
            for _ in range(50):
                self.assertTrue(0 <= full.delay_ns(n, source) <= base)
                self.assertTrue(base // 2 <= equal.delay_ns(n, source) <= base)

    def test_seeded_draws_are_swifts(self) -> None:
        lines = [line for line in (FIXTURES / "swift_random_in.txt").read_text().splitlines() if line[:1] != "#"]
        source = SplitMix64(42)
        for line in lines:
            upper, value = map(int, line.split())
            self.assertEqual(_random_in(source, upper), value)


class WithRetryTests(unittest.TestCase):
    def run_retrying(self, failures: list[BaseException]) -> tuple[object, list[float]]:
        slept: list[float] = []

        async def sleep(seconds: float) -> None:
            slept.append(seconds)

        async def operation() -> str:
            if failures:
                raise failures.pop(0)
            return "done"

        policy = RetryPolicy(max_retries=2, initial_delay_ms=100, max_delay_ms=1000)
        try:
            result: object = asyncio.run(with_retry(operation, policy=policy, normalize=PipelineErrorCode.normalize,
                                                         sleep=sleep))
        except NormalizedError as error:
            result = error
        return result, slept

    def test_retryable_failures_are_retried_with_the_policy_delays(self) -> None:
        result, slept = self.run_retrying([TimeoutError(), TimeoutError()])
        self.assertEqual((result, slept), ("done", [0.1, 0.2]))

    def test_exhaustion_raises_the_catalog_code(self) -> None:
        result, slept = self.run_retrying([TimeoutError()] * 3)
        assert isinstance(result, NormalizedError)
        self.assertIs(result.code, PipelineErrorCode.RETRY_EXHAUSTED)
        self.assertIn("gave up after 3 attempts", result.detail)
        self.assertEqual(slept, [0.1, 0.2])

    def test_a_failure_that_is_not_retryable_stops_at_once(self) -> None:
        result, slept = self.run_retrying([RecordError("wrong_type", "expected a string", "$.id")])
        assert isinstance(result, NormalizedError)
        self.assertEqual((result.code, slept), (PipelineErrorCode.INVALID_TASK, []))

    def test_cancellation_propagates_unchanged(self) -> None:
        with self.assertRaises(asyncio.CancelledError):
            self.run_retrying([asyncio.CancelledError()])


class RuleHelperTests(unittest.TestCase):
    def test_an_ordering_with_null_is_false_both_ways(self) -> None:
        self.assertFalse(less(None, 1))
        self.assertFalse(greater_or_equal(None, 1))
        self.assertFalse(less(1, None))
        self.assertTrue(less(2**53, 2.0**53 + 2))

    def test_text_compares_by_canonical_equivalence(self) -> None:
        self.assertTrue(same_text("caf\u00e9", "cafe\u0301"))
        self.assertTrue(same_text("\u212a", "K"))
        self.assertTrue(same_text(None, None))
        self.assertFalse(same_text(None, ""))
        self.assertTrue(text_in("re\u0301sume\u0301", ["résumé"]))
        self.assertFalse(text_in(None, ["x"]))


class LimitTests(unittest.TestCase):
    def category(self, data: bytes, limits: JSONLimits) -> str | None:
        results: set[str | None] = set()
        readers: list[Callable[[bytes], object]] = [lambda d: parse_json(d, limits=limits),
                                                    lambda d: read_json_strictly(d, limits)]
        for read in readers:
            try:
                read(data)
                results.add(None)
            except RecordError as error:
                results.add(error.category)
        self.assertEqual(len(results), 1, f"the fast path and the reader disagree on {data!r}: {results}")
        return results.pop()

    def test_each_limit_at_zero_refuses_the_first_thing_it_bounds(self) -> None:
        self.assertEqual(self.category(b"[]", JSONLimits(max_depth=0)), "too_deep")
        self.assertEqual(self.category(b'"a"', JSONLimits(max_string_length=0)), "too_long")
        self.assertIsNone(self.category(b'""', JSONLimits(max_string_length=0)))
        self.assertEqual(self.category(b'{"a":1}', JSONLimits(max_keys_per_object=0)), "too_long")
        self.assertIsNone(self.category(b"{}", JSONLimits(max_keys_per_object=0)))
        self.assertEqual(self.category(b"1", JSONLimits(max_input_length=0)), "too_long")

    def test_a_negative_limit_means_zero(self) -> None:
        self.assertEqual(JSONLimits(max_depth=-1), JSONLimits(max_depth=0))
        self.assertEqual(self.category(b"[]", JSONLimits(max_depth=-(2**70))), "too_deep")

    def test_huge_limits_mean_no_limit(self) -> None:
        huge = 2**63 - 1
        limits = JSONLimits(huge, huge, huge, huge)
        self.assertIsNone(self.category(b"[" * 600 + b"]" * 600, limits))

    def test_limits_are_exact_at_the_boundary(self) -> None:
        self.assertIsNone(self.category(b"[[1]]", JSONLimits(max_depth=2)))
        self.assertEqual(self.category(b"[[[1]]]", JSONLimits(max_depth=2)), "too_deep")
        self.assertIsNone(self.category(b'"abc"', JSONLimits(max_string_length=3)))
        self.assertEqual(self.category(b'"a\\n"', JSONLimits(max_string_length=2)), "too_long")
        self.assertEqual(self.category(b'{"a":1,"b":2,"c":3}', JSONLimits(max_keys_per_object=2)), "too_long")
        self.assertIsNone(self.category(b" 1 ", JSONLimits(max_input_length=3)))

    def test_the_default_depth_limit_is_512(self) -> None:
        self.assertIsNone(self.category(b"[" * 512 + b"]" * 512, JSONLimits()))
        self.assertEqual(self.category(b"[" * 513 + b"]" * 513, JSONLimits()), "too_deep")

    def test_a_limit_that_is_not_an_int_is_refused(self) -> None:
        with self.assertRaises(TypeError):
            JSONLimits(max_depth=1.5)  # type: ignore[arg-type]


class APIVersionTests(unittest.TestCase):
    def test_a_module_generated_for_another_api_fails_at_import(self) -> None:
        require_api_version(1, "ok")
        with self.assertRaises(ImportError) as caught:
            require_api_version(2, "orders")
        self.assertIn("orders was generated for contract runtime API 2", str(caught.exception))


if __name__ == "__main__":
    unittest.main()

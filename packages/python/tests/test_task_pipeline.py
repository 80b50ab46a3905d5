"""The reference module of schema/task_pipeline.yaml: guarded transitions, the retry policy, a catalog whose codes
name states, and SubTask with lists and ints."""

from __future__ import annotations

import unittest

import support  # noqa: F401
from execution_contracts import RecordError, TransitionError
from execution_contracts.task_pipeline import (
    RETRY_POLICY, PipelineErrorCode, SubTask, SubTaskStatus, SubTaskType,
)


def task(**fields: object) -> SubTask:
    values: dict[str, object] = {"id": "t", "parent_id": "p", "task_type": SubTaskType.CODE_GEN, "input_context": None}
    values.update(fields)
    return SubTask(**values)  # type: ignore[arg-type]


class GuardTests(unittest.TestCase):
    def test_a_failed_task_is_queued_again_only_while_retries_remain(self) -> None:
        failed = SubTaskStatus.FAILED
        self.assertIs(failed.transition(SubTaskStatus.QUEUED, record=task(retry_count=2, max_retries=3)),
                      SubTaskStatus.QUEUED)
        with self.assertRaises(TransitionError) as caught:
            failed.transition(SubTaskStatus.QUEUED, record=task(retry_count=3, max_retries=3))
        self.assertEqual(caught.exception.unmet_guard, "retry_count < max_retries")
        self.assertIn("the guard `retry_count < max_retries` does not hold", str(caught.exception))

    def test_a_failed_task_is_blocked_only_when_its_retries_are_used_up(self) -> None:
        failed = SubTaskStatus.FAILED
        self.assertTrue(failed.can_transition(SubTaskStatus.BLOCKED, record=task(retry_count=3, max_retries=3)))
        self.assertFalse(failed.can_transition(SubTaskStatus.BLOCKED, record=task(retry_count=1, max_retries=3)))

    def test_without_a_record_guards_are_not_evaluated(self) -> None:
        self.assertTrue(SubTaskStatus.FAILED.can_transition(SubTaskStatus.BLOCKED))
        self.assertIs(SubTaskStatus.FAILED.transition(SubTaskStatus.QUEUED), SubTaskStatus.QUEUED)

    def test_an_unlisted_move_fails_as_unlisted_even_with_a_record(self) -> None:
        with self.assertRaises(TransitionError) as caught:
            SubTaskStatus.PENDING.transition(SubTaskStatus.RUNNING, record=task())
        self.assertIsNone(caught.exception.unmet_guard)
        self.assertEqual(caught.exception.allowed, (SubTaskStatus.SPLITTING,))

    def test_terminal_states_and_outcomes_follow_the_schema(self) -> None:
        self.assertEqual([s.value for s in SubTaskStatus if s.is_terminal], ["COMPLETED", "BLOCKED"])
        self.assertFalse(SubTaskStatus.FAILED.is_terminal)


class CatalogTests(unittest.TestCase):
    def test_codes_name_the_state_a_task_moves_to(self) -> None:
        self.assertIs(PipelineErrorCode.RETRY_EXHAUSTED.status, SubTaskStatus.BLOCKED)
        self.assertIs(PipelineErrorCode.TOOL_TIMEOUT.status, SubTaskStatus.FAILED)
        self.assertIsNone(PipelineErrorCode.CANCELLED.status)

    def test_the_retry_policy_is_the_schemas(self) -> None:
        self.assertEqual((RETRY_POLICY.max_retries, RETRY_POLICY.initial_delay_ms, RETRY_POLICY.max_delay_ms,
                          RETRY_POLICY.multiplier), (3, 1000, 60000, 2.0))
        self.assertEqual(RETRY_POLICY.delay_seconds(2), 4.0)


class SubTaskTests(unittest.TestCase):
    def test_lists_decode_as_tuples_and_encode_as_arrays(self) -> None:
        value = SubTask.from_json(b'{"id":"t","parent_id":"p","task_type":"API_CALL","status":"QUEUED",'
                                  b'"dependencies":["a","b"],"input_context":{},"output_result":null,'
                                  b'"retry_count":1,"max_retries":3,"error_code":null}')
        self.assertEqual(value.dependencies, ("a", "b"))
        self.assertIn(b'"dependencies":["a","b"]', value.to_json())
        self.assertEqual(value.to_dict()["dependencies"], ["a", "b"])

    def test_integers_beyond_64_bits_are_out_of_range_and_fractions_are_the_wrong_type(self) -> None:
        base = task().to_json()
        for text, expected in [(b"9223372036854775808", "number_out_of_range"), (b"1.0", "wrong_type"),
                               (b"1e400", "wrong_type"), (b"-9223372036854775809", "number_out_of_range")]:
            with self.subTest(text):
                with self.assertRaises(RecordError) as caught:
                    SubTask.from_json(base.replace(b'"retry_count":0', b'"retry_count":' + text))
                self.assertEqual((caught.exception.category, caught.exception.path), (expected, "$.retry_count"))

    def test_the_extreme_integers_round_trip(self) -> None:
        for number in (2**63 - 1, -(2**63)):
            value = task(retry_count=number, max_retries=2**63 - 1, status=SubTaskStatus.RUNNING)
            if number < 0:
                self.assertEqual([v.rule_id for v in value.violations()], ["retry_count_non_negative"])
                continue
            self.assertEqual(SubTask.from_json(value.to_json()), value)

    def test_a_value_canonically_equivalent_to_a_state_reads_as_that_state(self) -> None:
        record = task().to_json().replace(b'"PENDING"', '"BLOC\u212aED"'.encode())
        with self.assertRaises(RecordError) as caught:  # BLOCKED, which breaks failed_has_error_code
            SubTask.from_json(record)
        self.assertEqual(caught.exception.category, "rule:failed_has_error_code")

    def test_each_rule_is_reported_by_its_id(self) -> None:
        cases = {
            "id_not_empty": task(id=""),
            "retry_count_within_max": task(status=SubTaskStatus.RUNNING, retry_count=4, max_retries=3),
            "no_retries_before_queued": task(retry_count=1),
            "failed_has_error_code": task(status=SubTaskStatus.FAILED),
            "completed_has_no_error_code": task(status=SubTaskStatus.COMPLETED, error_code=PipelineErrorCode.TOOL_ERROR),
            "output_only_when_completed": task(output_result={"x": 1}),
        }
        for rule, value in cases.items():
            with self.subTest(rule):
                self.assertEqual([v.rule_id for v in value.violations()], [rule])


if __name__ == "__main__":
    unittest.main()

"""The reference module of schema/execution.yaml: the seed's enums, the lifecycle, the catalog with normalize,
and TaskStepResult's codecs, errors and rules."""

from __future__ import annotations

import asyncio
import json
import unittest

import support
from execution_contracts import (
    ContractTimeoutError, ErrorCategory, NormalizedError, Outcome, RecordError, TransitionError, ValidationFailure,
)
from execution_contracts.execution import ErrorCode, TaskStatus, TaskStepResult

VALID = (b'{"step":"pandas_tool.read_csv","result":{"rows":1000,"columns":5},"completed":true,'
         b'"message":"Successfully read CSV file","status":"completed","error_code":null,"error_message":null}')


def decode_error(data: bytes | str, *, accept_legacy: bool = False) -> tuple[str, str]:
    try:
        TaskStepResult.from_json(data, accept_legacy=accept_legacy)
    except RecordError as error:
        return error.category, error.path
    raise AssertionError(f"accepted {data!r}")


class EnumTests(unittest.TestCase):
    def test_task_status_has_the_seed_names_and_values(self) -> None:
        self.assertEqual([(s.name, s.value) for s in TaskStatus], [
            ("PENDING", "pending"), ("RUNNING", "running"), ("COMPLETED", "completed"), ("CANCELLED", "cancelled"),
            ("TIMED_OUT", "timed_out"), ("FAILED", "failed")])
        self.assertEqual(TaskStatus.TIMED_OUT, "timed_out")

    def test_error_code_has_the_seed_names_and_values(self) -> None:
        self.assertEqual([(c.name, c.value) for c in ErrorCode], [
            ("VALIDATION_ERROR", "E001"), ("TIMEOUT_ERROR", "E002"), ("EXECUTION_ERROR", "E003"),
            ("CANCELLED_ERROR", "E004"), ("RETRY_EXHAUSTED", "E005"), ("DATABASE_ERROR", "E006"),
            ("DSL_EVALUATION_ERROR", "E007")])
        self.assertEqual(ErrorCode.VALIDATION_ERROR, "E001")

    def test_members_print_as_their_wire_values(self) -> None:
        self.assertEqual(str(TaskStatus.TIMED_OUT), "timed_out")
        self.assertEqual(f"{ErrorCode.DATABASE_ERROR}", "E006")


class LifecycleTests(unittest.TestCase):
    ALLOWED = {("pending", "running"), ("pending", "cancelled"), ("running", "completed"), ("running", "failed"),
               ("running", "timed_out"), ("running", "cancelled")}

    def test_every_move_of_the_matrix_is_allowed_exactly_when_the_schema_lists_it(self) -> None:
        for source in TaskStatus:
            for target in TaskStatus:
                listed = (source.value, target.value) in self.ALLOWED
                with self.subTest(f"{source.value} -> {target.value}"):
                    self.assertEqual(source.can_transition(target), listed)
                    if listed:
                        self.assertIs(source.transition(target), target)
                    else:
                        with self.assertRaises(TransitionError) as caught:
                            source.transition(target)
                        error = caught.exception
                        self.assertEqual((error.lifecycle, error.from_, error.to), ("TaskStatus", source, target))
                        self.assertEqual(error.allowed, source.allowed_transitions)

    def test_a_terminal_state_refuses_every_move_and_says_it_is_terminal(self) -> None:
        with self.assertRaises(TransitionError) as caught:
            TaskStatus.COMPLETED.transition(TaskStatus.FAILED)
        self.assertTrue(caught.exception.is_from_terminal_state)
        self.assertEqual(str(caught.exception), "TaskStatus: cannot move from completed to failed; completed is terminal")

    def test_a_refused_move_lists_the_allowed_ones_in_schema_order(self) -> None:
        with self.assertRaises(TransitionError) as caught:
            TaskStatus.PENDING.transition(TaskStatus.COMPLETED)
        self.assertEqual(str(caught.exception),
                         "TaskStatus: cannot move from pending to completed; allowed: running, cancelled")

    def test_initial_terminal_states_and_outcomes_follow_the_schema(self) -> None:
        self.assertIs(TaskStatus.initial(), TaskStatus.PENDING)
        self.assertEqual([s.value for s in TaskStatus if s.is_terminal], ["completed", "cancelled", "timed_out", "failed"])
        self.assertEqual(TaskStatus.TIMED_OUT.outcome, Outcome.TIMEOUT)
        self.assertIsNone(TaskStatus.RUNNING.outcome)
        self.assertEqual(dict(TaskStatus.legacy_values()), {"success": TaskStatus.COMPLETED, "error": TaskStatus.FAILED})


class CatalogTests(unittest.TestCase):
    def test_each_code_has_the_schema_facts(self) -> None:
        self.assertEqual(ErrorCode.VALIDATION_ERROR.category, ErrorCategory.CLIENT)
        self.assertEqual([c.value for c in ErrorCode if c.is_retryable], ["E002", "E006"])
        self.assertEqual(ErrorCode.EXECUTION_ERROR.default_message, "The task failed while it was running.")
        self.assertIsNone(ErrorCode.VALIDATION_ERROR.status)
        self.assertIs(ErrorCode.TIMEOUT_ERROR.status, TaskStatus.TIMED_OUT)

    def test_normalize_maps_each_kind_of_failure_to_the_table_code(self) -> None:
        cases: list[tuple[BaseException, ErrorCode]] = [
            (asyncio.CancelledError(), ErrorCode.CANCELLED_ERROR),
            (TimeoutError("slow"), ErrorCode.TIMEOUT_ERROR),
            (asyncio.TimeoutError(), ErrorCode.TIMEOUT_ERROR),
            (ContractTimeoutError("tool x", 30.0), ErrorCode.TIMEOUT_ERROR),
            (OSError(110, "Connection timed out"), ErrorCode.TIMEOUT_ERROR),
            (RecordError("wrong_type", "expected a string", "$.step"), ErrorCode.VALIDATION_ERROR),
            (TransitionError("TaskStatus", "completed", "failed", ()), ErrorCode.VALIDATION_ERROR),
            (ValidationFailure("TaskStepResult", ()), ErrorCode.VALIDATION_ERROR),
            (json.JSONDecodeError("bad", "x", 0), ErrorCode.VALIDATION_ERROR),
            (ValueError("anything else"), ErrorCode.EXECUTION_ERROR),
            (KeyError("k"), ErrorCode.EXECUTION_ERROR),
        ]
        for error, code in cases:
            with self.subTest(type(error).__name__):
                normalized = ErrorCode.normalize(error)
                self.assertIs(normalized.code, code)
                self.assertEqual(normalized.user_message, code.default_message)

    def test_normalize_keeps_a_normalized_error_and_a_declared_code(self) -> None:
        already = NormalizedError(ErrorCode.DATABASE_ERROR, "deadlock")
        self.assertIs(ErrorCode.normalize(already), already)

        class DatabaseDown(Exception):
            contract_error_code = ErrorCode.DATABASE_ERROR

        self.assertIs(ErrorCode.normalize(DatabaseDown("down")).code, ErrorCode.DATABASE_ERROR)
        self.assertTrue(ErrorCode.normalize(DatabaseDown("down")).is_retryable)

    def test_the_original_text_is_detail_never_the_user_message(self) -> None:
        normalized = ErrorCode.normalize(RuntimeError("password=hunter2"))
        self.assertEqual(normalized.detail, "password=hunter2")
        self.assertNotIn("hunter2", normalized.user_message)
        self.assertEqual(str(normalized), "E003: password=hunter2")

    def test_for_failure_gives_the_retry_exhausted_code(self) -> None:
        from execution_contracts import FailureKind
        self.assertIs(ErrorCode.for_failure(FailureKind.RETRY_EXHAUSTED), ErrorCode.RETRY_EXHAUSTED)


class DecodingTests(unittest.TestCase):
    def test_a_valid_record_decodes_with_enum_members(self) -> None:
        value = TaskStepResult.from_json(VALID)
        self.assertIs(value.status, TaskStatus.COMPLETED)
        self.assertEqual(value.result, {"rows": 1000, "columns": 5})
        self.assertEqual(TaskStepResult.from_json(VALID.decode()), value)

    def test_json_values_keep_ints_floats_and_minus_zero_apart(self) -> None:
        record = VALID.replace(b'{"rows":1000,"columns":5}', b'[1,1.0,-0,1e2,12345678901234567890,"x"]')
        result = TaskStepResult.from_json(record).result
        assert isinstance(result, list)
        self.assertEqual([type(x).__name__ for x in result], ["int", "float", "float", "float", "float", "str"])
        self.assertEqual(str(result[2]), "-0.0")

    def test_every_fixture_line_gets_the_category_and_path_contractgen_prints(self) -> None:
        lines = (support.RECORDS / "execution_invalid.jsonl").read_bytes().split(b"\n")
        expected = (support.RECORDS / "execution_invalid.expected").read_text().splitlines()
        self.assertEqual(len(expected), 31)
        for line in expected:
            number = int(line.split(":")[1])
            category = line.split("[", 1)[1].split("]", 1)[0]
            path = line.rsplit(" at ", 1)[1]
            # A blank line is a JSON Lines matter (empty_line); as a record it is JSON text that ends early.
            if category == "empty_line":
                category = "malformed_json"
            with self.subTest(number):
                self.assertEqual(decode_error(lines[number - 1]), (category, path))

    def test_the_first_problem_in_reading_order_is_reported(self) -> None:
        cases = {
            b'{"zzz":1,"step":2}': ("unknown_field", "$.zzz"),
            b'{"step":2,"zzz":1}': ("wrong_type", "$.step"),
            b'{"step":"a","step":"b"}': ("duplicate_key", "$.step"),
            b'{"step":"a","result":{"a":1,"a":2},"completed":true}': ("duplicate_key", "$.result.a"),
            b'{"step":"a","result":[1,{"a b":{"c":[nul]}}]}': ("malformed_json", '$.result[1]["a b"].c[0]'),
            b'{"step":"a"}': ("missing_field", "$"),
            b'{"step":"a","completed":1': ("wrong_type", "$.completed"),
            b'{"step":"a","completed":tru': ("malformed_json", "$.completed"),
            b'[1,2': ("malformed_json", "$[1]"),
            b'"text"': ("not_an_object", "$"),
            b'"text" x': ("trailing_data", "$"),
            b'{"step":"a","result":null,"completed":false,"message":"","status":"running","error_code":"E003",'
            b'"error_message":null}': ("rule:error_code_iff_error_message", "$"),
        }
        for data, expected in cases.items():
            with self.subTest(data):
                self.assertEqual(decode_error(data), expected)

    def test_legacy_values_are_read_only_on_request(self) -> None:
        record = VALID.replace(b'"completed","error_code"', b'"success","error_code"')
        self.assertEqual(decode_error(record), ("unknown_enum_value", "$.status"))
        self.assertIs(TaskStepResult.from_json(record, accept_legacy=True).status, TaskStatus.COMPLETED)

    def test_bytes_like_input_is_read_and_anything_else_is_a_type_error(self) -> None:
        self.assertEqual(TaskStepResult.from_json(bytearray(VALID)), TaskStepResult.from_json(memoryview(VALID)))
        for wrong in (5, None, [VALID]):
            with self.subTest(repr(wrong)[:20]):
                with self.assertRaises(TypeError):
                    TaskStepResult.from_json(wrong)  # type: ignore[arg-type]

    def test_a_str_with_a_lone_surrogate_is_not_utf8(self) -> None:
        self.assertEqual(decode_error('{"step":"\ud800"}'), ("invalid_utf8", "$.step"))


class EncodingTests(unittest.TestCase):
    def test_to_json_writes_schema_order_and_explicit_nulls_compactly(self) -> None:
        value = TaskStepResult(step="s", result={"b": [1.0, -0.0, 1e16], "a": "é\n\x01"}, status=TaskStatus.PENDING)
        self.assertEqual(value.to_json(), '{"step":"s","result":{"b":[1.0,-0.0,1e+16],"a":"é\\n\\u0001"},'
                                          '"completed":false,"message":"","status":"pending","error_code":null,'
                                          '"error_message":null}'.encode())

    def test_decoding_what_was_encoded_gives_the_value_back(self) -> None:
        value = TaskStepResult.from_json(VALID)
        self.assertEqual(TaskStepResult.from_json(value.to_json()), value)
        self.assertEqual(value.to_json(), VALID)

    def test_to_json_refuses_a_value_that_breaks_a_rule(self) -> None:
        value = TaskStepResult(step="s", result=None, status=TaskStatus.FAILED)
        with self.assertRaises(ValidationFailure) as caught:
            value.to_json()
        self.assertEqual(caught.exception.rule_ids, ("unsuccessful_has_error_code",))

    def test_to_json_refuses_a_field_of_the_wrong_type(self) -> None:
        with self.assertRaises(TypeError):
            TaskStepResult(step=42, result=None).to_json()  # type: ignore[arg-type]
        with self.assertRaises(ValueError):
            TaskStepResult(step="s", result=float("nan")).to_json()
        with self.assertRaises(TypeError):
            TaskStepResult(step="s", result={1: "x"}).to_json()  # type: ignore[dict-item]
        with self.assertRaises(ValueError):
            TaskStepResult(step="\ud800", result=None).to_json()


class DictTests(unittest.TestCase):
    def test_to_dict_has_the_seed_shape(self) -> None:
        value = TaskStepResult.from_json(VALID)
        self.assertEqual(value.to_dict(), json.loads(VALID))
        self.assertEqual(list(value.to_dict()), ["step", "result", "completed", "message", "status", "error_code",
                                                 "error_message"])
        self.assertIs(type(value.to_dict()["status"]), str)

    def test_from_dict_checks_as_strictly_as_from_json(self) -> None:
        good = json.loads(VALID)
        self.assertEqual(TaskStepResult.from_dict(good), TaskStepResult.from_json(VALID))
        cases = [
            ({**good, "completed": 1}, ("wrong_type", "$.completed")),
            ({**good, "result": {"a": [1, {2: 3}]}}, ("wrong_type", '$.result.a[1]["2"]')),
            ({**good, "result": [float("inf")]}, ("number_out_of_range", "$.result[0]")),
            ({**good, "status": "done"}, ("unknown_enum_value", "$.status")),
            ({**good, "extra key": 1}, ("unknown_field", '$["extra key"]')),
            ({k: v for k, v in good.items() if k != "message"}, ("missing_field", "$")),
            ({**good, "status": "running"}, ("rule:completed_iff_status_completed", "$")),
            ([good], ("not_an_object", "$")),
            ({**good, "step": "\udc00"}, ("lone_surrogate", "$.step")),
        ]
        for data, expected in cases:
            with self.subTest(expected):
                with self.assertRaises(RecordError) as caught:
                    TaskStepResult.from_dict(data)
                self.assertEqual((caught.exception.category, caught.exception.path), expected)

    def test_from_dict_accepts_enum_members_and_big_ints_become_floats(self) -> None:
        data = {**json.loads(VALID), "status": TaskStatus.COMPLETED, "result": [2**64]}
        value = TaskStepResult.from_dict(data)
        self.assertEqual(value.result, [float(2**64)])


class RuleTests(unittest.TestCase):
    def test_violations_lists_every_broken_rule_in_schema_order(self) -> None:
        value = TaskStepResult(step="s", result=None, completed=True, status=TaskStatus.FAILED, error_message="x")
        self.assertEqual([v.rule_id for v in value.violations()], [
            "completed_iff_status_completed", "error_code_iff_error_message", "unsuccessful_has_error_code"])
        with self.assertRaises(ValidationFailure):
            value.validate()

    def test_a_valid_value_has_no_violations(self) -> None:
        value = TaskStepResult(step="s", result=None, status=TaskStatus.FAILED, error_code=ErrorCode.EXECUTION_ERROR,
                               error_message="boom")
        self.assertEqual(value.violations(), [])
        value.validate()

    def test_models_are_frozen_and_hashable_without_their_json_fields(self) -> None:
        value = TaskStepResult(step="s", result={"a": 1})
        with self.assertRaises(AttributeError):
            value.step = "t"  # type: ignore[misc]
        self.assertEqual(hash(value), hash(TaskStepResult(step="s", result={"a": 1})))


if __name__ == "__main__":
    unittest.main()

"""ExecutionContracts for Python: the shared execution contracts, generated from their schemas.

One module per schema (``execution``, ``task_pipeline``, ...), each with its lifecycles as ``str`` enums,
its error catalogs with ``normalize``, and its models as frozen dataclasses with strict JSON codecs.
The errors and value types they share are exported here::

    from execution_contracts import RecordError, TransitionError
    from execution_contracts.execution import ErrorCode, TaskStatus, TaskStepResult
"""

from ._runtime import (
    API_VERSION, CodeFacts, ContractModel, ContractTimeoutError, ErrorCategory, FailureKind, Jitter, JSONLimits,
    JSONValue, NormalizedError, Outcome, RecordError, RetriesExhaustedError, RetryPolicy, RuleViolation,
    SplitMix64, Timestamp, TransitionError, ValidationFailure, dump_json, json_equal, parse_json, with_retry,
)

__all__ = [
    "API_VERSION", "CodeFacts", "ContractModel", "ContractTimeoutError", "ErrorCategory", "FailureKind", "JSONLimits",
    "JSONValue", "Jitter", "NormalizedError", "Outcome", "RecordError", "RetriesExhaustedError", "RetryPolicy",
    "RuleViolation", "SplitMix64", "Timestamp", "TransitionError", "ValidationFailure", "dump_json", "json_equal",
    "parse_json", "with_retry",
]

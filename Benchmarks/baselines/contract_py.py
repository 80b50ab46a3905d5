"""The TaskStepResult contract (schema/execution.yaml) as plain Python values, shared by the baselines.

Kept by hand in step with the schema: seven required fields (the nullable ones written as explicit null),
no other keys, the six statuses and seven error codes, and the three rules.
"""
from __future__ import annotations

import enum
import json
import sys
import time
from typing import Callable, Optional


class TaskStatus(str, enum.Enum):
    PENDING = "pending"
    RUNNING = "running"
    COMPLETED = "completed"
    CANCELLED = "cancelled"
    TIMED_OUT = "timed_out"
    FAILED = "failed"


class ErrorCode(str, enum.Enum):
    VALIDATION_ERROR = "E001"
    TIMEOUT_ERROR = "E002"
    EXECUTION_ERROR = "E003"
    CANCELLED_ERROR = "E004"
    RETRY_EXHAUSTED = "E005"
    DATABASE_ERROR = "E006"
    DSL_EVALUATION_ERROR = "E007"


UNSUCCESSFUL = frozenset({TaskStatus.FAILED, TaskStatus.TIMED_OUT, TaskStatus.CANCELLED})


def broken_rules(completed: bool, status: TaskStatus, error_code: Optional[ErrorCode],
                 error_message: Optional[str]) -> list:
    """The ids of the rules a value breaks, in schema order."""
    broken = []
    if completed != (status is TaskStatus.COMPLETED):
        broken.append("completed_iff_status_completed")
    if (error_code is None) != (error_message is None):
        broken.append("error_code_iff_error_message")
    if status in UNSUCCESSFUL and error_code is None:
        broken.append("unsuccessful_has_error_code")
    return broken


def run(tool: str, path: str, validate_line: Callable[[bytes], object], errors: tuple,
        report: Optional[str] = None) -> None:
    """Reads `path` in binary line by line, validates each line (without its "\\n"), prints one JSON line.

    report="invalid" or "valid" prints the numbers of rejected or accepted lines to stderr.
    """
    records = valid = invalid = 0
    started = time.perf_counter()
    with open(path, "rb", buffering=1 << 20) as file:
        for line in file:
            if line.endswith(b"\n"):
                line = line[:-1]
            records += 1
            try:
                validate_line(line)
            except errors as error:
                invalid += 1
                if report == "invalid":
                    print(f"{records}\t{type(error).__name__}: {str(error)[:300]!r}", file=sys.stderr)
            else:
                valid += 1
                if report == "valid":
                    print(records, file=sys.stderr)
    seconds = time.perf_counter() - started
    print(json.dumps({"tool": tool, "records": records, "valid": valid, "invalid": invalid,
                      "seconds": round(seconds, 6)}))


def main(tool: str, validate_line: Callable[[bytes], object], errors: tuple) -> None:
    args = sys.argv[1:]
    report = None
    for flag in ("--report-invalid", "--report-valid"):
        if flag in args:
            args.remove(flag)
            report = flag[len("--report-"):]
    if len(args) != 1:
        sys.exit(f"usage: {sys.argv[0]} [--report-invalid|--report-valid] FILE")
    run(tool, args[0], validate_line, errors, report)

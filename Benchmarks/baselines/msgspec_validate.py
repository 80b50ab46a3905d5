#!/usr/bin/env python3
"""Baseline: msgspec, a Struct decoded with msgspec.json.Decoder (strict by default), unknown fields
forbidden, the three rules in __post_init__ (msgspec turns its ValueError into a ValidationError),
`result` as any JSON. Usage: msgspec_validate.py [--report-invalid|--report-valid] FILE
"""
from __future__ import annotations

import os
import sys
from typing import Any, Optional

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

import msgspec  # noqa: E402

from contract_py import ErrorCode, TaskStatus, broken_rules, main  # noqa: E402


class TaskStepResult(msgspec.Struct, forbid_unknown_fields=True):
    step: str
    result: Any  # any JSON value, required (null allowed)
    completed: bool
    message: str
    status: TaskStatus
    error_code: Optional[ErrorCode]  # no default: required, written as explicit null
    error_message: Optional[str]

    def __post_init__(self) -> None:
        broken = broken_rules(self.completed, self.status, self.error_code, self.error_message)
        if broken:
            raise ValueError("broken rules: " + ", ".join(broken))


DECODER = msgspec.json.Decoder(TaskStepResult, strict=True)


def validate_line(line: bytes) -> TaskStepResult:
    return DECODER.decode(line)


if __name__ == "__main__":
    main(f"msgspec {msgspec.__version__}", validate_line, (msgspec.DecodeError, ValueError, RecursionError))

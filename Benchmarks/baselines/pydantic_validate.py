#!/usr/bin/env python3
"""Baseline: pydantic 2, TypeAdapter.validate_json in strict mode, extra keys forbidden, the three rules
as a model validator, `result` as any JSON. Usage: pydantic_validate.py [--report-invalid|--report-valid] FILE
"""
from __future__ import annotations

import os
import sys
from typing import Any, Optional

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

import pydantic  # noqa: E402
from pydantic import BaseModel, ConfigDict, TypeAdapter, model_validator  # noqa: E402

from contract_py import ErrorCode, TaskStatus, broken_rules, main  # noqa: E402


class TaskStepResult(BaseModel):
    model_config = ConfigDict(strict=True, extra="forbid")

    step: str
    result: Any  # any JSON value, required (null allowed)
    completed: bool
    message: str
    status: TaskStatus
    error_code: Optional[ErrorCode]  # required, written as explicit null
    error_message: Optional[str]

    @model_validator(mode="after")
    def check_rules(self) -> "TaskStepResult":
        broken = broken_rules(self.completed, self.status, self.error_code, self.error_message)
        if broken:
            raise ValueError("broken rules: " + ", ".join(broken))
        return self


ADAPTER = TypeAdapter(TaskStepResult)


def validate_line(line: bytes) -> TaskStepResult:
    return ADAPTER.validate_json(line, strict=True)


if __name__ == "__main__":
    # RecursionError and UnicodeError are caught too so that no line stops the run; pydantic reports
    # almost everything as ValidationError (a ValueError).
    main(f"pydantic {pydantic.VERSION}", validate_line, (ValueError, RecursionError))

#!/usr/bin/env python3
"""The generated Python decoder (packages/python, `TaskStepResult.from_json`) on the benchmark corpus, with the
same driver as the pydantic and msgspec baselines. Usage: execution_contracts_validate.py [--report-invalid|
--report-valid] FILE. Runs with the package on the path (no install needed) or installed.
"""
from __future__ import annotations

import os
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
sys.path.insert(0, os.path.join(HERE, "..", "..", "packages", "python"))

from contract_py import main  # noqa: E402
from execution_contracts import RecordError  # noqa: E402
from execution_contracts.execution import TaskStepResult  # noqa: E402

if __name__ == "__main__":
    main("execution_contracts", TaskStepResult.from_json, (RecordError,))

#!/usr/bin/env python3
"""The generated Python decoder against pydantic 2 in ONE process, chunk by chunk in alternation (issue 17, item 7).

Whole-process runs on a shared, noisy machine move by ±30 % from one run to the next; alternating chunks of 1,000
lines within one process gives both sides the same moments of the machine, as the TypeScript benchmark does. Each
round times every chunk with ours, then with pydantic (the order swapped every other chunk), and its ratio is the
sum of pydantic's times over the sum of ours; the median of the rounds' ratios is reported.

  python3 -m venv /tmp/pyd && /tmp/pyd/bin/pip install pydantic
  /tmp/pyd/bin/python Benchmarks/baselines/python_interleaved_vs_pydantic.py /tmp/corpus-200k.jsonl [--rounds 5]

Runs with an interpreter that has pydantic; our decoder needs only the standard library (packages/python on the path).
Both must give every line the same verdict, except the lines pydantic is known to accept wrongly (it is less strict).
"""
from __future__ import annotations

import argparse
import os
import statistics
import sys
import time

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
sys.path.insert(0, os.path.join(HERE, "..", "..", "packages", "python"))

import pydantic  # noqa: E402

from execution_contracts import RecordError  # noqa: E402
from execution_contracts.execution import TaskStepResult  # noqa: E402
from pydantic_validate import validate_line as pydantic_line  # noqa: E402

CHUNK = 1000


def timed(validate, errors, chunk) -> tuple[float, int]:
    invalid = 0
    started = time.perf_counter()
    for line in chunk:
        try:
            validate(line)
        except errors:
            invalid += 1
    return time.perf_counter() - started, invalid


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("corpus")
    parser.add_argument("--rounds", type=int, default=5)
    arguments = parser.parse_args()
    with open(arguments.corpus, "rb") as file:
        lines = [line[:-1] if line.endswith(b"\n") else line for line in file]
    chunks = [lines[start:start + CHUNK] for start in range(0, len(lines), CHUNK)]
    ours = (TaskStepResult.from_json, (RecordError,))
    theirs = (pydantic_line, (ValueError, RecursionError))
    ratios = []
    for round_number in range(1, arguments.rounds + 1):
        ours_seconds = theirs_seconds = 0.0
        ours_invalid = theirs_invalid = 0
        for index, chunk in enumerate(chunks):
            order = (ours, theirs) if index % 2 == 0 else (theirs, ours)
            for validate, errors in order:
                seconds, invalid = timed(validate, errors, chunk)
                if validate is ours[0]:
                    ours_seconds += seconds
                    ours_invalid += invalid
                else:
                    theirs_seconds += seconds
                    theirs_invalid += invalid
        ratios.append(theirs_seconds / ours_seconds)
        print(f"round {round_number}: ours {len(lines) / ours_seconds:,.0f} records/s ({ours_invalid} invalid); "
              f"pydantic {pydantic.VERSION} {len(lines) / theirs_seconds:,.0f} records/s ({theirs_invalid} invalid); "
              f"ratio {ratios[-1]:.3f}")
    print(f"median ratio ours / pydantic over {arguments.rounds} rounds (records/s, same process, alternating "
          f"{CHUNK}-line chunks): {statistics.median(ratios):.3f} (target >= 0.5)")
    return 0


if __name__ == "__main__":
    sys.exit(main())

#!/usr/bin/env python3
"""Side-by-side benchmark of the generated Python decoder (packages/python) against pydantic 2 (issue 17, item 7).

Runs `execution_contracts_validate.py` (TaskStepResult.from_json per line) and `pydantic_validate.py`
(TypeAdapter.validate_json, strict, extra forbidden, rules as a model validator) in turn, A B A B ..., on the same
corpus, and prints each round's records/s (the read-and-validate loop each driver times itself, and the whole
process) and the median of the per-round ratios, so a machine whose speed drifts still gives a fair ratio.

  python3 Benchmarks/corpus/make_corpus.py --records 200000 --invalid-every 1000 --out /tmp/corpus-200k.jsonl
  python3 -m venv /tmp/pyd && /tmp/pyd/bin/pip install pydantic
  python3 Benchmarks/baselines/python_runtime_vs_pydantic.py --pydantic-python /tmp/pyd/bin/python \
      /tmp/corpus-200k.jsonl

Our decoder needs only the standard library; it runs with this interpreter (or --python). Also checks that both
accept and refuse the same lines except where pydantic is known to be less strict (the corpus README lists them).
"""

from __future__ import annotations

import argparse
import json
import statistics
import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent


def run(python: str, script: str, corpus: str) -> tuple[dict[str, object], float]:
    started = time.perf_counter()
    completed = subprocess.run([python, str(HERE / script), corpus], capture_output=True, text=True, check=True)
    wall = time.perf_counter() - started
    return json.loads(completed.stdout.strip().splitlines()[-1]), wall


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("corpus")
    parser.add_argument("--python", default=sys.executable, help="the interpreter for our decoder")
    parser.add_argument("--pydantic-python", required=True, help="an interpreter with pydantic 2 installed")
    parser.add_argument("--rounds", type=int, default=5)
    arguments = parser.parse_args()
    loop_ratios: list[float] = []
    wall_ratios: list[float] = []
    for round_number in range(1, arguments.rounds + 1):
        ours, ours_wall = run(arguments.python, "execution_contracts_validate.py", arguments.corpus)
        theirs, theirs_wall = run(arguments.pydantic_python, "pydantic_validate.py", arguments.corpus)
        records = int(ours["records"])  # type: ignore[call-overload]
        ours_rate = records / float(ours["seconds"])  # type: ignore[arg-type]
        theirs_rate = records / float(theirs["seconds"])  # type: ignore[arg-type]
        loop_ratios.append(ours_rate / theirs_rate)
        wall_ratios.append(theirs_wall / ours_wall)
        print(f"round {round_number}: ours {ours_rate:,.0f} records/s (valid {ours['valid']}, "
              f"invalid {ours['invalid']}, wall {ours_wall:.2f} s); {theirs['tool']} {theirs_rate:,.0f} records/s "
              f"(valid {theirs['valid']}, "
              f"invalid {theirs['invalid']}, wall {theirs_wall:.2f} s); ratio loop {loop_ratios[-1]:.2f}, "
              f"wall {wall_ratios[-1]:.2f}")
    print(f"median ratio over {arguments.rounds} rounds (ours / pydantic, records/s): loop "
          f"{statistics.median(loop_ratios):.2f}, whole process {statistics.median(wall_ratios):.2f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())

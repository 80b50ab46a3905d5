#!/usr/bin/env python3
"""Differential test of the Python decoders against the Swift oracle, ``contractgen validate``.

Seeded mutations of seed records (the mutations of the Swift differential tests, plus byte-level, Unicode,
number, escape and nesting ones) are judged by both; every record must get the same verdict, and an
invalid one the same category and path. Every record Python accepts must also round-trip exactly:
``from_json(to_json(v)) == v`` with ``to_json`` written the same again. Schemas are copied to a temporary
directory (the oracle is never run on files of the repository).

Usage:
  run_differential.py [--contractgen PATH] [--count N] [--seed S] [--schema NAME ...] [--show K]

Exit 0 when nothing disagrees, 1 otherwise. Standard library only; no network.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

HERE = Path(__file__).resolve().parent
PACKAGE = HERE.parent.parent
REPOSITORY = PACKAGE.parent.parent
sys.path.insert(0, str(PACKAGE))
sys.path.insert(0, str(PACKAGE / "tests"))

from execution_contracts import JSONLimits, RecordError, json_equal  # noqa: E402

# Small limits, so that mutated records reach each of them; the oracle gets the same as command-line options.
SMALL_LIMITS = JSONLimits(max_depth=4, max_string_length=24, max_keys_per_object=6, max_input_length=300)
SMALL_LIMIT_OPTIONS = ["--max-depth", "4", "--max-string-bytes", "24", "--max-keys", "6", "--max-line-bytes", "300"]


@dataclass
class Target:
    """A schema, one of its models, its Python class and seed records."""

    name: str
    schema: Path
    model: str
    decode: Callable[..., object]
    seeds: list[bytes]


def seed_lines(path: Path) -> list[bytes]:
    return [line for line in path.read_bytes().split(b"\n") if line.strip()]


def targets(names: list[str]) -> dict[str, Target]:
    from execution_contracts import execution
    records = REPOSITORY / "Tests" / "Fixtures" / "records"
    execution_seeds = seed_lines(records / "execution_valid.jsonl") + seed_lines(records / "execution_invalid.jsonl")
    corpus = subprocess.run([sys.executable, str(REPOSITORY / "Benchmarks" / "corpus" / "make_corpus.py"),
                             "--records", "300", "--seed", "11"], capture_output=True, check=True).stdout
    execution_seeds += [line for line in corpus.split(b"\n") if line][:300]
    found = {"execution": Target("execution", REPOSITORY / "schema" / "execution.yaml", "TaskStepResult",
                                 execution.TaskStepResult.from_json, execution_seeds)}
    if "task_pipeline" in names:
        from execution_contracts import task_pipeline
        found["task_pipeline"] = Target("task_pipeline", REPOSITORY / "schema" / "task_pipeline.yaml", "SubTask",
                                        task_pipeline.SubTask.from_json,
                                        seed_lines(HERE / "seeds" / "task_pipeline.jsonl"))
    for name, model in [("agent_run", "AgentRun"), ("execution_feed", "ExecutionUpdate")]:
        if name in names:
            module = __import__(f"execution_contracts.{name}", fromlist=[model])
            found[name] = Target(name, REPOSITORY / "schema" / f"{name}.yaml", model,
                                 getattr(module, model).from_json, seed_lines(HERE / "seeds" / f"{name}.jsonl"))
    if "everything" in names:
        from everything import everything
        found["everything"] = Target("everything", PACKAGE / "tests" / "everything" / "everything.yaml", "Envelope",
                                     everything.Envelope.from_json, seed_lines(HERE / "seeds" / "everything.jsonl"))
    return found


REPLACEMENTS = [
    "null", "true", "false", "1", "1.5", '"x"', "[]", "{}", '"completed"', '"E003"', '"failed"', '"success"', "-0",
    "1e400", '"\\ud800"', "1.0", "-0.0", "1e2", '{"b":1.0,"a":[2,{"d":null,"c":0e3}]}', '[{"y":1,"x":2}]',
    "9223372036854775807", "9223372036854775808", "-9223372036854775808", "-9223372036854775809",
    "12345678901234567890123", "1e308", "2e308", "-1e-400", "0.1e1", "1E+2", '"2026-02-26T10:30:00Z"',
    '"2026-02-26T10:30:00.123456789+01:00"', '"2026-02-30T10:30:00Z"', '"PENDING"', '"QUEUED"', '"P002"',
    '"workflow"', '"agent\\u005ftest"', '"\\u0063ompleted"', '"comple\\u0074ed"', '["a","b"]', '[null]', '{"k":null}',
    '{"k":"v","k":"w"}', '"\\ud83d\\ude00"', '"\\ud83dA"', '"\\udc00"', '"a\\u0000b"', "nul", "tru", "nullx", "01",
    "-", "1.", ".5", "+1", "0x10", "NaN", "-Infinity", "'x'", '"\t"', '"é"', '"e\u0301"', '"\\/"', '"\\x"',
    "[[[[[[[[[[]]]]]]]]]]", '{"a":{"b":{"c":{"d":{}}}}}', "[1,]", "{,}", '{"a" 1}', "[1 2]", " 1 ", "3.0e-7",
    '"K\u212a"', '"BLOC\u212aED"', '"PENDING "', '"\\u212a"',
]
STATUS_WORDS = ['"completed"', '"failed"', '"pending"', "null", '"QUEUED"', '"FAILED"', '"E003"', '"P002"', "0", "3"]
STATUS_REPLACEMENTS = ['"running"', '"timed_out"', '"E001"', '""', '"BLOCKED"', '"COMPLETED"', '"P005"', "-1", "4",
                       '"success"', '"error"']


def mutate(seed: bytes, rng: random.Random) -> bytes:
    """One seeded mutation of ``seed``."""
    data = bytearray(seed)
    choice = rng.randrange(14)
    if choice == 0 and len(data) > 2:
        del data[rng.randrange(len(data) - 1):]
    elif choice == 1 and data:
        data[rng.randrange(len(data))] = rng.randrange(256)
    elif choice == 2:
        colons = [i for i, b in enumerate(data) if b == 0x3A]
        if colons:
            colon = rng.choice(colons)
            ends = [i for i in range(colon + 1, len(data)) if data[i] in (0x2C, 0x7D)]
            if ends:
                data[colon + 1:ends[0]] = rng.choice(REPLACEMENTS).encode()
    elif choice == 3:
        comma, brace = data.rfind(b","), data.rfind(b"}")
        if 0 <= comma < brace:
            if rng.random() < 0.5:
                del data[comma:brace]
            else:
                data[brace:brace] = data[comma:brace]
    elif choice == 4:
        data.insert(rng.randrange(len(data) + 1), rng.randrange(128))
    elif choice == 5:
        text = data.decode("utf-8", "surrogateescape")
        text = text.replace(rng.choice(STATUS_WORDS), rng.choice(STATUS_REPLACEMENTS), 1)
        data = bytearray(text.encode("utf-8", "surrogateescape"))
    elif choice == 6:
        junk = rng.choice([b"\x80", b"\xc0\xaf", b"\xed\xa0\x80", b"\xf4\x90\x80\x80", b"\xe7\xa7", b"\xff",
                           b"\xef\xbb\xbf", "é".encode(), "😀".encode(), b"\x00", b"\x1f", b"\x7f", b"\r", b"\t"])
        position = rng.randrange(len(data) + 1)
        data[position:position] = junk
    elif choice == 7:
        # Escape one letter of a key or string: "step" → "\u0073tep", a duplicate in disguise.
        letters = [i for i, b in enumerate(data) if 0x61 <= b <= 0x7A]
        if letters:
            i = rng.choice(letters)
            data[i:i + 1] = f"\\u{data[i]:04x}".encode()
    elif choice == 8:
        # Rename one key to a near miss or a non-identifier.
        quotes = [i for i, b in enumerate(data) if b == 0x22]
        if len(quotes) >= 2:
            i = rng.randrange(len(quotes) - 1)
            start, end = quotes[i] + 1, quotes[i + 1]
            data[start:end] = rng.choice([b"a b", b"", b"x\\ny", b"step_", b"\xc3\xa9", b"1st", b"_", b"error code"])
    elif choice == 9:
        # Wrap a value in deep nesting.
        depth = rng.choice([3, 511, 512, 513, 600])
        colon = data.find(b":")
        if colon >= 0:
            data[colon + 1:colon + 1] = b"[" * depth
            end = data.find(b",", colon + 1 + depth)
            position = end if end >= 0 else len(data) - 1
            data[position:position] = b"]" * depth
    elif choice == 10:
        # Whitespace of every kind, valid and not, somewhere structural.
        positions = [i for i, b in enumerate(data) if b in (0x2C, 0x3A, 0x7B, 0x7D, 0x5B, 0x5D)]
        if positions:
            position = rng.choice(positions) + rng.choice([0, 1])
            data[position:position] = rng.choice([b" ", b"\t", b"\r", b"\x0b", b"\x0c", b"\xc2\xa0", b"  \t "])
    elif choice == 11:
        data = bytearray(rng.choice([b" ", b"", b"\xef\xbb\xbf", b"\xfe\xff"])) + data + rng.choice(
            [b"", b" ", b"x", b"}", b",", b" {}", b"\t\r", b"\x00"])
    elif choice == 12:
        # Swap two members, or move a key's value into another's place.
        commas = [i for i, b in enumerate(data) if b == 0x2C]
        if len(commas) >= 2:
            a, b = sorted(rng.sample(commas, 2))
            data = data[:a] + data[b:] + data[a:b] if rng.random() < 0.5 else data[:a] + data[a:b] * 2 + data[b:]
    else:
        # Two mutations at once.
        return mutate(mutate(bytes(data), rng), rng)
    return bytes(data)


def oracle(contractgen: str, schema: Path, model: str, records: list[bytes], accept_legacy: bool,
           workdir: Path, options: list[str]) -> dict[int, tuple[str, str]]:
    """What ``contractgen validate`` says of each record: {index: (category, path)} for invalid ones."""
    lines = workdir / "records.jsonl"
    lines.write_bytes(b"\n".join(records) + b"\n")
    command = [contractgen, "validate", "--schema", str(schema), "--model", model, "--format", "json",
               "--max-errors", str(len(records) + 1), "--no-progress", str(lines)]
    if accept_legacy:
        command.append("--accept-legacy")
    command += options
    completed = subprocess.run(command, capture_output=True, cwd=workdir)
    if completed.returncode not in (0, 1):
        raise SystemExit(f"contractgen failed ({completed.returncode}): {completed.stderr.decode(errors='replace')}")
    verdicts: dict[int, tuple[str, str]] = {}
    for line in completed.stdout.decode().splitlines():
        finding = json.loads(line)
        verdicts[finding["line"] - 1] = (finding["category"], finding["path"])
    return verdicts


def python_verdict(decode: Callable[..., object], record: bytes, accept_legacy: bool,
                   limits: JSONLimits | None) -> tuple[str, str] | object:
    try:
        return decode(record, accept_legacy=accept_legacy, limits=limits)
    except RecordError as error:
        return (error.category, error.path)


def round_trip_problem(value: object) -> str | None:
    """Why ``value`` does not survive encoding and decoding exactly, or None."""
    try:
        encoded = value.to_json()  # type: ignore[attr-defined]
    except ValueError as error:
        # A timestamp outside the years RFC 3339 can write (read from an offset in year 0000 or 9999).
        return None if "RFC 3339" in str(error) else f"to_json raised {error!r}"
    again = type(value).from_json(encoded)  # type: ignore[attr-defined]
    if again.to_json() != encoded:
        return f"to_json differs after a round trip: {encoded!r} then {again.to_json()!r}"
    if not json_equal(json.loads(encoded), json.loads(again.to_json())):
        return "values differ after a round trip"
    # Timestamps are written to the microsecond (as Swift writes them), so compare what is written.
    if type(value).from_dict(value.to_dict()).to_json() != encoded:  # type: ignore[attr-defined]
        return "from_dict(to_dict(v)) writes differently"
    return None


def generate(target: Target, count: int, rng: random.Random) -> Iterator[bytes]:
    yield from target.seeds
    for _ in range(count):
        record = mutate(rng.choice(target.seeds), rng)
        # The oracle reads JSON Lines: a record cannot hold a line feed, and an empty line is another case.
        if b"\n" not in record and record.strip(b" \t\r"):
            yield record


def run(target: Target, contractgen: str, count: int, seed: int, show: int) -> int:
    rng = random.Random(f"{seed}:{target.name}")
    records = list(generate(target, count, rng))
    failures: list[str] = []
    counts = {"records": 0, "valid": 0, "invalid": 0}
    with tempfile.TemporaryDirectory() as directory:
        workdir = Path(directory)
        schema = workdir / target.schema.name
        shutil.copy(target.schema, schema)
        for accept_legacy, limits in ((False, None), (True, None), (False, SMALL_LIMITS)):
            options = SMALL_LIMIT_OPTIONS if limits else []
            expected = oracle(contractgen, schema, target.model, records, accept_legacy, workdir, options)
            for index, record in enumerate(records):
                counts["records"] += 1
                got = python_verdict(target.decode, record, accept_legacy, limits)
                want = expected.get(index)
                if isinstance(got, tuple):
                    counts["invalid"] += 1
                    if got != want:
                        failures.append(f"{record!r} (legacy={accept_legacy}, limits={limits is not None}): "
                                        f"Swift {want}, Python {got}")
                else:
                    counts["valid"] += 1
                    if want is not None:
                        failures.append(f"{record!r} (legacy={accept_legacy}, limits={limits is not None}): "
                                        f"Swift {want}, Python accepts")
                    elif limits is None:
                        problem = round_trip_problem(got)
                        if problem:
                            failures.append(f"{record!r}: {problem}")
    print(f"{target.name}: {counts['records']} verdicts ({counts['valid']} valid, {counts['invalid']} invalid), "
          f"{len(failures)} disagreements")
    for failure in failures[:show]:
        print("  " + failure[:600])
    return len(failures)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    default_contractgen = str(REPOSITORY / ".build" / "debug" / "contractgen")
    parser.add_argument("--contractgen", default=os.environ.get("CONTRACTGEN", default_contractgen))
    parser.add_argument("--count", type=int, default=3000)
    parser.add_argument("--seed", type=int, default=0x5EED)
    parser.add_argument("--schema", action="append", choices=["execution", "task_pipeline", "agent_run", "execution_feed", "everything"])
    parser.add_argument("--show", type=int, default=20)
    arguments = parser.parse_args()
    if not Path(arguments.contractgen).exists():
        fallback = Path("/work/main/.build/debug/contractgen")
        if fallback.exists():
            arguments.contractgen = str(fallback)
        else:
            print(f"no contractgen at {arguments.contractgen}; build it or pass --contractgen", file=sys.stderr)
            return 2
    names = arguments.schema or ["execution", "task_pipeline", "agent_run", "execution_feed", "everything"]
    all_targets = targets(names)
    total = 0
    for name in names:
        total += run(all_targets[name], arguments.contractgen, arguments.count, arguments.seed, arguments.show)
    print(f"{total} disagreements in all")
    return 0 if total == 0 else 1


if __name__ == "__main__":
    sys.exit(main())

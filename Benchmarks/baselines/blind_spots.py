#!/usr/bin/env python3
"""Feeds the blind-spot lines of corpus/make_corpus.py (duplicate keys, NaN/Infinity, 1e400, a 401-digit
integer, lone surrogate escapes, a UTF-8 BOM, CESU-8 surrogates, deep nesting) to Python's json module,
pydantic and msgspec, and, when built, to contractgen validate and the Swift DecodeBenchmarks (generated decoder and Foundation's
JSONDecoder), then prints a Markdown table of who accepts what. Every one of these lines is invalid: a
tool that says "accepts" misses it.

Usage: blind_spots.py [--all] [--decode-benchmarks PATH] [--contractgen PATH] [--schema FILE]
  --all                  every invalid case, not only the blind spots
  --decode-benchmarks    the DecodeBenchmarks binary (default: ../.build/release/DecodeBenchmarks if present)
  --contractgen          contractgen with a validate subcommand (default: ../../.build/release/contractgen);
                         its column shows the category it reported
Run it with the interpreter that has pydantic and msgspec (the columns say n/a otherwise).
The json column shows what json.loads made of the line when it accepted it.
"""
from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
sys.path.insert(0, os.path.join(HERE, "..", "corpus"))

from make_corpus import INVALID_CASES  # noqa: E402

try:
    import pydantic_validate
except ImportError as error:  # pydantic not installed in this interpreter
    pydantic_validate = None
    print(f"note: pydantic unavailable ({error})", file=sys.stderr)
try:
    import msgspec_validate
except ImportError as error:
    msgspec_validate = None
    print(f"note: msgspec unavailable ({error})", file=sys.stderr)


def json_module(line: bytes) -> str:
    """json.loads on the line; when it accepts, what it made of the blind spot (first one found)."""
    duplicates = []

    def pairs(items):
        keys = [k for k, _ in items]
        duplicates.extend(k for i, k in enumerate(keys) if k in keys[:i])
        return dict(items)

    try:
        value = json.loads(line, object_pairs_hook=pairs)
    except (ValueError, RecursionError) as error:
        return f"rejects ({type(error).__name__})"
    notes = []
    if duplicates:
        notes.append(f"duplicate {duplicates[0]!r}, last wins")

    def walk(item, depth=1):
        if notes or depth > 50:
            return
        if isinstance(item, float) and item != item or item in (float("inf"), float("-inf")):
            notes.append(f"got {item!r}")
        elif isinstance(item, int) and not isinstance(item, bool) and abs(item) >= 1 << 64:
            notes.append(f"got a {len(str(abs(item)))}-digit int")
        elif isinstance(item, str) and any(0xD800 <= ord(c) <= 0xDFFF for c in item):
            at = next(i for i, c in enumerate(item) if 0xD800 <= ord(c) <= 0xDFFF)
            notes.append(f"got {item[max(0, at - 3):at + 2]!r}")
        elif isinstance(item, dict):
            for key, member in item.items():
                walk(key, depth)
                walk(member, depth + 1)
        elif isinstance(item, list):
            for member in item:
                walk(member, depth + 1)

    walk(value)
    return "accepts" + (f" ({notes[0]})" if notes else "")


def model(module, line: bytes) -> str:
    if module is None:
        return "n/a"
    try:
        module.validate_line(line)
    except Exception as error:  # noqa: BLE001 - any failure is a rejection here
        return f"rejects ({type(error).__name__})"
    return "accepts"


def swift(binary: str, mode: str, lines: list) -> list:
    """Runs DecodeBenchmarks --report-valid on the lines; returns accepts/rejects per line."""
    with tempfile.NamedTemporaryFile("wb", suffix=".jsonl", delete=False) as file:
        file.write(b"\n".join(lines) + b"\n")
    try:
        done = subprocess.run([binary, "--mode", mode, "--report-valid", file.name],
                              capture_output=True, check=True)
    finally:
        os.unlink(file.name)
    accepted = {int(n) for n in done.stderr.split()}
    return ["accepts" if i in accepted else "rejects" for i in range(1, len(lines) + 1)]


def contractgen(binary: str, schema: str, lines: list) -> list:
    """Runs contractgen validate --format json on the lines; returns accepts/the category per line."""
    with tempfile.NamedTemporaryFile("wb", suffix=".jsonl", delete=False) as file:
        file.write(b"\n".join(lines) + b"\n")
    try:
        done = subprocess.run([binary, "validate", "--schema", schema, "--format", "json", "--no-progress",
                               file.name], capture_output=True)
    finally:
        os.unlink(file.name)
    if done.returncode > 1:
        raise RuntimeError(done.stderr.decode(errors="replace"))
    found = {}
    for row in done.stdout.splitlines():
        finding = json.loads(row)
        found.setdefault(int(finding["line"]), finding["category"])
    return [f"rejects ({found[i]})" if i in found else "accepts" for i in range(1, len(lines) + 1)]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--all", action="store_true")
    parser.add_argument("--decode-benchmarks", default=os.path.join(HERE, "..", ".build", "release", "DecodeBenchmarks"))
    parser.add_argument("--contractgen", default=os.path.join(HERE, "..", "..", ".build", "release", "contractgen"))
    parser.add_argument("--schema", default=os.path.join(HERE, "..", "..", "schema", "execution.yaml"))
    args = parser.parse_args()
    cases = [c for c in INVALID_CASES if args.all or c.blind_spot]
    columns = {"json module": [json_module(c.line) for c in cases],
               "pydantic": [model(pydantic_validate, c.line) for c in cases],
               "msgspec": [model(msgspec_validate, c.line) for c in cases]}
    if os.access(args.contractgen, os.X_OK) and subprocess.run(
            [args.contractgen, "validate", "--help"], capture_output=True).returncode == 0:
        columns["contractgen validate"] = contractgen(args.contractgen, args.schema, [c.line for c in cases])
    else:
        print(f"note: {args.contractgen} not built or without 'validate'; column left out", file=sys.stderr)
    if os.access(args.decode_benchmarks, os.X_OK):
        lines = [c.line for c in cases]
        columns["Swift generated"] = swift(args.decode_benchmarks, "generated", lines)
        columns["Swift JSONDecoder+Codable"] = swift(args.decode_benchmarks, "codable", lines)
    else:
        print(f"note: {args.decode_benchmarks} not built; Swift columns left out", file=sys.stderr)
    versions = []
    if pydantic_validate:
        versions.append(f"pydantic {pydantic_validate.pydantic.VERSION}")
    if msgspec_validate:
        versions.append(f"msgspec {msgspec_validate.msgspec.__version__}")
    print(f"Python {sys.version.split()[0]}; " + "; ".join(versions) + "\n")
    print("| case | expected | " + " | ".join(columns) + " |")
    print("|---|---|" + "---|" * len(columns))
    for index, case in enumerate(cases):
        cells = []
        for values in columns.values():
            value = values[index]
            cells.append(f"**{value}**" if value.startswith("accepts") else value)
        print(f"| {case.id} | {case.category} | " + " | ".join(cells) + " |")
    missed = {name: sum(v.startswith("accepts") for v in values) for name, values in columns.items()}
    print("\naccepted (missed) out of %d: " % len(cases) + ", ".join(f"{k} {v}" for k, v in missed.items()))
    return 0


if __name__ == "__main__":
    sys.exit(main())

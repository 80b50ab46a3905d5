"""Validates JSON Lines records against an exported JSON Schema with the independent `jsonschema` package.

usage: validate_records.py SCHEMA.json RECORDS.jsonl...
Checks the schema against the draft 2020-12 meta-schema first (exit 1 if it is invalid), then prints
one JSON line per record: {"file", "line", "valid", "error"}.
"""
import json
import sys

from jsonschema import Draft202012Validator

with open(sys.argv[1], encoding="utf-8") as f:
    schema = json.load(f)
Draft202012Validator.check_schema(schema)
validator = Draft202012Validator(schema)
for path in sys.argv[2:]:
    with open(path, encoding="utf-8") as f:
        for number, line in enumerate(f, 1):
            if not line.strip():
                continue
            errors = sorted(validator.iter_errors(json.loads(line)), key=lambda e: list(e.absolute_path))
            print(json.dumps({"file": path, "line": number, "valid": not errors,
                              "error": errors[0].message if errors else None}))

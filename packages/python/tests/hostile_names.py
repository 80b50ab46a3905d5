#!/usr/bin/env python3
"""Generates Python for contracts whose names are hostile to Python: keywords, soft keywords, builtins, the
names generated modules use themselves (``dataclasses``, ``rt``, ``self``, ``from_json``, ``_spec``, ...) and
names Python mangles (``__x``), in every role a schema gives a name. Every schema the linter accepts is
generated with ``contractgen generate --language python`` into OUTPUT (a package, with its runtime) and
imported here; scripts/python-checks.sh then runs ``mypy --strict`` on it. A schema the linter refuses must
be refused with a located error, never a crash.

Usage: hostile_names.py --contractgen PATH --output DIR      Exit 0 when every accepted schema imports.
"""

from __future__ import annotations

import argparse
import builtins
import importlib
import keyword
import re
import subprocess
import sys
import tempfile
from pathlib import Path

GENERATED_NAMES = [
    "dataclasses", "enum", "typing", "rt", "annotations", "self", "cls", "to", "record", "unmet", "kind", "error",
    "violations", "from_json", "from_dict", "to_json", "to_dict", "validate", "_spec", "value", "name", "values",
    "initial", "legacy_values", "is_terminal", "outcome", "allowed_transitions", "can_transition", "transition",
    "_unmet_guard", "category", "is_retryable", "default_message", "status", "for_failure", "normalize", "mro",
    "__x", "__init", "_x", "x_", "CONTRACT_NAME", "CONTRACT_VERSION", "RETRY_POLICY", "Final", "Mapping",
    "ContractModel", "Timestamp", "JSONValue", "Field", "ModelSpec", "Outcome", "RuleViolation", "_missing_",
    "_generate_next_value_", "__slots__", "__dict__", "_fields", "__future__",
]


def candidates() -> list[str]:
    names = set(keyword.kwlist) | set(keyword.softkwlist) | set(dir(builtins)) | set(GENERATED_NAMES)
    # Type names are UpperCamelCase: also try each candidate capitalised (None, True, BaseException, Enum, ...).
    names |= {name[:1].upper() + name[1:] for name in list(names) if name[:1].isalpha()}
    return sorted(n for n in names if re.fullmatch(r"[A-Za-z_][A-Za-z0-9_]*", n))


def quoted(name: str) -> str:
    return "'" + name.replace("'", "''") + "'"


def q(name: str) -> str:
    return quoted(name)


def field_schema(names: list[str]) -> str:
    fields = "".join(f"      {n}: {{ type: int, default: 0 }}\n" for n in names)
    return f"models:\n  M:\n    fields:\n{fields}      zz_other: {{ type: string, nullable: true }}\n"


def field_in_rule_schema(names: list[str]) -> str:
    fields = "".join(f"      {n}: {{ type: int, default: 0 }}\n" for n in names)
    rules = "".join(f"      - {{ id: rule_{i}, check: \"flag implies {n} >= 0\" }}\n" for i, n in enumerate(names))
    return f"models:\n  M:\n    fields:\n{fields}      flag: {{ type: bool, default: false }}\n    rules:\n{rules}"


def model_schema(names: list[str]) -> str:
    lifecycles = "".join(f"""  L{i}:
    initial: a
    record: {n}
    states:
      a: {{}}
      b: {{ terminal: true, outcome: success }}
    transitions:
      a: [{{ to: b, when: "count > 0" }}]
""" for i, n in enumerate(names))
    models = "".join(f"""  {n}:
    fields:
      count: {{ type: int }}
      children: {{ type: "list<{n}>", default: [] }}
      named: {{ type: "map<{n}>", default: {{}} }}
""" for n in names)
    return f"lifecycles:\n{lifecycles}models:\n{models}"


def enum_schema(names: list[str], open_: bool = False) -> str:
    enums = "".join(f"  {n}:\n    open: {str(open_).lower()}\n    values: [a, b]\n" for n in names)
    fields = "".join(f"      e{i}: {{ type: {n}, default: a }}\n      m{i}: {{ type: \"map<{n}>\", default: {{}} }}\n"
                     for i, n in enumerate(names))
    rules = "".join(f"      - {{ id: known_{i}, check: \"e{i} in [a, b]\" }}\n" for i, _ in enumerate(names))
    return f"enums:\n{enums}models:\n  M:\n    fields:\n{fields}    rules:\n{rules}"


def lifecycle_schema(names: list[str]) -> str:
    lifecycles = "".join(f"""  {n}:
    initial: a
    states:
      a: {{}}
      b: {{ terminal: true, outcome: failure }}
    transitions:
      a: [b]
    legacy: {{ old: b }}
    retry: {{ max_retries: 2, initial_delay_ms: 10, max_delay_ms: 100 }}
""" for n in names)
    errors = "".join(f"""  E{i}:
    lifecycle: {n}
    codes:
      X1: {{ name: x_one, category: system, retryable: true, status: b }}
    normalize: {{ default: X1 }}
""" for i, n in enumerate(names))
    fields = "".join(f"      s{i}: {{ type: {n}, default: a }}\n" for i, n in enumerate(names))
    rules = "".join(f"      - {{ id: not_b_{i}, check: \"s{i} != b\" }}\n" for i, _ in enumerate(names))
    return f"lifecycles:\n{lifecycles}errors:\n{errors}models:\n  M:\n    fields:\n{fields}    rules:\n{rules}"


def catalog_schema(names: list[str]) -> str:
    errors = "".join(f"""  {n}:
    codes:
      X1: {{ name: x_one, category: system, retryable: false }}
    normalize: {{ default: X1 }}
""" for n in names)
    fields = "".join(f"      e{i}: {{ type: {n}, nullable: true, default: null }}\n" for i, n in enumerate(names))
    return f"errors:\n{errors}models:\n  M:\n    fields:\n{fields}"


def enum_value_schema(names: list[str]) -> str:
    values = ", ".join(q(n) for n in names)
    return (f"enums:\n  E:\n    values: [{values}, zz_other]\nmodels:\n  M:\n    fields:\n"
            f"      e: {{ type: E, default: {q(names[0])} }}\n    rules:\n"
            + f"      - {{ id: known, check: \"e in [{', '.join(names)}, zz_other]\" }}\n"
            + f"      - {{ id: not_other, check: \"e != zz_other\" }}\n")


def state_schema(names: list[str]) -> str:
    states = "".join(f"      {q(n)}: {{ terminal: true, outcome: success }}\n" for n in names)
    targets = ", ".join(q(n) for n in names)
    return (f"lifecycles:\n  L:\n    initial: zz_start\n    states:\n      zz_start: {{}}\n{states}"
            f"    transitions:\n      zz_start: [{targets}]\n")


def code_name_schema(names: list[str]) -> str:
    codes = "".join(f"      X{i}: {{ name: {q(n)}, category: client, retryable: false }}\n" for i, n in enumerate(names))
    return f"errors:\n  E:\n    codes:\n{codes}    normalize: {{ default: X0 }}\n"


# Each role: the schema for a list of names in that role. Every name is linted alone first; the names the
# linter accepts are then generated together, so they must also get along with each other.
ROLES = {
    "field": field_schema, "field_in_rule": field_in_rule_schema, "model": model_schema, "enum": enum_schema,
    "open_enum": lambda names: enum_schema(names, open_=True), "lifecycle": lifecycle_schema,
    "catalog": catalog_schema, "enum_value": enum_value_schema, "state": state_schema, "code_name": code_name_schema,
}
TYPE_ROLES = {"model", "enum", "open_enum", "lifecycle", "catalog"}

# Text that must reach docstrings, comments and string literals intact and harmless: quotes that would close
# them, backslashes, a trailing quote, tabs, invisible and line-breaking characters, bidirectional overrides.
HOSTILE_TEXT = 'Quotes """ and \'\'\' and \\ and \\" tab\there nel\x85x ls\u2028x rlo\u202ex del\x7fx NFD e\u0301 {braces} %s end"'


def yaml_text(text: str) -> str:
    """A YAML double-quoted scalar for `text`, every character outside printable ASCII escaped."""
    out = ['"']
    for ch in text:
        if ch in '"\\':
            out.append("\\" + ch)
        elif " " <= ch <= "~":
            out.append(ch)
        else:
            out.append(f"\\U{ord(ch):08x}")
    return "".join(out) + '"'


def hostile_text_schema() -> str:
    t = yaml_text(HOSTILE_TEXT)
    value = yaml_text("v " + HOSTILE_TEXT)
    return f"""contract: Hostile
version: 1.0.0
doc: {t}
enums:
  E:
    doc: {t}
    values:
      {value}: {{ doc: {t} }}
      plain: {{ doc: {t} }}
lifecycles:
  L:
    doc: {t}
    initial: a
    record: M
    states:
      a: {{ doc: {t} }}
      b: {{ terminal: true, outcome: success, doc: {t} }}
    transitions:
      a: [{{ to: b, when: "label != 'x'" }}]
    legacy: {{ {value}: b }}
errors:
  C:
    doc: {t}
    codes:
      {value}: {{ name: odd, category: client, retryable: false, message: {t}, doc: {t} }}
models:
  M:
    doc: {t}
    fields:
      label: {{ type: string, default: {t}, doc: {t} }}
      e: {{ type: E, default: {value} }}
    rules:
      - id: odd_text
        check: "label != ''"
        message: {t}
        doc: {t}
"""


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--contractgen", required=True)
    parser.add_argument("--output", required=True)
    arguments = parser.parse_args()
    output = Path(arguments.output)
    output.mkdir(parents=True, exist_ok=True)
    failures = 0
    generated: list[str] = []
    with tempfile.TemporaryDirectory() as scratch:
        singles: dict[str, list[tuple[Path, str]]] = {}
        for role, build in ROLES.items():
            names = [n for n in candidates() if role not in TYPE_ROLES or re.fullmatch(r"[A-Z][A-Za-z0-9]*", n)]
            for index, name in enumerate(names):
                path = Path(scratch) / f"{role}_{index:04d}.yaml"
                path.write_text(f"contract: Hostile\nversion: 1.0.0\n{build([name])}", encoding="utf-8")
                singles.setdefault(role, []).append((path, name))
        all_paths = [str(path) for entries in singles.values() for path, _ in entries]
        refused = refused_files(arguments.contractgen, all_paths)
        if refused is None:
            return 1
        combined: list[Path] = []
        for role, entries in singles.items():
            accepted = [name for path, name in entries if path.name not in refused]
            print(f"hostile names: {role}: {len(accepted)} of {len(entries)} names accepted", file=sys.stderr)
            # Names the Swift emitter would spell alike (`bool` and `Bool`, `from` and `from_`) go to different schemas.
            groups: list[list[str]] = []
            seen: dict[str, int] = {}
            for name in accepted:
                key = re.sub(r"[^a-z0-9]", "", name.lower())
                index = seen.get(key, 0)
                seen[key] = index + 1
                if index == len(groups):
                    groups.append([])
                groups[index].append(name)
            for index, group in enumerate(groups):
                path = Path(scratch) / f"hostile_{role}_{index}.yaml"
                path.write_text(f"contract: Hostile\nversion: 1.0.0\n{ROLES[role](group)}", encoding="utf-8")
                combined.append(path)
        text_schema = Path(scratch) / "hostile_text.yaml"
        text_schema.write_text(hostile_text_schema(), encoding="utf-8")
        combined.append(text_schema)
        still_refused = refused_files(arguments.contractgen, [str(path) for path in combined])
        if still_refused:
            print(f"names accepted one by one are refused together: {sorted(still_refused)}", file=sys.stderr)
            return 1
        generate = subprocess.run([arguments.contractgen, "generate", "--language", "python", "--output", str(output),
                                   "--quiet", "--", *map(str, combined)], capture_output=True, text=True)
        if generate.returncode != 0:
            print(f"contractgen generate failed (exit {generate.returncode}):\n{generate.stderr[-2000:]}", file=sys.stderr)
            return 1
        generated = [path.stem for path in combined]
    (output / "__init__.py").write_text("", encoding="utf-8")
    sys.path.insert(0, str(output.parent))
    for stem in generated:
        try:
            imported = importlib.import_module(f"{output.name}.{stem}")
            if stem == "hostile_text":
                check_hostile_text(imported)
            model = getattr(imported, "M", None)
            if model is not None and _constructible(model):
                value = model()
                if model.from_json(value.to_json()) != value:
                    raise AssertionError("the default value does not round-trip")
        except Exception as error:  # noqa: BLE001 - every failure is reported with its schema
            failures += 1
            print(f"{stem}: {type(error).__name__}: {error}", file=sys.stderr)
    print(f"hostile names: {len(generated)} modules generated and imported; {failures} failed", file=sys.stderr)
    return 1 if failures else 0


def check_hostile_text(module: object) -> None:
    """The hostile text arrives exactly where Python keeps it: docstrings, values, messages and defaults."""
    def flat(doc: str | None) -> str:
        return re.sub(r"\n *", " ", doc or "").strip(" ")
    # Docs are reflowed: a line break of any kind (NEL and LS included) becomes a space.
    reflowed = HOSTILE_TEXT.replace("\x85", " ").replace("\u2028", " ")
    for owner in [module, getattr(module, "M"), getattr(module, "E"), getattr(module, "L"), getattr(module, "C")]:
        if flat(owner.__doc__) != reflowed:
            raise AssertionError(f"docstring of {owner!r} is {owner.__doc__!r}")
    model, enumeration = getattr(module, "M"), getattr(module, "E")
    if model().label != HOSTILE_TEXT or enumeration("v " + HOSTILE_TEXT).value != "v " + HOSTILE_TEXT:
        raise AssertionError("a string default or enum value changed")
    catalog = getattr(module, "C")
    if catalog("v " + HOSTILE_TEXT).default_message != HOSTILE_TEXT:
        raise AssertionError("a catalog message changed")
    if [v.message for v in model(label="").violations()] != [HOSTILE_TEXT] or model().violations():
        raise AssertionError("the rule's message changed")


def refused_files(contractgen: str, paths: list[str]) -> set[str] | None:
    """The names of the files `contractgen lint` finds errors in; None (after saying why) when it crashed."""
    lint = subprocess.run([contractgen, "lint", "--", *paths], capture_output=True, text=True)
    if lint.returncode not in (0, 1):
        print(f"contractgen lint crashed (exit {lint.returncode}):\n{lint.stderr[-2000:]}", file=sys.stderr)
        return None
    return {Path(line.split(":", 1)[0]).name for line in lint.stderr.splitlines() + lint.stdout.splitlines()
            if ": error: " in line}


def _constructible(model: type) -> bool:
    """Whether every field of the model has a default, so ``model()`` builds a value to round-trip."""
    import dataclasses
    return all(f.default is not dataclasses.MISSING or f.default_factory is not dataclasses.MISSING
               for f in dataclasses.fields(model))


if __name__ == "__main__":
    sys.exit(main())

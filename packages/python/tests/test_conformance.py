"""The conformance vectors (conformance/vectors, docs/Conformance.md) run against the Python modules.

Every vector must pass unless conformance/known-failures/python.txt lists it, and every listed vector must still
fail, so the list cannot go stale. A module is ``execution_contracts.<schema>``, reached by the vector file's name;
the runner uses only the API of packages/python/DESIGN.md, so hand-written and generated modules both qualify.
"""

from __future__ import annotations

import importlib
import json
import os
import re
import unittest
from pathlib import Path
from types import ModuleType

import support
from execution_contracts import RecordError, TransitionError
from execution_contracts import _runtime as rt

CONFORMANCE = support.REPOSITORY / "conformance"
FORMAT = "contractgen-conformance/1"


def vector_files() -> dict[str, dict]:
    """Every vector file, by schema stem."""
    files = {}
    # CONFORMANCE_VECTORS names another directory of vector files (scripts/conformance-differential.sh writes one
    # with more seeded mutations); the known failures stay the checked-in list.
    directory = os.environ.get("CONFORMANCE_VECTORS") or CONFORMANCE / "vectors"
    for path in sorted(Path(directory).glob("*.json")):
        files[path.stem] = json.loads(path.read_text(encoding="utf-8"))
    return files


def known_failures(language: str) -> list[str]:
    """The listed ids (``SCHEMA/VECTOR-ID``, or ``SCHEMA/PREFIX*`` for every vector whose id starts so)."""
    lines = (CONFORMANCE / "known-failures" / f"{language}.txt").read_text(encoding="utf-8").splitlines()
    entries = [line.strip() for line in lines if line.strip() and not line.strip().startswith("#")]
    # Seeded mutations are listed for the checked-in vectors; a run on other ones leaves them out.
    if os.environ.get("CONFORMANCE_VECTORS"):
        entries = [entry for entry in entries if "/mutation/" not in entry]
    return entries


def input_bytes(vector: dict) -> bytes:
    if "input" in vector:
        return vector["input"].encode("utf-8")
    return bytes.fromhex(vector["input_hex"])


def upper_snake(name: str) -> str:
    return re.sub(r"(?<=[a-z0-9])(?=[A-Z])", "_", name).upper()


class Runner:
    """Runs one vector file against one module; ``failures`` maps ``SCHEMA/ID`` to what went wrong."""

    def __init__(self) -> None:
        self.failures: dict[str, str] = {}
        self.passed: set[str] = set()

    def run(self, stem: str, vectors: dict) -> None:
        for vector in vectors.get("json_documents", []):
            self.note(f"{stem}/{vector['id']}", self.json_document(vector))
        if "json_documents" in vectors:
            return
        try:
            module: ModuleType | None = importlib.import_module(f"execution_contracts.{stem}")
        except ModuleNotFoundError:
            module = None
        checks = [("records", self.record), ("mutations", self.record), ("lifecycles", self.lifecycle),
                  ("transitions", self.transition), ("guarded_transitions", self.guarded),
                  ("catalogs", self.catalog), ("retry_policies", self.retry_policy)]
        for section, check in checks:
            for vector in vectors.get(section, []):
                key = f"{stem}/{vector['id']}"
                if module is None:
                    self.failures[key] = f"no module execution_contracts.{stem}"
                    continue
                try:
                    problem = check(module, vector)
                except Exception as error:  # a crash is a failure of this vector, not of the run
                    problem = f"raised {type(error).__name__}: {error}"
                if problem is None:
                    self.passed.add(key)
                else:
                    self.failures[key] = problem

    def note(self, key: str, problem: str | None) -> None:
        if problem is None:
            self.passed.add(key)
        else:
            self.failures[key] = problem

    @staticmethod
    def json_document(vector: dict) -> str | None:
        expected = "valid" if vector["verdict"] == "valid" else f"{vector['category']} at {vector['path']}"
        try:
            rt.parse_json(input_bytes(vector))
            actual = "valid"
        except RecordError as error:
            actual = f"{error.category} at {error.path}"
        return None if actual == expected else f"expected {expected}, got {actual}"

    @staticmethod
    def record(module: ModuleType, vector: dict) -> str | None:
        model = getattr(module, vector["model"], None)
        if model is None:
            return f"no class {vector['model']}"
        expected = "valid" if vector["verdict"] == "valid" else f"{vector['category']} at {vector['path']}"
        try:
            value = model.from_json(input_bytes(vector), accept_legacy=vector["accept_legacy"])
        except RecordError as error:
            actual = f"{error.category} at {error.path}"
            return None if actual == expected else f"expected {expected}, got {actual}"
        if expected != "valid":
            return f"expected {expected}, got valid"
        encoded = value.to_json()
        again = model.from_json(encoded)
        if again != value:
            return "from_json(to_json(v)) != v"
        if again.to_json() != encoded:
            return "to_json(from_json(to_json(v))) != to_json(v)"
        return None

    @staticmethod
    def lifecycle(module: ModuleType, vector: dict) -> str | None:
        cls = getattr(module, vector["lifecycle"])
        problems = []
        if cls.initial().value != vector["initial"]:
            problems.append(f"initial {cls.initial().value}")
        if [member.value for member in cls] != [state["state"] for state in vector["states"]]:
            problems.append("states")
        for state in vector["states"]:
            member = cls(state["state"])
            if member.is_terminal != state["terminal"]:
                problems.append(f"{state['state']}.is_terminal")
            outcome = None if member.outcome is None else member.outcome.value
            if outcome != state["outcome"]:
                problems.append(f"{state['state']}.outcome {outcome}")
        legacy = {value: member.value for value, member in cls.legacy_values().items()}
        if legacy != {entry["value"]: entry["state"] for entry in vector["legacy"]}:
            problems.append(f"legacy {legacy}")
        return "; ".join(problems) or None

    @staticmethod
    def transition(module: ModuleType, vector: dict) -> str | None:
        cls = getattr(module, vector["lifecycle"])
        source, allowed = cls(vector["from"]), vector["allowed_to"]
        problems = []
        if [member.value for member in source.allowed_transitions] != allowed:
            problems.append("allowed_transitions")
        for target in cls:
            listed = target.value in allowed
            if source.can_transition(target) != listed:
                problems.append(f"can_transition({target.value}) is {not listed}")
            try:
                source.transition(target)
                moved = True
            except TransitionError:
                moved = False
            if moved != listed:
                problems.append(f"transition({target.value}) {'succeeds' if moved else 'raises'}")
        return "; ".join(problems) or None

    @staticmethod
    def guarded(module: ModuleType, vector: dict) -> str | None:
        cls = getattr(module, vector["lifecycle"])
        record = getattr(module, vector["model"]).from_json(vector["record"].encode("utf-8"))
        source, target = cls(vector["from"]), cls(vector["to"])
        if source.can_transition(target, record=record) != vector["allowed"]:
            return f"can_transition(record=) is {not vector['allowed']}"
        try:
            source.transition(target, record=record)
        except TransitionError as error:
            if not vector["allowed"] and error.unmet_guard == vector["unmet_guard"]:
                return None
            return f"unmet guard {error.unmet_guard!r}"
        return None if vector["allowed"] else "transition(record=) succeeds"

    @staticmethod
    def catalog(module: ModuleType, vector: dict) -> str | None:
        cls = getattr(module, vector["catalog"])
        problems = []
        if [member.value for member in cls] != [code["code"] for code in vector["codes"]]:
            problems.append("codes")
        for code in vector["codes"]:
            member = cls(code["code"])
            status = None if member.status is None else member.status.value
            actual = {"category": member.category.value, "retryable": member.is_retryable,
                      "message": member.default_message, "status": status}
            for key, value in actual.items():
                if value != code[key]:
                    problems.append(f"{code['code']}.{key} {value!r}")
        if vector["normalize"] is not None:
            for kind, code in vector["normalize"].items():
                actual = cls.for_failure(rt.FailureKind(kind)).value
                if actual != code:
                    problems.append(f"normalize {kind} -> {actual}")
        return "; ".join(problems) or None

    @staticmethod
    def retry_policy(module: ModuleType, vector: dict) -> str | None:
        policy = getattr(module, "RETRY_POLICY", None) or getattr(module, f"{upper_snake(vector['lifecycle'])}_RETRY_POLICY")
        problems = []
        if policy.max_retries != vector["max_retries"] or policy.jitter.value != vector["jitter"]:
            problems.append("policy")
        random = rt.SplitMix64(vector["jitter_seed"])
        for retry, base, seeded in zip(vector["retries"], vector["base_delays_ns"], vector["seeded_delays_ns"]):
            if policy.base_delay_ns(retry) != base:
                problems.append(f"base_delay_ns({retry})")
            if policy.delay_ns(retry, random) != seeded:
                problems.append(f"delay_ns({retry}, seeded)")
        return "; ".join(problems) or None


def listed(key: str, entries: list[str]) -> bool:
    return any(key.startswith(entry[:-1]) if entry.endswith("*") else key == entry for entry in entries)


class ConformanceTests(unittest.TestCase):
    runner: Runner
    files: dict[str, dict]

    @classmethod
    def setUpClass(cls) -> None:
        cls.files = vector_files()
        cls.runner = Runner()
        for stem, vectors in cls.files.items():
            cls.runner.run(stem, vectors)

    def test_the_vectors_of_the_four_bundled_schemas_and_the_json_suite_are_read(self) -> None:
        self.assertEqual(sorted(self.files), ["agent_run", "execution", "execution_feed", "json_suite", "task_pipeline"])
        self.assertTrue(all(vectors["format"] == FORMAT for vectors in self.files.values()))
        self.assertGreater(len(self.runner.passed) + len(self.runner.failures), 1000)

    def test_every_vector_passes_unless_it_is_a_known_failure(self) -> None:
        entries = known_failures("python")
        unexpected = {key: problem for key, problem in self.runner.failures.items() if not listed(key, entries)}
        self.assertEqual(unexpected, {}, "\n".join(f"{key}: {problem}" for key, problem in sorted(unexpected.items())))

    def test_every_known_failure_still_fails(self) -> None:
        entries = known_failures("python")
        fixed = sorted(key for key in self.runner.passed if listed(key, entries))
        unmatched = [entry for entry in entries if not any(listed(key, [entry]) for key in self.runner.failures)]
        self.assertEqual(fixed, [], "passing now: remove from conformance/known-failures/python.txt")
        self.assertEqual(unmatched, [], "listed but not failing (or no such vector)")


if __name__ == "__main__":
    unittest.main()

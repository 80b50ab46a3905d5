"""The strict reader on the JSON conformance suite (Tests/Fixtures/json/suite): every y_ file parses, every n_ file
fails with the category n_categories.txt lists, every i_ file follows the README's policy table; the fast path and
the strict reader alone give the same answer on each."""

from __future__ import annotations

import math
import unittest

import support
from execution_contracts import RecordError, json_equal, parse_json
from execution_contracts._runtime._json import read_json_strictly


def _categories() -> dict[str, str]:
    lines = (support.JSON_SUITE / "n_categories.txt").read_text().splitlines()
    return dict(line.split() for line in lines if line and not line.startswith("#"))


def _policy() -> dict[str, tuple[str, str]]:
    """File → (accept|reject, category) from the README's table."""
    rows = {}
    for line in (support.JSON_SUITE / "README.md").read_text().splitlines():
        cells = [cell.strip() for cell in line.strip().strip("|").split("|")]
        if len(cells) >= 3 and cells[0].startswith("i_") and cells[0].endswith(".json"):
            rows[cells[0]] = (cells[1], cells[2])
    return rows


def _verdict(read: object, data: bytes) -> tuple[str, object]:
    try:
        return ("accept", read(data))  # type: ignore[operator]
    except RecordError as error:
        return ("reject", error.category)


class JSONSuiteTests(unittest.TestCase):
    def test_the_suite_has_all_three_kinds_of_case(self) -> None:
        names = [path.name for path in support.JSON_SUITE.glob("*.json")]
        self.assertGreater(sum(name.startswith("y_") for name in names), 80)
        self.assertGreater(sum(name.startswith("n_") for name in names), 200)
        self.assertGreater(sum(name.startswith("i_") for name in names), 30)

    def test_every_y_case_parses(self) -> None:
        for path in sorted(support.JSON_SUITE.glob("y_*.json")):
            with self.subTest(path.name):
                parse_json(path.read_bytes())

    def test_every_n_case_fails_with_its_listed_category(self) -> None:
        categories = _categories()
        paths = sorted(support.JSON_SUITE.glob("n_*.json"))
        self.assertEqual({path.name for path in paths}, set(categories))
        for path in paths:
            with self.subTest(path.name):
                with self.assertRaises(RecordError) as caught:
                    parse_json(path.read_bytes())
                self.assertEqual(caught.exception.category, categories[path.name])

    def test_every_i_case_follows_the_policy_table(self) -> None:
        policy = _policy()
        paths = sorted(support.JSON_SUITE.glob("i_*.json"))
        self.assertEqual({path.name for path in paths}, set(policy))
        for path in paths:
            outcome, category = policy[path.name]
            with self.subTest(path.name):
                verdict, detail = _verdict(parse_json, path.read_bytes())
                self.assertEqual(verdict, outcome)
                if outcome == "reject":
                    self.assertEqual(detail, category)

    def test_the_fast_path_and_the_strict_reader_agree_on_every_case(self) -> None:
        for path in sorted(support.JSON_SUITE.glob("*.json")):
            data = path.read_bytes()
            with self.subTest(path.name):
                fast, strict = _verdict(parse_json, data), _verdict(read_json_strictly, data)
                self.assertEqual(fast[0], strict[0])
                if fast[0] == "accept":
                    self.assertTrue(json_equal(fast[1], strict[1]))
                else:
                    self.assertEqual(fast[1], strict[1])

    def test_accepted_implementation_defined_numbers_keep_the_documented_value(self) -> None:
        def read(name: str) -> object:
            value = parse_json((support.JSON_SUITE / name).read_bytes())
            assert isinstance(value, list)
            return value[0]

        minus_zero = read("i_number_minus_zero.json")
        self.assertIsInstance(minus_zero, float)
        self.assertEqual(math.copysign(1.0, minus_zero), -1.0)  # type: ignore[arg-type]
        self.assertEqual(read("i_number_int64_max_plus_one.json"), 9223372036854775808.0)
        self.assertIsInstance(read("i_number_int64_max_plus_one.json"), float)
        self.assertEqual(read("i_number_real_underflow.json"), 0.0)


if __name__ == "__main__":
    unittest.main()

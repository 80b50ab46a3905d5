"""What the tests share: where the repository's fixtures are, and the package on the path."""

from __future__ import annotations

import sys
from pathlib import Path

TESTS = Path(__file__).resolve().parent
PACKAGE = TESTS.parent
REPOSITORY = PACKAGE.parent.parent
JSON_SUITE = REPOSITORY / "Tests" / "Fixtures" / "json" / "suite"
RECORDS = REPOSITORY / "Tests" / "Fixtures" / "records"

for path in (str(PACKAGE), str(TESTS)):
    if path not in sys.path:
        sys.path.insert(0, path)

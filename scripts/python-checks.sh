#!/usr/bin/env bash
# The Python package (packages/python): mypy --strict on every generated module (the checked-in ones, the
# `everything` reference, every snippet golden and modules generated for hostile names), the unit tests, the
# differential test against contractgen, and a fresh-venv `pip install` of the package. mypy is installed,
# pinned, into a throwaway virtual environment that is removed on exit.
#   bash scripts/python-checks.sh [path/to/contractgen]     # default: .build/debug/contractgen
# SWIFT_TEST_OPTIONS (e.g. "--scratch-path .build-core" with CONTRACTS_CORE_ONLY=1) is passed to the one swift test run.
set -euo pipefail
cd "$(dirname "$0")/.."
contractgen="${1:-.build/debug/contractgen}"
case "$contractgen" in /*) ;; *) contractgen="$(pwd)/$contractgen" ;; esac
python="${PYTHON:-python3}"
mypy_version="1.13.0"

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
"$python" -m venv "$work/venv"
"$work/venv/bin/pip" install --quiet --disable-pip-version-check "mypy==$mypy_version"
mypy=("$work/venv/bin/mypy" --strict --python-version 3.11 --no-incremental --cache-dir "$work/mypy-cache")

# The snippet goldens import `from . import _runtime as rt`: lay them out as a package beside a runtime copy.
snippets="$work/snippets"
mkdir -p "$snippets"
cp -R packages/python/execution_contracts/_runtime "$snippets/_runtime"
: > "$snippets/__init__.py"
cp Tests/ContractCodegenTests/Golden/Python/*.py "$snippets/"

# Modules generated for contracts whose names are Python keywords, builtins and the generated code's own names.
hostile="$work/hostile"
"$python" packages/python/tests/hostile_names.py --contractgen "$contractgen" --output "$hostile"

# Modules generated for random valid schemas (Tests/PropertyTesting's RandomContract), kept by the Swift test.
echo "python-checks: modules for random schemas (swift test --filter PythonRandomSchemaTests)" >&2
PYTHON_RANDOM_MODULES="$work/random" swift test ${SWIFT_TEST_OPTIONS:-} --filter PythonRandomSchemaTests >"$work/random.log" 2>&1 \
  || { tail -50 "$work/random.log" >&2; exit 1; }

echo "python-checks: mypy $mypy_version --strict" >&2
(cd packages/python && "${mypy[@]}" execution_contracts tests/everything)
(cd "$work" && "${mypy[@]}" snippets hostile)
(cd "$work/random" && "${mypy[@]}" randomcontracts)
(cd "$work" && for module in snippets/*.py; do
  name="$(basename "$module" .py)"
  [ "$name" = "__init__" ] || "$python" -c "import snippets.$name"
done)

echo "python-checks: unit tests and differential" >&2
"$python" -m unittest discover -s packages/python/tests
"$python" packages/python/tests/differential/run_differential.py --contractgen "$contractgen"

echo "python-checks: pip install into a fresh venv" >&2
bash packages/python/tests/check_install.sh "$python"

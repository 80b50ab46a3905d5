#!/usr/bin/env bash
# The seeded-mutation differential across Swift, Python and TypeScript (docs/Conformance.md): contractgen writes the
# bundled schemas' conformance vectors with N seeded mutations per model (judged by the Swift interpreter) into a
# temporary directory, and each language's conformance runner checks them: same verdict, category and path, and
# exact round trips of the valid records.
#   bash scripts/conformance-differential.sh [N] [SEED]     # default: 2000 mutations, seed 1
# CONTRACTGEN (default .build/debug/contractgen) names the contractgen to use; SWIFT_BUILD_FLAGS are passed to
# swift test for the Swift runner (e.g. "--scratch-path .build-core" with CONTRACTS_CORE_ONLY=1).
set -euo pipefail
cd "$(dirname "$0")/.."
count="${1:-2000}"
seed="${2:-1}"
contractgen="${CONTRACTGEN:-.build/debug/contractgen}"
vectors="$(mktemp -d)"
trap 'rm -rf "$vectors"' EXIT
"$contractgen" conformance schema/agent_run.yaml schema/execution.yaml schema/execution_feed.yaml \
  schema/task_pipeline.yaml --mutations "$count" --seed "$seed" --json-suite Tests/Fixtures/json/suite --output "$vectors"
export CONFORMANCE_VECTORS="$vectors"
python3 -m unittest discover -s packages/python/tests -p test_conformance.py
(cd packages/typescript && tsc -p . && node --test tests/conformance.test.mjs)
# shellcheck disable=SC2086
swift test ${SWIFT_BUILD_FLAGS:-} --filter ConformanceVectorTests

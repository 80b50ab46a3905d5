#!/usr/bin/env bash
# Installs packages/python into a fresh virtual environment (pip fetches the setuptools build backend from PyPI),
# then imports every module and decodes one record with the installed copy, from outside the source tree.
# Usage: bash packages/python/tests/check_install.sh [PYTHON]   (default python3; needs 3.11 or later)
set -euo pipefail
package="$(cd "$(dirname "$0")/.." && pwd)"
python="${1:-python3}"
venv="$(mktemp -d)"
trap 'rm -rf "$venv" "$package/build" "$package"/*.egg-info' EXIT
"$python" -m venv "$venv"
"$venv/bin/pip" install --quiet "$package"
cd "$venv"
"$venv/bin/python" - <<'PY'
import execution_contracts
from execution_contracts import agent_run, execution, execution_feed, task_pipeline
assert "site-packages" in execution_contracts.__file__, execution_contracts.__file__
record = (b'{"step":"pandas_tool.read_csv","result":{"rows":1000},"completed":true,"message":"",'
          b'"status":"completed","error_code":null,"error_message":null}')
value = execution.TaskStepResult.from_json(record)
assert value.to_json() == record and value.status is execution.TaskStatus.COMPLETED
assert task_pipeline.SubTaskStatus.initial() is task_pipeline.SubTaskStatus.PENDING
assert agent_run.AgentRunStatus.initial() is agent_run.AgentRunStatus.QUEUED
assert execution_feed.CONTRACT_NAME
print("installed and decoded one record:", execution_contracts.__file__)
PY

#!/usr/bin/env bash
# The TypeScript package (packages/typescript): installs tsc when missing (Debian's node-typescript), builds it,
# type-checks it strictly, runs its unit tests with node --test and its differential test against contractgen; then
# type-checks strictly and loads every other generated TypeScript module the repository holds (the emitter's snippet
# goldens) and the modules generated for contracts full of hostile names.
#   bash scripts/typescript-checks.sh [path/to/contractgen]     # default: .build/debug/contractgen
set -euo pipefail
cd "$(dirname "$0")/.."
contractgen="${1:-.build/debug/contractgen}"
case "$contractgen" in /*) ;; *) contractgen="$(pwd)/$contractgen" ;; esac
if ! command -v tsc >/dev/null 2>&1; then
  echo "typescript-checks: installing node-typescript" >&2
  sudo_cmd=()
  [ "$(id -u)" -eq 0 ] || sudo_cmd=(sudo)
  export DEBIAN_FRONTEND=noninteractive
  "${sudo_cmd[@]}" apt-get update -qq
  "${sudo_cmd[@]}" apt-get install -y -qq --no-install-recommends node-typescript
fi
(
  cd packages/typescript
  tsc -p .
  tsc -p . --strict --noEmit
  tsc -p tests
  node --test tests/
  node tests/differential.mjs --contractgen "$contractgen"
)
bash scripts/typescript-check-generated.sh Tests/ContractCodegenTests/Golden/TypeScript/*.ts

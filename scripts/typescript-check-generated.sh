#!/usr/bin/env bash
# Type-checks generated TypeScript modules with `tsc --strict` (the package's compiler options) against the runtime in
# packages/typescript/src/runtime, then imports each compiled module with node, so a module that type-checks but
# throws when loaded fails too.
#   bash scripts/typescript-check-generated.sh MODULE.ts...
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
[ "$#" -gt 0 ] || { echo "usage: typescript-check-generated.sh MODULE.ts..." >&2; exit 2; }
work="$(mktemp -d)"
trap 'rm -rf -- "$work"' EXIT
mkdir -p "$work/src"
cp -R -- "$root/packages/typescript/src/runtime" "$work/src/runtime"
for module in "$@"; do
  cp -- "$module" "$work/src/"
done
cat > "$work/tsconfig.json" <<JSON
{
  "extends": "$root/packages/typescript/tsconfig.json",
  "compilerOptions": { "rootDir": "src", "outDir": "out", "declaration": false, "strict": true },
  "include": ["src/**/*.ts"]
}
JSON
tsc -p "$work/tsconfig.json"
printf '{ "type": "module" }\n' > "$work/out/package.json"
for module in "$@"; do
  name="$(basename -- "$module" .ts)"
  node --input-type=module -e "await import(process.argv[1]);" -- "$work/out/$name.js"
done
echo "typescript-check-generated: $# modules type-check strictly and load"

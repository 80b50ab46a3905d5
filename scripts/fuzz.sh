#!/usr/bin/env bash
# Builds the libFuzzer targets under Fuzz/ and runs them; docs/Development.md "Fuzzing" describes them.
#
#   scripts/fuzz.sh TARGET SECONDS [LIBFUZZER_FLAG ...]   build and run one target
#   scripts/fuzz.sh all SECONDS                           build all in one `swift build`, run two at a time
#
# Each run starts from the seeds (the fixtures listed below plus Fuzz/Seeds/TARGET/) copied into a fresh
# temporary corpus, so nothing committed changes. Exits nonzero when any target finds a crash, a hang,
# a leak or a disagreement; the failing input is kept and printed (base64) for a regression fixture.
set -euo pipefail
cd "$(dirname "$0")/.."

TARGETS=(FuzzSchemaLint FuzzRuleExpression FuzzCodePattern FuzzJSONReader FuzzValidate)
SCRATCH=.build-fuzz
# Swift's own crash handler fails under AddressSanitizer; libFuzzer's reports the stack instead.
export SWIFT_BACKTRACE=enable=no
export LSAN_OPTIONS="suppressions=$PWD/Fuzz/lsan.supp${LSAN_OPTIONS:+:$LSAN_OPTIONS}"

usage() {
  echo "usage: scripts/fuzz.sh TARGET|all SECONDS [LIBFUZZER_FLAG ...]  (TARGET: ${TARGETS[*]})" >&2
  exit 2
}

# The fixture files each target starts from, besides Fuzz/Seeds/TARGET/.
seed_files() {
  case "$1" in
    FuzzSchemaLint) ls schema/*.yaml Tests/Fixtures/schemas/*.yaml Tests/Fixtures/lint/*.yaml ;;
    FuzzRuleExpression | FuzzCodePattern) ;;
    FuzzJSONReader) ls Tests/Fixtures/json/suite/*.json ;;
    FuzzValidate) ls Tests/Fixtures/records/*.jsonl ;;
  esac
}

# The longest input libFuzzer makes for each target.
max_len() {
  case "$1" in
    FuzzSchemaLint) echo 16384 ;;
    FuzzRuleExpression | FuzzCodePattern) echo 1024 ;;
    *) echo 8192 ;;
  esac
}

# Where build() keeps Package.resolved while it runs; put back on any exit.
resolved_aside=""
restore_resolved() {
  if [ -n "$resolved_aside" ]; then
    mv "$resolved_aside" Package.resolved
    resolved_aside=""
  fi
}
trap restore_resolved EXIT

build() {
  # With CONTRACTS_FUZZ the package has no dependencies, and SwiftPM would delete Package.resolved (not
  # committed) and plan the fuzz build anew each time it finds one; keep the normal build's copy aside.
  # `--sanitize=fuzzer` alone links libFuzzer but leaves the code without coverage instrumentation;
  # `-Xswiftc -sanitize=fuzzer` adds it.
  if [ -f Package.resolved ]; then
    resolved_aside=$(mktemp)
    mv Package.resolved "$resolved_aside"
  fi
  set +e
  CONTRACTS_CORE_ONLY=1 CONTRACTS_FUZZ=1 swift build --sanitize=fuzzer --sanitize=address \
    -Xswiftc -parse-as-library -Xswiftc -sanitize=fuzzer --scratch-path "$SCRATCH" "$@" 2>&1 \
    | grep -v "Cannot export local symbol"
  local status=${PIPESTATUS[0]}
  set -e
  restore_resolved
  return "$status"
}

# run TARGET SECONDS [FLAG ...]: fuzzes one target; prints its summary line and returns libFuzzer's status.
run() {
  local target=$1 seconds=$2
  shift 2
  local work
  work=$(mktemp -d "${TMPDIR:-/tmp}/fuzz-$target.XXXXXX")
  mkdir "$work/corpus" "$work/artifacts"
  local file
  for file in $(seed_files "$target") Fuzz/Seeds/"$target"/*; do
    [ -f "$file" ] || continue
    cp "$file" "$work/corpus/$(basename "$(dirname "$file")")-$(basename "$file")"
    # A JSON Lines file also seeds one input per record.
    if [ "${file##*.}" = jsonl ]; then
      split -l 1 -a 3 "$file" "$work/corpus/$(basename "$file" .jsonl)-line-"
    fi
  done
  local flags=(-max_total_time="$seconds" -print_final_stats=1 -max_len="$(max_len "$target")" -timeout=10
               -rss_limit_mb=2048 -artifact_prefix="$work/artifacts/")
  [ -f "Fuzz/Dictionaries/$target.dict" ] && flags+=(-dict="Fuzz/Dictionaries/$target.dict")
  local status=0
  "$SCRATCH/debug/$target" "${flags[@]}" "$@" "$work/corpus" >"$work/log" 2>&1 || status=$?
  summarize "$target" "$seconds" "$status" "$work"
  if [ "$status" -ne 0 ]; then
    echo "---- $target: last lines of $work/log" >&2
    tail -n 40 "$work/log" >&2
    for file in "$work"/artifacts/*; do
      [ -f "$file" ] || continue
      echo "---- $target: finding $file (base64):" >&2
      base64 "$file" >&2
    done
    echo "---- $target: reproduce with $SCRATCH/debug/$target FILE" >&2
  else
    rm -rf "$work"
  fi
  return "$status"
}

# One line per target from libFuzzer's final stats and last status line.
summarize() {
  local target=$1 seconds=$2 status=$3 work=$4
  local done_line execs rate rss
  done_line=$(grep -E '^#[0-9]+[[:space:]]+(DONE|pulse|NEW|REDUCE|INITED)' "$work/log" | tail -n 1 || true)
  execs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$work/log")
  rate=$(sed -n 's/^stat::average_exec_per_sec: *//p' "$work/log")
  rss=$(sed -n 's/^stat::peak_rss_mb: *//p' "$work/log")
  printf '%-20s %4ss  %s  execs %s  exec/s %s  %s  %s  %s  peak rss %s MB\n' "$target" "$seconds" \
    "$([ "$status" -eq 0 ] && echo ok || echo "FAILED($status)")" "${execs:-?}" "${rate:-?}" \
    "$(grep -o 'cov: [0-9]*' <<<"$done_line" || echo 'cov: ?')" \
    "$(grep -o 'ft: [0-9]*' <<<"$done_line" || echo 'ft: ?')" \
    "$(grep -o 'corp: [0-9]*' <<<"$done_line" || echo 'corp: ?')" "${rss:-?}"
}

[ $# -ge 2 ] || usage
target=$1
seconds=$2
shift 2
[[ "$seconds" =~ ^[0-9]+$ ]] || usage
start=$SECONDS

if [ "$target" = all ]; then
  [ $# -eq 0 ] || usage
  build
  echo "fuzz: built ${#TARGETS[@]} targets in $((SECONDS - start)) s; running each for $seconds s, two at a time"
  failed=0
  for ((i = 0; i < ${#TARGETS[@]}; i += 2)); do
    pids=()
    for name in "${TARGETS[@]:i:2}"; do
      run "$name" "$seconds" &
      pids+=($!)
    done
    for pid in "${pids[@]}"; do
      wait "$pid" || failed=1
    done
  done
else
  [[ " ${TARGETS[*]} " == *" $target "* ]] || usage
  build --product "$target"
  failed=0
  run "$target" "$seconds" "$@" || failed=1
fi
echo "fuzz: $( [ "$failed" -eq 0 ] && echo "no findings" || echo "FINDINGS (see above)" ) in $((SECONDS - start)) s"
exit "$failed"

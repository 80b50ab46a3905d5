#!/usr/bin/env bash
# Validation benchmark by kind of line (issue 18 item 4): for each file of the realistic profile of
# corpus/make_corpus.py (escaped, raw, wide, mixed), runs run-validation-bench.sh (contractgen validate, the
# generated decoder, msgspec, pydantic) and the simdjson DOM-parse baseline, and prints one table with a row
# per kind: records/s of each tool and the ratios validate/simdjson, validate/msgspec, generated/msgspec and
# validate/pydantic, so that a gain on one shape of line is not a loss on another.
#
# Usage: Benchmarks/run-kinds-bench.sh [DIR]
#   DIR holds kinds-escaped.jsonl, kinds-raw.jsonl, kinds-wide.jsonl and kinds-mixed.jsonl, made with
#     python3 Benchmarks/corpus/make_corpus.py --kinds-out DIR/kinds --records 50000 --invalid-every 1000
#   Without DIR the files are made that way in a temporary directory, and deleted at the end.
# Environment:
#   RECORDS=50000 INVALID_EVERY=1000 SEED=5   how the files are made when no DIR is given
#   KINDS="escaped raw wide mixed"            which files, in this order
#   TOOLS="contractgen generated msgspec pydantic"   passed to run-validation-bench.sh
#   REPEAT=3        rounds; each round runs, kind by kind, run-validation-bench.sh once (REPEAT=1) and then
#                   simdjson on the same file, so each ratio is taken within a round, then the median over rounds
#   VALIDATE_JOBS=1 contractgen validate runs with --jobs 1, single-threaded like the other tools
#   VENV=/tmp/pyd   (when it exists) the virtual environment with pydantic and msgspec; else run-validation-bench.sh
#                   makes a throwaway one
#   CONTRACTGEN=BIN DECODE=BIN   default ../.build/release/contractgen and .build/release/DecodeBenchmarks; when
#                   both exist and SKIP_BUILD is unset, SKIP_BUILD=1 (no swift build); SKIP_BUILD= (empty) builds.
#                   The binaries are copied to the temporary directory first, so a rebuild during the run
#                   cannot change them between rounds
#   SIMDJSON=/tmp/sj/simdjson_parse   the harness of baselines/simdjson_parse.cpp; when it is missing it is built
#                   into the temporary directory if g++ and simdjson.h are there, else its column is skipped
#
# Every tool reports the seconds of its own read-and-validate loop; the table's rates are records / those
# seconds ("loop" rates: Python's start-up and imports left out; validate's elapsed includes reading the file,
# simdjson's loop does not, it reads the whole file first). A second table gives the same from wall time.
set -uo pipefail

HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
ROOT=$(dirname "$HERE")
KINDS=${KINDS:-"escaped raw wide mixed"}
export TOOLS=${TOOLS:-"contractgen generated msgspec pydantic"}
REPEAT=${REPEAT:-3}
RECORDS=${RECORDS:-50000}
INVALID_EVERY=${INVALID_EVERY:-1000}
SEED=${SEED:-5}
PYTHON=${PYTHON:-python3}
VALIDATE_JOBS=${VALIDATE_JOBS:-1}
note() { printf '%s\n' "$*" >&2; }

if [[ $# -gt 1 || ($# -eq 1 && ! -d $1) ]]; then
    sed -n '2,/^set -uo/p' "${BASH_SOURCE[0]}" | sed '$d; s/^# \{0,1\}//' >&2
    exit 2
fi
if [[ ! -x /usr/bin/time ]]; then
    echo "error: /usr/bin/time (GNU time) is needed; apt-get install time" >&2
    exit 2
fi
WORK=$(mktemp -d "${TMPDIR:-/tmp}/kinds-bench.XXXXXX")
trap 'rm -rf "$WORK"' EXIT

# --- the files ---------------------------------------------------------------------------------------
source "$HERE/kinds-files.sh"
kinds_files "${1:-}" "$RECORDS" "$INVALID_EVERY" "$SEED"

# --- the tools ---------------------------------------------------------------------------------------
export CONTRACTGEN=${CONTRACTGEN:-$ROOT/.build/release/contractgen}
export DECODE=${DECODE:-$HERE/.build/release/DecodeBenchmarks}
if [[ -z ${SKIP_BUILD+set} && -x $CONTRACTGEN && -x $DECODE ]]; then
    note "== using the built $CONTRACTGEN and $DECODE (SKIP_BUILD=1; SKIP_BUILD= builds them)"
elif [[ -z ${SKIP_BUILD:-} ]]; then
    # Built once here rather than by run-validation-bench.sh at every call; a failed build leaves the tool
    # missing, and run-validation-bench.sh skips it with the reason.
    note "== building contractgen and DecodeBenchmarks (release)"
    (cd "$ROOT" && swift build -c release --product contractgen) >"$WORK/build.log" 2>&1 ||
        { grep -m5 'error:' "$WORK/build.log" >&2; note "   swift build of contractgen failed"; }
    (cd "$HERE" && swift build -c release --product DecodeBenchmarks) >>"$WORK/build.log" 2>&1 ||
        { grep -m5 'error:' "$WORK/build.log" >&2; note "   swift build of DecodeBenchmarks failed"; }
fi
export SKIP_BUILD=1
# A rebuild while the rounds run (another worktree, the other engineer) would mix builds: run copies.
mkdir -p "$WORK/bin"
for name in CONTRACTGEN DECODE; do
    binary=${!name}
    if [[ -x $binary ]]; then
        note "   $name: $binary, built $(date -u -r "$binary" '+%Y-%m-%d %H:%M:%S UTC'), copied to $WORK/bin"
        cp "$binary" "$WORK/bin/$name" && export "$name=$WORK/bin/$name"
    fi
done
if [[ -z ${VENV+set} && -x /tmp/pyd/bin/python ]]; then
    export VENV=/tmp/pyd
fi
[[ -n ${VENV:-} ]] && export VENV
# run-validation-bench.sh passes it to contractgen validate as --jobs.
export VALIDATE_JOBS

SIMDJSON=${SIMDJSON:-/tmp/sj/simdjson_parse}
SIMDJSON_SKIP=""
if [[ ! -x $SIMDJSON ]]; then
    if command -v g++ >/dev/null && [[ -f /usr/include/simdjson.h ]]; then
        note "== building $WORK/simdjson_parse from baselines/simdjson_parse.cpp ($SIMDJSON is missing)"
        if g++ -O3 -std=c++17 -o "$WORK/simdjson_parse" "$HERE/baselines/simdjson_parse.cpp" -lsimdjson 2>"$WORK/sj.log"; then
            SIMDJSON=$WORK/simdjson_parse
        else
            SIMDJSON_SKIP="g++ could not build baselines/simdjson_parse.cpp: $(head -1 "$WORK/sj.log")"
        fi
    else
        SIMDJSON_SKIP="$SIMDJSON is missing and g++ or libsimdjson-dev (simdjson.h) is not installed"
    fi
fi
[[ -n $SIMDJSON_SKIP ]] && note "skip simdjson: $SIMDJSON_SKIP"

# --- rounds ------------------------------------------------------------------------------------------
RUNS=$WORK/runs.tsv # round kind tool records valid invalid loop_rate wall_rate ("-" when unknown)
: >"$RUNS"
FAILED=0
for ((round = 1; round <= REPEAT; round++)); do
    for kind in $KINDS; do
        file=$DIR/kinds-$kind.jsonl
        note "== round $round/$REPEAT, $kind: run-validation-bench.sh $file"
        REPEAT=1 PYTHON=$PYTHON "$HERE/run-validation-bench.sh" "$file" \
            >"$WORK/table" 2>"$WORK/log"
        status=$?
        grep -E '^(skip|   |error)' "$WORK/log" >&2
        if [[ $status -ne 0 ]]; then
            note "   run-validation-bench.sh exited with $status; the tools it ran are kept:"
            tail -3 "$WORK/log" >&2
            FAILED=1
        fi
        # Its table's rows: tool records valid invalid wall records/s MB/s RSS x-pyd x-msgspec loop-rec/s ...
        "$PYTHON" - "$WORK/table" "$round" "$kind" >>"$RUNS" <<'EOF'
import sys
path, rnd, kind = sys.argv[1:]
lines = open(path).read().split("\n")
header = [i for i, line in enumerate(lines) if line.startswith("tool ")]
for line in lines[header[0] + 1:] if header else []:
    if not line.strip():
        break
    w = line.split()
    print(rnd, kind, w[0], w[1], w[2], w[3], w[10].replace(",", ""), w[5].replace(",", ""), sep="\t")
EOF
        if [[ -z $SIMDJSON_SKIP ]]; then
            note "== round $round/$REPEAT, $kind: $SIMDJSON $file"
            if /usr/bin/time -f '%e %M' -o "$WORK/time" "$SIMDJSON" "$file" >"$WORK/out" 2>"$WORK/err"; then
                read -r wall _ < <(tail -1 "$WORK/time")
                note "   $(cat "$WORK/out") wall=${wall}s"
                "$PYTHON" -c 'import json, sys; d = json.loads(sys.argv[1]); n = d["records"]; print(sys.argv[2], sys.argv[3], "simdjson", n, d["valid"], d["invalid"], n / max(d["seconds"], 1e-6), n / max(float(sys.argv[4]), 0.01), sep="\t")' \
                    "$(cat "$WORK/out")" "$round" "$kind" "$wall" >>"$RUNS"
            else
                note "   FAILED: simdjson: $(head -1 "$WORK/time"); $(tail -1 "$WORK/err")"
                FAILED=1
            fi
        fi
    done
done

# --- table -------------------------------------------------------------------------------------------
"$PYTHON" - "$RUNS" "$DIR" "$REPEAT" "$KINDS" "$VALIDATE_JOBS" <<'EOF'
import os
import statistics
import sys

path, directory, repeat, kinds, jobs = sys.argv[1], sys.argv[2], int(sys.argv[3]), sys.argv[4].split(), sys.argv[5]
TOOLS = [("contractgen", "validate"), ("generated", "generated"), ("msgspec", "msgspec"), ("pydantic", "pydantic"),
         ("simdjson", "simdjson")]
RATIOS = [("validate/simdjson", "contractgen", "simdjson"), ("validate/msgspec", "contractgen", "msgspec"),
          ("generated/msgspec", "generated", "msgspec"), ("validate/pydantic", "contractgen", "pydantic")]
runs = {}  # (kind, round) -> tool -> dict
for raw in open(path):
    rnd, kind, tool, records, valid, invalid, loop, wall = raw.rstrip("\n").split("\t")
    runs.setdefault((kind, rnd), {})[tool] = dict(
        records=int(records), valid=valid, invalid=invalid,
        loop=float(loop) if loop not in ("-", "") and float(loop) > 0 else None,
        wall=float(wall) if wall not in ("-", "") and float(wall) > 0 else None)
if not runs:
    sys.exit("no tool ran (see the skip reasons above)")


def median(values):
    values = [v for v in values if v is not None]
    return statistics.median(values) if values else None


def table(key, title):
    head = ["kind", "lines", "MB"] + [name for _, name in TOOLS] + [name for name, _, _ in RATIOS]
    rows = []
    for kind in kinds:
        rounds = [tools for (k, _), tools in runs.items() if k == kind]
        if not rounds:
            continue
        size = os.path.getsize(os.path.join(directory, f"kinds-{kind}.jsonl")) / 1e6
        lines = next(iter(rounds[0].values()))["records"]
        row = [kind, f"{lines:,}", f"{size:.1f}"]
        for tool, _ in TOOLS:
            rate = median([rd[tool][key] for rd in rounds if tool in rd])
            row.append(f"{rate:,.0f}" if rate else "-")
        for _, a, b in RATIOS:
            per_round = [rd[a][key] / rd[b][key] for rd in rounds if a in rd and b in rd and rd[a][key] and rd[b][key]]
            row.append(f"{median(per_round):.2f}" if per_round else "-")
        rows.append(row)
    widths = [max(len(h), *(len(r[i]) for r in rows)) for i, h in enumerate(head)]
    print(title)
    print("  ".join(h.ljust(w) if i == 0 else h.rjust(w) for i, (h, w) in enumerate(zip(head, widths))))
    for r in rows:
        print("  ".join(c.ljust(w) if i == 0 else c.rjust(w) for i, (c, w) in enumerate(zip(r, widths))))
    print()


print(f"\nfiles: {directory}/kinds-*.jsonl; {repeat} round(s); validate --jobs {jobs}\n")
table("loop", "records/s of each tool's own loop (median over rounds); ratios: median of the per-round ratios")
table("wall", "records/s from wall time, process start to exit (median over rounds); ratios as above")
print("valid/invalid lines, first round:")
for kind in kinds:
    first = runs.get((kind, "1"), {})
    print(f"  {kind:8s} " + ", ".join(f"{t} {r['valid']}/{r['invalid']}" for t, r in first.items()))
print("\nper-round loop records/s:")
for kind in kinds:
    for tool, name in TOOLS:
        rates = [runs[(kind, str(r))][tool]["loop"] for r in range(1, repeat + 1)
                 if tool in runs.get((kind, str(r)), {}) and runs[(kind, str(r))][tool]["loop"]]
        if rates:
            print(f"  {kind:8s} {name:10s} " + " ".join(f"{v:,.0f}" for v in rates))
EOF
table_status=$?
[[ $FAILED -ne 0 ]] && { note "error: some run failed (see above); the table leaves it out"; exit 1; }
exit $table_status

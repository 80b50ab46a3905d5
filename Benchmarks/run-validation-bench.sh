#!/usr/bin/env bash
# Validation benchmark of issue 5: runs, on the same JSON Lines file, one after another,
#   contractgen   ../.build/release/contractgen validate --jobs 1 --schema ../schema/execution.yaml FILE (one thread, like the peers)
#   generated     DecodeBenchmarks --mode generated FILE   (TaskStepResult(jsonUTF8Bytes:), each line in place)
#   codable       DecodeBenchmarks --mode codable FILE     (Foundation JSONDecoder + generated Codable)
#   tree          DecodeBenchmarks --mode tree FILE        (JSONValue(strictUTF8:): a strict tree of any JSON, no
#                                                           contract; only when named in TOOLS)
#   pydantic      baselines/pydantic_validate.py FILE      (TypeAdapter.validate_json, strict, extra=forbid, rules)
#   msgspec       baselines/msgspec_validate.py FILE       (Struct decode, forbid_unknown_fields, rules)
# and prints records/s, MB/s, peak RSS and the ratios to pydantic and msgspec.
#
# Usage: Benchmarks/run-validation-bench.sh FILE
#   Make a file first: python3 Benchmarks/corpus/make_corpus.py --records 200000 --invalid-every 1000 --out /tmp/c.jsonl
# Environment:
#   TOOLS="contractgen generated codable pydantic msgspec"   which tools to run, in this order
#   REPEAT=1        rounds; each round runs every tool once, in TOOLS order; the table reports
#                   medians over the rounds (a ratio is the median of that ratio within each round)
#   SKIP_BUILD=1    use the release binaries already built instead of running swift build
#   PYTHON=python3  the interpreter the throwaway virtual environment is made from
#   VENV=DIR        reuse this virtual environment (must have pydantic and msgspec) instead of a new one
#   VALIDATE_JOBS=1 contractgen's --jobs: one thread by default, as every other tool runs on one
#   CONTRACTGEN=BIN, DECODE=BIN   run these binaries (with SKIP_BUILD=1), e.g. an older build to compare
#
# Rates use wall time from /usr/bin/time (process start to exit, so Python's import time counts); the
# "loop rec/s" column uses the seconds a tool reports for its own read-and-validate loop, when it does.
# MB means 10^6 bytes. Peak RSS is /usr/bin/time's maximum resident set size. A tool that cannot run
# (not built, subcommand missing, PyPI unreachable) is skipped with the reason printed. A run that
# crashes or exits with a status other than 0 or 1 fails the script (exit 1) after the table.
set -uo pipefail

HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
ROOT=$(dirname "$HERE")
TOOLS=${TOOLS:-"contractgen generated codable pydantic msgspec"}
REPEAT=${REPEAT:-1}
VALIDATE_JOBS=${VALIDATE_JOBS:-1}
PYTHON=${PYTHON:-python3}

if [[ $# -ne 1 || ! -f $1 ]]; then
    sed -n '2,/^set -uo/p' "${BASH_SOURCE[0]}" | sed '$d; s/^# \{0,1\}//' >&2
    exit 2
fi
FILE=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
if [[ ! -x /usr/bin/time ]]; then
    echo "error: /usr/bin/time (GNU time) is needed for peak RSS; apt-get install time" >&2
    exit 2
fi

WORK=$(mktemp -d "${TMPDIR:-/tmp}/validation-bench.XXXXXX")
trap 'rm -rf "$WORK"' EXIT
declare -A SKIP=()
note() { printf '%s\n' "$*" >&2; }

# --- Python baselines: a throwaway virtual environment with the current pydantic and msgspec --------
PY=""
if [[ " $TOOLS " == *" pydantic "* || " $TOOLS " == *" msgspec "* ]]; then
    if [[ -n ${VENV:-} ]]; then
        PY=$VENV/bin/python
    else
        note "== creating a virtual environment in $WORK/venv and installing pydantic and msgspec from PyPI"
        if "$PYTHON" -m venv "$WORK/venv" >"$WORK/venv.log" 2>&1 &&
            "$WORK/venv/bin/python" -m pip install --quiet --disable-pip-version-check pydantic msgspec >>"$WORK/venv.log" 2>&1; then
            PY=$WORK/venv/bin/python
        else
            tail -5 "$WORK/venv.log" >&2
            SKIP[pydantic]="could not create the virtual environment or install from PyPI"
            SKIP[msgspec]=${SKIP[pydantic]}
        fi
    fi
    if [[ -n $PY ]]; then
        "$PY" -c 'import pydantic' 2>/dev/null || SKIP[pydantic]="pydantic is not importable from $PY"
        "$PY" -c 'import msgspec' 2>/dev/null || SKIP[msgspec]="msgspec is not importable from $PY"
        note "   $("$PY" -c 'import sys, pydantic, msgspec; print("Python", sys.version.split()[0], "pydantic", pydantic.VERSION, "msgspec", msgspec.__version__)' 2>/dev/null)"
    fi
fi

# --- Swift release builds --------------------------------------------------------------------------
CONTRACTGEN=${CONTRACTGEN:-$ROOT/.build/release/contractgen}
DECODE=${DECODE:-$HERE/.build/release/DecodeBenchmarks}
if [[ -z ${SKIP_BUILD:-} ]]; then
    if [[ " $TOOLS " == *" contractgen "* ]]; then
        note "== building contractgen (release) in $ROOT"
        if ! (cd "$ROOT" && swift build -c release --product contractgen) >"$WORK/build-contractgen.log" 2>&1; then
            grep -m5 'error:' "$WORK/build-contractgen.log" >&2
            SKIP[contractgen]="swift build -c release --product contractgen failed (log above)"
        fi
    fi
    if [[ " $TOOLS " == *" generated "* || " $TOOLS " == *" codable "* || " $TOOLS " == *" tree "* ]]; then
        note "== building DecodeBenchmarks (release) in $HERE"
        if ! (cd "$HERE" && swift build -c release --product DecodeBenchmarks) >"$WORK/build-decode.log" 2>&1; then
            grep -m5 'error:' "$WORK/build-decode.log" >&2
            SKIP[generated]="swift build -c release --product DecodeBenchmarks failed (log above)"
            SKIP[codable]=${SKIP[generated]}
            SKIP[tree]=${SKIP[generated]}
        fi
    fi
fi
if [[ -z ${SKIP[contractgen]:-} ]]; then
    if [[ ! -x $CONTRACTGEN ]]; then
        SKIP[contractgen]="$CONTRACTGEN is not built"
    elif ! "$CONTRACTGEN" validate --help >/dev/null 2>&1; then
        SKIP[contractgen]="this contractgen has no 'validate' subcommand yet"
    fi
fi
for tool in generated codable tree; do
    [[ -z ${SKIP[$tool]:-} && ! -x $DECODE ]] && SKIP[$tool]="$DECODE is not built"
done

command_for() {
    case $1 in
        contractgen) echo "$CONTRACTGEN validate --jobs $VALIDATE_JOBS --schema $ROOT/schema/execution.yaml $FILE" ;;
        generated | codable | tree) echo "$DECODE --mode $1 $FILE" ;;
        pydantic) echo "$PY $HERE/baselines/pydantic_validate.py $FILE" ;;
        msgspec) echo "$PY $HERE/baselines/msgspec_validate.py $FILE" ;;
        *) return 1 ;;
    esac
}

# --- runs --------------------------------------------------------------------------------------------
BYTES=$(stat -c %s "$FILE")
LINES=$(wc -l <"$FILE")
note "== warming the page cache with $FILE ($BYTES bytes, $LINES lines)"
cat "$FILE" >/dev/null

RUNS=$WORK/runs.tsv # round tool wall rss records valid invalid loop_seconds exit, one line per run
: >"$RUNS"
FAILED=()
# Rounds, not one tool REPEAT times then the next: on a shared machine the load drifts, and each round
# runs every tool within seconds of the others, so per-round ratios compare like with like.
for ((run = 1; run <= REPEAT; run++)); do
    for tool in $TOOLS; do
        if ! command=$(command_for "$tool"); then
            [[ $run -eq 1 ]] && note "skip $tool: unknown tool"
            continue
        fi
        if [[ -n ${SKIP[$tool]:-} ]]; then
            [[ $run -eq 1 ]] && note "skip $tool: ${SKIP[$tool]}"
            continue
        fi
        note "== $tool (round $run/$REPEAT): $command"
        /usr/bin/time -f '%e %M' -o "$WORK/time" $command >"$WORK/out" 2>"$WORK/err"
        status=$?
        # GNU time writes "Command exited with non-zero status N" first when the exit status is not 0.
        read -r wall rss < <(tail -1 "$WORK/time") || true
        # 0 is "every record valid" and 1 "some record invalid"; any other status, and any signal (GNU time
        # writes "Command terminated by signal N"), is a failed run: it is reported, left out of the
        # table, and makes the script exit 1.
        if [[ $status -gt 1 ]] || grep -q 'terminated by signal' "$WORK/time"; then
            note "   FAILED: $tool exited with $status ($(head -1 "$WORK/time")):"; tail -n 5 "$WORK/err" "$WORK/out" >&2
            FAILED+=("$tool (round $run): $(head -1 "$WORK/time"), exit $status")
            continue
        fi
        if [[ $tool == contractgen ]]; then
            # One finding per invalid record on stdout; the summary on stderr:
            # "N records, V valid, I invalid, S s, X MB/s; contract …" ("1 record" for one).
            line=$(grep -E '^[0-9]+ records?, ' "$WORK/err" | tail -1 || true)
        else
            line=$(grep -m1 '"records"' "$WORK/out" || true)
        fi
        note "   ${line:-$(tail -1 "$WORK/out")} wall=${wall}s peak_rss=${rss}KB exit=$status"
        # Without a summary, every line counts as a record and the valid/invalid split is left blank.
        fields=$("$PYTHON" - "$line" "$LINES" "$BYTES" <<'EOF'
import json, re, sys
d = {}
summary = re.match(r"(\d+) records?, (\d+) valid, (\d+) invalid, ([\d.]+) s, ([\d.]+) MB/s", sys.argv[1])
if summary:
    d = dict(zip(("records", "valid", "invalid", "seconds"), summary.groups()))
    # The seconds are printed to the millisecond (2 % of a 50 ms run) and the rate, the file's MiB over the same
    # seconds, to 0.1 MB/s: the seconds are taken from whichever of the two is the more precise, the rate on
    # short runs at hundreds of MB/s.
    seconds, rate = float(summary.group(4)), float(summary.group(5))
    if rate > 0 and 0.05 / rate < 0.0005 / max(seconds, 0.0005):
        d["seconds"] = "%.6f" % (int(sys.argv[3]) / 1048576 / rate)
else:
    try:
        d = json.loads(sys.argv[1])
    except ValueError:
        pass
print(d.get("records", sys.argv[2]), d.get("valid", "-"), d.get("invalid", "-"), d.get("seconds", "-"), sep="\t")
EOF
        )
        printf '%s\t%s\t%s\t%s\t%s\t%s\n' "$run" "$tool" "$wall" "$rss" "$fields" "$status" >>"$RUNS"
    done
done

# --- table -------------------------------------------------------------------------------------------
"$PYTHON" - "$RUNS" "$BYTES" "$FILE" "$REPEAT" <<'EOF'
import statistics
import sys

path, size, name, repeat = sys.argv[1], int(sys.argv[2]), sys.argv[3], int(sys.argv[4])
runs = {}     # tool -> its runs, in round order
rounds = {}   # round -> tool -> run
for raw in open(path):
    rnd, tool, wall, rss, records, valid, invalid, loop, status = raw.rstrip("\n").split("\t")
    r = dict(wall=max(float(wall), 0.01), rss=int(rss) / 1024, records=int(records), valid=valid, invalid=invalid,
             loop=float(loop) if loop not in ("-", "") and float(loop) > 0 else None)
    r["rate"] = r["records"] / r["wall"]
    r["loop_rate"] = r["records"] / r["loop"] if r["loop"] else None
    runs.setdefault(tool, []).append(r)
    rounds.setdefault(rnd, {})[tool] = r
if not runs:
    sys.exit("no tool ran (see the skip reasons above)")


def median(values):
    values = [v for v in values if v is not None]
    return statistics.median(values) if values else None


def ratio(tool, other, key):
    """The median over rounds of the tool's rate over the other tool's rate in the same round."""
    per_round = [rd[tool][key] / rd[other][key] for rd in rounds.values()
                 if tool in rd and other in rd and rd[tool][key] and rd[other][key]]
    return f"{median(per_round):.2f}" if per_round else "-"


first = next(iter(runs.values()))[0]
print(f"\nfile: {name}  {size / 1e6:.1f} MB, {first['records']} records; {repeat} round(s), medians\n")
head = ["tool", "records", "valid", "invalid", "wall s", "records/s", "MB/s", "peak RSS MB",
        "x pydantic", "x msgspec", "loop rec/s", "loop x pyd", "loop x msgspec"]
table = []
for tool, rs in runs.items():
    wall = median([r["wall"] for r in rs])
    loop_rate = median([r["loop_rate"] for r in rs])
    table.append([tool, str(rs[0]["records"]), rs[0]["valid"], rs[0]["invalid"], f"{wall:.2f}",
                  f"{median([r['rate'] for r in rs]):,.0f}", f"{size / 1e6 / wall:.1f}",
                  f"{median([r['rss'] for r in rs]):.1f}", ratio(tool, "pydantic", "rate"), ratio(tool, "msgspec", "rate"),
                  f"{loop_rate:,.0f}" if loop_rate else "-",
                  ratio(tool, "pydantic", "loop_rate"), ratio(tool, "msgspec", "loop_rate")])
widths = [max(len(h), *(len(t[i]) for t in table)) for i, h in enumerate(head)]
print("  ".join(h.ljust(w) if i == 0 else h.rjust(w) for i, (h, w) in enumerate(zip(head, widths))))
for t in table:
    print("  ".join(c.ljust(w) if i == 0 else c.rjust(w) for i, (c, w) in enumerate(zip(t, widths))))
print("\nwall s, records/s, MB/s, peak RSS and loop rec/s are medians over the rounds; each ratio is the")
print("median of that ratio within each round. wall seconds per round:")
for tool, rs in runs.items():
    print(f"  {tool:12s} " + " ".join(f"{r['wall']:.2f}" for r in rs))
print("loop seconds per round:")
for tool, rs in runs.items():
    print(f"  {tool:12s} " + " ".join(f"{r['loop']:.3f}" if r["loop"] else "-" for r in rs))
counts = {(rs[0]["valid"], rs[0]["invalid"]) for rs in runs.values() if rs[0]["valid"] != "-"}
if len(counts) > 1:
    print("\nnote: the tools disagree on valid/invalid counts:",
          ", ".join(f"{t} {rs[0]['valid']}/{rs[0]['invalid']}" for t, rs in runs.items()))
EOF
table_status=$?
if [[ ${#FAILED[@]} -gt 0 ]]; then
    note ""
    note "error: ${#FAILED[@]} run(s) failed (crashed or exited with a status other than 0 or 1); the figures above leave them out:"
    for failure in "${FAILED[@]}"; do note "  $failure"; done
    exit 1
fi
exit $table_status

#!/usr/bin/env bash
# Instructions a line, by kind of line (issue 18): counts with valgrind's callgrind what each tool executes on the
# first lines of each file of the realistic profile (escaped, raw, wide, mixed), takes off what it executes on an
# empty file (start-up, imports), and prints one table of instructions a line with the ratios that matter. Unlike
# times, these counts do not move with the load of a shared machine: two runs of the same build agree to a few
# instructions a line for the Swift tools and C++ harness and within about 1 % for Python (whose hashing is seeded
# at random), so a change of a percent shows.
#
# Usage: Benchmarks/count-instructions.sh [DIR]
#   DIR holds kinds-escaped.jsonl, kinds-raw.jsonl, kinds-wide.jsonl and kinds-mixed.jsonl, made with
#     python3 Benchmarks/corpus/make_corpus.py --kinds-out DIR/kinds --records 50000 --invalid-every 1000
#   Without DIR the files are made that way (5,000 records, seed 5) in a temporary directory, deleted at the end.
# Environment:
#   LINES=5000 WIDE_LINES=1000   how many lines of each file are counted (wide lines are about 15 kB each)
#   KINDS="escaped raw wide mixed"
#   TOOLS="generated tree validate msgspec simdjson"   which tools, of:
#       generated  DecodeBenchmarks --mode generated (the generated decoder: TaskStepResult(jsonUTF8Bytes:))
#       tree       DecodeBenchmarks --mode tree (JSONValue(strictUTF8:), a tree of any JSON)
#       validate   contractgen validate --jobs 1 (the bundled contract)
#       msgspec    baselines/msgspec_validate.py, with the Python of VENV (its per-line loop included)
#       simdjson   the DOM-parse harness of baselines/simdjson_parse.cpp
#   CONTRACTGEN=BIN DECODE=BIN   default ../.build/release/contractgen and .build/release/DecodeBenchmarks, built
#                   (release) when missing
#   VENV=/tmp/pyd   the virtual environment with msgspec (its column is skipped without one)
#   SIMDJSON=/tmp/sj/simdjson_parse   built into the temporary directory when missing, if g++ and simdjson.h are
#                   there (apt-get install libsimdjson-dev); else its column is skipped
#
# The Swift binaries are copied and stripped of their debug information first: valgrind 3.19 cannot read the
# DWARF 5 this toolchain writes. Each count is of one run; callgrind runs the code about fifty times slower.
set -uo pipefail

HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
ROOT=$(dirname "$HERE")
KINDS=${KINDS:-"escaped raw wide mixed"}
TOOLS=${TOOLS:-"generated tree validate msgspec simdjson"}
LINES=${LINES:-5000}
WIDE_LINES=${WIDE_LINES:-1000}
PYTHON=${PYTHON:-python3}
note() { printf '%s\n' "$*" >&2; }

if [[ $# -gt 1 || ($# -eq 1 && ! -d $1) ]]; then
    sed -n '2,/^set -uo/p' "${BASH_SOURCE[0]}" | sed '$d; s/^# \{0,1\}//' >&2
    exit 2
fi
for number in "$LINES" "$WIDE_LINES"; do
    if [[ ! $number =~ ^[1-9][0-9]{0,6}$ ]]; then
        echo "error: LINES and WIDE_LINES are whole numbers from 1 to 9999999, not '$number'" >&2
        exit 2
    fi
done
for tool in $TOOLS; do
    case $tool in
        generated | tree | validate | msgspec | simdjson) ;;
        *) echo "error: unknown tool '$tool' in TOOLS (generated tree validate msgspec simdjson)" >&2; exit 2 ;;
    esac
done
if ! command -v valgrind >/dev/null; then
    echo "error: valgrind is needed (apt-get install valgrind)" >&2
    exit 2
fi
WORK=$(mktemp -d "${TMPDIR:-/tmp}/count-instructions.XXXXXX")
trap 'rm -rf "$WORK"' EXIT

# --- the samples -------------------------------------------------------------------------------------
source "$HERE/kinds-files.sh"
kinds_files "${1:-}" 5000 1000 5
: >"$WORK/empty.jsonl"
for kind in $KINDS; do
    count=$LINES
    [[ $kind == wide ]] && count=$WIDE_LINES
    head -n "$count" -- "$DIR/kinds-$kind.jsonl" >"$WORK/$kind.jsonl"
done

# --- the tools ---------------------------------------------------------------------------------------
CONTRACTGEN=${CONTRACTGEN:-$ROOT/.build/release/contractgen}
DECODE=${DECODE:-$HERE/.build/release/DecodeBenchmarks}
if [[ ! -x $CONTRACTGEN ]]; then
    note "== building contractgen (release)"
    (cd "$ROOT" && swift build -c release --product contractgen) >"$WORK/build.log" 2>&1 || grep -m5 'error:' "$WORK/build.log" >&2
fi
if [[ ! -x $DECODE ]]; then
    note "== building DecodeBenchmarks (release)"
    (cd "$HERE" && swift build -c release --product DecodeBenchmarks) >>"$WORK/build.log" 2>&1 || grep -m5 'error:' "$WORK/build.log" >&2
fi
mkdir -p "$WORK/bin"
for name in CONTRACTGEN DECODE; do
    binary=${!name}
    if [[ -x $binary ]]; then
        cp -- "$binary" "$WORK/bin/$name" && strip --strip-debug -- "$WORK/bin/$name"
        note "   $name: $binary, built $(date -u -r "$binary" '+%Y-%m-%d %H:%M:%S UTC')"
    fi
done
VENV=${VENV:-/tmp/pyd}
SIMDJSON=${SIMDJSON:-/tmp/sj/simdjson_parse}
if [[ ! -x $SIMDJSON ]] && command -v g++ >/dev/null && [[ -f /usr/include/simdjson.h ]]; then
    g++ -O3 -std=c++17 -o "$WORK/simdjson_parse" "$HERE/baselines/simdjson_parse.cpp" -lsimdjson 2>"$WORK/sj.log" &&
        SIMDJSON=$WORK/simdjson_parse
fi

# Sets `cmd` to the command of a tool (the file is added after it), or to nothing when it cannot run here.
command_of() {
    cmd=()
    case $1 in
        generated) [[ -x $WORK/bin/DECODE ]] && cmd=("$WORK/bin/DECODE" --mode generated) ;;
        tree) [[ -x $WORK/bin/DECODE ]] && cmd=("$WORK/bin/DECODE" --mode tree) ;;
        validate) [[ -x $WORK/bin/CONTRACTGEN ]] && cmd=("$WORK/bin/CONTRACTGEN" validate --jobs 1) ;;
        msgspec) [[ -x $VENV/bin/python ]] && "$VENV/bin/python" -c 'import msgspec' 2>/dev/null &&
            cmd=("$VENV/bin/python" "$HERE/baselines/msgspec_validate.py") ;;
        simdjson) [[ -x $SIMDJSON ]] && cmd=("$SIMDJSON") ;;
    esac
    return 0
}

# Instructions callgrind counts for one run of COMMAND on FILE ("-" when the run fails).
count() {
    local file=$1; shift
    local refs
    # The command's own output is dropped; callgrind's summary is on stderr.
    refs=$(valgrind --tool=callgrind --callgrind-out-file=/dev/null "$@" "$file" 2>&1 >/dev/null |
        sed -n 's/.*Collected : *\([0-9]*\).*/\1/p; s/.*refs: *\([0-9,]*\).*/\1/p' | tr -d , | head -1)
    echo "${refs:--}"
}

RESULTS=$WORK/results.tsv # tool kind instructions-a-line
: >"$RESULTS"
for tool in $TOOLS; do
    command_of "$tool"
    if [[ ${#cmd[@]} -eq 0 ]]; then
        note "skip $tool: it cannot run here (not built, or no VENV with msgspec, or no simdjson harness)"
        continue
    fi
    base=$(count "$WORK/empty.jsonl" "${cmd[@]}")
    for kind in $KINDS; do
        total=$(count "$WORK/$kind.jsonl" "${cmd[@]}")
        lines=$(wc -l <"$WORK/$kind.jsonl")
        if [[ $total == - || $base == - ]]; then
            note "   $tool on $kind: the run under valgrind failed"
            continue
        fi
        echo -e "$tool\t$kind\t$(((total - base) / lines))" >>"$RESULTS"
        note "   $tool $kind: $(((total - base) / lines)) instructions a line"
    done
done

"$PYTHON" - "$RESULTS" "$KINDS" "$TOOLS" <<'EOF'
import sys
path, kinds, tools = sys.argv[1], sys.argv[2].split(), sys.argv[3].split()
counts = {}
for line in open(path):
    tool, kind, value = line.split("\t")
    counts[tool, kind] = int(value)
tools = [t for t in tools if any((t, k) in counts for k in kinds)]
ratios = [("msgspec", "generated"), ("msgspec", "validate"), ("simdjson", "validate"), ("tree", "simdjson")]
ratios = [r for r in ratios if r[0] in tools and r[1] in tools]
print("instructions a line (empty file's count taken off); ratios: the first tool's count over the second's")
header = ["kind"] + tools + [f"{a}/{b}" for a, b in ratios]
rows = []
for kind in kinds:
    row = [kind] + [f"{counts[t, kind]:,}" if (t, kind) in counts else "-" for t in tools]
    for a, b in ratios:
        row.append(f"{counts[a, kind] / counts[b, kind]:.2f}" if (a, kind) in counts and (b, kind) in counts and counts[b, kind] > 0 else "-")
    rows.append(row)
widths = [max(len(r[i]) for r in [header] + rows) for i in range(len(header))]
for r in [header] + rows:
    print("  ".join(c.rjust(w) if i else c.ljust(w) for i, (c, w) in enumerate(zip(r, widths))))
EOF

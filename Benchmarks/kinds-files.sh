# Sourced by run-kinds-bench.sh and count-instructions.sh, which set HERE, WORK, KINDS and PYTHON and define `note`.
#
# kinds_files DIR RECORDS INVALID_EVERY SEED
#   Sets DIR to the directory of the kind files (kinds-escaped.jsonl, kinds-raw.jsonl, ...): the given one, or, when
#   DIR is empty, $WORK/corpus with files made by corpus/make_corpus.py. Exits 2 when one of $KINDS is missing.
kinds_files() {
    if [[ -n $1 ]]; then
        DIR=$(cd "$1" && pwd)
    else
        DIR=$WORK/corpus
        mkdir -p "$DIR"
        note "== making the files: make_corpus.py --kinds-out $DIR/kinds --records $2 --invalid-every $3 --seed $4"
        "$PYTHON" "$HERE/corpus/make_corpus.py" --kinds-out "$DIR/kinds" --records "$2" \
            --invalid-every "$3" --seed "$4" || exit 2
    fi
    local kind
    for kind in $KINDS; do
        if [[ ! -f $DIR/kinds-$kind.jsonl ]]; then
            echo "error: $DIR/kinds-$kind.jsonl is missing (make_corpus.py --kinds-out $DIR/kinds)" >&2
            exit 2
        fi
    done
}

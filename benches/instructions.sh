#!/usr/bin/env bash
# Instructions, not seconds: runs `chronicle extract` on one thread under
# callgrind for each binary given and prints the instructions of the whole
# process and of `extract()` (the extraction alone, without reading and
# printing JSON). The count is the same from run to run whatever else the
# machine is doing, so it shows changes of a few percent that this VM's drift
# hides from timings (see "Performance" in the README). It is not a timing:
# check a change's speed with `benches/ab.sh` too. Not run in CI.
#
#   benches/instructions.sh /tmp/before target/profiling/chronicle
#   ARTICLES=200 benches/instructions.sh target/profiling/chronicle
#
# Give binaries built with symbols: `cargo build --profile profiling` (the
# release profile has no debug information, and callgrind then loses the
# functions inlined into extract()).
#
# The corpus is ARTICLES (default 500) generated articles (seed 42), about 1 MB.
# Needs valgrind; each binary takes about 10 s.
set -euo pipefail
[[ $# -ge 1 ]] || { echo "usage: $0 BINARY [BINARY...]" >&2; exit 2; }
command -v valgrind >/dev/null || { echo "$0: valgrind is not installed" >&2; exit 2; }
cd "$(dirname "$0")/.."
ARTICLES=${ARTICLES:-500}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

cargo build --release --quiet --example gencorpus
target/release/examples/gencorpus -n "$ARTICLES" -o "$work/corpus.jsonl" --seed 42 2>/dev/null
bytes=$(wc -c <"$work/corpus.jsonl")
echo "corpus: $ARTICLES generated articles, $bytes bytes of JSON Lines"

first=""
for bin in "$@"; do
    out="$work/callgrind.out"
    RAYON_NUM_THREADS=1 valgrind --tool=callgrind --callgrind-out-file="$out" "$bin" extract "$work/corpus.jsonl" \
        >"$work/events.jsonl" 2>"$work/valgrind.log" || { cat "$work/valgrind.log" >&2; exit 1; }
    report=$(callgrind_annotate --inclusive=yes "$out" 2>/dev/null)
    total=$(awk '/PROGRAM TOTALS/ {gsub(",", "", $1); print $1; exit}' <<<"$report")
    extract=$(awk '/chronicle::extract::extract \[/ {gsub(",", "", $1); print $1; exit}' <<<"$report")
    [[ -n $extract ]] || { echo "$bin: extract() not found in the profile (a build without symbols? use cargo build --profile profiling)" >&2; exit 1; }
    events=$(wc -l <"$work/events.jsonl")
    ratio=""
    [[ -n $first ]] && ratio=$(python3 -c "print(f'  {$first / $extract:.3f}x the first')")
    printf '%-40s extract() %13s  process %13s  (%s events)%s\n' "$bin" \
        "$(python3 -c "print(f'{$extract:,}')")" "$(python3 -c "print(f'{$total:,}')")" "$events" "$ratio"
    [[ -n $first ]] || first=$extract
done

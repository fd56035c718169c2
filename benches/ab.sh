#!/usr/bin/env bash
# A/B of one-thread extraction between two chronicle binaries: RUNS rounds,
# each running A then B on the same corpus, so that both see the same load
# (on a shared VM the machine's speed drifts more than most changes gain).
# Reports each side's median and the ratio; checks that both print the same
# events.
#
#   cp target/release/chronicle /tmp/before   # build, copy, change, rebuild
#   benches/ab.sh /tmp/before target/release/chronicle 7
#
# The corpus is $WORK/small.jsonl from benches/run.sh, or CORPUS=FILE.
set -euo pipefail
A=$1
B=$2
RUNS=${3:-7}
CORPUS=${CORPUS:-${WORK:-/tmp/chronicle-bench}/small.jsonl}
[[ -f $CORPUS ]] || { echo "no corpus at $CORPUS (run benches/run.sh, or set CORPUS)" >&2; exit 1; }
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
ta=() tb=()
for ((i = 0; i < RUNS; i++)); do
    for side in A B; do
        bin=${!side}
        t0=$EPOCHREALTIME
        RAYON_NUM_THREADS=1 "$bin" extract "$CORPUS" >"$out/$side.jsonl"
        t1=$EPOCHREALTIME
        if [[ $side == A ]]; then ta+=("$(python3 -c "print($t1 - $t0)")"); else tb+=("$(python3 -c "print($t1 - $t0)")"); fi
    done
done
cmp -s "$out/A.jsonl" "$out/B.jsonl" && same="identical events" || same="DIFFERENT events"
python3 - "$(wc -c <"$CORPUS")" "${ta[*]}" "${tb[*]}" "$same" <<'PY'
import statistics, sys
size = int(sys.argv[1]) / 1e6
a = [float(x) for x in sys.argv[2].split()]
b = [float(x) for x in sys.argv[3].split()]
ma, mb = statistics.median(a), statistics.median(b)
print(f"A median {ma:.3f} s ({size / ma:.2f} MB/s, spread {min(a):.3f}..{max(a):.3f})")
print(f"B median {mb:.3f} s ({size / mb:.2f} MB/s, spread {min(b):.3f}..{max(b):.3f})")
print(f"B is {ma / mb:.3f}x A; {sys.argv[4]}")
PY

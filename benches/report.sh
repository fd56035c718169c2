#!/usr/bin/env bash
# The HTML report at scale (issue 18): for generated corpora of about 10,000
# events (556 articles) and of 5,000 articles (about 90,000 events), the
# report's size, the time `chronicle report` takes (median of RUNS after a
# warm-up) and the time headless Chromium takes to open it (benches/page_load.py).
# Not run in CI.
#
#   benches/report.sh
#   RUNS=9 WORK=/tmp/cr benches/report.sh
set -euo pipefail

cd "$(dirname "$0")/.."
RUNS=${RUNS:-5}
WORK=${WORK:-/tmp/chronicle-report}
SEED=${SEED:-42}

cargo build --release --quiet --bin chronicle --example gencorpus
BIN=$PWD/target/release/chronicle
GEN=$PWD/target/release/examples/gencorpus
mkdir -p "$WORK"

echo "machine: $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg)"
echo "chronicle $(git rev-parse --short HEAD)$(git diff --quiet || echo +dirty), $(/usr/bin/chromium --version 2>/dev/null)"

for articles in 556 5000; do
    corpus=$WORK/gen$articles.jsonl db=$WORK/gen$articles.db page=$WORK/gen$articles.html
    "$GEN" -n "$articles" -o "$corpus" --seed "$SEED" 2>/dev/null
    rm -f "$db" "$db"-wal "$db"-shm
    "$BIN" --db "$db" ingest "$corpus" 2>/dev/null
    events=$("$BIN" --db "$db" sql "SELECT count(*) FROM events" --format csv --no-headers)
    "$BIN" --db "$db" report -o "$page"
    times=()
    for ((i = 0; i < RUNS; i++)); do
        t0=$EPOCHREALTIME
        "$BIN" --db "$db" report -o "$page"
        times+=("$(python3 -c "print($EPOCHREALTIME - $t0)")")
    done
    peak=$(/usr/bin/time -v "$BIN" --db "$db" report -o "$page" 2>&1 >/dev/null | awk '/Maximum resident/ {printf "%.0f", $6/1024}')
    python3 -c '
import statistics, sys
t = sorted(float(x) for x in sys.argv[3:])
print(f"{sys.argv[1]} articles, {int(sys.argv[2]):,} events: report median {statistics.median(t):.2f} s (min {t[0]:.2f}, max {t[-1]:.2f}), peak", end=" ")' \
        "$articles" "$events" "${times[@]}"
    echo "$peak MB"
    python3 benches/page_load.py "$page" "$RUNS"
done

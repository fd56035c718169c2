#!/usr/bin/env bash
# Whole-process measures of issue 6, on a release build: each is run RUNS
# times (after one warm-up) and reported as the median with the spread
# (min..max). Not run in CI.
#
#   benches/run.sh                 # everything (about 5 minutes on 2 cores)
#   RUNS=9 benches/run.sh          # more runs per measure
#   WORK=/tmp/cb DB_ARTICLES=56000 SMALL_ARTICLES=5000 benches/run.sh
#
# The corpus comes from tools/gencorpus.rs (seeded, so every run and every
# machine sees the same bytes). SMALL_ARTICLES articles (~2 KB each) feed the
# throughput measures; DB_ARTICLES articles (~17.8 events each) build the
# database of about a million events used by the query measures.
set -euo pipefail

cd "$(dirname "$0")/.."
RUNS=${RUNS:-5}
WORK=${WORK:-/tmp/chronicle-bench}
SMALL_ARTICLES=${SMALL_ARTICLES:-5000}
DB_ARTICLES=${DB_ARTICLES:-56000}
SEED=${SEED:-42}
ACTOR=${ACTOR:-Lavrov}
SINCE=${SINCE:-2013-01-01}

cargo build --release --quiet --bin chronicle --example gencorpus
BIN=$PWD/target/release/chronicle
GEN=$PWD/target/release/examples/gencorpus
mkdir -p "$WORK"

# Text bytes of a generated corpus, from gencorpus's own count.
generate() { # N OUT
    local log
    log=$("$GEN" -n "$1" -o "$2" --seed "$SEED" 2>&1) || { echo "gencorpus failed: $log" >&2; exit 1; }
    sed -n 's/.* articles, \([0-9]*\) bytes.*/\1/p' <<<"$log"
}

# measure NAME CMD...: runs CMD RUNS times after a warm-up; sets MEDIAN_S and
# prints median and spread in ms. PREPARE, when set, runs untimed before each
# run. CMD is evaluated by this shell, which forks and execs the command, so
# the time is the command's own: `bash -c CMD` would add a second shell's
# start-up (1.4 ms here) to every run.
measure() {
    local name=$1 cmd=$2 times=() i t0 t1
    [[ -n ${PREPARE:-} ]] && bash -c "$PREPARE"
    RUN=warm eval "$cmd" >/dev/null
    for ((i = 0; i < RUNS; i++)); do
        [[ -n ${PREPARE:-} ]] && bash -c "$PREPARE"
        RUN=$i
        t0=$EPOCHREALTIME
        eval "$cmd" >/dev/null
        t1=$EPOCHREALTIME
        times+=("$(python3 -c "print($t1 - $t0)")")
    done
    read -r MEDIAN_S MIN_S MAX_S < <(python3 -c '
import statistics, sys
t = sorted(float(x) for x in sys.argv[1:])
print(statistics.median(t), t[0], t[-1])' "${times[@]}")
    printf '%-44s median %9.1f ms  (min %.1f, max %.1f, %d runs)\n' "$name" \
        "$(python3 -c "print($MEDIAN_S*1000)")" "$(python3 -c "print($MIN_S*1000)")" \
        "$(python3 -c "print($MAX_S*1000)")" "$RUNS"
}

# Peak resident memory (MB) of one run of CMD.
peak_mb() {
    /usr/bin/time -v bash -c "$1" 2>&1 >/dev/null | awk '/Maximum resident/ {printf "%.1f", $6/1024}'
}

rate() { python3 -c "print(f'{$1 / $2:,.1f}')"; }

echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs), load $(cut -d' ' -f1-3 /proc/loadavg)"
echo "chronicle $(git rev-parse --short HEAD)$(git diff --quiet || echo +dirty), runs per measure: $RUNS"

SMALL=$WORK/small.jsonl
BIG=$WORK/big.jsonl
small_bytes=$(generate "$SMALL_ARTICLES" "$SMALL")
big_bytes=$(generate "$DB_ARTICLES" "$BIG")
t0=$EPOCHREALTIME
generate 100000 "$WORK/gen100k.jsonl" >/dev/null
echo "gencorpus: 100000 articles in $(python3 -c "print(f'{$EPOCHREALTIME - $t0:.2f}')") s"
rm -f "$WORK/gen100k.jsonl"
echo "corpus: $SMALL_ARTICLES articles, $small_bytes bytes (throughput); $DB_ARTICLES articles, $big_bytes bytes (1M-event database)"
echo

measure "extract, 1 thread" "RAYON_NUM_THREADS=1 '$BIN' extract '$SMALL'"
echo "    -> $(rate "$small_bytes / 1e6" "$MEDIAN_S") MB/s"

measure "extract, all cores" "'$BIN' extract '$SMALL'"
echo "    -> $(rate "$small_bytes / 1e6" "$MEDIAN_S") MB/s"

PREPARE="rm -f '$WORK'/new.db*" measure "ingest into a new database, all cores" \
    "'$BIN' --db '$WORK/new.db' ingest '$SMALL' 2>/dev/null"
echo "    -> $(rate "$small_bytes / 1e6" "$MEDIAN_S") MB/s"

# The database of about a million events, built once (timed once).
rm -f "$WORK"/big.db*
t0=$EPOCHREALTIME
big_rss=$(peak_mb "'$BIN' --db '$WORK/big.db' ingest '$BIG' 2>/dev/null")
big_s=$(python3 -c "print($EPOCHREALTIME - $t0)")
events=$("$BIN" --db "$WORK/big.db" sql "SELECT count(*) FROM events" --no-headers)
mentions=$("$BIN" --db "$WORK/big.db" sql "SELECT count(*) FROM mentions" --no-headers)
printf '%-44s %9.1f s  (one run) -> %s MB/s, %s events, %s mentions, peak %s MB\n' \
    "ingest $DB_ARTICLES articles into a new database" "$big_s" "$(rate "$big_bytes / 1e6" "$big_s")" \
    "$events" "$mentions" "$big_rss"

# Whole process, cron-style: one new small article, each run into a fresh
# copy of the database (copied and synced untimed): into the same database again, each
# run's reports would join the previous runs' copies of the article.
ONE=$WORK/one.txt
sed -n 2p "$SMALL" | python3 -c 'import json, sys; sys.stdout.write(json.loads(sys.stdin.read())["text"])' >"$ONE"
PREPARE="rm -f '$WORK'/one.db*; cp '$WORK/big.db' '$WORK/one.db'; [ ! -f '$WORK/big.db-wal' ] || cp '$WORK/big.db-wal' '$WORK/one.db-wal'; sync '$WORK'/one.db*" measure "ingest one article ($(wc -c <"$ONE") B) into 1M events" \
    "'$BIN' --db '$WORK/one.db' ingest --name one-\$RUN.txt --published 2014-01-17 - <'$ONE' 2>/dev/null"
rm -f "$WORK"/one.db*

measure "events --actor $ACTOR --since $SINCE --limit 100" \
    "'$BIN' --db '$WORK/big.db' events --actor '$ACTOR' --since $SINCE --limit 100 --format csv"

measure "export events --format csv ($events rows)" "'$BIN' --db '$WORK/big.db' export events --format csv"
echo "    -> $(rate "$events" "$MEDIAN_S") rows/s"
export_rss=$(peak_mb "'$BIN' --db '$WORK/big.db' export events --format csv")
jsonl_rss=$(peak_mb "'$BIN' --db '$WORK/big.db' export events --format jsonl")
extract_rss=$(peak_mb "'$BIN' extract '$BIG'")

"$BIN" --db "$WORK/big.db" sql "PRAGMA wal_checkpoint(TRUNCATE)" >/dev/null 2>&1 || true
db_bytes=$(cat "$WORK"/big.db "$WORK"/big.db-wal 2>/dev/null | wc -c)
echo
echo "peak memory: ingest $big_rss MB, extract $extract_rss MB, export csv $export_rss MB, export jsonl $jsonl_rss MB"
echo "database: $db_bytes bytes for $big_bytes bytes of text = $(python3 -c "print(f'{$db_bytes / $big_bytes:.2f}')") x"

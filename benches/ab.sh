#!/usr/bin/env bash
# A/B of two chronicle binaries in alternating runs: RUNS rounds, each
# running A then B (B then A in odd rounds), so that both see the same load
# (on a shared VM the machine's speed drifts more than most changes gain).
# Reports each side's median, its spread and the ratio.
#
#   cp target/release/chronicle /tmp/before   # build, copy, change, rebuild
#   benches/ab.sh /tmp/before target/release/chronicle 7
#
# MEASURE picks what is timed:
#   extract (default)  one-thread extraction of $CORPUS (default
#                      $WORK/small.jsonl from benches/run.sh); checks that both
#                      print the same events.
#   one                one new 3 KB article ingested into a database of 1M
#                      events, whole process. Each run ingests into a fresh
#                      copy of the side's database (copied and synced untimed,
#                      so its pages are in the page cache as after a recent write):
#                      ingesting into the same database again would measure
#                      an article whose reports join the previous runs'
#                      copies of it, events that grow by one report a run.
#   export             `export events --format csv` of that database; checks
#                      that both export the same number of CSV lines.
#   bulk               `ingest $CORPUS` into a new database, whole process, all
#                      cores (issue 16's "5,000 generated articles" measure);
#                      reports the CPU time (user + system) too, and checks
#                      that both stored the same number of events.
# For `one` and `export` each side reads its own database, DB_A and DB_B
# (default $WORK/big.db for both): a version's own database, built with
# `chronicle --db FILE ingest $WORK/big.jsonl`, measures its storage choices
# too (page size, indexes).
set -euo pipefail
A=$1
B=$2
RUNS=${3:-7}
MEASURE=${MEASURE:-extract}
WORK=${WORK:-/tmp/chronicle-bench}
CORPUS=${CORPUS:-$WORK/small.jsonl}
DB_A=${DB_A:-$WORK/big.db}
DB_B=${DB_B:-$WORK/big.db}
ONE=${ONE:-$WORK/one.txt}
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT

case $MEASURE in
extract) need=("$CORPUS") ;;
one) need=("$DB_A" "$DB_B" "$ONE") ;;
export) need=("$DB_A" "$DB_B") ;;
bulk) need=("$CORPUS") ;;
*) echo "unknown MEASURE '$MEASURE' (extract, one, export or bulk)" >&2; exit 2 ;;
esac
for f in "${need[@]}"; do
    [[ -f $f ]] || { echo "no $f (run benches/run.sh, or set CORPUS, DB_A, DB_B, ONE)" >&2; exit 1; }
done

# fresh SRC: a copy of database SRC (checkpointed first) in $out; prints its path.
fresh() {
    local copy=$out/one.db
    rm -f "$copy" "$copy-wal" "$copy-shm"
    cp "$1" "$copy"
    [[ -f $1-wal ]] && cp "$1-wal" "$copy-wal"
    # Written to disk before the run: else the run's first fsync writes the copy.
    sync "$copy"*
    echo "$copy"
}

# run SIDE ROUND: one timed run of that side's binary; prints seconds.
run() {
    local side=$1 bin db t0 t1
    if [[ $side == A ]]; then bin=$A db=$DB_A; else bin=$B db=$DB_B; fi
    [[ $MEASURE == one ]] && db=$(fresh "$db")
    t0=$EPOCHREALTIME
    case $MEASURE in
    extract) RAYON_NUM_THREADS=1 "$bin" extract "$CORPUS" >"$out/$side.out" ;;
    one) "$bin" --db "$db" ingest --name "ab-$side-$RANDOM$RANDOM-$2.txt" --published 2014-01-17 - <"$ONE" 2>/dev/null ;;
    export) "$bin" --db "$db" export events --format csv | wc -l >"$out/$side.out" ;;
    bulk)
        rm -f "$out/bulk.db" "$out/bulk.db-wal" "$out/bulk.db-shm"
        /usr/bin/time -f '%U %S' -o "$out/$side.cpu" "$bin" --db "$out/bulk.db" ingest "$CORPUS" 2>/dev/null
        ;;
    esac
    t1=$EPOCHREALTIME
    if [[ $MEASURE == bulk ]]; then
        "$bin" --db "$out/bulk.db" sql "SELECT count(*) FROM events" --no-headers >"$out/$side.out"
        read -r user sys <"$out/$side.cpu"
        echo "$user $sys" >>"$out/$side.cpus"
    fi
    python3 -c "print($t1 - $t0)"
}

ta=() tb=()
for ((i = 0; i < RUNS; i++)); do
    if ((i % 2 == 0)); then order="A B"; else order="B A"; fi
    for side in $order; do
        t=$(run "$side" "$i")
        if [[ $side == A ]]; then ta+=("$t"); else tb+=("$t"); fi
    done
done
case $MEASURE in
extract) cmp -s "$out/A.out" "$out/B.out" && same="identical events" || same="DIFFERENT events" ;;
export) cmp -s "$out/A.out" "$out/B.out" && same="same number of CSV lines" || same="DIFFERENT numbers of CSV lines" ;;
one) same="each run into a fresh copy of its database" ;;
bulk) cmp -s "$out/A.out" "$out/B.out" && same="same number of events" || same="DIFFERENT numbers of events" ;;
esac
size=0
[[ $MEASURE == extract ]] && size=$(wc -c <"$CORPUS")
cpu() { [[ -f $out/$1.cpus ]] && awk '{print $1 + $2}' "$out/$1.cpus" | xargs; }
python3 - "$MEASURE" "$size" "${ta[*]}" "${tb[*]}" "$same" "$(cpu A)" "$(cpu B)" <<'PY'
import statistics, sys
measure, size = sys.argv[1], int(sys.argv[2]) / 1e6
a = [float(x) for x in sys.argv[3].split()]
b = [float(x) for x in sys.argv[4].split()]
ma, mb = statistics.median(a), statistics.median(b)
cpus = {"A": sys.argv[6].split(), "B": sys.argv[7].split()}
for side, m, t in (("A", ma, a), ("B", mb, b)):
    if measure == "one":
        print(f"{side} median {m * 1e3:.1f} ms (spread {min(t) * 1e3:.1f}..{max(t) * 1e3:.1f})")
    else:
        rate = f"{size / m:.2f} MB/s, " if measure == "extract" else ""
        cpu = cpus[side]
        cpu = f", CPU median {statistics.median(float(c) for c in cpu):.2f} s" if cpu else ""
        print(f"{side} median {m:.3f} s ({rate}spread {min(t):.3f}..{max(t):.3f}){cpu}")
print(f"B is {ma / mb:.3f}x A; {sys.argv[5]}")
PY

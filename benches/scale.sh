#!/usr/bin/env bash
# The figures of docs/scale.md: one generated corpus stored three ways, each
# run RUNS times and reported as the median wall time and CPU time (user +
# system, the process and its children) with the spread of the wall times:
#   ingest                          chronicle ingest, all cores
#   extract --articles | load       the two halves apart: extraction on all
#                                   cores and on one, then the one writer
#   Spark local[2] + load           examples/spark/chronicle_extract.py, then load;
#                                   and the job on 100 articles: its start-up
# Not run in CI; about 5 minutes on 2 cores with the defaults.
#
#   benches/scale.sh
#   ARTICLES=20000 RUNS=5 benches/scale.sh
set -euo pipefail

cd "$(dirname "$0")/.."
RUNS=${RUNS:-3}
ARTICLES=${ARTICLES:-100000}
WORK=${WORK:-/tmp/chronicle-scale}

cargo build --release --quiet --bin chronicle --example gencorpus
BIN=$PWD/target/release/chronicle
PYTHON=$(bash examples/spark/setup.sh)
SPARK_SUBMIT=$(dirname "$PYTHON")/spark-submit
JOB=$PWD/examples/spark/chronicle_extract.py
rm -rf "$WORK" && mkdir -p "$WORK/in"
cd "$WORK"
log=$("$OLDPWD/target/release/examples/gencorpus" -n "$ARTICLES" -o in/corpus.jsonl 2>&1)
text_bytes=$(sed -n 's/.* articles, \([0-9]*\) bytes.*/\1/p' <<<"$log")
input_bytes=$(stat -c %s in/corpus.jsonl)

echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs), load $(cut -d' ' -f1-3 /proc/loadavg)"
echo "chronicle $(git -C "$OLDPWD" rev-parse --short HEAD), $ARTICLES articles: $text_bytes bytes of text, $input_bytes of JSON Lines; $RUNS runs a measure"

# measure NAME CMD: runs CMD (after PREPARE, untimed) RUNS times; prints the medians.
measure() {
    local name=$1 cmd=$2 i walls=() cpus=()
    for ((i = 0; i < RUNS; i++)); do
        bash -c "${PREPARE:-true}"
        /usr/bin/time -f '%e %U %S' -o time.txt bash -c "$cmd" >/dev/null 2>err.txt || {
            # The Spark job exits 1 when an input failed; none does here.
            echo "$name failed:" >&2
            grep -v ' INFO \| WARN ' err.txt >&2
            exit 1
        }
        read -r wall user sys <time.txt
        walls+=("$wall")
        cpus+=("$(python3 -c "print($user + $sys)")")
    done
    # RATE=0: a fixed cost, no rate (the job on 100 articles).
    python3 - "$name" "$text_bytes" "${walls[*]}" "${cpus[*]}" "${RATE:-1}" <<'EOF'
import statistics, sys
name, text, rate = sys.argv[1], int(sys.argv[2]), sys.argv[5] == "1"
walls, cpus = [float(x) for x in sys.argv[3].split()], [float(x) for x in sys.argv[4].split()]
wall, cpu = statistics.median(walls), statistics.median(cpus)
line = f"{name:<40} wall {wall:7.2f} s ({min(walls):.2f}..{max(walls):.2f})"
line += f"  {text / wall / 1e6:5.1f} MB/s" if rate else " " * 12
line += f"   cpu {cpu:7.2f} s"
line += f"  {text / cpu / 1e6:5.1f} MB/s per core" if rate else ""
print(line)
EOF
}

PREPARE='rm -f ingest.db*' measure "ingest" "$BIN --db ingest.db ingest in"
measure "extract --articles, all cores" "$BIN extract --articles in > records.jsonl"
measure "extract --articles, one thread" "RAYON_NUM_THREADS=1 $BIN extract --articles in"
PREPARE='rm -f load.db*' measure "load (one writer)" "$BIN --db load.db load records.jsonl"
SPARK="PYSPARK_PYTHON=$PYTHON SPARK_LOCAL_DIRS=$WORK/spark-tmp $SPARK_SUBMIT --master 'local[2]'"
SPARK+=" --conf spark.ui.enabled=false --conf spark.driver.host=127.0.0.1 --conf spark.driver.bindAddress=127.0.0.1"
# Python workers forked by the JVM itself, not by PySpark's daemon: the daemon's
# workers, and the chronicle processes they start, are never waited for by a
# process this script times, so their CPU time would not be counted.
SPARK+=" --conf spark.python.use.daemon=false"
mkdir -p small && head -n 100 in/corpus.jsonl >small/corpus.jsonl
RATE=0 PREPARE='rm -rf shards' measure "Spark local[2], 100 articles: start-up" "$SPARK $JOB --chronicle $BIN small shards"
PREPARE='rm -rf shards' measure "Spark local[2] extract" "$SPARK $JOB --chronicle $BIN in shards"
PREPARE='rm -f spark.db*' measure "load of the Spark shards" "$BIN --db spark.db load shards"
echo "records: $(stat -c %s records.jsonl) bytes ($(gzip -c records.jsonl | wc -c) gzipped); shards: $(ls shards | grep -c '^part-')"
cmp <("$BIN" --db ingest.db export events --format jsonl) <("$BIN" --db spark.db export events --format jsonl) &&
    echo "ingest and Spark + load: the same events export"

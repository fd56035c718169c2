"""chronicle's extraction as the map step of an Apache Spark job.

Reads article records in JSON Lines ({"id", "text", "published", "source",
"url", "title"}, one object per line, only "text" required) from any path
Spark reads (a file, a folder, a glob; local, hdfs://, s3a://), runs
`chronicle extract --articles` on each partition, and writes its
stored-article records (format 1, docs/scale.md) as JSON Lines shards,
OUTPUT/part-NNNNN. `chronicle load OUTPUT` then stores them in one database,
exactly as `chronicle ingest` would have stored the same articles.

    spark-submit --master local[2] examples/spark/chronicle_extract.py \\
        --chronicle target/release/chronicle articles/ records/
    chronicle --db news.db load records/

The chronicle binary is shipped to the executors with SparkContext.addFile,
and so is a --dict folder. The job never shuffles: the input files are read
in path order, each partition's records keep its input's order, and the
shards are numbered in partition order, so loading them in name order gives
the articles, events and ids a direct ingest of the same files gives.

A bad input line (malformed JSON, no text) is reported by chronicle and
skipped; the job prints every such message at the end and exits with 1,
as chronicle does. A chronicle that cannot run fails the task (and the job,
after Spark's retries).
"""

import argparse
import itertools
import os
import subprocess
import sys
import threading

from pyspark import AccumulatorParam, SparkFiles
from pyspark.sql import SparkSession


class ListParam(AccumulatorParam):
    """An accumulator of messages from the executors."""

    def zero(self, value):
        return []

    def addInPlace(self, a, b):
        return a + b


def local_or_uri(path):
    """A path as SparkContext.addFile takes it: a URI as it is, a local path made absolute."""
    return path if "://" in path else os.path.abspath(path)


def input_files(sc, path):
    """The files under `path` (a file, a folder or a glob, on any file system
    Hadoop knows), in path order, without hidden ones (`_SUCCESS`, `.crc`)."""
    jvm = sc._jvm
    hadoop_path = jvm.org.apache.hadoop.fs.Path(path)
    fs = hadoop_path.getFileSystem(sc._jsc.hadoopConfiguration())
    files = []
    for status in fs.globStatus(hadoop_path) or []:
        if status.isDirectory():
            listing = fs.listFiles(status.getPath(), True)
            while listing.hasNext():
                files.append(listing.next().getPath().toString())
        else:
            files.append(status.getPath().toString())
    return sorted(f for f in files if not os.path.basename(f).startswith(("_", ".")))


def extract_partitions(binary, dictionary, threads, problems):
    """The map step: one `chronicle extract --articles` per partition, fed
    the partition's lines on its standard input; yields its records."""

    def extract(index, lines):
        first = next(lines, None)
        if first is None:  # an empty partition: no process at all
            return
        chronicle = SparkFiles.get(binary)
        if not os.access(chronicle, os.X_OK):
            os.chmod(chronicle, 0o755)
        command = [chronicle]
        if dictionary:
            command += ["--dict", SparkFiles.get(dictionary)]
        # Records without an `id` are named part-NNNNN:LINE, unique across the job.
        command += ["extract", "--articles", "--name", "part-%05d" % index, "-"]
        # One task per core (spark.task.cpus): chronicle's own threads follow.
        env = dict(os.environ, RAYON_NUM_THREADS=str(threads))
        proc = subprocess.Popen(
            command, stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=env
        )

        def feed():
            try:
                for line in itertools.chain([first], lines):
                    proc.stdin.write(line)
                    proc.stdin.write(b"\n")
            except BrokenPipeError:
                pass  # chronicle stopped early; its exit status says why
            finally:
                try:
                    proc.stdin.close()
                except BrokenPipeError:
                    pass

        messages = []

        def drain():
            messages.extend(proc.stderr.read().decode("utf-8", "replace").splitlines())

        threads_ = [threading.Thread(target=feed, daemon=True), threading.Thread(target=drain, daemon=True)]
        for t in threads_:
            t.start()
        for record in proc.stdout:
            yield record.rstrip(b"\n")
        proc.wait()
        for t in threads_:
            t.join()
        fatal = [m for m in messages if m.startswith("chronicle: error:")]
        if proc.returncode not in (0, 1) or fatal:
            raise RuntimeError(
                "chronicle extract failed on partition %d (exit status %d): %s"
                % (index, proc.returncode, "; ".join(messages[-5:]))
            )
        reported = [m for m in messages if m.startswith(("error:", "warning:"))]
        if reported:
            problems.add(["partition %d: %s" % (index, m) for m in reported])

    return extract


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("input", help="article JSON Lines: a file, a folder or a glob, any path Spark reads")
    parser.add_argument("output", help="a new folder for the record shards (part-NNNNN)")
    parser.add_argument(
        "--chronicle", required=True, help="the chronicle binary (a local path or a URI), built for the executors"
    )
    parser.add_argument("--dict", help="a folder of dictionary files layered over the built-in ones (chronicle --dict)")
    parser.add_argument(
        "--partitions",
        type=int,
        help="at least this many partitions (default: one per input block); a few per executor core",
    )
    args = parser.parse_args(argv)

    spark = SparkSession.builder.appName("chronicle-extract").getOrCreate()
    sc = spark.sparkContext
    files = input_files(sc, args.input)
    if not files:
        print("chronicle-extract: no input files at %s" % args.input, file=sys.stderr)
        return 1
    sc.addFile(local_or_uri(args.chronicle))
    dictionary = None
    if args.dict:
        sc.addFile(local_or_uri(args.dict), recursive=True)
        dictionary = os.path.basename(local_or_uri(args.dict).rstrip("/"))
    threads = int(sc.getConf().get("spark.task.cpus", "1"))
    problems = sc.accumulator([], ListParam())

    # Bytes in and out: chronicle reads and writes UTF-8; nothing to decode here.
    lines = sc.textFile(",".join(files), minPartitions=args.partitions, use_unicode=False)
    records = lines.mapPartitionsWithIndex(
        extract_partitions(os.path.basename(args.chronicle.rstrip("/")), dictionary, threads, problems)
    )
    records.saveAsTextFile(args.output)

    # A retried task reports again: each message once, in partition order.
    reported = sorted(set(problems.value), key=lambda m: (int(m.split(":")[0].split()[1]), m))
    for message in reported:
        print(message, file=sys.stderr)
    errors = sum(1 for m in reported if ": error: " in m)
    print(
        "chronicle-extract: %d input files, %d partitions, records in %s; %d bad inputs"
        % (len(files), lines.getNumPartitions(), args.output, errors),
        file=sys.stderr,
    )
    spark.stop()
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main())

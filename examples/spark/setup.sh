#!/usr/bin/env bash
# Installs what the Spark example and its test need, only what is missing:
# Java 17 or later (Debian's openjdk-17-jre-headless) and a Python virtual
# environment with pyspark. Prints the environment's python on stdout.
#
#   CHRONICLE_SPARK_VENV   where the environment lives
#                          (default: /tmp/chronicle-pyspark-venv, kept across runs)
#
# Used by .ci/run and by tests/spark.rs; safe to run several times at once.
set -euo pipefail

venv="${CHRONICLE_SPARK_VENV:-/tmp/chronicle-pyspark-venv}"
requirement="pyspark==4.3.0"
say() { echo "spark setup: $*" >&2; }

java_ok() { java -version 2>&1 | head -n 1 | grep -Eq 'version "(1[7-9]|[2-9][0-9])'; }
if ! java_ok; then
    if command -v apt-get >/dev/null && [ "$(id -u)" = 0 ]; then
        say "installing Java 17 (openjdk-17-jre-headless)"
        apt-get update -qq >&2
        DEBIAN_FRONTEND=noninteractive apt-get install -y -qq openjdk-17-jre-headless >&2
    fi
    if ! java_ok; then
        say "Spark needs Java 17 or later; java -version says: $(java -version 2>&1 | head -n 1 || true)"
        say "install it (apt-get install -y openjdk-17-jre-headless) and run this again"
        exit 1
    fi
fi

# One install at a time; an environment is used only once its stamp says it is complete.
mkdir -p "$(dirname "$venv")"
exec 9>"$venv.lock"
flock 9
stamp="$venv/.chronicle-complete"
if [ "$(cat "$stamp" 2>/dev/null || true)" != "$requirement" ] || ! "$venv/bin/python" -c 'import pyspark' 2>/dev/null; then
    say "installing $requirement into $venv (about 500 MB, a minute or two)"
    rm -rf "$venv"
    python3 -m venv "$venv"
    "$venv/bin/python" -m pip install --quiet --disable-pip-version-check "$requirement" >&2
    "$venv/bin/python" -c 'import pyspark' >&2
    echo "$requirement" > "$stamp"
fi
echo "$venv/bin/python"

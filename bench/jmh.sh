#!/usr/bin/env bash
# Runs the JMH benchmarks of src/jmh/java (compiled with the tests): parsing and linting the corpus per
# Dockerfile, .dockerignore matching per path, and layer scanning per tar entry.
#
# Usage: bench/jmh.sh [JMH OPTIONS]     default: -f 1 -wi 3 -w 2s -i 5 -r 2s (all benchmarks)
#   bench/jmh.sh LintBenchmark -prof gc  any JMH option works; `bench/jmh.sh -h` lists them
# Needs: JDK 17, Maven; the corpus at ../shared/corpus (or LAYERLINT_CORPUS=DIR holding dockerfiles/).
set -euo pipefail
cd "$(dirname "$0")/.."
corpus="$(realpath "${LAYERLINT_CORPUS:-../shared/corpus}")"
classpath_file="$(mktemp)"
trap 'rm -f "$classpath_file"' EXIT

mvn -B -ntp -q test-compile -Dinvoker.skip
mvn -B -ntp -q dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile="$classpath_file" >/dev/null
echo "== machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs); $(uptime)"
echo "== java: $(java -version 2>&1 | head -1)"
if [ "$#" -eq 0 ]; then
  set -- -f 1 -wi 3 -w 2s -i 5 -r 2s
fi
exec java -cp "target/test-classes:target/classes:$(cat "$classpath_file")" \
  -Dlayerlint.corpus="$corpus" org.openjdk.jmh.Main "$@"

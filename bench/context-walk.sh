#!/usr/bin/env bash
# Times the build-context analysis of the dockerignore goal on a generated node_modules-like
# context (200,000 files by default) for three ignore files: one that lets BuildKit skip
# node_modules ("pruned"), one whose wildcard exception makes it match every path ("unpruned"),
# and none at all ("no-patterns").
# Usage: bench/context-walk.sh [context-dir] [files] [runs]
#   defaults: /tmp/layerlint-context-bench 200000 5; the tree is generated once and reused.
set -euo pipefail
cd "$(dirname "$0")/.."
mvn -B -ntp -q test-compile -Dinvoker.skip
mvn -B -ntp -q dependency:build-classpath -Dmdep.includeScope=runtime -Dmdep.outputFile=target/bench.classpath
java -cp "target/classes:target/test-classes:$(cat target/bench.classpath)" \
  dev.layerlint.context.ContextWalkBenchmark "${1:-/tmp/layerlint-context-bench}" "${2:-200000}" "${3:-5}"

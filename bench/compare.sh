#!/usr/bin/env bash
# Lints the whole Dockerfile corpus in one warm process with layerlint and, in the same run, with
# the npm linters a user could pick instead (dockerfile-utils' validator, dockerfilelint,
# dockerlinter), and prints Dockerfiles per second for each and layerlint's ratio to each. Then
# times the lint goal's share of `mvn validate` on a one-module project. Figures go to
# docs/performance.md.
#
# Usage: bench/compare.sh [CORPUS_DIR] [WORKDIR]
#   CORPUS_DIR  default ../shared/corpus/dockerfiles
#   WORKDIR     where the npm linters are installed (never the repository); default a temp dir
# Needs: JDK 17, Maven, node + npm (registry access for the first install); hyperfine if present.
set -euo pipefail
cd "$(dirname "$0")/.."
corpus="$(realpath "${1:-../shared/corpus/dockerfiles}")"
work="${2:-$(mktemp -d)}"
mkdir -p "$work"
warm_up="${WARM_UP:-20}"
rounds="${ROUNDS:-20}"

echo "== machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs); $(uptime)"
echo "== java: $(java -version 2>&1 | head -1); node: $(node --version)"

if [ ! -d "$work/node_modules/dockerlinter" ]; then
  echo "== installing the npm linters into $work (--ignore-scripts: dockerlinter would download a binary)"
  (cd "$work" && npm init -y >/dev/null && npm install --ignore-scripts --no-audit --no-fund \
      dockerfile-utils dockerfilelint dockerlinter >/dev/null)
fi
for p in dockerfile-utils dockerfilelint dockerlinter; do
  echo "   $p $(node -p "require('$work/node_modules/$p/package.json').version")"
done

mvn -B -ntp -q test-compile -Dinvoker.skip
mvn -B -ntp -q dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile="$work/classpath.txt" >/dev/null
classpath="target/test-classes:target/classes:$(cat "$work/classpath.txt")"

results="$work/results.txt"
: > "$results"
java -cp "$classpath" dev.layerlint.rules.LintThroughput "$corpus" "$warm_up" "$rounds" | tee -a "$results"
for linter in dockerfile-utils dockerfilelint dockerlinter; do
  node bench/peers.js "$work/node_modules" "$linter" "$corpus" "$warm_up" "$rounds" | tee -a "$results"
done
awk '{ for (i = 1; i < NF; i++) if ($(i + 1) ~ /^Dockerfiles\/s/) rate[$1] = $i }
     END { for (l in rate) if (l != "layerlint") printf "layerlint / %s: %.1fx\n", l, rate["layerlint"] / rate[l] }' "$results"

echo "== lint goal's share of mvn validate (one-module project, plugin from the local repository)"
version="$(mvn -B -ntp -q help:evaluate -Dexpression=project.version -DforceStdout | sed 's/\x1b\[[0-9;]*m//g')"
if ! ls ~/.m2/repository/dev/layerlint/layerlint-maven-plugin/"$version"/*.jar >/dev/null 2>&1; then
  mvn -B -ntp -q install -DskipTests -Dinvoker.skip
fi
project="$work/one-module"
mkdir -p "$project"
cp "$corpus/$(ls "$corpus" | grep Dockerfile | head -1)" "$project/Dockerfile"
cat > "$project/pom.xml" <<POM
<project xmlns="http://maven.apache.org/POM/4.0.0">
  <modelVersion>4.0.0</modelVersion>
  <groupId>bench</groupId><artifactId>one-module</artifactId><version>1</version><packaging>pom</packaging>
  <build><plugins><plugin>
    <groupId>dev.layerlint</groupId><artifactId>layerlint-maven-plugin</artifactId><version>$version</version>
    <configuration><failOn>none</failOn></configuration>
    <executions><execution><goals><goal>lint</goal></goals></execution></executions>
  </plugin></plugins></build>
</project>
POM
# the same project without the plugin: what adding layerlint costs in all, plugin realm included
bare="$work/one-module-bare"
mkdir -p "$bare"
cp "$project/Dockerfile" "$bare/Dockerfile"
sed -e '/<build>/,/<\/build>/d' "$project/pom.xml" > "$bare/pom.xml"
no_plugin="mvn -B -ntp -o -q -f $bare/pom.xml validate"
without="mvn -B -ntp -o -q -f $project/pom.xml validate -Dlayerlint.lint.skip"
with="mvn -B -ntp -o -q -f $project/pom.xml validate"
if command -v hyperfine >/dev/null; then
  hyperfine --warmup 2 --runs "${MVN_RUNS:-10}" "$no_plugin" "$without" "$with"
else
  for command in "$no_plugin" "$without" "$with"; do
    $command >/dev/null # warm-up
    start=$(date +%s%N)
    for _ in $(seq "${MVN_RUNS:-10}"); do $command >/dev/null; done
    echo "$(( ($(date +%s%N) - start) / 1000000 / ${MVN_RUNS:-10} )) ms mean: $command"
  done
fi
echo "== $(uptime)"

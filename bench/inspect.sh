#!/usr/bin/env bash
# Benchmark of the inspect core on a large image: ~1 GB in 100,000 files, plus a layer that
# deletes 10,000 of them (100 MB of waste). Builds it in the local engine without network,
# saves it, and compares listing the archive with tar against reading it with layerlint
# (-Xmx256m: memory must stay bounded whatever the image size). Figures go to docs/goals/inspect.md.
#
# Usage: bench/inspect.sh [WORKDIR]   (needs docker, ~2.5 GB free in WORKDIR and the engine's disk)
set -euo pipefail
cd "$(dirname "$0")/.."

base_image="${LAYERLINT_BASE_IMAGE:-layerlint/busybox:test}"
tag="layerlint-bench/inspect:latest"
work="${1:-$(mktemp -d)}"
mkdir -p "$work"
archive="$work/inspect-bench.tar"

cat > "$work/Dockerfile" <<DOCKERFILE
FROM $base_image
# 100 directories of 1,000 files of 10,240 bytes, written by shell builtins (no fork per file)
RUN s=0123456789; n=0; while [ \$n -lt 10 ]; do s=\$s\$s; n=\$((n+1)); done; \\
    d=0; while [ \$d -lt 100 ]; do mkdir -p /data/\$d; f=0; \\
      while [ \$f -lt 1000 ]; do printf '%s' "\$s" > /data/\$d/\$f; f=\$((f+1)); done; d=\$((d+1)); done
RUN rm -rf /data/0 /data/1 /data/2 /data/3 /data/4 /data/5 /data/6 /data/7 /data/8 /data/9
DOCKERFILE

echo "== building $tag (not timed)"
docker build --network none -q -t "$tag" "$work" >/dev/null
docker image inspect --format 'engine size: {{.Size}} bytes' "$tag"

echo "== docker save"
rm -f "$archive"
/usr/bin/time -f "docker save: %e s" docker save -o "$archive" "$tag"
ls -l "$archive"

echo "== test classes and classpath"
mvn -B -ntp -q test-compile -Dinvoker.skip
mvn -B -ntp -q dependency:build-classpath -Dmdep.outputFile="$work/classpath.txt" >/dev/null
classpath="target/classes:target/test-classes:$(cat "$work/classpath.txt")"

# drop the page cache's advantage for neither side: warm the archive once
cat "$archive" >/dev/null

echo "== tar -tf (outer entries only)"
/usr/bin/time -f "tar -tf: %e s, max RSS %M KiB" tar -tf "$archive" >/dev/null

echo "== tar: every layer's entries (outer listing plus each layer.tar listed)"
/usr/bin/time -f "tar nested listing: %e s" bash -c '
  for layer in $(tar -tf "$1" | grep "layer.tar$"); do tar -xOf "$1" "$layer" | tar -tf - ; done | wc -l' _ "$archive"

echo "== layerlint reader on the archive (-Xmx256m)"
/usr/bin/time -f "reader: %e s wall, max RSS %M KiB" \
  java -Xmx256m -cp "$classpath" dev.layerlint.image.InspectBenchmark "docker-archive:$archive"

echo "== layerlint reader on the archive, warm JIT (third read in one JVM, -Xmx256m)"
java -Xmx256m -cp "$classpath" dev.layerlint.image.InspectBenchmark "docker-archive:$archive" 3

echo "== layerlint reader on the daemon (docker save streamed, -Xmx256m)"
/usr/bin/time -f "reader: %e s wall, max RSS %M KiB" \
  java -Xmx256m -cp "$classpath" dev.layerlint.image.InspectBenchmark "$tag"

if [ -z "${1:-}" ]; then
  rm -rf "$work"
fi

#!/usr/bin/env bash
# Runs every shell command the README shows, in order, on a copy of the repository, and fails when
# one does not end the way the README says.
#
# The commands are the lines of the README's ```sh blocks (a trailing `\` continues a line). A
# command's trailing comment states what the README promises:
#   `# fails, …`                  the command fails, and in a layerlint goal (Maven's
#                                 "Failed to execute goal dev.layerlint:…"), not for another reason;
#   `# in any directory with a Dockerfile …`
#                                 it runs in an empty directory holding only a clean Dockerfile;
#   anything else, or nothing     it succeeds.
#
#   bash .ci/readme-commands.sh              run them
#   bash .ci/readme-commands.sh --list FILE  print what would run, one command a line:
#                                            "<succeeds|fails> <repository|dockerfile-dir>\t<command>"
#
# With LAYERLINT_REQUIRE_ENGINE=true (CI) the copy's Maven runs with -Dlayerlint.requireEngine=true,
# as `.ci/run` runs `mvn verify`, so engine-backed tests fail instead of skipping there too.
set -euo pipefail

# Prints the commands of FILE's ```sh blocks with their expectations (format above).
list_commands() {
  awk '
    /^```/ { in_sh = ($0 ~ /^```(sh|bash|shell)[[:space:]]*$/) && !in_block; in_block = !in_block; next }
    !in_sh { next }
    {
      line = $0
      sub(/^[[:space:]]+/, "", line)
      if (pending != "") { line = pending " " line; pending = "" }
      if (line ~ /\\$/) { sub(/[[:space:]]*\\$/, "", line); pending = line; next }
      if (line == "" || line ~ /^#/) next
      comment = ""
      if (match(line, /[[:space:]]#[[:space:]]/)) comment = substr(line, RSTART + 1)
      outcome = (comment ~ /^#[[:space:]]+fails([[:space:]]|,|$)/) ? "fails" : "succeeds"
      place = (comment ~ /^#[[:space:]]+in any directory with a Dockerfile/) ? "dockerfile-dir" : "repository"
      printf "%s %s\t%s\n", outcome, place, line
    }
  ' "$1"
}

if [ "${1:-}" = "--list" ]; then
  list_commands "${2:?usage: $0 --list FILE}"
  exit 0
fi

repo="$(cd "$(dirname "$0")/.." && pwd)"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

# The copy sits beside a link to the shared material, as the repository does: the build reads
# ${project.basedir}/../shared (the Dockerfile corpus and the seeds).
copy="$work/main"
mkdir -p "$copy"
if [ -d "$repo/../shared" ]; then
  ln -s "$(cd "$repo/../shared" && pwd)" "$work/shared"
fi
(cd "$repo" && git ls-files -z --cached --others --exclude-standard \
  | while IFS= read -r -d '' f; do [ -e "$f" ] && printf '%s\0' "$f"; done \
  | tar --null -T - -cf -) | tar -xf - -C "$copy"
if [ "${LAYERLINT_REQUIRE_ENGINE:-false}" = "true" ]; then
  mkdir -p "$copy/.mvn"
  echo "-Dlayerlint.requireEngine=true" >> "$copy/.mvn/maven.config"
fi

dockerfile_dir="$work/any-directory"
mkdir -p "$dockerfile_dir"
cp "$copy/examples/seed-after/fastapi/Dockerfile" "$dockerfile_dir/Dockerfile"

commands="$work/commands"
list_commands "$copy/README.md" > "$commands"
if [ ! -s "$commands" ]; then
  echo "readme-commands: README.md shows no commands in \`\`\`sh blocks" >&2
  exit 1
fi

n=0
while IFS=$'\t' read -r expectation command; do
  n=$((n + 1))
  outcome="${expectation% *}"
  place="${expectation#* }"
  dir="$copy"
  [ "$place" = "dockerfile-dir" ] && dir="$dockerfile_dir"
  log="$work/command-$n.log"
  echo "readme-commands: [$n] $command"
  start=$SECONDS
  status=0
  (cd "$dir" && bash -c "$command") > "$log" 2>&1 < /dev/null || status=$?
  took=$((SECONDS - start))
  sed 's/\x1b\[[0-9;]*m//g' "$log" > "$log.plain" # Maven may colour its log
  problem=""
  if [ "$outcome" = "succeeds" ] && [ "$status" -ne 0 ]; then
    problem="exited with $status; the README says it succeeds"
  elif [ "$outcome" = "fails" ] && [ "$status" -eq 0 ]; then
    problem="succeeded; the README says it fails"
  elif [ "$outcome" = "fails" ] && ! grep -q "Failed to execute goal dev\.layerlint:" "$log.plain"; then
    problem="failed (exit $status), but not in a layerlint goal"
  fi
  if [ -n "$problem" ]; then
    echo "readme-commands: [$n] $problem (in $dir, ${took}s). Its output, last 100 lines:" >&2
    tail -n 100 "$log.plain" >&2
    exit 1
  fi
  echo "readme-commands: [$n] $outcome as the README says (exit $status, ${took}s)"
done < "$commands"
echo "readme-commands: all $n README commands behave as documented"

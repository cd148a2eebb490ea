#!/usr/bin/env bash
# Installs (when missing) and starts a local Docker engine, then makes the registry-free base
# image `layerlint/busybox:test` that the engine-backed tests build on.
# Usage: bash src/it/docker/start-engine.sh   (as root; idempotent)
set -euo pipefail

BASE_IMAGE="${LAYERLINT_BASE_IMAGE:-layerlint/busybox:test}"
LOG="${LAYERLINT_DOCKERD_LOG:-/tmp/layerlint-dockerd.log}"

need_install=()
command -v dockerd >/dev/null 2>&1 || need_install+=(docker.io)
[ -x /bin/busybox ] || need_install+=(busybox-static)
command -v skopeo >/dev/null 2>&1 || need_install+=(skopeo)
if [ "${#need_install[@]}" -gt 0 ]; then
  echo "start-engine: installing ${need_install[*]}"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq "${need_install[@]}" >/dev/null
fi

# Debian's client lives in /usr/bin/docker; a newer one may shadow it in /usr/local/bin.
DOCKER="${LAYERLINT_DOCKER:-docker}"

if ! "$DOCKER" version >/dev/null 2>&1; then
  if ! pgrep -x dockerd >/dev/null 2>&1; then
    echo "start-engine: starting dockerd (log: $LOG)"
    # its own session: the engine outlives the shell that started it (a terminal, a CI step)
    setsid nohup dockerd >"$LOG" 2>&1 < /dev/null &
  fi
  for _ in $(seq 1 60); do
    [ -S /var/run/docker.sock ] && "$DOCKER" version >/dev/null 2>&1 && break
    sleep 1
  done
  if ! "$DOCKER" version >/dev/null 2>&1; then
    echo "start-engine: dockerd did not come up within 60 s; last lines of $LOG:" >&2
    tail -n 30 "$LOG" >&2 || true
    exit 1
  fi
fi

if ! "$DOCKER" image inspect "$BASE_IMAGE" >/dev/null 2>&1; then
  echo "start-engine: importing $BASE_IMAGE from /bin/busybox"
  rootfs="$(mktemp -d)"
  trap 'rm -rf "$rootfs"' EXIT
  mkdir -p "$rootfs/bin" "$rootfs/tmp" "$rootfs/etc" "$rootfs/root"
  cp /bin/busybox "$rootfs/bin/busybox"
  for applet in $("$rootfs/bin/busybox" --list); do
    [ "$applet" = busybox ] || ln -sf busybox "$rootfs/bin/$applet"
  done
  printf 'root:x:0:0:root:/root:/bin/sh\nnobody:x:65534:65534:nobody:/:/bin/false\n' >"$rootfs/etc/passwd"
  printf 'root:x:0:\nnogroup:x:65534:\n' >"$rootfs/etc/group"
  tar -C "$rootfs" -c . | "$DOCKER" import --change 'CMD ["/bin/sh"]' - "$BASE_IMAGE" >/dev/null
fi
echo "start-engine: engine ready, base image $BASE_IMAGE"

#!/usr/bin/env bash
# Makes the registry-free base image `layerlint/busybox:test` that the engine-backed tests build on,
# from a static busybox on this machine (Debian's busybox-static). Needs a running engine; idempotent.
# Usage: bash src/it/docker/base-image.sh
set -euo pipefail

BASE_IMAGE="${LAYERLINT_BASE_IMAGE:-layerlint/busybox:test}"
DOCKER="${LAYERLINT_DOCKER:-docker}"

if "$DOCKER" image inspect "$BASE_IMAGE" >/dev/null 2>&1; then
  exit 0
fi
busybox="$(command -v busybox || true)"
[ -x /bin/busybox ] && busybox=/bin/busybox
if [ -z "$busybox" ] || ! ldd "$busybox" 2>&1 | grep -q 'not a dynamic executable'; then
  echo "base-image: no statically linked busybox here to make $BASE_IMAGE from: apt-get install busybox-static" >&2
  exit 1
fi
echo "base-image: importing $BASE_IMAGE from $busybox"
rootfs="$(mktemp -d)"
trap 'rm -rf "$rootfs"' EXIT
mkdir -p "$rootfs/bin" "$rootfs/tmp" "$rootfs/etc" "$rootfs/root"
cp "$busybox" "$rootfs/bin/busybox"
for applet in $("$rootfs/bin/busybox" --list); do
  [ "$applet" = busybox ] || ln -sf busybox "$rootfs/bin/$applet"
done
printf 'root:x:0:0:root:/root:/bin/sh\nnobody:x:65534:65534:nobody:/:/bin/false\n' >"$rootfs/etc/passwd"
printf 'root:x:0:\nnogroup:x:65534:\n' >"$rootfs/etc/group"
tar -C "$rootfs" -c . | "$DOCKER" import --change 'CMD ["/bin/sh"]' - "$BASE_IMAGE" >/dev/null

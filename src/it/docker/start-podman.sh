#!/usr/bin/env bash
# Installs (when missing) Podman and Buildah, and loads the base image `layerlint/busybox:test` from the
# Docker engine into their shared storage, so that the Podman-backed tests build on the same image
# (same layer, same id). Run after start-engine.sh.
# Usage: bash src/it/docker/start-podman.sh   (as root; idempotent)
set -euo pipefail

BASE_IMAGE="${LAYERLINT_BASE_IMAGE:-layerlint/busybox:test}"
DOCKER="${LAYERLINT_DOCKER:-docker}"

need_install=()
command -v podman >/dev/null 2>&1 || need_install+=(podman)
command -v buildah >/dev/null 2>&1 || need_install+=(buildah)
if [ "${#need_install[@]}" -gt 0 ]; then
  echo "start-podman: installing ${need_install[*]}"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq "${need_install[@]}" >/dev/null
fi

if ! podman image inspect "$BASE_IMAGE" >/dev/null 2>&1; then
  echo "start-podman: loading $BASE_IMAGE from the Docker engine into Podman's storage"
  "$DOCKER" save "$BASE_IMAGE" | podman load -q >/dev/null
fi
echo "start-podman: podman $(podman version --format '{{.Client.Version}}') and buildah ready, base image $BASE_IMAGE"

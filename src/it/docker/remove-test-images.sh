#!/usr/bin/env bash
# Removes the images the integration tests and examples tagged (layerlint-it/*, layerlint-example/*),
# so a build leaves the engine as it found it. Run by the build after the integration tests; quiet
# without an engine.
set -uo pipefail
DOCKER="${LAYERLINT_DOCKER:-docker}"
"$DOCKER" version >/dev/null 2>&1 || exit 0
images="$("$DOCKER" image ls --format '{{.Repository}}:{{.Tag}}' | grep -E '^layerlint-(it|example)/' || true)"
[ -n "$images" ] || exit 0
echo "remove-test-images: removing $(echo "$images" | wc -l) test images"
echo "$images" | xargs "$DOCKER" image rm -f >/dev/null
exit 0

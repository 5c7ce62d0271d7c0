#!/bin/bash
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Checks the Flatpak manifests without building them (no GNOME runtime is
# reachable offline): flatpak-builder must parse each one, and its sandbox
# holes must be exactly the allowed ones. Mediakit needs the network, a display
# and the GPU; secrets go through the portal, files through the file chooser
# portal, so any --filesystem, --talk-name or device beyond dri is a mistake.
#
# Usage: check-flatpak.sh MANIFEST...
# Exits 77 (skipped) when flatpak-builder is not installed.

set -euo pipefail

allowed=(
  --share=network
  --share=ipc
  --socket=wayland
  --socket=fallback-x11
  --device=dri
)

if ! command -v flatpak-builder >/dev/null 2>&1; then
  echo "flatpak-builder is not installed; skipping (apt-get install flatpak-builder)"
  exit 77
fi
if [ $# -eq 0 ]; then
  echo "usage: check-flatpak.sh MANIFEST..." >&2
  exit 2
fi

# flatpak-builder leaves a .flatpak-builder state dir in its working directory,
# even for --show-manifest: give it a throwaway one, not the build or source tree.
manifests=()
for manifest in "$@"; do
  manifests+=("$(readlink -f "$manifest")")
done
workdir=$(mktemp -d)
trap 'rm -rf "$workdir"' EXIT
cd "$workdir"

status=0
for manifest in "${manifests[@]}"; do
  # --show-manifest parses the whole manifest (modules, sources, options) and
  # prints it back as JSON; a typo in a key or a broken file fails here.
  # A wrongly typed key is only a Json-WARNING on stderr with exit status 0, so
  # anything on stderr counts as a failure too.
  errors=$(mktemp)
  if ! parsed=$(flatpak-builder --show-manifest "$manifest" 2>"$errors") || [ -s "$errors" ]; then
    echo "$manifest: flatpak-builder cannot parse it:" >&2
    cat "$errors" >&2
    rm -f "$errors"
    status=1
    continue
  fi
  rm -f "$errors"

  # Compare the sets both ways: an extra hole widens the sandbox, a missing one
  # leaves the app without network or display.
  if ! PARSED_MANIFEST=$parsed python3 - "$manifest" "${allowed[@]}" <<'PY'
import json, os, sys
manifest, allowed = sys.argv[1], sys.argv[2:]
args = json.loads(os.environ["PARSED_MANIFEST"]).get("finish-args", [])
extra = [a for a in args if a not in allowed]
missing = [a for a in allowed if a not in args]
for a in extra:
    print(f"{manifest}: finish-arg not allowed: {a}", file=sys.stderr)
for a in missing:
    print(f"{manifest}: finish-arg missing: {a}", file=sys.stderr)
sys.exit(1 if extra or missing else 0)
PY
  then
    status=1
  else
    echo "$manifest: parses, finish-args are the allowed ones"
  fi
done
exit "$status"

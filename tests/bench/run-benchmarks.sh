#!/bin/bash
# Runs every benchmark against an optimised build and prints `bench NAME VALUE UNIT`.
# Called by ./build-aux/dev bench inside the headless wrapper (Xvfb + session bus).
set -euo pipefail
build=${1:?usage: run-benchmarks.sh BUILDDIR}
build=$(cd "$build" && pwd)

export GSETTINGS_BACKEND=memory
export GSETTINGS_SCHEMA_DIR="$build/schemas"
export GSK_RENDERER=${GSK_RENDERER:-cairo}
export GTK_A11Y=none

"$build/tests/bench/mk-bench-startup" "$build/src/mediakit" "$build/tests/bench/mk-bench-empty-window" \
  "$build/tests/bench/mk-bench-stack-window"
"$build/tests/bench/mk-bench-export"
"$build/tests/bench/mk-bench-logs"
"$build/tests/bench/mk-bench-ics" | grep -v -- "-DEBUG"
"$build/tests/bench/mk-bench-calendar"
"$build/tests/bench/mk-bench-sync" | grep -v "^#"

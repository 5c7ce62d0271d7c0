#!/bin/bash
# SPDX-License-Identifier: GPL-3.0-or-later
#
# make-screenshots.sh [BUILD_DIR] [OUT_DIR]
#
# Renders the AppStream screenshots (and, with --all, every section in light,
# dark and at 360 px wide, for looking at) from the demo workspace: the real
# binary of BUILD_DIR (default _build) on a virtual display, through
# build-aux/headless-run, one fresh process per picture. Each picture is the
# app's own window, grabbed by its X window id, with no window manager around
# it. The section, size and style are chosen through GSettings (a keyfile
# backend in the throwaway HOME), exactly as a user's last session would.
#
#   data/screenshots/make-screenshots.sh _build            the four metainfo pictures
#   data/screenshots/make-screenshots.sh --all _build DIR   every section, light/dark/narrow
#
# Needs xvfb, xwininfo (x11-utils) and import (imagemagick).

set -euo pipefail

all=0
if [ "${1:-}" = "--all" ]; then
  all=1
  shift
fi

here=$(dirname "$(readlink -f "$0")")
repo=$(readlink -f "$here/../..")
build=$(readlink -f "${1:-$repo/_build}")
out=$(readlink -m "${2:-$here}")

if [ "${MK_SCREENSHOTS_INSIDE:-}" != 1 ]; then
  for tool in xwininfo import; do
    command -v "$tool" >/dev/null || { echo "make-screenshots: $tool is missing (x11-utils, imagemagick)" >&2; exit 1; }
  done
  [ -x "$build/src/mediakit" ] || { echo "make-screenshots: build $build first (no src/mediakit)" >&2; exit 1; }
  mkdir -p "$out"
  args=("$build" "$out")
  [ "$all" = 1 ] && args=(--all "${args[@]}")
  exec env MK_SCREENSHOTS_INSIDE=1 "$repo/build-aux/headless-run" "$0" "${args[@]}"
fi

# From here on: inside Xvfb, a private bus and keyring, a throwaway HOME.
bin=$build/src/mediakit
export GSETTINGS_SCHEMA_DIR=$build/schemas
export GSETTINGS_BACKEND=keyfile
export LC_ALL=${MK_SCREENSHOTS_LOCALE:-C.UTF-8}
export LANGUAGE=${MK_SCREENSHOTS_LANGUAGE:-}
data_dir=$(mktemp -d "${TMPDIR:-/tmp}/mediakit-screenshots.XXXXXX")
trap 'rm -rf "$data_dir"' EXIT

"$bin" --data-dir "$data_dir" --demo >/dev/null

keyfile=$XDG_CONFIG_HOME/glib-2.0/settings/keyfile
mkdir -p "$(dirname "$keyfile")"

# shot NAME SECTION WIDTH HEIGHT STYLE
shot() {
  local name=$1 section=$2 width=$3 height=$4 style=$5 pid wid="" tries=0
  cat >"$keyfile" <<KEYFILE
[io/github/mediakit/Mediakit]
last-section='$section'
window-width=$width
window-height=$height
window-maximized=false
color-scheme='$style'
KEYFILE

  "$bin" --data-dir "$data_dir" >/dev/null 2>"$data_dir/app.log" &
  pid=$!
  # The window exists once X knows a top-level with the app's title; then
  # give the panes time to load and the first frames time to paint.
  until wid=$(xwininfo -root -children 2>/dev/null | awk '/"Mediakit/ { print $1; exit }') && [ -n "$wid" ]; do
    tries=$((tries + 1))
    if [ "$tries" -ge 100 ] || ! kill -0 "$pid" 2>/dev/null; then
      echo "make-screenshots: no window for $name" >&2
      cat "$data_dir/app.log" >&2
      kill "$pid" 2>/dev/null || true
      return 1
    fi
    sleep 0.1
  done
  sleep "${MK_SCREENSHOTS_WAIT:-2}"
  import -display "$DISPLAY" -window "$wid" "$out/$name.png"
  kill "$pid" 2>/dev/null || true
  wait "$pid" 2>/dev/null || true
  echo "make-screenshots: $out/$name.png"
}

if [ "$all" = 1 ]; then
  for section in calendar portfolio metrics reviews activity; do
    shot "$section-light" "$section" 1100 760 light
    shot "$section-dark" "$section" 1100 760 dark
    shot "$section-narrow" "$section" 360 700 default
  done
else
  # The pictures data/*.metainfo.xml.in names, in its order.
  shot calendar calendar 1100 760 default
  shot portfolio portfolio 1100 760 default
  shot metrics metrics 1100 760 default
  shot reviews reviews 1100 760 default
  shot activity activity 1100 760 default
fi

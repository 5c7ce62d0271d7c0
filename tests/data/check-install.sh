#!/bin/bash
# SPDX-License-Identifier: GPL-3.0-or-later
#
# check-install.sh BUILD_DIR PREFIX APP_ID VERSION
#
# Installs the build into a throwaway DESTDIR, as a distribution package
# would, then checks that everything a desktop needs landed where GNOME looks
# for it (binary, desktop file, metainfo, icons, GSettings schema, every
# translation of po/LINGUAS) and that the installed binary starts.

set -euo pipefail

build=${1:?usage: check-install.sh BUILD_DIR PREFIX APP_ID VERSION}
prefix=${2:?}
app_id=${3:?}
version=${4:?}
source_root=$(dirname "$(readlink -f "$0")")/../..

destdir=$(mktemp -d)
trap 'rm -rf "$destdir"' EXIT

if ! meson install -C "$build" --no-rebuild --quiet --destdir "$destdir" >"$destdir.log" 2>&1; then
  echo "meson install failed:" >&2
  cat "$destdir.log" >&2
  rm -f "$destdir.log"
  exit 1
fi
rm -f "$destdir.log"

root=$destdir$prefix
status=0
expect() {
  if [ -s "$root/$1" ]; then
    echo "installed: $1"
  else
    echo "NOT installed: $prefix/$1" >&2
    status=1
  fi
}

expect bin/mediakit
expect "share/applications/$app_id.desktop"
expect "share/metainfo/$app_id.metainfo.xml"
expect "share/icons/hicolor/scalable/apps/$app_id.svg"
expect "share/icons/hicolor/symbolic/apps/$app_id-symbolic.svg"
expect "share/glib-2.0/schemas/io.github.mediakit.Mediakit.gschema.xml"
for lang in $(sed -e 's/#.*//' "$source_root/po/LINGUAS"); do
  expect "share/locale/$lang/LC_MESSAGES/mediakit.mo"
done

# The desktop file must start what was installed, under the icon installed.
desktop=$root/share/applications/$app_id.desktop
if [ -f "$desktop" ]; then
  grep -qx 'Exec=mediakit' "$desktop" || { echo "$desktop: Exec is not the installed binary" >&2; status=1; }
  grep -qx "Icon=$app_id" "$desktop" || { echo "$desktop: Icon is not $app_id" >&2; status=1; }
fi

# The German catalogue holds a translation a user sees first.
mo=$root/share/locale/de/LC_MESSAGES/mediakit.mo
if [ -f "$mo" ] && command -v msgunfmt >/dev/null; then
  # Not a pipe into grep -q: with pipefail, msgunfmt's SIGPIPE would fail it.
  catalogue=$(msgunfmt "$mo")
  grep -qF 'Willkommen bei Mediakit' <<<"$catalogue" ||
    { echo "$mo: lacks the German welcome text" >&2; status=1; }
fi

# The installed binary starts (without a display: --version and --help need
# none, but they do run the whole GApplication start-up and option parsing).
bin=$root/bin/mediakit
if [ -x "$bin" ]; then
  out=$(GSETTINGS_SCHEMA_DIR="$root/share/glib-2.0/schemas" "$bin" --version 2>&1) ||
    { echo "installed mediakit --version failed: $out" >&2; status=1; }
  if ! grep -qF "$version" <<<"$out"; then
    echo "installed mediakit --version does not print $version: $out" >&2
    status=1
  fi
  out=$(GSETTINGS_SCHEMA_DIR="$root/share/glib-2.0/schemas" "$bin" --help 2>&1) ||
    { echo "installed mediakit --help failed: $out" >&2; status=1; }
  grep -q -- '--demo' <<<"$out" || { echo "installed mediakit --help lists no --demo: $out" >&2; status=1; }
fi

exit "$status"

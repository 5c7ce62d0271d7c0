#!/bin/bash
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Keeps po/POTFILES.in honest: a file with translatable strings that is not listed
# there is silently left out of the template, and a listed file that no longer
# exists breaks `ninja mediakit-pot`. Both fail here, naming the file.
#
# Usage: check-potfiles.sh SOURCE_ROOT
# Files named in po/POTFILES.skip (optional) are exempt from the first check.

set -euo pipefail

root=${1:?usage: check-potfiles.sh SOURCE_ROOT}
cd "$root"

potfiles=po/POTFILES.in
skipfiles=po/POTFILES.skip

# Strip comments and blank lines; the lists hold one path per line.
list_paths() {
  [ -f "$1" ] || return 0
  sed -e 's/#.*//' -e 's/[[:space:]]*$//' -e '/^$/d' "$1" | sort -u
}

listed=$(list_paths "$potfiles")
skipped=$(list_paths "$skipfiles")

# Marks of a translatable string: _() N_() C_() NC_() Q_() (with or without a
# space before the parenthesis, as the GNU style writes it), ngettext and its
# g_d* variants, and translatable="yes" in .ui files. The character before the
# macro must not belong to an identifier, so that FOO_( is not a hit.
pattern='(^|[^[:alnum:]_])(_|N_|C_|NC_|Q_)[[:space:]]?\(|ngettext[[:space:]]?\(|translatable="yes"'

dirs=()
for d in src data; do
  [ -d "$d" ] && dirs+=("$d")
done

found=""
if [ ${#dirs[@]} -gt 0 ]; then
  # -I skips binary files (icons rendered to PNG, databases).
  found=$(grep -rlIE --exclude-dir='.*' -e "$pattern" "${dirs[@]}" | sort -u || true)
fi

status=0

while IFS= read -r f; do
  [ -n "$f" ] || continue
  if ! grep -qxF -e "$f" <<<"$listed" && ! grep -qxF -e "$f" <<<"$skipped"; then
    echo "missing from $potfiles: $f (it has translatable strings)" >&2
    status=1
  fi
done <<<"$found"

while IFS= read -r f; do
  [ -n "$f" ] || continue
  if [ ! -f "$f" ]; then
    echo "listed in $potfiles but does not exist: $f" >&2
    status=1
  fi
done <<<"$listed"

if [ "$status" -eq 0 ]; then
  echo "$potfiles lists all $(grep -c . <<<"$listed") files with translatable strings"
fi
exit "$status"

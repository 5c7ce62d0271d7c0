#!/bin/bash
# SPDX-License-Identifier: GPL-3.0-or-later
#
# po/update-po.sh [--check]
#
# Extracts every translatable string of the files in po/POTFILES.in into a
# template (as `meson compile mediakit-pot` does, with the same xgettext
# keywords as meson's "glib" preset) and merges it into each po/LL.po of
# po/LINGUAS: new and changed strings come in empty, removed ones are
# dropped. Then translate every empty msgstr (and any entry someone marked
# "#, fuzzy", removing the mark once checked) and run it again.
#
# --check changes nothing: it fails, with counts, when a translation lacks
# any string of the current sources or still has fuzzy entries
# (the check-translations test in tests/data/meson.build runs it).

set -euo pipefail

check=0
[ "${1:-}" = "--check" ] && check=1

cd "$(dirname "$(readlink -f "$0")")/.."

for tool in xgettext msgmerge msgfmt; do
  command -v "$tool" >/dev/null || { echo "update-po: $tool is missing (apt-get install gettext)" >&2; exit 77; }
done

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

sed -e 's/#.*//' -e 's/[[:space:]]*$//' -e '/^$/d' po/POTFILES.in >"$work/POTFILES"

# Meson's glib preset, plus the package metadata meson gives xgettext.
xgettext --package-name=mediakit --msgid-bugs-address=https://github.com/mediakit/mediakit/issues \
  --from-code=UTF-8 --add-comments --sort-by-file \
  --keyword=_ --keyword=N_ --keyword=C_:1c,2 --keyword=NC_:1c,2 \
  --keyword=g_dcgettext:2 --keyword=g_dngettext:2,3 --keyword=g_dpgettext2:2c,3 \
  --flag=N_:1:pass-c-format --flag=C_:2:pass-c-format --flag=NC_:2:pass-c-format \
  --flag=g_dngettext:2:pass-c-format --flag=g_strdup_printf:1:c-format \
  --flag=g_string_printf:2:c-format --flag=g_string_append_printf:2:c-format \
  --flag=g_error_new:3:c-format --flag=g_set_error:4:c-format \
  --flag=g_markup_printf_escaped:1:c-format --flag=g_log:3:c-format \
  --flag=g_print:1:c-format --flag=g_printerr:1:c-format --flag=g_printf:1:c-format \
  --flag=g_fprintf:2:c-format --flag=g_sprintf:2:c-format --flag=g_snprintf:3:c-format \
  -f "$work/POTFILES" -o "$work/mediakit.pot"

status=0
for lang in $(sed -e 's/#.*//' po/LINGUAS); do
  po=po/$lang.po
  if [ "$check" = 1 ]; then
    if [ ! -f "$po" ]; then
      echo "update-po: po/LINGUAS lists $lang but $po does not exist" >&2
      status=1
      continue
    fi
    msgmerge --quiet --no-fuzzy-matching "$po" "$work/mediakit.pot" -o "$work/$lang.po"
    # msgfmt --check also catches broken format strings and plural headers.
    stats=$(LC_ALL=C msgfmt --check --statistics -o /dev/null "$work/$lang.po" 2>&1) || {
      echo "$po: msgfmt --check fails:" >&2
      echo "$stats" >&2
      status=1
      continue
    }
    untranslated=$(sed -n 's/.* \([0-9]*\) untranslated.*/\1/p' <<<"$stats")
    fuzzy=$(sed -n 's/.* \([0-9]*\) fuzzy.*/\1/p' <<<"$stats")
    # Entries already marked fuzzy in the file itself count too.
    own_fuzzy=$(LC_ALL=C msgfmt --statistics -o /dev/null "$po" 2>&1 | sed -n 's/.* \([0-9]*\) fuzzy.*/\1/p')
    if [ -n "$untranslated" ] || [ -n "$fuzzy" ] || [ -n "$own_fuzzy" ]; then
      echo "$po: $stats" >&2
      echo "$po is behind the sources: ${untranslated:-0} strings untranslated, ${fuzzy:-0} fuzzy." >&2
      echo "To fix: run po/update-po.sh, then translate every empty msgstr and" >&2
      echo "every entry marked '#, fuzzy' in $po (remove the fuzzy mark once checked)." >&2
      status=1
    else
      echo "$po: $stats"
    fi
  else
    if [ -f "$po" ]; then
      msgmerge --quiet --update --backup=none --no-fuzzy-matching "$po" "$work/mediakit.pot"
      # Strings gone from the sources are dropped rather than kept as #~.
      msgattrib --no-obsolete -o "$po" "$po"
    else
      msginit --no-translator --locale="$lang" -i "$work/mediakit.pot" -o "$po"
    fi
    echo "$po: $(LC_ALL=C msgfmt --statistics -o /dev/null "$po" 2>&1)"
  fi
done

exit "$status"

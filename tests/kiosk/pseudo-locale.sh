#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# A pseudo-translation for the translation-coverage walk: every string the
# kiosk marks for translation, wrapped in ⟦ ⟧ (plural forms too; format
# placeholders untouched, as only the ends change), as the catalogue of a
# made-up language. Whatever the kiosk shows without the markers escaped
# translation.
#   pseudo-locale.sh SOURCE_ROOT POTFILES LANGUAGE OUTPUT_MO
set -eu
top=$1 potfiles=$2 lang=$3 out=$4
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# The same keywords as meson's glib preset.
(cd "$top" && grep -v '^#' "$potfiles" | grep . > "$work/files" &&
 xgettext --from-code=UTF-8 --add-comments --package-name=learnhub \
   --keyword=_ --keyword=N_ --keyword=C_:1c,2 --keyword=NC_:1c,2 \
   --keyword=g_dcgettext:2 --keyword=g_dngettext:2,3 --keyword=g_dpgettext2:2c,3 \
   --flag=N_:1:pass-c-format --flag=C_:2:pass-c-format --flag=NC_:2:pass-c-format \
   --flag=g_dngettext:2:pass-c-format \
   -f "$work/files" -o "$work/learnhub.pot")

msgen --no-wrap "$work/learnhub.pot" |
  sed -e 's/charset=CHARSET/charset=UTF-8/' \
      -e 's/^"Plural-Forms: .*/"Plural-Forms: nplurals=2; plural=(n != 1);\\n"/' \
      -e "s/^\"Language: .*/\"Language: $lang\\\\n\"/" > "$work/en.po"
# Each line of a string is wrapped, so that text across lines is marked too.
LC_ALL=C.UTF-8 msgfilter --keep-header --no-wrap -i "$work/en.po" -o "$work/pseudo.po" \
  sed -e 's/^\(..*\)$/⟦\1⟧/'
mkdir -p "$(dirname "$out")"
msgfmt --check-format -o "$out" "$work/pseudo.po"

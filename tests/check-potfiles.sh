#!/bin/sh
# Checks po/POTFILES.in against the sources: every file with translatable strings is listed,
# every listed file exists, and the list is sorted.
#
# Usage: check-potfiles.sh [SOURCE_ROOT]
#
# SPDX-License-Identifier: GPL-3.0-or-later

set -eu

root=${1:-$(dirname "$0")/..}
cd "$root"

potfiles=po/POTFILES.in
status=0
listed=$(mktemp)
found=$(mktemp)
trap 'rm -f "$listed" "$found"' EXIT

# Listed files, without comments and blank lines
grep -v -e '^#' -e '^[[:space:]]*$' "$potfiles" > "$listed" || true

# C sources calling _(), N_(), C_(), NC_(), Q_() or ngettext(); UI files with translatable="yes";
# data files that carry strings for translators.
{
  find src -name '*.c' -o -name '*.h' | sort | while read -r f; do
    if grep -q -E '(^|[^A-Za-z0-9_])(N|C|NC|Q)?_[[:space:]]*\(|(^|[^A-Za-z0-9_])g?_?d?n?gettext[[:space:]]*\(' "$f"; then
      echo "$f"
    fi
  done
  find src data -name '*.ui' | sort | while read -r f; do
    if grep -q 'translatable="yes"' "$f"; then
      echo "$f"
    fi
  done
  find data -maxdepth 1 \( -name '*.desktop.in' -o -name '*.metainfo.xml.in' \
                         -o -name '*.gschema.xml' -o -name '*.mime.xml.in' \) | sort
} | LC_ALL=C sort > "$found"

missing=$(LC_ALL=C sort "$listed" | LC_ALL=C comm -13 - "$found")
if [ -n "$missing" ]; then
  echo "Files with translatable strings missing from $potfiles:"
  echo "$missing" | sed 's/^/  /'
  status=1
fi

while read -r f; do
  if [ ! -f "$f" ]; then
    echo "Listed in $potfiles but not found: $f"
    status=1
  fi
done < "$listed"

if ! LC_ALL=C sort -c "$listed" 2>/dev/null; then
  echo "$potfiles is not sorted (LC_ALL=C sort)."
  status=1
fi

if [ "$status" -eq 0 ]; then
  echo "$potfiles lists all $(wc -l < "$found") files with translatable strings."
fi
exit "$status"

#!/bin/sh
# No verb leaves a good file worse: an output that is one of the inputs
# is refused by every verb; import and aggregate replace a report only
# with --force, and an import that did not place everything never
# replaces one; a missing folder is named; `-o -` writes to standard
# output; finalize, which writes its own input, says so of a hard link.
# Each refusal leaves the file byte for byte and names it.
#
# Usage: test-cli-outputs.sh NIANBAO SAMPLE.nianbao PAGE.html PARTIAL.html
#
# SPDX-License-Identifier: GPL-3.0-or-later

set -eu

nianbao=$1
sample=$2
page=$3
partial=$4
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
unset DISPLAY WAYLAND_DISPLAY || true
export LC_ALL=C.UTF-8

fail () {
  echo "FAIL: $*"
  exit 1
}

# refused CASE FILE WORDS COMMAND…: the command fails, FILE is as it was
# (a copy is in FILE.orig) and stderr has WORDS and FILE's name
refused () {
  what=$1 file=$2 words=$3
  shift 3
  cp "$file" "$tmp/orig"
  if "$@" > "$tmp/out" 2> "$tmp/err"; then
    fail "$what: succeeded"
  fi
  cmp -s "$tmp/orig" "$file" || fail "$what: $file changed"
  grep -q -F "$words" "$tmp/err" || fail "$what: message: $(cat "$tmp/err")"
  grep -q -F "$file" "$tmp/err" || fail "$what: the message does not name $file: $(cat "$tmp/err")"
  echo "ok: $what: $(tail -n 1 "$tmp/err")"
}

cp "$sample" "$tmp/A.nianbao"
cp "$page" "$tmp/page.html"

# an output that is one of the inputs, for every verb
for format in json pdf html docx xlsx; do
  refused "export $format over its input" "$tmp/A.nianbao" "is also an input" \
    "$nianbao" export --format $format "$tmp/A.nianbao" -o "$tmp/A.nianbao"
done
ln -s A.nianbao "$tmp/alias.nianbao"
refused "export through a link to its input" "$tmp/A.nianbao" "is also an input" \
  "$nianbao" export --format json "$tmp/A.nianbao" -o "$tmp/alias.nianbao"
refused "import over its page" "$tmp/page.html" "is also an input" \
  "$nianbao" import "$tmp/page.html" -o "$tmp/page.html" --force
refused "aggregate over its input" "$tmp/A.nianbao" "is also an input" \
  "$nianbao" aggregate -o "$tmp/A.nianbao" "$tmp/A.nianbao" --force
refused "next over its input" "$tmp/A.nianbao" "is also an input" \
  "$nianbao" next "$tmp/A.nianbao" -o "$tmp/A.nianbao"
refused "link to itself" "$tmp/A.nianbao" "is also an input" \
  "$nianbao" link "$tmp/A.nianbao" "$tmp/A.nianbao"

# an existing report is replaced by import and aggregate only with --force
refused "import over a report" "$tmp/A.nianbao" "Give --force" \
  "$nianbao" import "$tmp/page.html" -o "$tmp/A.nianbao"
mkdir "$tmp/units"
cp "$sample" "$tmp/units/unit.nianbao"
refused "aggregate over a report" "$tmp/A.nianbao" "Give --force" \
  "$nianbao" aggregate -o "$tmp/A.nianbao" "$tmp/units"

# an import that did not place everything never replaces a report
refused "partial import over a report, --force" "$tmp/A.nianbao" "did not place everything" \
  "$nianbao" import "$partial" -o "$tmp/A.nianbao" --force
# … though it is written to a new file, with exit status 1
set +e
"$nianbao" import "$partial" -o "$tmp/partial.nianbao" 2> "$tmp/err"
status=$?
set -e
[ $status = 1 ] && [ -s "$tmp/partial.nianbao" ] || fail "partial import to a new file: $status"

# with --force, a whole import replaces the report
"$nianbao" import "$page" -o "$tmp/A.nianbao" --force 2> "$tmp/err" || fail "import --force"
cmp -s "$sample" "$tmp/A.nianbao" && fail "import --force did not replace"
cp "$sample" "$tmp/A.nianbao"

# a missing folder is named
if "$nianbao" export --format pdf "$tmp/A.nianbao" -o "$tmp/none/A.pdf" 2> "$tmp/err"; then
  fail "export to a missing folder succeeded"
fi
grep -q -F "the folder “$tmp/none” does not exist" "$tmp/err" ||
  fail "missing folder: $(cat "$tmp/err")"

# `-o -`: standard output, and nothing else on it
"$nianbao" export --format json "$tmp/A.nianbao" -o - > "$tmp/out.json" 2> "$tmp/err" ||
  fail "export -o -: $(cat "$tmp/err")"
python3 -c 'import json, sys; json.load(open(sys.argv[1]))' "$tmp/out.json" ||
  fail "export -o - is not JSON"
"$nianbao" export --format pdf "$tmp/A.nianbao" -o - > "$tmp/out.pdf" 2> "$tmp/err" ||
  fail "export pdf -o -: $(cat "$tmp/err")"
head -c 5 "$tmp/out.pdf" | grep -q '%PDF-' || fail "export pdf -o - is not a PDF"
"$nianbao" import "$page" -o - > "$tmp/out.nianbao" 2> "$tmp/err" || fail "import -o -"
"$nianbao" check "$tmp/out.nianbao" > /dev/null || [ $? = 1 ] || fail "import -o - is not a report"
if "$nianbao" aggregate -o - "$tmp/units" > /dev/null 2> "$tmp/err"; then
  fail "aggregate -o - wrote to standard output"
fi
grep -q "not to standard output" "$tmp/err" || fail "aggregate -o -: $(cat "$tmp/err")"

# a hard link: said, and the other name keeps the old bytes
ln "$tmp/A.nianbao" "$tmp/hard.nianbao"
"$nianbao" import "$page" -o "$tmp/A.nianbao" --force 2> "$tmp/err" || fail "import over a hard link"
grep -q "other name (a hard link)" "$tmp/err" || fail "hard link not said: $(cat "$tmp/err")"
cmp -s "$sample" "$tmp/hard.nianbao" || fail "the hard link's content changed"

# finalize writes over its one input by design: through a symbolic link
# to the report, whose mode it keeps, and a hard link is said
mkdir "$tmp/kept"
cp "$sample" "$tmp/kept/F.nianbao"
chmod 0600 "$tmp/kept/F.nianbao"
ln -s kept/F.nianbao "$tmp/F.nianbao"
ln "$tmp/kept/F.nianbao" "$tmp/F-hard.nianbao"
"$nianbao" finalize "$tmp/F.nianbao" > /dev/null 2> "$tmp/err" || fail "finalize: $(cat "$tmp/err")"
grep -q "other name (a hard link)" "$tmp/err" || fail "finalize: hard link not said: $(cat "$tmp/err")"
cmp -s "$sample" "$tmp/F-hard.nianbao" || fail "finalize: the hard link's content changed"
[ -L "$tmp/F.nianbao" ] || fail "finalize replaced the symbolic link"
cmp -s "$sample" "$tmp/kept/F.nianbao" && fail "finalize did not write the link's target"
[ "$(stat -c %a "$tmp/kept/F.nianbao")" = 600 ] || fail "finalize: mode $(stat -c %a "$tmp/kept/F.nianbao")"
echo "ok: every output checked"

#!/bin/sh
# What reaches the signed copy: `nianbao export` refuses a report with
# errors unless --draft, a draft says 草稿 on every page and a clean
# report never does, and the printed report is the same document (text
# and fonts) whatever the interface language.
#
# Usage: test-cli-sign.sh NIANBAO SAMPLE.nianbao ERRORS.nianbao LOCALEDIR
#
# SPDX-License-Identifier: GPL-3.0-or-later

set -eu

nianbao=$1
sample=$2
errors=$3
export NB_LOCALEDIR=$4
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
unset DISPLAY WAYLAND_DISPLAY || true

fail () {
  echo "FAIL: $*"
  exit 1
}

# Refused without --draft: exit 1, nothing written, the findings printed.
for format in pdf html; do
  status=0
  "$nianbao" export --format $format "$errors" -o "$tmp/refused.$format" > /dev/null 2> "$tmp/err" || status=$?
  [ "$status" -eq 1 ] || fail "$format of a report with errors: exit $status, not 1"
  [ ! -e "$tmp/refused.$format" ] || fail "$format of a report with errors was written"
  grep -q 'E1' "$tmp/err" || fail "$format refusal does not list the findings: $(cat "$tmp/err")"
  grep -q -- '--draft' "$tmp/err" || fail "$format refusal does not name --draft"
done

# A draft says so on every page, in the footer, and under the text.
"$nianbao" export --format pdf --draft "$errors" -o "$tmp/draft.pdf" > /dev/null || fail "draft pdf"
pages=$(pdfinfo "$tmp/draft.pdf" | sed -n 's/^Pages: *//p')
[ "$pages" -ge 2 ] || fail "draft has $pages pages"
page=1
while [ "$page" -le "$pages" ]; do
  pdftotext -enc UTF-8 -f "$page" -l "$page" "$tmp/draft.pdf" - | tr -d ' \n' > "$tmp/page"
  grep -q '草稿·未通过核对' "$tmp/page" || fail "draft page $page lacks 草稿 · 未通过核对"
  [ "$(grep -o '草稿' "$tmp/page" | wc -l)" -ge 2 ] || fail "draft page $page lacks its watermark"
  if grep -q '定稿' "$tmp/page"; then fail "draft page $page says 定稿"; fi
  page=$((page + 1))
done
"$nianbao" export --format html --draft "$errors" -o "$tmp/draft.html" > /dev/null || fail "draft html"
grep -q '<p class="draft">草稿 · 未通过核对</p>' "$tmp/draft.html" || fail "draft html not marked"

# A clean report is never marked, even with --draft.
"$nianbao" export --format pdf --draft "$sample" -o "$tmp/clean.pdf" > /dev/null || fail "clean pdf"
if pdftotext -enc UTF-8 "$tmp/clean.pdf" - | grep -q '草稿'; then fail "a clean report says 草稿"; fi
"$nianbao" export --format html "$sample" -o "$tmp/clean.html" > /dev/null || fail "clean html"
if grep -q '草稿' "$tmp/clean.html"; then fail "a clean web page says 草稿"; fi

# The same printed document in English and in Chinese.
LANG=C.UTF-8 LANGUAGE=C "$nianbao" export --format pdf "$sample" -o "$tmp/c.pdf" > /dev/null
LANG=C.UTF-8 LANGUAGE=zh_CN "$nianbao" export --format pdf "$sample" -o "$tmp/zh.pdf" > /dev/null
pdftotext -enc UTF-8 "$tmp/c.pdf" "$tmp/c.txt"
pdftotext -enc UTF-8 "$tmp/zh.pdf" "$tmp/zh.txt"
cmp -s "$tmp/c.txt" "$tmp/zh.txt" || fail "the PDF's text depends on the language: $(diff "$tmp/c.txt" "$tmp/zh.txt" | head -5)"
grep -q '指纹' "$tmp/c.txt" || fail "the footer does not say 指纹 under LANGUAGE=C"
pdffonts "$tmp/c.pdf" | awk 'NR > 2 { print $1 }' | sed 's/^[A-Z]*+//' | sort > "$tmp/c.fonts"
pdffonts "$tmp/zh.pdf" | awk 'NR > 2 { print $1 }' | sed 's/^[A-Z]*+//' | sort > "$tmp/zh.fonts"
cmp -s "$tmp/c.fonts" "$tmp/zh.fonts" || fail "the PDF's fonts depend on the language"

# …and under LANG=zh_CN.UTF-8 itself, a locale built here from Debian's
# locales package (LOCPATH: nothing of the system is changed).
localedef -i zh_CN -f UTF-8 "$tmp/zh_CN.UTF-8" 2> /dev/null || fail "localedef cannot build zh_CN.UTF-8 (package locales)"
env -u LC_ALL -u LC_MESSAGES -u LC_CTYPE LOCPATH=$tmp LANG=zh_CN.UTF-8 LANGUAGE= "$nianbao" export --format pdf "$sample" -o "$tmp/lang.pdf" > /dev/null
pdftotext -enc UTF-8 "$tmp/lang.pdf" "$tmp/lang.txt"
cmp -s "$tmp/c.txt" "$tmp/lang.txt" || fail "the PDF's text differs under LANG=zh_CN.UTF-8: $(diff "$tmp/c.txt" "$tmp/lang.txt" | head -5)"
pdffonts "$tmp/lang.pdf" | awk 'NR > 2 { print $1 }' | sed 's/^[A-Z]*+//' | sort > "$tmp/lang.fonts"
cmp -s "$tmp/c.fonts" "$tmp/lang.fonts" || fail "the PDF's fonts differ under LANG=zh_CN.UTF-8"
env -u LC_ALL -u LC_MESSAGES -u LC_CTYPE LOCPATH=$tmp LANG=zh_CN.UTF-8 LANGUAGE= "$nianbao" check "$sample" | grep -q '个错误' ||
  fail "LANG=zh_CN.UTF-8 did not take: the check is not in Chinese"

# 定稿: refused with errors; a clean report is finalized in its file, its
# PDF and HTML say 定稿 with the fingerprint, and a change made outside
# the app fails the check.
cp "$errors" "$tmp/errors.nianbao"
status=0
"$nianbao" finalize "$tmp/errors.nianbao" > /dev/null 2>&1 || status=$?
[ "$status" -eq 1 ] || fail "finalize of a report with errors: exit $status, not 1"
cmp -s "$errors" "$tmp/errors.nianbao" || fail "a refused finalize changed the file"
cp "$sample" "$tmp/final.nianbao"
"$nianbao" finalize "$tmp/final.nianbao" > "$tmp/log" || fail "finalize"
fingerprint=$(sed -n 's/.*fingerprint \([0-9a-f]\{8\}\).*/\1/p' "$tmp/log")
[ -n "$fingerprint" ] || fail "finalize names no fingerprint: $(cat "$tmp/log")"
grep -q '"finalized": true' "$tmp/final.nianbao" || fail "the file does not record 定稿"
"$nianbao" check "$tmp/final.nianbao" > /dev/null || fail "a finalized report fails the check"
"$nianbao" export --format pdf "$tmp/final.nianbao" -o "$tmp/final.pdf" > /dev/null
pdftotext -enc UTF-8 "$tmp/final.pdf" - | tr -d ' \n' > "$tmp/text"
[ "$(grep -o "定稿·示例" "$tmp/text" | wc -l)" -eq "$(pdfinfo "$tmp/final.pdf" | sed -n 's/^Pages: *//p')" ] ||
  fail "not every page of the finalized PDF says 定稿"
grep -q "指纹$fingerprint" "$tmp/text" || fail "the finalized PDF lacks fingerprint $fingerprint"
"$nianbao" export --format html "$tmp/final.nianbao" -o "$tmp/final.html" > /dev/null
grep -q "<p class=\"final\">定稿 .* · 指纹 $fingerprint</p>" "$tmp/final.html" || fail "the finalized HTML does not say 定稿"
grep -q '"content": {' "$tmp/final.nianbao" || fail "the version does not keep its content"
grep -q '"schema_version": 4,' "$tmp/final.nianbao" || fail "a version with its content is not schema 4"
# the report's own text (indented once), not the content kept for its version
sed 's/^    "overview": "/    "overview": "改/' "$tmp/final.nianbao" > "$tmp/changed.nianbao"
status=0
"$nianbao" check "$tmp/changed.nianbao" > "$tmp/out" 2> "$tmp/err" || status=$?
[ "$status" -eq 1 ] || fail "a finalized file changed outside: check exit $status, not 1"
grep -q "$fingerprint" "$tmp/out" || fail "the check does not name the finalized fingerprint"
grep -q ': 1 errors, 0 warnings' "$tmp/out" || fail "the check's summary does not count the change: $(cat "$tmp/out")"
status=0
"$nianbao" check --json "$tmp/changed.nianbao" > "$tmp/json" || status=$?
[ "$status" -eq 1 ] || fail "check --json of a changed 定稿: exit $status, not 1"
grep -q '"errors": 1,' "$tmp/json" || fail "check --json does not count the change"
grep -q '"changed_outside": ".*'"$fingerprint" "$tmp/json" || fail "check --json does not say what changed"
"$nianbao" export --format pdf "$tmp/changed.nianbao" -o "$tmp/changed.pdf" > /dev/null
if pdftotext -enc UTF-8 "$tmp/changed.pdf" - | grep -q '定稿'; then fail "a changed file prints as 定稿"; fi

# Versions: 解除定稿, a change, 定稿 again; the report compares with
# either version, text by text and cell by cell.
cp "$tmp/final.nianbao" "$tmp/undone.nianbao"
"$nianbao" finalize --undo "$tmp/undone.nianbao" > "$tmp/log" || fail "finalize --undo"
grep -q 'its 1 finalized version is kept' "$tmp/log" || fail "finalize --undo says: $(cat "$tmp/log")"
grep -q '"finalized": false' "$tmp/undone.nianbao" || fail "finalize --undo left the report finalized"
grep -q '"content": {' "$tmp/undone.nianbao" || fail "finalize --undo lost the version"
"$nianbao" finalize --undo "$tmp/undone.nianbao" > "$tmp/log" || fail "finalize --undo twice"
grep -q 'not finalized' "$tmp/log" || fail "a second finalize --undo says: $(cat "$tmp/log")"
sed -e 's/^    "overview": "/    "overview": "本年度，/' "$tmp/undone.nianbao" > "$tmp/versions.nianbao"
"$nianbao" finalize "$tmp/versions.nianbao" > "$tmp/log" || fail "finalize again"
grep -q '(version 2)' "$tmp/log" || fail "finalizing again records no version 2: $(cat "$tmp/log")"
status=0
"$nianbao" compare --version 1 "$tmp/versions.nianbao" > "$tmp/out" || status=$?
[ "$status" -eq 1 ] || fail "compare --version 1 of a changed report: exit $status, not 1"
grep -q "定稿 1 of .* · fingerprint $fingerprint" "$tmp/out" || fail "compare --version 1 does not name the version"
grep -q '一、总体情况: the text differs' "$tmp/out" || fail "compare --version 1 does not list the text"
grep -q '0 cells differ, 1 texts differ' "$tmp/out" || fail "compare --version 1 lists more: $(cat "$tmp/out")"
"$nianbao" compare --version 2 "$tmp/versions.nianbao" > "$tmp/out" || fail "compare --version 2 of the report as it is"
grep -q '0 cells differ, 0 texts differ' "$tmp/out" || fail "compare --version 2 lists a difference"
status=0
"$nianbao" compare --version 3 "$tmp/versions.nianbao" > /dev/null 2> "$tmp/err" || status=$?
[ "$status" -eq 2 ] || fail "compare --version 3 of two versions: exit $status, not 2"
grep -q 'has 2 versions' "$tmp/err" || fail "compare --version 3 does not say how many there are"
# the content kept for version 1 changed in the file: check fails and names it
awk '/"content": \{/ && !done { inside = 1 } inside && /^          "overview": "/ { sub(/"overview": "/, "\"overview\": \"改"); inside = 0; done = 1 } { print }' \
  "$tmp/versions.nianbao" > "$tmp/history.nianbao"
cmp -s "$tmp/versions.nianbao" "$tmp/history.nianbao" && fail "the test did not change version 1"
status=0
"$nianbao" check "$tmp/history.nianbao" > "$tmp/out" || status=$?
[ "$status" -eq 1 ] || fail "a version's content changed outside: check exit $status, not 1"
grep -q "Version 1 of the report was finalized on .* with fingerprint $fingerprint" "$tmp/out" ||
  fail "the check does not name the changed version: $(cat "$tmp/out")"

echo "nianbao export: errors refused, draft marked on $pages pages, the same PDF in C and zh_CN"

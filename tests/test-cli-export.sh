#!/bin/sh
# `nianbao export` with no display: a PDF and a web page of the sample
# report, the same fingerprint in both, and the exit status of bad calls.
#
# Usage: test-cli-export.sh NIANBAO SAMPLE.nianbao
#
# SPDX-License-Identifier: GPL-3.0-or-later

set -eu

nianbao=$1
sample=$2
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
unset DISPLAY WAYLAND_DISPLAY || true

fail () {
  echo "FAIL: $*"
  exit 1
}

"$nianbao" export --format pdf "$sample" -o "$tmp/report.pdf" > "$tmp/log" || fail "pdf export"
grep -q 'pages, fonts: [A-Z]' "$tmp/log" || fail "no fonts line: $(cat "$tmp/log")"
pdftotext -enc UTF-8 -raw "$tmp/report.pdf" - | tr -d ' \n' > "$tmp/text"
grep -q '三、收到和处理政府信息公开申请情况' "$tmp/text" || fail "heading missing from the PDF"
grep -q '单位负责人（签字）：' "$tmp/text" || fail "signature block missing from the PDF"

"$nianbao" export --format pdf --no-signature "$sample" -o "$tmp/web.pdf" > /dev/null
pdftotext -enc UTF-8 -raw "$tmp/web.pdf" - | tr -d ' \n' > "$tmp/text"
if grep -q '单位负责人' "$tmp/text"; then fail "--no-signature kept the block"; fi

"$nianbao" export --format html "$sample" -o "$tmp/report.html" > /dev/null || fail "html export"
"$nianbao" export "$sample" -o "$tmp/guessed.html" > /dev/null || fail "format from the suffix"
cmp -s "$tmp/report.html" "$tmp/guessed.html" || fail "the two web pages differ"
fingerprint=$(sed -n 's/.*name="nianbao-fingerprint" content="\([0-9a-f]\{8\}\)".*/\1/p' "$tmp/report.html")
[ -n "$fingerprint" ] || fail "no fingerprint in the web page"
pdftotext -enc UTF-8 "$tmp/report.pdf" - | grep -q "$fingerprint" || fail "PDF lacks fingerprint $fingerprint"
if grep -q '单位负责人' "$tmp/report.html"; then fail "signature block in the web page"; fi

status=0
"$nianbao" export --format xls "$sample" -o "$tmp/report.xls" 2> /dev/null || status=$?
[ "$status" -eq 2 ] || fail "unknown format: exit $status, not 2"
status=0
"$nianbao" export --format pdf "$sample" 2> /dev/null || status=$?
[ "$status" -eq 2 ] || fail "no output: exit $status, not 2"
status=0
"$nianbao" export --format pdf "$tmp/missing.nianbao" -o "$tmp/x.pdf" 2> /dev/null || status=$?
[ "$status" -eq 1 ] || fail "missing report: exit $status, not 1"
status=0
"$nianbao" export --format pdf "$sample" -o "$tmp/no/such/dir/x.pdf" 2> /dev/null || status=$?
[ "$status" -eq 1 ] || fail "unwritable output: exit $status, not 1"

echo "nianbao export: PDF and HTML written, fingerprint $fingerprint in both"

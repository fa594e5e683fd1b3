#!/bin/sh
# `nianbao verify`: the 定稿 against its own PDF and web page (exact, exit
# 0, naming the version), against copies with one cell or one passage
# changed or a row left out (exit 1, naming each), a report not finalized
# (exit 1), unreadable inputs (exit 2); it never writes anything.
#
# Usage: test-cli-verify.sh NIANBAO SAMPLE.nianbao
#
# SPDX-License-Identifier: GPL-3.0-or-later

set -eu

nianbao=$1
sample=$2
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
unset DISPLAY WAYLAND_DISPLAY || true
export LANG=C.UTF-8 LANGUAGE=C

fail () {
  echo "FAIL: $*"
  exit 1
}

# verify EXPECTED-STATUS FILE PUBLISHED: its output in $tmp/out
verify () {
  status=0
  "$nianbao" verify "$2" ${3+"$3"} > "$tmp/out" 2>&1 || status=$?
  [ "$status" -eq "$1" ] || fail "verify $2 ${3-}: exit $status, not $1: $(cat "$tmp/out")"
}

says () {
  grep -qF -- "$1" "$tmp/out" || fail "verify does not say “$1”: $(cat "$tmp/out")"
}

cp "$sample" "$tmp/final.nianbao"
"$nianbao" finalize "$tmp/final.nianbao" > "$tmp/log" || fail "finalize"
fingerprint=$(sed -n 's/.*fingerprint \([0-9a-f]\{8\}\).*/\1/p' "$tmp/log")
"$nianbao" export --format pdf "$tmp/final.nianbao" -o "$tmp/final.pdf" > /dev/null
"$nianbao" export --format html "$tmp/final.nianbao" -o "$tmp/final.html" > /dev/null
cp "$tmp/final.nianbao" "$tmp/kept.nianbao"
# what verify reads stays as it is, and nothing is added beside it
ls "$tmp" > "$tmp/before"
touch "$tmp/stamp"

# the app's own PDF and page hold exactly the 定稿
for published in final.pdf final.html; do
  verify 0 "$tmp/final.nianbao" "$tmp/$published"
  says "定稿 of $(date +%Y-%m-%d), fingerprint $fingerprint"
  [ "$(wc -l < "$tmp/out")" -eq 1 ] || fail "a passing verify prints more than one line: $(cat "$tmp/out")"
done
ls "$tmp" | grep -v -x -e out -e stamp | diff "$tmp/before" - > /dev/null || fail "verify wrote a file"
[ -z "$(find "$tmp" -type f -newer "$tmp/stamp" ! -name out)" ] || fail "verify changed a file"
cmp -s "$tmp/final.nianbao" "$tmp/kept.nianbao" || fail "verify changed the report"

# one number changed in the page: that cell, with both values
sed '/一、本年新收政府信息公开申请数量/s|<td class="n">40</td>|<td class="n">41</td>|' \
  "$tmp/final.html" > "$tmp/cell.html"
cmp -s "$tmp/final.html" "$tmp/cell.html" && fail "the sed changed no cell of the page"
verify 1 "$tmp/final.nianbao" "$tmp/cell.html"
says "s3_requests.new.natural  一、本年新收政府信息公开申请数量 · 自然人: 40 in the report, 41 published"
says "1 cells differ, 0 texts differ, 0 parts not read"

# one passage changed in the page: the section and both passages
sed 's/组织政务公开业务培训2次/组织政务公开业务培训3次/' "$tmp/final.html" > "$tmp/text.html"
verify 1 "$tmp/final.nianbao" "$tmp/text.html"
says "一、总体情况: the text differs"
says "report:    …政务公开业务培训2次。"
says "published: …政务公开业务培训3次。"

# a row left out of the page: its cells are not read, not matching
sed '/一、本年新收政府信息公开申请数量/d' "$tmp/final.html" > "$tmp/row.html"
verify 1 "$tmp/final.nianbao" "$tmp/row.html"
says "s3_requests.new.total  一、本年新收政府信息公开申请数量 · 总计: 46 in the report, not read in the published copy"
says "7 parts not read"

# the PDF of a copy with one cell changed, and of one with a passage changed
sed 's/"decisions": 1520/"decisions": 1521/' "$tmp/final.nianbao" > "$tmp/cell.nianbao"
"$nianbao" export --format pdf "$tmp/cell.nianbao" -o "$tmp/cell.pdf" > /dev/null
verify 1 "$tmp/final.nianbao" "$tmp/cell.pdf"
says "s2_licensing.licensing.decisions  第二十条第（五）项 行政许可 · 本年处理决定数量: 1520 in the report, 1521 published"
says "1 cells differ, 0 texts differ, 0 parts not read"
sed 's/本年度未收取政府信息公开信息处理费/本年度收取政府信息公开信息处理费/' "$tmp/final.nianbao" > "$tmp/text.nianbao"
"$nianbao" export --format pdf "$tmp/text.nianbao" -o "$tmp/text.pdf" > /dev/null
verify 1 "$tmp/final.nianbao" "$tmp/text.pdf"
says "六、其他需要报告的事项: the text differs"
says "0 cells differ, 1 texts differ, 0 parts not read"

# a report that is not finalized is compared, but not confirmed
verify 1 "$sample" "$tmp/final.html"
says "is not finalized (定稿)"
says "holds exactly the numbers and texts of"

# inputs that cannot be read, or are no report
verify 2 "$tmp/final.nianbao" "$tmp/missing.pdf"
verify 2 "$tmp/missing.nianbao" "$tmp/final.pdf"
verify 2 "$tmp/final.nianbao" "$tmp/final.nianbao"
verify 2 "$tmp/final.nianbao"

echo "nianbao verify: the 定稿 $fingerprint matches its PDF and page; changed cells, passages and rows named"

#!/bin/sh
# `nianbao next`, `link`, `check` through the link, `compare` and
# `aggregate`, headless, with their exit statuses.
#
# Usage: test-cli-cross.sh NIANBAO SAMPLE.nianbao PUER-2020.txt
#
# SPDX-License-Identifier: GPL-3.0-or-later

set -eu

nianbao=$1
sample=$2
puer=$3
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
unset DISPLAY WAYLAND_DISPLAY || true
export LC_ALL=C.UTF-8

fail () {
  echo "FAIL: $*"
  exit 1
}

mkdir "$tmp/2024" "$tmp/2025" "$tmp/moved" "$tmp/units"
cp "$sample" "$tmp/2024/report.nianbao"

# next year's report: linked, carry-over filled, the hint printed
"$nianbao" next "$tmp/2024/report.nianbao" -o "$tmp/2025/report.nianbao" > "$tmp/log" || fail "next"
grep -q 'last year' "$tmp/log" || fail "no hint: $(cat "$tmp/log")"
grep -q '"path": "../2024/report.nianbao"' "$tmp/2025/report.nianbao" || fail "link path"
grep -q '"year": 2025' "$tmp/2025/report.nianbao" || fail "year"
status=0
"$nianbao" next "$tmp/2024/report.nianbao" -o "$tmp/2025/report.nianbao" > /dev/null 2>&1 || status=$?
[ "$status" = 2 ] || fail "next over an existing file: status $status"

# move this year's file, remove last year's: X1 still found through the link
mv "$tmp/2025/report.nianbao" "$tmp/moved/report.nianbao"
rm "$tmp/2024/report.nianbao"
"$nianbao" check "$tmp/moved/report.nianbao" > "$tmp/log" || true
if grep -q ' X[1-6] ' "$tmp/log"; then fail "cross-year finding on a fresh next year: $(cat "$tmp/log")"; fi
python3 - "$tmp/moved/report.nianbao" <<'PY' || fail "edit"
import json, sys
p = sys.argv[1]
d = json.load(open(p))
d["previous"]["figures"]["s3_requests"]["carried_forward"]["natural"] = 5
d["previous"]["figures"]["s3_requests"]["carried_forward"]["total"] = 5
json.dump(d, open(p, "w"), ensure_ascii=False, indent=2)
PY
"$nianbao" check "$tmp/moved/report.nianbao" > "$tmp/log" && fail "X1 is an error"
grep -q 'error   X1  第三部分 自然人列：二、上年结转政府信息公开申请数量 3 ≠ 上年报告 四、结转下年度继续办理 5' "$tmp/log" \
  || fail "X1 through the link: $(cat "$tmp/log")"

# link a published report (imported) and compare two years
cp "$sample" "$tmp/this.nianbao"
"$nianbao" link "$tmp/this.nianbao" "$puer" > "$tmp/log" || fail "link a published report"
grep -q '"edition": "2019"' "$tmp/this.nianbao" || fail "linked edition"
"$nianbao" compare "$puer" "$sample" > "$tmp/log" || fail "compare"
grep -q 'only in the 2019 edition' "$tmp/log" || fail "2019-only cells not said"
"$nianbao" compare --json "$sample" "$sample" > "$tmp/log" || fail "compare --json"
grep -q '"big_jump": true' "$tmp/log" && fail "a jump between a report and itself"
grep -q '"problems": 100' "$tmp/log" || fail "texts repeated: $(tail -8 "$tmp/log")"

# 汇总 of three units in a folder: exact sums, the board, refusals
for organ in 甲局 乙局 丙局; do
  sed "s/示例县人民政府办公室/$organ/" "$sample" > "$tmp/units/$organ.nianbao"
done
"$nianbao" aggregate --organ 示例县 -o "$tmp/units/summary.nianbao" "$tmp/units" > "$tmp/log" || fail "aggregate"
grep -q 'the sum of 3 units' "$tmp/log" || fail "board: $(cat "$tmp/log")"
grep -q '"amount": "106.8"' "$tmp/units/summary.nianbao" || fail "35.6 × 3 ≠ 106.8"
grep -q '"total": 138' "$tmp/units/summary.nianbao" || fail "46 × 3 new requests"
"$nianbao" aggregate --force -o "$tmp/units/summary.nianbao" "$tmp/units" > "$tmp/log" || fail "again, the summary left out"
grep -q 'the sum of 3 units' "$tmp/log" || fail "the old summary was counted"
# compare --sum: the summary holds the sum, exactly; one changed cell is named
"$nianbao" compare --sum "$tmp/units/甲局.nianbao" "$tmp/units/乙局.nianbao" "$tmp/units/丙局.nianbao" \
  "$tmp/units/summary.nianbao" > "$tmp/log" || fail "compare --sum of the summary itself: $(tail -3 "$tmp/log")"
grep -q '^0 cells differ from the sum' "$tmp/log" || fail "compare --sum: $(tail -3 "$tmp/log")"
sed 's/"total": 138/"total": 139/' "$tmp/units/summary.nianbao" > "$tmp/parent.nianbao"
status=0
"$nianbao" compare --sum "$tmp/units/甲局.nianbao" "$tmp/units/乙局.nianbao" "$tmp/units/丙局.nianbao" \
  "$tmp/parent.nianbao" > "$tmp/log" || status=$?
[ "$status" = 1 ] || fail "compare --sum with a difference: status $status"
grep -q 's3_requests.new.total .*: the units add up to 138, the report says 139' "$tmp/log" ||
  fail "the differing cell is not named: $(cat "$tmp/log")"
grep -q ' 2024 against the sum of its 3 units' "$tmp/log" || fail "the units were not counted: $(head -1 "$tmp/log")"
"$nianbao" import "$puer" -o "$tmp/puer.nianbao" > /dev/null 2>&1 || true
status=0
"$nianbao" aggregate -o "$tmp/mixed.nianbao" "$tmp/units/甲局.nianbao" "$tmp/puer.nianbao" > "$tmp/log" 2>&1 || status=$?
[ "$status" = 1 ] || fail "mixed editions: status $status"
grep -q '2019 edition, year 2020' "$tmp/log" || fail "mixing not explained: $(cat "$tmp/log")"
[ ! -e "$tmp/mixed.nianbao" ] || fail "a refused summary was written"
"$nianbao" aggregate --allow-mixed -o "$tmp/mixed.nianbao" "$tmp/units/甲局.nianbao" "$tmp/puer.nianbao" > /dev/null \
  || fail "--allow-mixed"
status=0
"$nianbao" aggregate -o "$tmp/x.nianbao" "$tmp/nonexistent.nianbao" > /dev/null 2>&1 || status=$?
[ "$status" = 2 ] || fail "unreadable unit: status $status"

echo "ok"

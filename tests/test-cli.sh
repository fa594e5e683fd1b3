#!/bin/sh
# The headless command line on the real published reports: import, check
# (text and --json, exit status), export --format json, round trip
# through the HTML export.
#
# Usage: test-cli.sh NIANBAO SHARED_FIXTURES_DIR
#
# SPDX-License-Identifier: GPL-3.0-or-later

set -eu

nianbao=$1
fixtures=$2
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
unset DISPLAY WAYLAND_DISPLAY || true

fail () {
  echo "FAIL: $*"
  exit 1
}

status_of () {
  set +e
  "$@" > "$tmp/out" 2> "$tmp/err"
  echo $?
  set -e
}

# 普洱 2020, flattened web page: imports whole, checks clean
"$nianbao" import "$fixtures/puer-2020-published.txt" -o "$tmp/puer.nianbao" 2> "$tmp/err" ||
  fail "import of the 普洱 fixture: $(cat "$tmp/err")"
[ "$(status_of "$nianbao" check "$tmp/puer.nianbao")" = 0 ] || fail "check: $(cat "$tmp/out")"
grep -q '0 errors, 0 warnings' "$tmp/out" || fail "findings on 普洱: $(cat "$tmp/out")"

# every number of the fixture is in the export
"$nianbao" export --format json "$tmp/puer.nianbao" -o "$tmp/puer.json" > /dev/null
python3 - "$tmp/puer.json" <<'PY' || fail "the JSON export lacks a number of the fixture"
import json, sys
data = json.load(open(sys.argv[1]))
t = data["tables"]
assert data["organ"] == "普洱市人民政府办公室" and data["year"] == 2020 and data["edition"] == "2019"
assert t["s2_regulations"]["rules"] == {"made": 0, "published": 0, "total_published": 1}
assert t["s2_regulations"]["normative"] == {"made": 7, "published": 7, "total_published": 39}
assert data["notes"]["s2_regulations.normative.total_published"] == "市政府、市政府办印发"
for table, row in [("s2_licensing", "licensing"), ("s2_licensing", "other_services"),
                   ("s2_enforcement", "penalty"), ("s2_enforcement", "coercion")]:
    assert t[table][row] == {"prev_items": 0, "change": 0, "decisions": 0}
assert t["s2_fees"]["fees"] == {"prev_items": 0, "change": 0}
assert t["s2_procurement"]["procurement"] == {"projects": 0, "amount": 0}
s3 = t["s3_requests"]
nonzero = {("new", "natural"): 22, ("new", "total"): 22, ("granted", "natural"): 16,
           ("granted", "total"): 16, ("partly_granted", "natural"): 6,
           ("partly_granted", "total"): 6, ("result_total", "natural"): 22,
           ("result_total", "total"): 22}
assert len(s3) == 23
for row, cells in s3.items():
    assert len(cells) == 7, row
    for column, value in cells.items():
        assert value == nonzero.get((row, column), 0), (row, column, value)
assert list(t["s4_appeals"]["cases"].values()) == [0] * 15
assert data["findings"] == []
PY

# 淮安 2024, text of the PDF: imports whole, checks clean
"$nianbao" import "$fixtures/huaian-2024-pdf-layout.txt" -o "$tmp/huaian.nianbao" 2> "$tmp/err" ||
  fail "import of the 淮安 fixture: $(cat "$tmp/err")"
# alone, an import says how many cells it placed, after its messages
grep -q 'huaian-2024-pdf-layout.txt: 200 cells placed, 0 blank as published, 0 numbers not placed' "$tmp/err" ||
  fail "import summary: $(cat "$tmp/err")"
[ "$(status_of "$nianbao" check "$tmp/huaian.nianbao")" = 0 ] || fail "check: $(cat "$tmp/out")"


# the web page a report exports imports back to the same numbers
"$nianbao" export --format html "$tmp/huaian.nianbao" -o "$tmp/huaian.html" > /dev/null
"$nianbao" import "$tmp/huaian.html" -o "$tmp/again.nianbao" 2> "$tmp/err" ||
  fail "import of the exported page: $(cat "$tmp/err")"
"$nianbao" export --format json "$tmp/huaian.nianbao" -o "$tmp/a.json" > /dev/null
"$nianbao" export --format json "$tmp/again.nianbao" -o "$tmp/b.json" > /dev/null
python3 - "$tmp/a.json" "$tmp/b.json" <<'PY' || fail "HTML round trip changed a number"
import json, sys
a, b = (json.load(open(p)) for p in sys.argv[1:])
assert a["tables"] == b["tables"] and a["notes"] == b["notes"] and a["units"] == b["units"]
assert a["tables"]["s2_fees"]["fees"]["amount"] == 96171.6
PY

# the printed copy of an imported report carries every label and number:
# pdftotext gets them all back, on the pages the renderer reported
"$nianbao" export --format pdf "$tmp/huaian.nianbao" -o "$tmp/huaian.pdf" > "$tmp/out"
pages=$(sed -n 's/.*: \([0-9]*\) pages, fonts: .*/\1/p' "$tmp/out")
[ "$(pdfinfo "$tmp/huaian.pdf" | sed -n 's/^Pages: *//p')" = "$pages" ] || fail "page count"
pdftotext -enc UTF-8 -raw "$tmp/huaian.pdf" - | tr -d ' \n' > "$tmp/huaian.txt"
python3 - "$tmp/a.json" "$tmp/huaian.txt" <<'PY' || fail "the PDF lacks a label or a number"
import json, sys
data = json.load(open(sys.argv[1]))
text = open(sys.argv[2]).read()
for label in ["一、总体情况", "二、主动公开政府信息情况", "三、收到和处理政府信息公开申请情况",
              "四、政府信息公开行政复议、行政诉讼情况", "五、存在的主要问题及改进情况",
              "六、其他需要报告的事项", "第二十条第（一）项", "本年收费金额（单位：万元）",
              "（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）",
              "2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请",
              "未经复议直接起诉", "复议后起诉", "结转下年度继续办理"]:
    assert label in text, label
for table in data["tables"].values():
    for row in table.values():
        for value in row.values():
            number = str(value)
            assert number in text, number
for number in ["447228", "3985758", "88283", "96171.6", "3119", "3050", "2932", "103"]:
    assert number in text, number
PY

# a broken 勾稽关系: exit 1, and --json names the rule and the cells
sed 's/"natural": 3001,/"natural": 3002,/' "$tmp/huaian.nianbao" > "$tmp/broken.nianbao"
[ "$(status_of "$nianbao" check --json "$tmp/broken.nianbao")" = 1 ] || fail "broken report passed"
python3 - "$tmp/out" <<'PY' || fail "check --json: $(cat "$tmp/out")"
import json, sys
files = json.load(open(sys.argv[1]))["files"]
findings = files[0]["findings"]
r1 = [f for f in findings if f["rule"] == "R1"]
assert files[0]["errors"] >= 1 and r1
assert r1[0]["severity"] == "error"
assert "第一项 3002 + 第二项 34" in r1[0]["message"], r1[0]["message"]
assert "s3_requests.new.natural" in r1[0]["cells"]
PY

# an unreadable file: exit 2 and a clear message
printf '\211PNG\r\n' > "$tmp/picture.nianbao"
[ "$(status_of "$nianbao" check "$tmp/puer.nianbao" "$tmp/picture.nianbao")" = 2 ] ||
  fail "unreadable file did not give 2"
grep -q 'not UTF-8' "$tmp/err" || fail "message: $(cat "$tmp/err")"

# last year's report: the 2024 carry-over (34) is not 普洱's 0
[ "$(status_of "$nianbao" check --previous "$tmp/puer.nianbao" "$tmp/huaian.nianbao")" = 1 ] ||
  fail "--previous found nothing"
grep -q 'X1' "$tmp/out" || fail "no X1: $(cat "$tmp/out")"

# a device or a pipe named like a page: refused at once, not read for ever
ln -s /dev/zero "$tmp/zero.html"
mkfifo "$tmp/pipe.txt"
for input in "$tmp/zero.html" "$tmp/pipe.txt"; do
  [ "$(status_of timeout 10 "$nianbao" import "$input" -o "$tmp/x.nianbao")" = 2 ] ||
    fail "import of $input did not give 2"
  grep -q 'not a regular file' "$tmp/err" || fail "message: $(cat "$tmp/err")"
  [ "$(status_of timeout 10 "$nianbao" check "$input")" = 2 ] || fail "check of $input did not give 2"
  grep -q 'not a regular file' "$tmp/err" || fail "message: $(cat "$tmp/err")"
done

# a batch: one summary line per file, every report in the folder; the
# worst status of them (0 all placed, 1 some not placed, 2 a failure)
[ "$(status_of "$nianbao" import "$fixtures/huaian-2024.pdf" "$fixtures/puer-2020-published.txt" \
     -o "$tmp/batch/")" = 0 ] || fail "batch: $(cat "$tmp/out" "$tmp/err")"
[ "$(wc -l < "$tmp/out")" = 2 ] || fail "batch summary: $(cat "$tmp/out")"
grep -q 'huaian-2024.nianbao: 200 cells placed, 0 blank as published, 0 numbers not placed' "$tmp/out" ||
  fail "batch summary: $(cat "$tmp/out")"
[ -f "$tmp/batch/puer-2020-published.nianbao" ] || fail "batch: no 普洱 report"
printf '二、主动公开政府信息情况\n第二十条第（一）项\n规章 1 2\n' > "$tmp/short.txt"
[ "$(status_of "$nianbao" import "$fixtures/huaian-2024.pdf" "$tmp/short.txt" -o "$tmp/batch2")" = 1 ] ||
  fail "batch with numbers not placed: $(cat "$tmp/out" "$tmp/err")"
[ "$(status_of "$nianbao" import "$tmp/short.txt" "$tmp/pipe.txt" -o "$tmp/batch3")" = 2 ] ||
  fail "batch with a failure: $(cat "$tmp/out" "$tmp/err")"
grep -q 'not imported: .*pipe.txt.*not a regular file' "$tmp/out" || fail "batch message: $(cat "$tmp/out")"

# a batch reads Word documents as one report alone does, and says what an
# old binary one is
"$nianbao" export --format docx "$tmp/huaian.nianbao" -o "$tmp/huaian.docx" > /dev/null || fail "docx export"
[ "$(status_of "$nianbao" import "$tmp/huaian.docx" "$fixtures/pingtan-2024-page-lo.doc" -o "$tmp/batch4")" = 2 ] ||
  fail "batch of Word documents: $(cat "$tmp/out" "$tmp/err")"
grep -q 'huaian.nianbao: 200 cells placed, 0 blank as published, 0 numbers not placed' "$tmp/out" ||
  fail "batch of a .docx: $(cat "$tmp/out")"
grep -q 'pingtan-2024-page-lo.doc: not imported: This is a document in an old binary format' "$tmp/out" ||
  fail "batch of a .doc: $(cat "$tmp/out")"

echo "ok"

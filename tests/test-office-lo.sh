#!/bin/sh
# The office formats as LibreOffice (headless) reads them:
#  - `export --format docx` of both editions converted to PDF holds every
#    official label, every row's numbers, the fingerprint, on A4 pages;
#  - a Word document LibreOffice makes from a published report's web page
#    (and from a page of Word's HTML) imports with every number in its cell;
#  - `export --format xlsx` and `aggregate --format xlsx` recompute: the
#    totals' cached values are spoiled, LibreOffice recalculates on load,
#    and the CSV it writes has the right totals.
#
# Usage: test-office-lo.sh NIANBAO SAMPLE.nianbao PUBLISHED_DIR WORD_PAGE.html
#
# SPDX-License-Identifier: GPL-3.0-or-later

set -eu

nianbao=$1
sample=$2
published=$3
word_page=$4
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
unset DISPLAY WAYLAND_DISPLAY || true

fail () {
  echo "FAIL: $*"
  exit 1
}

# A private LibreOffice profile that recalculates OOXML formulas on load
mkdir -p "$tmp/profile/user"
cat > "$tmp/profile/user/registrymodifications.xcu" <<'XCU'
<?xml version="1.0" encoding="UTF-8"?>
<oor:items xmlns:oor="http://openoffice.org/2001/registry" xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="OOXMLRecalcMode" oor:op="fuse"><value>0</value></prop></item>
</oor:items>
XCU
soffice_convert () {
  soffice -env:UserInstallation="file://$tmp/profile" --headless "$@" > "$tmp/soffice.log" 2>&1 ||
    fail "soffice $*: $(cat "$tmp/soffice.log")"
}

# ---- DOCX → PDF, both editions -------------------------------------------------------
"$nianbao" import "$published/puer-2020-published.txt" -o "$tmp/puer.nianbao" 2> /dev/null ||
  fail "import of the 普洱 text"
cp "$sample" "$tmp/sample.nianbao"

for name in sample puer; do
  "$nianbao" export --format docx "$tmp/$name.nianbao" -o "$tmp/$name.docx" > /dev/null ||
    fail "docx export of $name"
  "$nianbao" export --format html "$tmp/$name.nianbao" -o "$tmp/$name.html" > /dev/null
  (cd "$tmp" && soffice_convert --convert-to pdf "$name.docx")
  [ -s "$tmp/$name.pdf" ] || fail "LibreOffice made no PDF of $name.docx"
  pdfinfo "$tmp/$name.pdf" | grep -q 'Page size: *595.* x 841.* pts (A4)' ||
    fail "$name.pdf is not A4: $(pdfinfo "$tmp/$name.pdf" | grep 'Page size')"
  pdftotext -enc UTF-8 -raw "$tmp/$name.pdf" "$tmp/$name.txt"
  fingerprint=$(sed -n 's/.*nianbao-fingerprint" content="\([0-9a-f]*\)".*/\1/p' "$tmp/$name.html")
  [ -n "$fingerprint" ] || fail "no fingerprint in $name.html"

  # Every heading, caption, header and label of the web page (the same
  # definitions) and every row's numbers, in order, are in the PDF.
  python3 - "$tmp/$name.html" "$tmp/$name.txt" "$fingerprint" <<'PY' || fail "$name.pdf lacks text"
import html.parser, re, sys

class Page(html.parser.HTMLParser):
    def __init__(self):
        super().__init__()
        self.texts, self.rows, self.cell, self.row, self.numeric = [], [], None, None, False
        self.merged = set()
    def handle_starttag(self, tag, attrs):
        if tag in ("h1", "h2", "caption", "th", "td"):
            self.cell = ""
            self.numeric = ("class", "n") in attrs
            self.down = any(name == "rowspan" for name, _ in attrs)
        if tag == "tr":
            self.row = []
    def handle_endtag(self, tag):
        if tag in ("h1", "h2", "caption", "th", "td") and self.cell is not None:
            (self.row.append(self.cell) if self.numeric else self.texts.append(self.cell))
            if self.down:
                self.merged.add(self.cell)
            self.cell = None
        if tag == "tr" and self.row:
            self.rows.append(self.row)
            self.row = None
    def handle_data(self, data):
        if self.cell is not None:
            self.cell += data

page = Page()
page.feed(open(sys.argv[1], encoding="utf-8").read())
squeeze = lambda s: re.sub(r"\s+", "", s)
pdf = squeeze(open(sys.argv[2], encoding="utf-8").read())
def in_order(label):
    """A label merged down many rows may run on over a page break, the
    rows of the first page between its parts: its characters in order."""
    at = 0
    for ch in squeeze(label):
        at = pdf.find(ch, at) + 1
        if at == 0:
            return False
    return True
missing = [t for t in page.texts
           if squeeze(t) not in pdf and not (t in page.merged and in_order(t))]
assert not missing, "labels missing: %r" % missing[:5]
# a row's numbers follow one another in the PDF's text
missing = [r for r in page.rows if "".join(squeeze(c) for c in r) not in pdf]
assert not missing, "rows missing: %r" % missing[:5]
assert sys.argv[3] in pdf, "no fingerprint in the footer"
print("%d labels and %d rows found" % (len(page.texts), len(page.rows)))
PY
done

# ---- Web pages, through LibreOffice, into a .docx, into a report ----------------------
# The real 普洱 page, and a hand-made page of Word's HTML (paragraphs in
# cells, blanks as &nbsp;): the .docx LibreOffice makes of each imports
# as the page itself does, every number in its cell.
"$nianbao" export --format json "$tmp/puer.nianbao" -o "$tmp/puer.json" > /dev/null
for page in "$published/puer-2020-page.html" "$word_page"; do
  name=$(basename "$page" .html)
  cp "$page" "$tmp/$name.html"
  (cd "$tmp" && soffice_convert --infilter="HTML (StarWriter)" --convert-to 'docx:MS Word 2007 XML' "$name.html")
  unzip -p "$tmp/$name.docx" word/document.xml | grep -q 'w:vMerge' ||
    fail "LibreOffice's DOCX of $name has no merged cells"
  "$nianbao" import "$tmp/$name.docx" -o "$tmp/$name-docx.nianbao" 2> "$tmp/err" ||
    fail "import of LibreOffice's DOCX of $name: $(cat "$tmp/err")"
  "$nianbao" import "$tmp/$name.html" -o "$tmp/$name-html.nianbao" 2> /dev/null ||
    fail "import of $name.html"
  for kind in docx html; do
    "$nianbao" export --format json "$tmp/$name-$kind.nianbao" -o "$tmp/$name-$kind.json" > /dev/null
  done
  python3 - "$tmp/$name-html.json" "$tmp/$name-docx.json" <<'PY' || fail "the DOCX of $name lost data"
import json, sys
a, b = (json.load(open(p)) for p in sys.argv[1:3])
for key in ("edition", "organ", "year", "title", "tables", "notes", "texts"):
    assert a.get(key) == b.get(key), key
PY
done
python3 - "$tmp/puer.json" "$tmp/puer-2020-page-docx.json" <<'PY' || fail "the 普洱 DOCX differs from its text"
import json, sys
a, b = (json.load(open(p)) for p in sys.argv[1:3])
for key in ("edition", "organ", "year", "title", "tables", "notes", "texts"):
    assert a.get(key) == b.get(key), key
PY

# ---- XLSX: totals recomputed -----------------------------------------------------------
spoil_and_convert () {
  python3 - "$1" "$tmp/spoiled.xlsx" <<'PY'
import re, sys, zipfile
source, spoiled = zipfile.ZipFile(sys.argv[1]), zipfile.ZipFile(sys.argv[2], "w", zipfile.ZIP_DEFLATED)
n = 0
for item in source.infolist():
    data = source.read(item.filename)
    if item.filename.startswith("xl/worksheets/"):
        data, k = re.subn(rb"</f><v>[^<]*</v>", b"</f><v>999999</v>", data)
        n += k
    spoiled.writestr(item, data)
spoiled.close()
assert n > 0, "no formulas"
PY
  rm -f "$tmp"/spoiled*.csv
  (cd "$tmp" && soffice_convert --convert-to \
     'csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false,-1' spoiled.xlsx)
  if grep -q 999999 "$tmp"/spoiled*.csv; then fail "LibreOffice kept a spoiled total"; fi
}

"$nianbao" export --format xlsx "$tmp/sample.nianbao" -o "$tmp/sample.xlsx" > /dev/null ||
  fail "xlsx export"
spoil_and_convert "$tmp/sample.xlsx"
python3 - "$tmp/sample.nianbao" "$tmp"/spoiled-三*.csv <<'PY' || fail "section 三 totals"
import csv, json, sys
tables = json.load(open(sys.argv[1]))["tables"]["s3_requests"]
rows = {r[0]: r for r in csv.reader(open(sys.argv[2], encoding="utf-8"))}
new = rows["一、本年新收政府信息公开申请数量"]
assert int(new[9]) == tables["new"]["total"], new
PY

# ---- The 汇总 of three units as a workbook ----------------------------------------------
for unit in 甲 乙 丙; do
  python3 - "$sample" "$tmp/$unit.nianbao" "$unit" <<'PY'
import json, sys
data = json.load(open(sys.argv[1]))
data["organ"] = sys.argv[3] + "县人民政府办公室"
data["title"] = data["organ"] + "2024年政府信息公开工作年度报告"
data["tables"]["s3_requests"]["new"]["natural"] += len(sys.argv[3].encode())
open(sys.argv[2], "w").write(json.dumps(data, ensure_ascii=False))
PY
done
"$nianbao" aggregate --format xlsx -o "$tmp/sum.xlsx" "$tmp/甲.nianbao" "$tmp/乙.nianbao" \
  "$tmp/丙.nianbao" > "$tmp/log" || fail "aggregate to xlsx: $(cat "$tmp/log")"
spoil_and_convert "$tmp/sum.xlsx"
python3 - "$tmp"/spoiled*.csv <<'PY' || fail "the 汇总's sums"
import csv, sys
rows = list(csv.reader(open(sys.argv[1], encoding="utf-8")))
keys, units, total = rows[0], rows[2:-1], rows[-1]
assert len(units) == 3, len(units)
column = keys.index("s3_requests.new.natural")
assert int(total[column]) == sum(int(u[column]) for u in units), total[column]
for c in range(2, len(keys)):
    values = [u[c] for u in units if u[c] != ""]
    if values and all(v.lstrip("-").replace(".", "", 1).isdigit() for v in values):
        assert abs(float(total[c]) - sum(float(v) for v in values)) < 1e-6, keys[c]
PY

echo "ok"

#!/bin/sh
# A real full disk and a real read-only disk under `nianbao import -o`:
# a 256 KiB tmpfs in a private mount namespace, filled up, then remounted
# read-only.  The report already there stays byte for byte, no temporary
# file is left, and the message says why.  Needs root and mount
# namespaces (CI has both); skipped otherwise — test-faults injects the
# same failures everywhere.  Last, a PDF export on the full disk.
#
# Usage: test-disk-full.sh NIANBAO SAMPLE.nianbao PAGE.html
#
# SPDX-License-Identifier: GPL-3.0-or-later
set -eu

if [ "${NB_IN_NAMESPACE:-}" != 1 ]; then
  if [ "$(id -u)" -ne 0 ] || ! unshare -m true 2>/dev/null; then
    echo "1..0 # SKIP needs root and a mount namespace"
    exit 77
  fi
  NB_IN_NAMESPACE=1 exec unshare -m "$0" "$@"
fi

nianbao=$1 sample=$2 page=$3
disk=$(mktemp -d)
mount -t tmpfs -o size=256k,mode=0755 nianbao-test "$disk" || {
  echo "1..0 # SKIP mount -t tmpfs refused"; exit 77; }
trap 'umount "$disk"; rmdir "$disk"' EXIT
echo "1..4"

fail () {
  echo "not ok $*"
  exit 1
}

only_the_report_left () {
  left=$(ls -A "$disk" | grep -v -x -e report.nianbao -e filler || true)
  [ -z "$left" ] || fail "$1: left behind: $left"
}

cp "$sample" "$disk/report.nianbao"

# 1. full: fill the disk, then save over the report
dd if=/dev/zero of="$disk/filler" bs=4096 2>/dev/null || true
if "$nianbao" import "$page" -o "$disk/report.nianbao" --force 2>"$disk.log"; then
  fail "1 saving on a full disk succeeded"
fi
grep -q "the disk is full. The file on disk was not changed." "$disk.log" ||
  fail "1 message: $(tail -n 1 "$disk.log")"
cmp -s "$sample" "$disk/report.nianbao" || fail "1 the report changed on a full disk"
only_the_report_left 1
echo "ok 1 full disk: $(tail -n 1 "$disk.log")"

# 2. read-only: room again, but the disk is mounted read-only
rm "$disk/filler"
mount -o remount,ro "$disk"
if "$nianbao" import "$page" -o "$disk/report.nianbao" --force 2>"$disk.log"; then
  fail "2 saving on a read-only disk succeeded"
fi
grep -q "the disk is read-only. The file on disk was not changed." "$disk.log" ||
  fail "2 message: $(tail -n 1 "$disk.log")"
cmp -s "$sample" "$disk/report.nianbao" || fail "2 the report changed on a read-only disk"
echo "ok 2 read-only disk: $(tail -n 1 "$disk.log")"

# 3. writable again: the same save works
mount -o remount,rw "$disk"
"$nianbao" import "$page" -o "$disk/report.nianbao" --force 2>/dev/null || [ $? -eq 1 ] ||
  fail "3 saving failed once the disk was fine"
cmp -s "$sample" "$disk/report.nianbao" && fail "3 nothing was saved"
only_the_report_left 3
echo "ok 3 saved once the disk had room and was writable"
# 4. a PDF export on a full disk: the PDF already there stays
"$nianbao" export --format pdf "$sample" -o "$disk/report.pdf" >/dev/null 2>&1 ||
  fail "4 the first export failed"
cp "$disk/report.pdf" "$disk.pdf"
dd if=/dev/zero of="$disk/filler" bs=4096 2>/dev/null || true
if "$nianbao" export --format pdf "$sample" -o "$disk/report.pdf" >/dev/null 2>"$disk.log"; then
  fail "4 a PDF export on a full disk succeeded"
fi
grep -q "the disk is full. The file on disk was not changed." "$disk.log" ||
  fail "4 message: $(tail -n 1 "$disk.log")"
cmp -s "$disk.pdf" "$disk/report.pdf" || fail "4 the PDF changed on a full disk"
left=$(ls -A "$disk" | grep -v -x -e report.nianbao -e report.pdf -e filler || true)
[ -z "$left" ] || fail "4 left behind: $left"
echo "ok 4 PDF export on a full disk: $(tail -n 1 "$disk.log")"
rm -f "$disk.log" "$disk.pdf"

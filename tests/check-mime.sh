#!/bin/sh
# Builds a private MIME database from our package file alone and checks that
# *.nianbao maps to application/x-nianbao-report, a subclass of application/json,
# with its English and Chinese comments.
#
# Usage: check-mime.sh UPDATE_MIME_DATABASE MIME_XML
#
# SPDX-License-Identifier: GPL-3.0-or-later

set -eu

update_mime_database=$1
mime_xml=$2
type=application/x-nianbao-report

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
mkdir -p "$tmp/mime/packages"
cp "$mime_xml" "$tmp/mime/packages/"

# update-mime-database reports XML or schema problems on stderr and keeps going:
# treat any output as a failure. (The private directory is put on the search path so it
# does not print a note about it.)
out=$(XDG_DATA_HOME="$tmp" XDG_DATA_DIRS="$tmp" "$update_mime_database" "$tmp/mime" 2>&1 || echo "exit status $?")
if [ -n "$out" ]; then
  echo "update-mime-database complained:"
  echo "$out"
  exit 1
fi

fail=0
check () {
  file=$1
  pattern=$2
  if grep -q -x -F -e "$pattern" "$tmp/mime/$file"; then
    echo "ok: $file has '$pattern'"
  else
    echo "FAIL: $file lacks '$pattern':"
    sed 's/^/  /' "$tmp/mime/$file"
    fail=1
  fi
}

check globs2 "50:$type:*.nianbao"
check subclasses "$type application/json"
check "$type.xml" "  <comment>Government information disclosure annual report</comment>"
check "$type.xml" "  <comment xml:lang=\"zh_CN\">政府信息公开工作年度报告</comment>"
check generic-icons "$type:x-office-document"
exit "$fail"

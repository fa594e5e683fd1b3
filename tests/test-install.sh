#!/bin/sh
# Installs the build into a temporary DESTDIR and checks that every file lands where a
# desktop expects it, then runs the installed binary.
#
# Usage: test-install.sh MESON BUILD_ROOT PREFIX BINDIR DATADIR LOCALEDIR APP_ID VERSION SAMPLE MANDIR
#
# SPDX-License-Identifier: GPL-3.0-or-later

set -eu

meson=$1
build_root=$2
prefix=$3
bindir=$4
datadir=$5
localedir=$6
app_id=$7
version=$8
mandir=${10}

destdir=$(mktemp -d)
trap 'rm -rf "$destdir"' EXIT

# Relative option values are relative to the prefix; absolute ones stand alone.
under_prefix () {
  case "$1" in
    /*) echo "$destdir$1" ;;
    *) echo "$destdir$prefix/$1" ;;
  esac
}

bin=$(under_prefix "$bindir")
share=$(under_prefix "$datadir")
locale=$(under_prefix "$localedir")
man=$(under_prefix "$mandir")

echo "# meson install --destdir $destdir"
"$meson" install -C "$build_root" --no-rebuild --quiet --destdir "$destdir"

fail=0
expect_file () {
  if [ -f "$1" ] && [ -s "$1" ]; then
    echo "ok: ${1#"$destdir"}"
  else
    echo "FAIL: missing or empty: ${1#"$destdir"}"
    fail=1
  fi
}

expect_file "$bin/nianbao"
expect_file "$bin/nianbao-window"
expect_file "$share/applications/$app_id.desktop"
expect_file "$share/metainfo/$app_id.metainfo.xml"
expect_file "$share/mime/packages/$app_id.xml"
expect_file "$share/icons/hicolor/scalable/apps/$app_id.svg"
expect_file "$share/icons/hicolor/symbolic/apps/$app_id-symbolic.svg"
expect_file "$share/glib-2.0/schemas/$app_id.gschema.xml"
expect_file "$locale/zh_CN/LC_MESSAGES/nianbao.mo"
expect_file "$man/man1/nianbao.1"
expect_file "$man/man1/nianbao-window.1"
expect_file "$share/nianbao/sample-2024.nianbao"
[ "$fail" -eq 0 ] || exit 1

# The binary is executable and reports the project's version.
if [ ! -x "$bin/nianbao" ]; then
  echo "FAIL: $bin/nianbao is not executable"
  exit 1
fi
got=$("$bin/nianbao" --version)
if [ "$got" != "nianbao $version" ]; then
  echo "FAIL: nianbao --version printed '$got', expected 'nianbao $version'"
  exit 1
fi
echo "ok: installed nianbao --version: $got"

# The installed desktop file carries the merged Chinese translation.
if grep -q -x -F 'Name[zh_CN]=年报' "$share/applications/$app_id.desktop"; then
  echo "ok: desktop file has Name[zh_CN]=年报"
else
  echo "FAIL: desktop file lacks Name[zh_CN]=年报"
  exit 1
fi

# The installed schema compiles where GLib looks for it.
glib-compile-schemas --strict --dry-run "$share/glib-2.0/schemas"
echo "ok: installed schema compiles"

# The .mo file is a real catalogue with the Chinese name in it.
if msgunfmt "$locale/zh_CN/LC_MESSAGES/nianbao.mo" | grep -q -x -F 'msgstr "年报"'; then
  echo "ok: nianbao.mo translates the name"
else
  echo "FAIL: nianbao.mo does not translate the name"
  exit 1
fi

# The installed app starts on the sample report: its window appears with
# the report's title.  Needs a display (the test suite runs under Xvfb).
sample=$9
if [ -z "${DISPLAY:-}" ]; then
  echo "FAIL: no display to start the installed app on (run the suite under xvfb-run)"
  exit 1
fi
schemas=$destdir/compiled-schemas
mkdir -p "$schemas" "$destdir/home"
glib-compile-schemas --targetdir="$schemas" "$share/glib-2.0/schemas"
GSETTINGS_SCHEMA_DIR=$schemas GSETTINGS_BACKEND=memory XDG_DATA_HOME=$destdir/home \
  GDK_DEBUG=gl-disable GTK_A11Y=none NO_AT_BRIDGE=1 \
  "$bin/nianbao" "$sample" > "$destdir/app.log" 2>&1 &
app=$!
title='示例县人民政府办公室2024年政府信息公开工作年度报告'
shown=no
for _ in $(seq 1 50); do
  if xwininfo -root -tree 2>/dev/null | grep -q -F "$title"; then shown=yes; break; fi
  if ! kill -0 "$app" 2>/dev/null; then break; fi
  sleep 0.2
done
kill "$app" 2>/dev/null || true
wait "$app" 2>/dev/null || true
if [ "$shown" = yes ]; then
  echo "ok: the installed app shows the sample report's window"
else
  echo "FAIL: no window titled $title; the app said:"
  cat "$destdir/app.log"
  exit 1
fi
